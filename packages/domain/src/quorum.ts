// Quorum and passing thresholds of the meetings that vote: 支部党员大会, 接收预备党员/转正, 换届选举,
// 支委会. Who counts in 应到会 and who may vote are decided here too, so that the attendance page, the
// development module and the election module all say the same numbers. @see RULES.md §1.2
import { isVotingMember } from './member-status';
import type { MemberStatus } from './enums';
import { defaultRuleConfig, type QuorumConfig, type QuorumOperator } from './rule-config';

export const meetingKinds = ['general', 'admission', 'election', 'committee'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  general: '支部党员大会',
  admission: '接收预备党员（预备党员转正）支部党员大会',
  election: '换届选举大会',
  committee: '支部委员会会议',
};

const votingRights = '《中国共产党章程》第七条；《中国共产党基层组织选举工作条例》第五条';
const meetingRules: Record<MeetingKind, string> = {
  general: `《中国共产党支部工作条例（试行）》第十一条；${votingRights}；RULES.md §1.2`,
  admission: `《中国共产党发展党员工作细则》第二十条；${votingRights}；RULES.md §1.2`,
  election: `《中国共产党基层组织选举工作暂行条例》（1990）；${votingRights}；RULES.md §1.2`,
  committee: '《中国共产党支部工作条例（试行）》第十二条；RULES.md §1.2',
};

export type QuorumAttendee = {
  memberId: string;
  status: MemberStatus;
  /** Approved exclusion from 应到会 (illness, abroad ≥ half a year, serving a sentence, bedridden, away ≥ half a year). */
  excludedFromQuorum?: boolean;
  /** 留党察看: no 表决权、选举权、被选举权. */
  underPartyProbation?: boolean;
  /** 留置/逮捕: rights 中止. */
  rightsSuspended?: boolean;
};

export type QuorumInput = {
  kind: MeetingKind;
  /** Everyone expected at the meeting (for 'committee': the committee members). */
  expected: readonly QuorumAttendee[];
  /** Member ids present (signed in or marked). */
  present: readonly string[];
  /** Member ids who, absent for cause, handed in a written opinion before the meeting (admission only). */
  writtenOpinions?: readonly string[];
};

export type QuorumResult = {
  kind: MeetingKind;
  /** 应到会有表决权（选举权）人数: expected, with the right to vote, not excluded from 应到会. */
  eligible: number;
  /** 实到会有表决权（选举权）人数. */
  attending: number;
  /** Fewest attending that meets the quorum. */
  required: number;
  met: boolean;
  /** Present but without a vote (预备党员, 留党察看, rights suspended): they take part, their presence does not count. */
  presentWithoutVote: number;
  /** Excluded from 应到会 with approval and absent (one who comes anyway counts in both 应到 and 实到). */
  excluded: number;
  /** Valid written opinions (admission: from eligible members who are absent); counted in the vote, not in attendance. */
  writtenOpinions: number;
  message: string;
  rule: string;
};

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

function describeRatio(numerator: number, denominator: number): string {
  const n = chineseDigits[numerator];
  const d = chineseDigits[denominator];
  return n && d ? `${d}分之${n}` : `${numerator}/${denominator}`;
}

// Fewest x with x (op) total × numerator / denominator, in integers.
function computeThreshold(total: number, operator: QuorumOperator, numerator: number, denominator: number): number {
  const product = total * numerator;
  return operator === '>' ? Math.floor(product / denominator) + 1 : Math.ceil(product / denominator);
}

function pickOperator(kind: MeetingKind, config: QuorumConfig): QuorumOperator {
  switch (kind) {
    case 'general':
      return config.generalOperator;
    case 'admission':
      return config.admissionOperator;
    case 'committee':
      return config.committeeOperator;
    case 'election':
      return config.electionOperator;
  }
}

/**
 * Whether a meeting may proceed to a vote. 应到会 = expected members with 表决权 (正式党员 not under
 * 留党察看 and without suspended rights, 党章 第七条) who are not excluded with approval; 实到 = those of
 * them present. general/admission/committee: 实到 (op) half of 应到; election: 实到 (op) 应到 × 4/5.
 * The operator ('>' 超过 / '>=' 半数以上含本数) comes from config. @see RULES.md §1.2
 */
