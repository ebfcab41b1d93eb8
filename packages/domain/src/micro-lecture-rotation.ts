// Speaker schedule of the 一刻钟微党课: 「支部书记带头讲、青年党员轮流讲、支部委员精细讲」. A court's own
// programme with no national rule, so the order below is the issue's, and the age that counts as
// young is configurable (RuleConfig.orgLife.youngAgeMax, [U]). @see RULES.md §1.1 Notes, issue 3
//
// Order of a round: the secretary opens; then committee members and young members take turns
// (committee, young, committee, young …); then everyone else. Fairness comes first: on each date the
// speaker is the available member who has spoken least (history included), and the round order only
// breaks ties — so everyone speaks once before anyone speaks twice, and a new round again starts with
// the secretary. A member on leave on a date is skipped that date and, having still spoken least, is
// the first choice for the next one. Exempt members and members who are not 预备/正式党员 are never
// scheduled. Deterministic: names compare in Chinese (pinyin) collation, then ids.
import { ageOn, isIsoDate, type IsoDate } from './dates';
import { memberStatusLabels, type MemberStatus } from './enums';
import { isActiveMember } from './member-status';
import { defaultRuleConfig } from './rule-config';

export type RotationMember = {
  id: string;
  name: string;
  isSecretary: boolean;
  isCommittee: boolean;
  birthDate?: IsoDate | null;
  status: MemberStatus;
  /** 年老体弱、长期患病: 不作硬性要求 (教育管理条例 第二十三条). */
  exempt?: boolean;
  onLeaveDates?: readonly IsoDate[];
};

export type RotationInput = {
  members: readonly RotationMember[];
  sessionDates: readonly IsoDate[];
  /** Earlier talks, so the new schedule continues the rotation. */
  history?: readonly { memberId: string; date: IsoDate }[];
  /** Oldest age (周岁, on the first session date) counted as young; default RuleConfig.orgLife.youngAgeMax. */
  youngAgeMax?: number;
};

export type RotationTier = 'secretary' | 'committee' | 'young' | 'other';
export const rotationTierLabels: Record<RotationTier, string> = {
  secretary: '支部书记带头讲',
  committee: '支部委员精细讲',
  young: '青年党员轮流讲',
  other: '党员轮流讲',
};

export type RotationSlot = { date: IsoDate; memberId: string; tier: RotationTier };

export type UnscheduledReason = 'exempt' | 'notActiveMember' | 'onLeave' | 'notReached';
export type UnscheduledMember = { memberId: string; reason: UnscheduledReason; message: string };

export type RotationResult = {
  schedule: RotationSlot[];
  /** Members given no date, and why. */
  unscheduled: UnscheduledMember[];
  /** Dates on which nobody could speak (everyone on leave or exempt). */
  unfilledDates: IsoDate[];
};

const nameCollator = new Intl.Collator('zh-Hans-CN');

function compareMembers(a: RotationMember, b: RotationMember): number {
  return nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function classifyTier(member: RotationMember, firstDate: IsoDate | undefined, youngAgeMax: number): RotationTier {
  if (member.isSecretary) return 'secretary';
  if (member.isCommittee) return 'committee';
  if (firstDate && member.birthDate && isIsoDate(member.birthDate) && ageOn(member.birthDate, firstDate) <= youngAgeMax) return 'young';
  return 'other';
}

// One round's order: secretaries, then committee and young members alternating, then the rest.
function orderRound(members: RotationMember[], tierOf: Map<string, RotationTier>): RotationMember[] {
  const byTier = (tier: RotationTier) => members.filter((member) => tierOf.get(member.id) === tier).sort(compareMembers);
  const committee = byTier('committee');
  const young = byTier('young');
  const alternating: RotationMember[] = [];
  for (let index = 0; index < Math.max(committee.length, young.length); index += 1) {
    if (committee[index]) alternating.push(committee[index]!);
    if (young[index]) alternating.push(young[index]!);
  }
  return [...byTier('secretary'), ...alternating, ...byTier('other')];
}

/** The speaker of each session date; see the order and fairness rules at the top of this file. */
export function generateRotation(input: RotationInput): RotationResult {
  const youngAgeMax = input.youngAgeMax ?? defaultRuleConfig.orgLife.youngAgeMax;
  const dates = [...new Set(input.sessionDates)].sort();
  const unscheduled: UnscheduledMember[] = [];
  const candidates: RotationMember[] = [];
  const seen = new Set<string>();
  for (const member of [...input.members].sort(compareMembers)) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    if (!isActiveMember(member.status)) {
      unscheduled.push({ memberId: member.id, reason: 'notActiveMember', message: `${member.name}为${memberStatusLabels[member.status]}，不是在册党员，不安排` });
    } else if (member.exempt) {
      unscheduled.push({
        memberId: member.id,
        reason: 'exempt',
        message: `${member.name}年老体弱或长期患病，不作硬性要求，不安排（《中国共产党党员教育管理工作条例》第二十三条）`,
      });
    } else {
      candidates.push(member);
    }
  }

  const tierOf = new Map(candidates.map((member) => [member.id, classifyTier(member, dates[0], youngAgeMax)]));
  const round = orderRound(candidates, tierOf);
  const spoken = new Map(round.map((member) => [member.id, 0]));
  for (const talk of input.history ?? []) {
    const count = spoken.get(talk.memberId);
    if (count !== undefined) spoken.set(talk.memberId, count + 1);
  }
  const leaveOf = new Map(round.map((member) => [member.id, new Set(member.onLeaveDates ?? [])]));

  const schedule: RotationSlot[] = [];
  const unfilledDates: IsoDate[] = [];
  const scheduled = new Set<string>();
  for (const date of dates) {
    let chosen: RotationMember | null = null;
    // `round` is in round order, so keeping the first of equals breaks ties by position.
    for (const member of round) {
      if (leaveOf.get(member.id)!.has(date)) continue;
      if (!chosen || spoken.get(member.id)! < spoken.get(chosen.id)!) chosen = member;
    }
    if (!chosen) {
      unfilledDates.push(date);
      continue;
    }
    schedule.push({ date, memberId: chosen.id, tier: tierOf.get(chosen.id)! });
    spoken.set(chosen.id, spoken.get(chosen.id)! + 1);
    scheduled.add(chosen.id);
  }

  for (const member of round) {
    if (scheduled.has(member.id)) continue;
    const leave = leaveOf.get(member.id)!;
    const alwaysOnLeave = dates.length > 0 && dates.every((date) => leave.has(date));
    unscheduled.push(
      alwaysOnLeave
        ? { memberId: member.id, reason: 'onLeave', message: `${member.name}在各场次均请假，未安排` }
        : { memberId: member.id, reason: 'notReached', message: `${member.name}本次排期未轮到（场次少于人数），下次排期优先安排` },
    );
  }
  return { schedule, unscheduled, unfilledDates };
}
