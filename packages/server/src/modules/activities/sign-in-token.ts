// The rotating QR sign-in token: base64url("<activityId>.<timeStep>") + "." + base64url(HMAC-SHA256
// with the activity's own secret). A step lasts 30 s; the current and the previous step are accepted,
// so a code scanned just before it rotates still works, while a photo relayed a minute later does not.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const SIGN_IN_STEP_SECONDS = 30;

export function timeStepOf(now: Date): number {
  return Math.floor(now.getTime() / (SIGN_IN_STEP_SECONDS * 1000));
}

/** When the step containing `now` ends (the token shown then rotates). */
export function stepEndsAt(now: Date): Date {
  return new Date((timeStepOf(now) + 1) * SIGN_IN_STEP_SECONDS * 1000);
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(payload).digest();
}

export function makeSignInToken(activityId: string, secret: string, step: number): string {
  const payload = `${activityId}.${step}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The activity a token claims to be for, before its signature is checked; null when malformed. */
export function parseSignInToken(token: string): { activityId: string; step: number; payload: string; signature: Buffer } | null {
  const [head, sig, ...rest] = token.split('.');
  if (!head || !sig || rest.length) return null;
  const payload = Buffer.from(head, 'base64url').toString('utf8');
  const m = /^([0-9a-f-]{36})\.(\d{1,12})$/.exec(payload);
  if (!m) return null;
  return { activityId: m[1]!, step: Number(m[2]), payload, signature: Buffer.from(sig, 'base64url') };
}

export type TokenCheck = 'valid' | 'expired' | 'invalid';

/** 'valid' for the current or previous step; 'expired' for a genuine older (or future) token; 'invalid' otherwise. */
export function checkSignInToken(parsed: NonNullable<ReturnType<typeof parseSignInToken>>, secret: string, now: Date): TokenCheck {
  const expected = mac(secret, parsed.payload);
  if (expected.length !== parsed.signature.length || !timingSafeEqual(expected, parsed.signature)) return 'invalid';
  const current = timeStepOf(now);
  return parsed.step === current || parsed.step === current - 1 ? 'valid' : 'expired';
}

export function newSignInSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The short fallback code read aloud or typed: six digits. */
export function newSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
