import { randomInt } from 'node:crypto';
import { and, asc, eq, ilike, inArray } from 'drizzle-orm';
import { checkPasswordPolicy, roleLabels, type Role } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { GrantScopes, MemberCandidate, SecuritySettings, User, z, createUserRequest, grantRoleRequest } from '@zhibu/contracts';
import { hashPassword } from '../../auth/auth.service';
import { deleteUserSessions } from '../../auth/sessions';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { escapeLike } from '../../lib/like';
import { forbidIf, found } from '../../lib/records';
import { getSecuritySettings, saveSecuritySettings } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { checkRoleSeparation, usersPolicy } from './users.policy';

const { users, roleGrants, partyOrgs, courts, members } = schema;

/** A readable one-time password that satisfies the policy (shown once, must be changed). */
export function generateInitialPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!'];
  for (;;) {
    const chars = Array.from({ length: 12 }, (_, i) => {
      const set = sets[i % sets.length]!;
      return set[randomInt(set.length)]!;
    });
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const pw = chars.join('');
    if (checkPasswordPolicy(pw, {}).length === 0) return pw;
  }
}

export async function listUsers(deps: Deps, actor: Actor): Promise<User[]> {
  forbidIf(!usersPolicy.listUsers(actor));
  const rows = await deps.db.select().from(users).orderBy(asc(users.username));
  const grants = rows.length ? await deps.db.select().from(roleGrants).where(inArray(roleGrants.userId, rows.map((r) => r.id))) : [];
  const now = deps.now();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    courtId: u.courtId,
    memberId: u.memberId,
    disabled: u.disabled,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    grants: grants.filter((g) => g.userId === u.id).map((g) => ({ id: g.id, role: g.role as Role, courtId: g.courtId, orgId: g.orgId })),
  }));
}

/** Courts and party orgs by name, for the 安全保密员's grant dialog (no member data). */
export async function listGrantScopes(deps: Deps, actor: Actor): Promise<GrantScopes> {
  forbidIf(!usersPolicy.manageGrants(actor));
  const courtRows = await deps.db.select({ id: courts.id, name: courts.name, shortName: courts.shortName }).from(courts).orderBy(asc(courts.sortOrder), asc(courts.name));
  const orgs = await deps.db
    .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, name: partyOrgs.name, shortName: partyOrgs.shortName, type: partyOrgs.type, path: partyOrgs.path })
    .from(partyOrgs)
    .orderBy(asc(partyOrgs.path));
  return { courts: courtRows, orgs };
}

/** Members of a court matching a name, for the 系统管理员 to link an account to (at most 20). */
export async function listMemberCandidates(deps: Deps, actor: Actor, courtId: string, q: string | undefined): Promise<MemberCandidate[]> {
  forbidIf(!usersPolicy.manageAccounts(actor));
  const conds = [eq(members.courtId, courtId)];
  if (q) conds.push(ilike(members.name, `%${escapeLike(q)}%`));
  const rows = await deps.db
    .select({ id: members.id, name: members.name, orgName: partyOrgs.shortName, orgFullName: partyOrgs.name, jobTitle: members.jobTitle, username: users.username })
    .from(members)
    .innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .leftJoin(users, eq(users.memberId, members.id))
    .where(and(...conds))
    .orderBy(asc(members.name))
    .limit(20);
  return rows.map((r) => ({ id: r.id, name: r.name, orgName: r.orgName ?? r.orgFullName, jobTitle: r.jobTitle, username: r.username }));
}

export async function createUser(deps: Deps, actor: Actor, input: z.infer<typeof createUserRequest>) {
  forbidIf(!usersPolicy.manageAccounts(actor));
  if (input.courtId && !(await deps.db.select({ id: courts.id }).from(courts).where(eq(courts.id, input.courtId)))[0]) {
    throw invalidField('courtId', '法院不存在');
  }
  if (input.memberId) {
    const m = (await deps.db.select({ courtId: members.courtId }).from(members).where(eq(members.id, input.memberId)))[0];
    if (!m) throw invalidField('memberId', '党员不存在');
    if (input.courtId && m.courtId !== input.courtId) throw invalidField('memberId', '党员不属于所选法院');
    const taken = await deps.db.select({ id: users.id }).from(users).where(eq(users.memberId, input.memberId));
    if (taken.length) throw invalidField('memberId', '该党员已有账号');
  }
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return deps.db.transaction(async (tx) => {
    const exists = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (exists.length) throw new AppError('DUPLICATE', `用户名“${input.username}”已被使用`, [{ field: 'username', message: '已被使用' }]);
    const memberCourt = input.memberId ? (await tx.select({ courtId: members.courtId }).from(members).where(eq(members.id, input.memberId)))[0]?.courtId : null;
    const row = { id: newId(), username: input.username, displayName: input.displayName, passwordHash, courtId: input.courtId ?? memberCourt ?? null, memberId: input.memberId ?? null, mustChangePassword: true };
    await tx.insert(users).values(row);
    const { passwordHash: _h, ...safe } = row;
    await appendAudit(tx, auditActorOf(actor), { action: 'user.create', entity: 'user', entityId: row.id, courtId: row.courtId, after: safe });
    return { id: row.id, initialPassword };
  });
}

async function loadUser(deps: Deps, id: string) {
  return found((await deps.db.select().from(users).where(eq(users.id, id)))[0]);
}

