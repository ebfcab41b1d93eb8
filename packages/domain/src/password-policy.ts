// Password complexity, login-failure lockout and idle sessions. A Party-building platform holds
// personal data of court staff; 等保2.0 (GB/T 22239-2019 8.1.4.1) asks for complex credentials, a
// limit on failed logins and automatic logout of idle connections. The numbers are in RuleConfig.
import { defaultRuleConfig, type LockoutConfig, type PasswordPolicyConfig } from './rule-config';

export type LockState = {
  /** Consecutive failures since the last success or the last lock expiry. */
  failedAttempts: number;
  /** While now < lockedUntil the account refuses every login, correct or not. */
  lockedUntil: Date | null;
};

export type LoginEvent = 'failure' | 'success';

const charClasses: readonly { label: string; test: (ch: string) => boolean }[] = [
  { label: '小写字母', test: (ch) => /[a-z]/.test(ch) },
  { label: '大写字母', test: (ch) => /[A-Z]/.test(ch) },
  { label: '数字', test: (ch) => /[0-9]/.test(ch) },
  // Anything else is a symbol, including full-width punctuation and Chinese characters.
  { label: '符号', test: (ch) => !/[a-zA-Z0-9]/.test(ch) },
];

// A username this short would match inside almost any password; equality is still refused.
const minUsernameLengthForContainsCheck = 3;

/** Problems with a new password, in Chinese; empty when it is acceptable. */
export function checkPasswordPolicy(
  password: string,
  context: { username?: string | null },
  policy: PasswordPolicyConfig = defaultRuleConfig.password,
): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < policy.minLength) problems.push(`密码长度至少${policy.minLength}位`);
  const classCount = charClasses.filter((cls) => chars.some(cls.test)).length;
  if (classCount < policy.minCharClasses) {
    problems.push(`密码须包含${charClasses.map((cls) => cls.label).join('、')}中的至少${policy.minCharClasses}类`);
  }
  const username = (context.username ?? '').trim().toLowerCase();
  const lowered = password.toLowerCase();
  if (username !== '') {
    if (lowered === username) problems.push('密码不能与用户名相同');
    else if (username.length >= minUsernameLengthForContainsCheck && lowered.includes(username)) {
      problems.push('密码不能包含用户名');
    }
  }
  return problems;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < state.lockedUntil.getTime();
}

/**
 * The lock state after a login attempt. The failure that reaches `maxFailures` locks the account
 * until exactly now + lockMinutes; at that instant it is open again and counting restarts. Attempts
 * during a lock change nothing (the server refuses them before checking the password), so a lock
 * cannot be prolonged by someone hammering the account.
 */
export function nextLockState(
  state: LockState,
  event: LoginEvent,
  now: Date,
  config: LockoutConfig = defaultRuleConfig.lockout,
): LockState {
  if (isLocked(state, now)) return state;
  if (event === 'success') return { failedAttempts: 0, lockedUntil: null };
  // An expired lock starts a fresh count.
  const previous = state.lockedUntil === null ? state.failedAttempts : 0;
  const failedAttempts = previous + 1;
  if (failedAttempts >= config.maxFailures) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + config.lockMinutes * 60_000) };
  }
  return { failedAttempts, lockedUntil: null };
}

/** The Chinese message for a locked account, with the minutes left (rounded up); null when open. */
export function describeLock(state: LockState, now: Date): string | null {
  if (!isLocked(state, now) || state.lockedUntil === null) return null;
  const minutes = Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000);
  return `登录失败次数过多，账户已锁定，请${minutes}分钟后再试`;
}

/** True once the session has been idle for the configured minutes (at the boundary it has expired). */
export function isSessionIdleExpired(
  lastActiveAt: Date,
  now: Date,
  config: { sessionIdleMinutes: number } = defaultRuleConfig,
): boolean {
  return now.getTime() - lastActiveAt.getTime() >= config.sessionIdleMinutes * 60_000;
}
