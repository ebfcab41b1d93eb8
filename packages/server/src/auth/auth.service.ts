import { eq } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import { checkPasswordPolicy, isLocked, nextLockState } from '@zhibu/domain';
import { schema } from '@zhibu/db';
import type { Deps } from '../deps';
import { AppError, invalidField } from '../errors';
import { appendAudit } from '../lib/audit';
import { auditActorOf } from '../policy/actor';
import { getSecuritySettings } from '../lib/settings';
import type { Actor } from '../policy/actor';
import { createSession, deleteUserSessions, loadActor } from './sessions';

export function hashPassword(password: string): Promise<string> {
  // argon2id is @node-rs/argon2's default algorithm.
  return hash(password);
}

// A hash to verify against when the username does not exist, so timing does not tell.
let dummyHash: Promise<string> | null = null;

export async function login(
  deps: Deps,
  input: { username: string; password: string },
  ip: string | null,
): Promise<{ token: string; actor: Actor }> {
  const settings = await getSecuritySettings(deps.db);
  const now = deps.now();
  const rows = await deps.db.select().from(schema.users).where(eq(schema.users.username, input.username));
  const user = rows[0];
  if (!user) {
    dummyHash ??= hashPassword('zhibu-dummy-password');
    await verify(await dummyHash, input.password).catch(() => false);
    await deps.db.transaction((tx) =>
      appendAudit(tx, { userId: null, name: input.username, ip }, { action: 'auth.loginFailed', entity: 'user', after: { username: input.username, reason: 'unknownUser' } }),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  const lockState = { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil };
  const lockConfig = { maxFailures: settings.maxFailures, lockMinutes: settings.lockMinutes };
  if (isLocked(lockState, now)) {
    throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定至 ${formatTime(user.lockedUntil!)}`);
  }
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  const next = nextLockState(lockState, ok ? 'success' : 'failure', now, lockConfig);
  return deps.db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil, ...(ok ? { lastLoginAt: now } : {}) })
      .where(eq(schema.users.id, user.id));
    const who = { userId: user.id, name: `${user.displayName}（${user.username}）`, ip };
    if (!ok) {
      await appendAudit(tx, who, { action: next.lockedUntil ? 'auth.locked' : 'auth.loginFailed', entity: 'user', entityId: user.id, after: { failedAttempts: next.failedAttempts } });
      return { failed: true as const, locked: !!next.lockedUntil && isLocked(next, now) };
    }
    const token = await createSession(tx, user.id, ip, now);
    await appendAudit(tx, who, { action: 'auth.login', entity: 'user', entityId: user.id });
    return { failed: false as const, token, actor: { ...(await loadActor(tx, user)), ip } };
  }).then((r) => {
    if (r.failed) {
      if (r.locked) throw new AppError('ACCOUNT_LOCKED', `密码连续错误 ${settings.maxFailures} 次，账号已锁定 ${settings.lockMinutes} 分钟`);
      throw new AppError('INVALID_CREDENTIALS');
    }
    return { token: r.token, actor: r.actor };
  });
}

function formatTime(d: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(d);
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: { oldPassword: string; newPassword: string },
  currentToken: string,
): Promise<void> {
  const rows = await deps.db.select().from(schema.users).where(eq(schema.users.id, actor.userId));
  const user = rows[0];
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verify(user.passwordHash, input.oldPassword).catch(() => false))) {
    throw invalidField('oldPassword', '原密码不正确');
  }
  const problems = checkPasswordPolicy(input.newPassword, { username: user.username });
  if (problems.length) throw invalidField('newPassword', problems.join('；'));
  if (input.oldPassword === input.newPassword) throw invalidField('newPassword', '新密码不能与原密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: deps.now(), version: user.version + 1, updatedAt: deps.now() })
      .where(eq(schema.users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await deleteUserSessions(tx, user.id, currentToken);
    await appendAudit(tx, auditActorOf(actor), { action: 'auth.passwordChanged', entity: 'user', entityId: user.id });
  });
}
