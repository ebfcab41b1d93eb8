// Who may do what in 民主评议党员: the branch's managers (its secretary, the court's party office) run
// the round and enter grades; the branch's committee members read it (they propose the grades in the
// 支委会); a member sees only their own part (their 自评, their ballot, their result). Personal grades
// are personal data: other courts and the higher court's viewers see nothing (404).
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

function covers(actor: Actor, t: OrgTarget, roles: string[]): boolean {
  return actor.grants.some((g) => {
    if (!roles.includes(g.role)) return false;
    if (g.role === 'courtAdmin') return g.courtId === t.courtId;
    return !!g.orgPath && g.courtId === t.courtId && t.path.startsWith(g.orgPath);
  });
}

export const evaluationsPolicy = {
  read: (actor: Actor, t: OrgTarget) => covers(actor, t, ['courtAdmin', 'branchSecretary', 'committeeMember']),
  manage: (actor: Actor, t: OrgTarget) => canManageOrg(actor, t),
  /** The court-wide overview (all branches, the 优秀 list): the court's party office. */
  overview: (actor: Actor, courtId: string) => actor.grants.some((g) => g.role === 'courtAdmin' && g.courtId === courtId),
};
