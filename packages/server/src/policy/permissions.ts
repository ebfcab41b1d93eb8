// Coarse permissions the web uses to build its menu. Data scope is still checked per record by
// each module's policy; these only say which pages make sense for the caller.
import type { Actor } from './actor';
import { hasRole } from './actor';

export const permissionNames = [
  'dashboard:read',
  'orgs:read',
  'orgs:manage',
  'members:read',
  'members:manage',
  'members:import',
  'self:read',
  'audit:read',
  'users:manage',
  'security:manage',
  'courts:manage',
  'rules:manage',
  'activities:read',
  'activities:manage',
  'reminders:read',
  // issue 4: brands, bases, partnerships; issue 5: development
  'brands:read',
  'brands:manage',
  'rooms:read',
  'rooms:manage',
  'partnerships:read',
  'partnerships:manage',
  'development:read',
  'development:manage',
  'dues:read',
  'dues:manage',
  'evaluations:read',
  'evaluations:manage',
  'talks:read',
  'talks:manage',
  'care:read',
  'care:manage',
  'pioneers:read',
  'pioneers:manage',
] as const;
export type Permission = (typeof permissionNames)[number];

export function permissionsOf(actor: Actor): Permission[] {
  const p = new Set<Permission>();
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member', 'higherCourtViewer')) {
    p.add('dashboard:read');
    p.add('orgs:read');
  }
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) for (const x of ['orgs:manage', 'members:manage', 'members:import'] as const) p.add(x);
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader')) p.add('members:read');
  if (actor.memberId) p.add('self:read');
  // Organizational life: managers plan and record; everyone with a member record sees their own
  // activities; the 党建工作提示 and yearly counts are the managers' (and higher courts') work list.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member')) p.add('activities:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('activities:manage');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'higherCourtViewer')) p.add('reminders:read');
  // 一支部一品牌: everyone in a court sees its brands (higher courts too); managers apply and edit.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member', 'higherCourtViewer')) p.add('brands:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('brands:manage');
  // 一支部一阵地: rooms and their bookings.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member')) p.add('rooms:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('rooms:manage');
  // 联建: partnerships across courts (a higher court sees and pairs with its lower courts).
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'higherCourtViewer')) p.add('partnerships:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('partnerships:manage');
  // 发展党员: the branch committee and the party office.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember')) p.add('development:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('development:manage');
  // 党费: the branch committee keeps the ledger; members see their own dues on their profile.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember')) p.add('dues:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('dues:manage');
  // 民主评议: the branch committee runs the round; members take part through their own page.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember')) p.add('evaluations:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('evaluations:manage');
  // 谈心谈话: the committee talks and records; the office sees the coverage.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember')) p.add('talks:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember')) p.add('talks:manage');
  // 关怀: personal hardship and illness — the secretary and the office only.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) for (const x of ['care:read', 'care:manage'] as const) p.add(x);
  // 示范岗/先锋队 and 优秀党员: public inside the court; the branch proposes, the office decides.
  if (hasRole(actor, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member')) p.add('pioneers:read');
  if (hasRole(actor, 'courtAdmin', 'branchSecretary')) p.add('pioneers:manage');
  if (hasRole(actor, 'auditor')) p.add('audit:read');
  if (hasRole(actor, 'sysAdmin')) for (const x of ['users:manage', 'courts:manage'] as const) p.add(x);
  // 本院规则设置: the [U] numbers of the court's own rules (orgs.policy manageRules).
  if (hasRole(actor, 'courtAdmin')) p.add('rules:manage');
  if (hasRole(actor, 'securityOfficer')) p.add('security:manage');
  return [...p];
}
