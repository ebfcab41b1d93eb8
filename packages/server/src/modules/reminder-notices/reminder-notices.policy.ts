// Who sends and who confirms a 党建工作提示: the office of the higher-level org tells a branch (the
// 机关党委 tells its branches; a branch secretary tells the branch's 党小组); the managers of the org
// told confirm it. Nobody confirms a notice they sent themselves — a court admin manages every org of
// the court, and a confirmation by the sender would prove nothing.
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

export const reminderNoticesPolicy = {
  send: (actor: Actor, parent: OrgTarget | null | undefined) => !!parent && canManageOrg(actor, parent),
  read: (actor: Actor, org: OrgTarget, parent: OrgTarget | null | undefined) => canManageOrg(actor, org) || (!!parent && canManageOrg(actor, parent)),
  acknowledge: (actor: Actor, org: OrgTarget, sentBy: string) => sentBy !== actor.userId && canManageOrg(actor, org),
};
