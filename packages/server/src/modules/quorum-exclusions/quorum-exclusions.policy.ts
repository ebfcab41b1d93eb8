// 不计入应到会人数 records carry health and legal situations (illness, a sentence), so only those
// who act on them see them: managers of the member's branch (who request and end them), managers of
// the branch's higher-level org (who approve — the branch never approves its own, RULES.md §1.2),
// and the member themself.
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

export const quorumExclusionsPolicy = {
  request: (actor: Actor, branch: OrgTarget) => canManageOrg(actor, branch),
  decide: (actor: Actor, parent: OrgTarget | null | undefined) => !!parent && canManageOrg(actor, parent),
  read: (actor: Actor, memberId: string, branch: OrgTarget, parent: OrgTarget | null | undefined) =>
    actor.memberId === memberId || canManageOrg(actor, branch) || (!!parent && canManageOrg(actor, parent)),
};
