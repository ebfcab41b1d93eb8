// 一刻钟微党课 schedule: the branch's secretary (and the court admin) manage it; its committee and
// members read it (a member sees their own turn: "the rotation put him in March").
import type { Actor } from '../../policy/actor';
import { canManageOrg, canReadMember, type OrgTarget } from '../../policy/scope';

export const microLecturesPolicy = {
  manage: (actor: Actor, org: OrgTarget) => canManageOrg(actor, org),
  read: (actor: Actor, org: OrgTarget & { id: string }, actorMember: { id: string; courtId: string; orgPath: string } | null) =>
    canManageOrg(actor, org) ||
    actor.grants.some((g) => (g.role === 'committeeMember' || g.role === 'groupLeader') && g.courtId === org.courtId && !!g.orgPath && (org.path.startsWith(g.orgPath) || g.orgPath.startsWith(org.path))) ||
    (!!actorMember && actorMember.courtId === org.courtId && actorMember.orgPath.startsWith(org.path) && canReadMember(actor, actorMember)),
};
