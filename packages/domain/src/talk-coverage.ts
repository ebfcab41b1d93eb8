// 谈心谈话 (talk) and its yearly coverage. 支部工作条例 第十九条: 支委之间、支委和党员之间、党员和党员之间
// 每年一般各谈心谈话不少于1次 [S]; 教育管理条例 第十九条、第二十八条: 党组织负责人发现苗头性问题时应及时
// 进行提醒谈话 [V]. @see RULES.md §1.1 (谈心谈话, 谈心谈话（负责人）)
import { compareDates, type IsoDate } from './dates';

/**
 * 谈心谈话 (talk) counts for the yearly coverage. 提醒谈话 (remindingTalk, 书记 on 苗头性问题) and 谈话提醒
 * (talkReminder) are a different instrument and are restricted to the secretary/office and the member
 * concerned: they do not count for coverage — counting them would also tell every reader of the
 * coverage that such a talk took place.
 */
export const talkKinds = ['talk', 'remindingTalk', 'talkReminder'] as const;
export type TalkKind = (typeof talkKinds)[number];
export const talkKindLabels: Record<TalkKind, string> = { talk: '谈心谈话', remindingTalk: '提醒谈话', talkReminder: '谈话提醒' };
/** Kinds only the secretary (or the office) holds and only they and the member concerned see. */
export function isRestrictedTalkKind(kind: TalkKind): boolean {
  return kind !== 'talk';
}

export const talkFollowUpStates = ['none', 'pending', 'done'] as const;
export type TalkFollowUpState = (typeof talkFollowUpStates)[number];
export const talkFollowUpStateLabels: Record<TalkFollowUpState, string> = { none: '无需跟进', pending: '待跟进', done: '已落实' };

export const talkCoverageCategories = ['committeeCommittee', 'committeeMember', 'memberMember'] as const;
export type TalkCoverageCategory = (typeof talkCoverageCategories)[number];
export const talkCoverageCategoryLabels: Record<TalkCoverageCategory, string> = {
  committeeCommittee: '支委↔支委',
  committeeMember: '支委↔党员',
  memberMember: '党员↔党员',
};

/**
 * How 「党员和党员之间每年一般各谈心谈话不少于1次」 is read [U]. Read literally ('allPairs') a branch of
 * 300 members owes ~45,000 talks a year, which no branch does and no inspection asks; the reading used
 * in practice (and by the 机关党委 checks we know of) is 'eachMemberOnce': every member has talked with
 * every committee member (that is the 支委↔党员 category, all pairs either way) and with at least one
 * other ordinary member. 支委↔支委 and 支委↔党员 are always all pairs. A court that reads the text
 * literally sets `talks.peerCoverage: 'allPairs'`.
 */
export const talkPeerCoverageModes = ['eachMemberOnce', 'allPairs'] as const;
export type TalkPeerCoverage = (typeof talkPeerCoverageModes)[number];

export type TalkConfig = {
  peerCoverage: TalkPeerCoverage;
  /** From this month (1–12) of the year on, pairs still missing are a warning rather than a note [U]. */
  warningFromMonth: number;
};
export const defaultTalkConfig: TalkConfig = { peerCoverage: 'eachMemberOnce', warningFromMonth: 10 };

export const talkCoverageRule = '支部工作条例 第十九条：支委之间、支委和党员之间、党员和党员之间，每年一般各谈心谈话不少于1次';

/** One person of the branch's roster in the year. */
export type TalkRosterEntry = {
  id: string;
  name: string;
  /** In the branch since (joined the party or transferred in); null: since before the year. */
  since: IsoDate | null;
  /** Left the branch (transferred out, died, removed…) on this day; null: still in it. */
  leftOn: IsoDate | null;
  /** Holds a committee post (支委) on the reference day. */
  committee: boolean;
};

export type TalkRecordInput = { talkedOn: IsoDate; kind: TalkKind; participantIds: string[] };

export type TalkCoverageInput = {
  year: number;
  /** Today: the roster of the current year is the roster of today; of a past year, of 31 December. */
  asOf: IsoDate;
  roster: TalkRosterEntry[];
  talks: TalkRecordInput[];
  peerCoverage: TalkPeerCoverage;
};

export type TalkPerson = { id: string; name: string };
/** A pair still owed. `b` is null for 'eachMemberOnce': 「与任一其他党员」. */
export type TalkMissingPair = { category: TalkCoverageCategory; a: TalkPerson; b: TalkPerson | null };
export type TalkCategoryCoverage = { category: TalkCoverageCategory; required: number; covered: number };

