// First start without demo data: the three separate administrator accounts (三员), each with a
// random one-time password that is printed once and must be changed at first login.
import { randomInt } from 'node:crypto';
import { newId, schema } from '@zhibu/db';
import type { Role } from '@zhibu/domain';
import type { Deps } from '@zhibu/server';
import { hashPassword } from '@zhibu/server/auth/auth.service';
import { appendAudit } from '@zhibu/server/lib/audit';

export const bootstrapAccounts: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sysAdmin' },
  { username: 'secadmin', displayName: '安全保密员', role: 'securityOfficer' },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor' },
];

// No 0/O, 1/l/I: the password is read off a terminal and typed by hand.
const lower = 'abcdefghijkmnpqrstuvwxyz';
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';
const symbols = '@#%+=';

/** 16 characters from all four classes (the password policy wants 3 of 4, ≥ 8 characters). */
export function generateOneTimePassword(length = 16): string {
  const all = lower + upper + digits + symbols;
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [pick(lower), pick(upper), pick(digits), pick(symbols)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export type BootstrapAccount = { username: string; displayName: string; password: string };

export async function createBootstrapAccounts(deps: Deps): Promise<BootstrapAccount[]> {
  const accounts = bootstrapAccounts.map((a) => ({ ...a, id: newId(), password: generateOneTimePassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await deps.db.transaction(async (tx) => {
    await tx.insert(schema.users).values(
      accounts.map((a, i) => ({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: hashes[i]!, mustChangePassword: true })),
    );
    await tx.insert(schema.roleGrants).values(accounts.map((a) => ({ id: newId(), userId: a.id, role: a.role, courtId: null, orgId: null })));
    await appendAudit(tx, { userId: null, name: '系统（首次启动）' }, {
      action: 'system.bootstrap',
      entity: 'user',
      after: { accounts: accounts.map((a) => ({ username: a.username, role: a.role, mustChangePassword: true })) },
    });
  });
  return accounts.map(({ username, displayName, password }) => ({ username, displayName, password }));
}