export function checkQuorum(input: QuorumInput, config: QuorumConfig = defaultRuleConfig.quorum): QuorumResult {
  const present = new Set(input.present);
  const seen = new Set<string>();
  let eligible = 0;
  let attending = 0;
  let presentWithoutVote = 0;
  let excluded = 0;
  const eligibleIds = new Set<string>();
  for (const person of input.expected) {
    if (seen.has(person.memberId)) continue;
    seen.add(person.memberId);
    const canVote = isVotingMember(person.status, person);
    if (!canVote) {
      if (present.has(person.memberId)) presentWithoutVote += 1;
      continue;
    }
    // An approved exclusion lowers the base for members who cannot come; one who comes anyway has the
    // vote and is counted in both 应到 and 实到 (never in 实到 alone, which could exceed 应到) [U].
    if (person.excludedFromQuorum && !present.has(person.memberId)) {
      excluded += 1;
      continue;
    }
    eligible += 1;
    eligibleIds.add(person.memberId);
    if (present.has(person.memberId)) attending += 1;
  }
  const writtenOpinions =
    input.kind === 'admission' ? new Set((input.writtenOpinions ?? []).filter((id) => eligibleIds.has(id) && !present.has(id))).size : 0;

  const operator = pickOperator(input.kind, config);
  const isElection = input.kind === 'election';
  const { numerator, denominator } = isElection ? config.electionRatio : { numerator: 1, denominator: 2 };
  const required = computeThreshold(eligible, operator, numerator, denominator);
  const met = eligible > 0 && attending >= required;

  const who = input.kind === 'committee' ? '委员' : isElection ? '有选举权党员' : '有表决权党员';
  const part = isElection ? `应到会人数的${describeRatio(numerator, denominator)}` : '半数';
  const reached = operator === '>' ? `超过${part}` : `达到${part}以上`;
  const notReached = operator === '>' ? `未超过${part}` : `未达到${part}`;
  const purpose = isElection ? '选举' : '开会';
  let message =
    eligible === 0
      ? `没有应到会${who}，不能${isElection ? '进行选举' : '进行表决'}`
      : `应到会${who}${eligible}人，实到${attending}人，${met ? `${reached}，符合${purpose}要求` : `${notReached}（至少需${required}人），不符合${purpose}要求，不能${isElection ? '进行选举' : '进行表决'}`}`;
  if (presentWithoutVote > 0) message += `；另有${presentWithoutVote}人到会但没有${isElection ? '选举权' : '表决权'}（预备党员、受留党察看处分或权利中止的党员），不计入实到人数`;
  if (excluded > 0) message += `；${excluded}人经批准不计入应到会人数`;
  if (writtenOpinions > 0) message += `；因故不到会提交书面意见${writtenOpinions}人，计入票数`;
  return { kind: input.kind, eligible, attending, required, met, presentWithoutVote, excluded, writtenOpinions, message, rule: meetingRules[input.kind] };
}

export type VoteInput = {
  kind: MeetingKind;
  /** 应到会有表决权（选举权）人数, as checkQuorum computes it. */
  eligible: number;
  /** 实到会有选举权人数 (election, when the base is 实到会). */
  attending?: number;
  /** Votes in favour cast at the meeting (election: for one candidate). */
  yes: number;
  /** Written opinions in favour from members absent for cause (admission only). */
  writtenYes?: number;
};

export type VoteResult = {
  passes: boolean;
  /** Votes in favour that count (admission: including written opinions). */
  yes: number;
  /** The number the half is taken of. */
  base: number;
  /** Fewest votes in favour that pass. */
  required: number;
  message: string;
  rule: string;
};

function requireCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name}应为不小于0的整数`);
}

/**
 * Whether a motion passes / a candidate is elected: yes > half of the base. general and committee:
 * base = 应到会有表决权人数 (支部工作条例 第十一条: 赞成人数超过应到会有表决权的党员的半数; the 支委会's
 * 少数服从多数 is read the same way [U]); admission: base = 应到会有表决权正式党员, written opinions in
 * favour count (发展党员工作细则 第二十条); election: base = 实到会有选举权人数 (基层组织) or 应到会 as
 * configured. "超过" is strict, so it is not configurable. @see RULES.md §1.2
 */
export function checkVote(input: VoteInput, config: QuorumConfig = defaultRuleConfig.quorum): VoteResult {
  requireCount('应到会人数', input.eligible);
  requireCount('赞成票数', input.yes);
  const writtenYes = input.kind === 'admission' ? (input.writtenYes ?? 0) : 0;
  requireCount('书面意见赞成票数', writtenYes);
  let base = input.eligible;
  let baseName = input.kind === 'admission' ? '应到会有表决权正式党员' : input.kind === 'committee' ? '应到会委员' : '应到会有表决权党员';
  if (input.kind === 'election') {
    if (config.electionVoteBase === 'attending') {
      if (input.attending === undefined) throw new RangeError('选举计票须提供实到会有选举权人数');
      requireCount('实到会人数', input.attending);
      base = input.attending;
      baseName = '实到会有选举权党员';
    } else {
      baseName = '应到会有选举权党员';
    }
  }
  const yes = input.yes + writtenYes;
  if (yes > base) throw new RangeError(`赞成票数（${yes}）不能超过${baseName}人数（${base}）`);
  const required = Math.floor(base / 2) + 1;
  const passes = base > 0 && yes > base / 2;
  const counted = writtenYes > 0 ? `${yes}票（含书面意见${writtenYes}票）` : `${yes}票`;
  const outcome = input.kind === 'election' ? (passes ? '当选' : '未当选') : passes ? '通过' : '未通过';
  const message = `${baseName}${base}人，赞成${counted}，${passes ? '超过半数' : `未超过半数（至少需${required}票）`}，${outcome}`;
  return { passes, yes, base, required, message, rule: meetingRules[input.kind] };
}