export type TalkCoverage = {
  year: number;
  /** The day whose roster is judged. */
  referenceDate: IsoDate;
  peerCoverage: TalkPeerCoverage;
  categories: TalkCategoryCoverage[];
  required: number;
  covered: number;
  /** Whole percent, rounded down: 100 only when nothing is missing. */
  percent: number;
  missing: TalkMissingPair[];
};

const maxDate = (...ds: (IsoDate | null)[]): IsoDate => ds.filter((d): d is IsoDate => !!d).sort(compareDates).pop()!;

/** The pairs of 支委↔支委, 支委↔党员 and 党员↔党员 covered and missing in a year. Pure: no IO. */
export function computeTalkCoverage(input: TalkCoverageInput): TalkCoverage {
  const yearStart = `${input.year}-01-01`;
  const yearEnd = `${input.year}-12-31`;
  const referenceDate = input.asOf < yearStart ? yearStart : input.asOf > yearEnd ? yearEnd : input.asOf;
  // Who owes talks: in the branch on the reference day. A member who left is not missing; one who
  // joined mid-year owes pairs from the day they joined (talks before do not count for the pair).
  const roster = input.roster.filter((p) => (!p.since || p.since <= referenceDate) && (!p.leftOn || p.leftOn > referenceDate));
  const byId = new Map(roster.map((p) => [p.id, p]));

  // Latest 谈心谈话 of the year between two people (a group talk covers every pair in it).
  const latest = new Map<string, IsoDate>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const t of input.talks) {
    if (t.kind !== 'talk' || t.talkedOn < yearStart || t.talkedOn > yearEnd) continue;
    const ids = [...new Set(t.participantIds)].filter((id) => byId.has(id));
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const k = key(ids[i]!, ids[j]!);
        const prev = latest.get(k);
        if (!prev || prev < t.talkedOn) latest.set(k, t.talkedOn);
      }
  }
  const pairCovered = (a: TalkRosterEntry, b: TalkRosterEntry) => {
    const d = latest.get(key(a.id, b.id));
    return !!d && d >= maxDate(yearStart, a.since, b.since);
  };
  const person = (p: TalkRosterEntry): TalkPerson => ({ id: p.id, name: p.name });

  const committee = roster.filter((p) => p.committee);
  const ordinary = roster.filter((p) => !p.committee);
  const counts: Record<TalkCoverageCategory, TalkCategoryCoverage> = {
    committeeCommittee: { category: 'committeeCommittee', required: 0, covered: 0 },
    committeeMember: { category: 'committeeMember', required: 0, covered: 0 },
    memberMember: { category: 'memberMember', required: 0, covered: 0 },
  };
  const missing: TalkMissingPair[] = [];
  const judge = (category: TalkCoverageCategory, a: TalkRosterEntry, b: TalkRosterEntry) => {
    counts[category].required++;
    if (pairCovered(a, b)) counts[category].covered++;
    else missing.push({ category, a: person(a), b: person(b) });
  };
  for (let i = 0; i < committee.length; i++) for (let j = i + 1; j < committee.length; j++) judge('committeeCommittee', committee[i]!, committee[j]!);
  for (const c of committee) for (const m of ordinary) judge('committeeMember', c, m);
  if (input.peerCoverage === 'allPairs') {
    for (let i = 0; i < ordinary.length; i++) for (let j = i + 1; j < ordinary.length; j++) judge('memberMember', ordinary[i]!, ordinary[j]!);
  } else if (ordinary.length > 1) {
    // Each ordinary member owes one talk with any other ordinary member.
    for (const m of ordinary) {
      counts.memberMember.required++;
      if (ordinary.some((o) => o.id !== m.id && pairCovered(m, o))) counts.memberMember.covered++;
      else missing.push({ category: 'memberMember', a: person(m), b: null });
    }
  }
  const categories = talkCoverageCategories.map((c) => counts[c]);
  const required = categories.reduce((s, c) => s + c.required, 0);
  const covered = categories.reduce((s, c) => s + c.covered, 0);
  return {
    year: input.year,
    referenceDate,
    peerCoverage: input.peerCoverage,
    categories,
    required,
    covered,
    percent: required === 0 ? 100 : Math.floor((covered * 100) / required),
    missing,
  };
}

export type TalkCoverageLevel = 'complete' | 'open' | 'warning';

/**
 * Missing pairs of the current year are a note until the configured month (default October, the 4th
 * quarter), then a warning; of a past year they stay a warning.
 */
export function talkCoverageLevel(year: number, today: IsoDate, missingCount: number, config: Pick<TalkConfig, 'warningFromMonth'>): TalkCoverageLevel {
  if (missingCount === 0) return 'complete';
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 'warning';
  if (year > thisYear) return 'open';
  return Number(today.slice(5, 7)) >= config.warningFromMonth ? 'warning' : 'open';
}
