// 台账 carry members' names (attendance, leave reasons): readers are the org's managers and
// committee (court admin, secretary, 支委, a 党小组长 for their group) and the members of the branch.
// Higher-court viewers get aggregates elsewhere, not ledgers.
import type { Actor } from '../../policy/actor';
import type { OrgTarget } from '../../policy/scope';

const readingRoles = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader'];

export const ledgersPolicy = {
  read: (actor: Actor, org: OrgTarget, actorMember: { courtId: string; orgPath: string } | null) =>
    actor.grants.some((g) => readingRoles.includes(g.role) && (g.role === 'courtAdmin' ? g.courtId === org.courtId : g.courtId === org.courtId && !!g.orgPath && org.path.startsWith(g.orgPath))) ||
    (actor.grants.some((g) => g.role === 'member' || readingRoles.includes(g.role)) && !!actorMember && actorMember.courtId === org.courtId && actorMember.orgPath.startsWith(org.path)),
};