export async function resetPassword(deps: Deps, actor: Actor, id: string) {
  forbidIf(!usersPolicy.manageAccounts(actor));
  const user = await loadUser(deps, id);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, version: user.version + 1, updatedAt: deps.now() }).where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await appendAudit(tx, auditActorOf(actor), { action: 'user.resetPassword', entity: 'user', entityId: id, courtId: user.courtId });
  });
  return { initialPassword };
}

export async function setDisabled(deps: Deps, actor: Actor, id: string, disabled: boolean) {
  forbidIf(!usersPolicy.manageAccounts(actor));
  if (id === actor.userId) throw invalidField('id', '不能停用自己的账号');
  const user = await loadUser(deps, id);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ disabled, version: user.version + 1, updatedAt: deps.now() }).where(eq(users.id, id));
    if (disabled) await deleteUserSessions(tx, id);
    await appendAudit(tx, auditActorOf(actor), { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: id, courtId: user.courtId, before: { disabled: user.disabled }, after: { disabled } });
  });
  return { ok: true as const };
}

export async function unlockUser(deps: Deps, actor: Actor, id: string) {
  forbidIf(!usersPolicy.manageSecurity(actor));
  const user = await loadUser(deps, id);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'user.unlock', entity: 'user', entityId: id, courtId: user.courtId, before: { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil } });
  });
  return { ok: true as const };
}

/** Which scope each role needs: a court, an org of certain types, or the account's own member. */
const scopeNeeds: Record<Role, { court?: boolean; orgTypes?: string[]; member?: boolean }> = {
  sysAdmin: {},
  securityOfficer: {},
  auditor: {},
  courtAdmin: { court: true },
  higherCourtViewer: { court: true },
  branchSecretary: { orgTypes: ['branch', 'generalBranch', 'organCommittee', 'primaryCommittee'] },
  committeeMember: { orgTypes: ['branch', 'generalBranch', 'organCommittee', 'primaryCommittee'] },
  groupLeader: { orgTypes: ['partyGroup'] },
  member: { member: true },
};

export async function grantRole(deps: Deps, actor: Actor, userId: string, input: z.infer<typeof grantRoleRequest>) {
  forbidIf(!usersPolicy.manageGrants(actor));
  if (userId === actor.userId) throw invalidField('role', '不能给自己授权');
  const user = await loadUser(deps, userId);
  const existing = await deps.db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  const separation = checkRoleSeparation(existing.map((g) => g.role as Role), input.role);
  if (separation) throw invalidField('role', separation);
  const need = scopeNeeds[input.role];
  let courtId: string | null = null;
  let orgId: string | null = null;
  if (need.court) {
    if (!input.courtId) throw invalidField('courtId', `${roleLabels[input.role]}须指定法院`);
    if (!(await deps.db.select({ id: courts.id }).from(courts).where(eq(courts.id, input.courtId)))[0]) throw invalidField('courtId', '法院不存在');
    courtId = input.courtId;
  }
  if (need.orgTypes) {
    if (!input.orgId) throw invalidField('orgId', `${roleLabels[input.role]}须指定党组织`);
    const org = (await deps.db.select().from(partyOrgs).where(eq(partyOrgs.id, input.orgId)))[0];
    if (!org) throw invalidField('orgId', '党组织不存在');
    if (!need.orgTypes.includes(org.type)) throw invalidField('orgId', `${roleLabels[input.role]}不能授予在该类型党组织上`);
    orgId = org.id;
    courtId = org.courtId;
  }
  if (need.member) {
    if (!user.memberId) throw invalidField('role', '该账号未关联党员，不能授予党员角色');
    courtId = user.courtId;
  }
  if (existing.some((g) => g.role === input.role && g.courtId === courtId && g.orgId === orgId)) {
    throw new AppError('DUPLICATE', '该账号已有此授权', [{ field: 'role', message: '已有此授权' }]);
  }
  return deps.db.transaction(async (tx) => {
    const row = { id: newId(), userId, role: input.role, courtId, orgId };
    await tx.insert(roleGrants).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'user.grant', entity: 'roleGrant', entityId: row.id, courtId, after: row });
    return { id: row.id, role: input.role, courtId, orgId };
  });
}

export async function revokeRole(deps: Deps, actor: Actor, userId: string, grantId: string) {
  forbidIf(!usersPolicy.manageGrants(actor));
  if (userId === actor.userId) throw invalidField('role', '不能撤销自己的授权');
  const grant = found((await deps.db.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId))))[0]);
  await deps.db.transaction(async (tx) => {
    await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
    await appendAudit(tx, auditActorOf(actor), { action: 'user.revoke', entity: 'roleGrant', entityId: grantId, courtId: grant.courtId, before: grant });
  });
  return { ok: true as const };
}

export async function readSecuritySettings(deps: Deps, actor: Actor): Promise<SecuritySettings> {
  forbidIf(!usersPolicy.manageSecurity(actor));
  return getSecuritySettings(deps.db);
}

export async function updateSecuritySettings(deps: Deps, actor: Actor, value: SecuritySettings): Promise<SecuritySettings> {
  forbidIf(!usersPolicy.manageSecurity(actor));
  const before = await getSecuritySettings(deps.db);
  await deps.db.transaction(async (tx) => {
    await saveSecuritySettings(tx, value);
    await appendAudit(tx, auditActorOf(actor), { action: 'security.update', entity: 'settings', entityId: 'security', before, after: value });
  });
  return getSecuritySettings(deps.db);
}
