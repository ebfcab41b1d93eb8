// Who sees and records 谈心谈话. The branch committee (secretary, committee members) and the court's
// party office read the branch's talks and coverage; the secretary and the office record any talk of
// the branch, a committee member only a 谈心谈话 they took part in. 提醒谈话 and 谈话提醒 are the
// secretary's instrument on 苗头性问题 (教育管理条例 第二十八条): only the secretary (the branch's
// managers), the office and the member concerned (a participant) see them — other committee members
// do not, not even that one took place. The 谈话要点 likewise: managers and participants only.
// @see RULES.md §1.1
import { isRestrictedTalkKind, type TalkKind } from '@zhibu/domain';
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

/** courtAdmin of the court, or a secretary / committee member whose grant covers the org. */
function readsBranch(actor: Actor, org: OrgTarget): boolean {
  return actor.grants.some(
    (g) =>
      g.courtId === org.courtId &&
      (g.role === 'courtAdmin' || ((g.role === 'branchSecretary' || g.role === 'committeeMember') && !!g.orgPath && org.path.startsWith(g.orgPath))),
  );
}

export type TalkTarget = { kind: TalkKind; participantIds: string[]; createdBy: string | null };

const isParticipant = (actor: Actor, t: TalkTarget) => !!actor.memberId && t.participantIds.includes(actor.memberId);

export const talksPolicy = {
  readBranch: readsBranch,
  manageBranch: (actor: Actor, org: OrgTarget) => canManageOrg(actor, org),
  /** May record some talk in the branch (the form and the coverage's "record" button). */
  recordInBranch: (actor: Actor, org: OrgTarget) => readsBranch(actor, org),
  /** May record this talk: managers any; a committee member a 谈心谈话 they take part in. */
  record: (actor: Actor, org: OrgTarget, t: TalkTarget) => canManageOrg(actor, org) || (readsBranch(actor, org) && !isRestrictedTalkKind(t.kind) && isParticipant(actor, t)),
  readTalk: (actor: Actor, org: OrgTarget, t: TalkTarget) => canManageOrg(actor, org) || isParticipant(actor, t) || (readsBranch(actor, org) && !isRestrictedTalkKind(t.kind)),
  readSummary: (actor: Actor, org: OrgTarget, t: TalkTarget) => canManageOrg(actor, org) || isParticipant(actor, t),
  /** Edit or delete: managers, or the committee member who recorded it (while still on the committee). */
  edit: (actor: Actor, org: OrgTarget, t: TalkTarget) => canManageOrg(actor, org) || (readsBranch(actor, org) && t.createdBy === actor.userId && !isRestrictedTalkKind(t.kind)),
};
