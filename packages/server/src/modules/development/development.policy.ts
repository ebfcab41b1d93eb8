// 发展党员 cases carry personal data and political-review conclusions, so only those who act on
// them see them: the court's party office (courtAdmin), the branch's secretary and committee. The
// branch records its own steps; the 上级党委 steps (备案, 预审, 谈话, 审批) need a manager of the
// branch's higher-level org — a branch never approves its own. @see RULES.md §3.1, §3.2 T13, T16, T17
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

/** The org above a branch, from its materialized path ('/a/b/' → '/a/'); null at the top. */
export function parentTargetOf(branch: OrgTarget): OrgTarget | null {
  const parts = branch.path.split('/').filter(Boolean);
  if (parts.length < 2) return null;
  return { courtId: branch.courtId, path: `/${parts.slice(0, -1).join('/')}/` };
}

export const developmentPolicy = {
  read: (actor: Actor, branch: OrgTarget) =>
    canManageOrg(actor, branch) ||
    actor.grants.some((g) => g.role === 'committeeMember' && !!g.orgPath && g.courtId === branch.courtId && branch.path.startsWith(g.orgPath)),
  manage: (actor: Actor, branch: OrgTarget) => canManageOrg(actor, branch),
  /** A step of the 上级党委: the manager of an org strictly above the branch. */
  superior: (actor: Actor, branch: OrgTarget) => {
    const parent = parentTargetOf(branch);
    return !!parent && canManageOrg(actor, parent);
  },
  recordStep: (actor: Actor, branch: OrgTarget, superiorStep: boolean) =>
    superiorStep ? developmentPolicy.superior(actor, branch) : canManageOrg(actor, branch),
};
