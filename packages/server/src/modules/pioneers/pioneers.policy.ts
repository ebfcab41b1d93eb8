// Who does what with 示范岗/先锋队 and 优秀党员: the branch (its secretary; the office too) proposes,
// withdraws and logs achievements for its own org; only the party office (机关党委, the court admin)
// approves, rejects, revokes, reviews, opens rounds and decides nominations — a branch never approves
// its own. The branch committee reads everything of its branch; every Party member of the court sees
// what stands today (the publicity list: names, no personal data). Other courts see nothing.
import type { Role } from '@zhibu/domain';
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

const committeeRoles: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember'];
const courtRoles: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member'];

export const pioneersPolicy = {
  /** The court's party office. */
  isOffice: (actor: Actor, courtId: string) => actor.grants.some((g) => g.role === 'courtAdmin' && g.courtId === courtId),
  /** Propose, withdraw, log achievements, nominate: managers of the org (the secretary of that branch, the office). */
  manage: (actor: Actor, org: OrgTarget) => canManageOrg(actor, org),
  /** Everything of the org, proposals and decisions included: the office and the org's committee. */
  readAll: (actor: Actor, org: OrgTarget) =>
    actor.grants.some((g) => committeeRoles.includes(g.role) && g.courtId === org.courtId && (g.role === 'courtAdmin' || (!!g.orgPath && org.path.startsWith(g.orgPath)))),
  /** The publicity list of the court: what stands today, the selected 优秀党员. */
  readPublic: (actor: Actor, courtId: string) => actor.grants.some((g) => courtRoles.includes(g.role) && g.courtId === courtId),
};

/** Courts whose publicity list the actor reads. */
export function publicCourtIds(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => courtRoles.includes(g.role) && g.courtId).map((g) => g.courtId!))];
}
