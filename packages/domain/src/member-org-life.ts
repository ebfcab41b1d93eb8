// A member's 党章第九条 counters: 「没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所
// 分配的工作，就被认为是自行脱党。支部大会应当决定把这样的党员除名，并报上级党组织批准。」
// Three independent counters; this module computes any of them from "the last time it happened", and
// issue 3 uses the 组织生活 one. A counter only ever produces a reminder: removal is a 支部大会
// decision approved by the upper org, never an automatic action of the platform.
// @see RULES.md §4.1 (党章 第九条；教育管理条例 第三十一条(六))
import { activityTypes, defaultActivityCatalogue, type ActivityCatalogue, type ActivityType } from './activity-types';
import { diffInMonths, formatChineseDate, type IsoDate } from './dates';
import type { AttendanceStatus, MemberStatus } from './enums';
import { isActiveMember } from './member-status';
import { defaultRuleConfig, type MemberCounterThresholds } from './rule-config';

export const disengagementCounters = ['orgLife', 'dues', 'assignedWork'] as const;
export type DisengagementCounter = (typeof disengagementCounters)[number];
export const disengagementCounterLabels: Record<DisengagementCounter, string> = {
  orgLife: '参加党的组织生活',
  dues: '交纳党费',
  assignedWork: '做党所分配的工作',
};

const counterRules: Record<DisengagementCounter, string> = {
  orgLife: '《中国共产党章程》第九条；RULES.md §4.1',
  dues: '《中国共产党章程》第九条；《关于中国共产党党费收缴、使用和管理的规定》第十三条；RULES.md §4.1',
  assignedWork: '《中国共产党章程》第九条；RULES.md §4.1',
};

// What "exempt" means differs by counter: 年老体弱 members are not held to organizational life
// (教育管理条例 第二十三条), while dues have their own 少交或免交 approval (党费规定 第七条).
const exemptionNotes: Record<DisengagementCounter, string> = {
  orgLife: '年老体弱、长期患病的党员，组织活动和学习教育不作硬性要求，宜送学上门、走访慰问（《中国共产党党员教育管理工作条例》第二十三条）',
  dues: '经党支部研究并报上一级党委批准少交或免交党费（党费规定第七条）',
  assignedWork: '已免于承担党组织分配的工作',
};

export type MemberCounterLevel = 'ok' | 'warning' | 'critical';

export type MemberCounterInput = {
  memberId: string;
  status: MemberStatus;
  /** Exempt from this counter (for 组织生活: 年老体弱 不作硬性要求). */
  exempt?: boolean;
  /** End of a recorded 正当理由: the counter does not run up to and including this day. */
  justifiedUntil?: IsoDate | null;
  /** The last day it happened (attended organizational life, paid dues, did assigned work). */
  lastOccurredOn?: IsoDate | null;
  /** The day the member joined this branch: the branch cannot count months before it. */
  joinedBranchOn?: IsoDate | null;
};

export type MemberCounterResult = {
  memberId: string;
  counter: DisengagementCounter;
  /** Whole calendar months the counter has run; null when it cannot be computed or does not apply. */
  months: number | null;
  /** The day the counter runs from. */
  since: IsoDate | null;
  level: MemberCounterLevel;
  message: string;
  /** Extra context (an exemption, a 正当理由), shown beside the message. */
  note: string | null;
  rule: string;
};

type Start = { date: IsoDate; source: 'occurred' | 'justified' | 'joined' };

function findLatestStart(input: MemberCounterInput): Start | null {
  const candidates: Start[] = [];
  if (input.lastOccurredOn) candidates.push({ date: input.lastOccurredOn, source: 'occurred' });
  if (input.justifiedUntil) candidates.push({ date: input.justifiedUntil, source: 'justified' });
  if (input.joinedBranchOn) candidates.push({ date: input.joinedBranchOn, source: 'joined' });
  return candidates.reduce<Start | null>((latest, candidate) => (!latest || candidate.date > latest.date ? candidate : latest), null);
}

function describeStart(counter: DisengagementCounter, start: Start): string {
  const day = formatChineseDate(start.date);
  switch (start.source) {
    case 'occurred':
      return `最近一次${disengagementCounterLabels[counter]}为${day}`;
    case 'justified':
      return `正当理由登记至${day}`;
    case 'joined':
      return `${day}转入本支部后未有${disengagementCounterLabels[counter]}的记录`;
  }
}

/**
 * One 党章第九条 counter of one member on `today`. Months are calendar months (diffInMonths) from
 * the latest of: the last time it happened, the end of a 正当理由, joining this branch. At
 * thresholds.warnMonths → 'warning'; at thresholds.criticalMonths (党章: 连续六个月) → 'critical'.
 * Members who are not 预备/正式党员 are not counted; exempt members are 'ok' with a note.
 */
export function checkMemberCounter(counter: DisengagementCounter, input: MemberCounterInput, today: IsoDate, thresholds: MemberCounterThresholds): MemberCounterResult {
  const base = { memberId: input.memberId, counter, rule: counterRules[counter] };
  const label = disengagementCounterLabels[counter];
  if (!isActiveMember(input.status)) {
    return { ...base, months: null, since: null, level: 'ok', message: '非在册党员（预备党员、正式党员），不计算', note: null };
  }
  const start = findLatestStart(input);
  const months = start ? Math.max(0, diffInMonths(start.date, today)) : null;
  if (input.exempt) {
    return { ...base, months, since: start?.date ?? null, level: 'ok', message: `不作硬性要求，不提示连续未${label}的月数`, note: exemptionNotes[counter] };
  }
  if (!start || months === null) {
    return {
      ...base,
      months: null,
      since: null,
      level: 'warning',
      message: `没有${label}的记录，也未登记转入本支部的日期，无法计算连续未${label}的月数，请补录`,
      note: null,
    };
  }
  const from = describeStart(counter, start);
  const justifiedNote = input.justifiedUntil && input.justifiedUntil >= today ? `有正当理由，登记至${formatChineseDate(input.justifiedUntil)}` : null;
  if (months >= thresholds.criticalMonths) {
    return {
      ...base,
      months,
      since: start.date,
      level: 'critical',
      message:
        `${from}，已连续${months}个月未${label}。没有正当理由连续${thresholds.criticalMonths}个月未${label}的，依照党章第九条被认为是自行脱党，` +
        '由支部大会决定是否除名并报上级党组织批准；有正当理由的请登记。系统不会自动处理',
      note: justifiedNote,
    };
  }
  if (months >= thresholds.warnMonths) {
    return {
      ...base,
      months,
      since: start.date,
      level: 'warning',
      message: `${from}，已连续${months}个月未${label}，请支部了解情况、及时提醒谈话（连续${thresholds.criticalMonths}个月将依照党章第九条由支部大会研究处理）`,
      note: justifiedNote,
    };
  }
  return { ...base, months, since: start.date, level: 'ok', message: `${from}，连续未${label}${months}个月`, note: justifiedNote };
}

export type MemberOrgLifeInput = {
  memberId: string;
  status: MemberStatus;
  /** 年老体弱、长期患病: 不作硬性要求 (教育管理条例 第二十三条). */
  exempt?: boolean;
  justifiedUntil?: IsoDate | null;
  /** Last day the member was present at an activity that counts as 组织生活 (see findLastOrgLifeDates). */
  lastAttendedOn?: IsoDate | null;
  joinedBranchOn?: IsoDate | null;
};

/** Months without organizational life (党章 第九条): warn at 3, critical at 6 by default. @see RULES.md §4.1 */
export function checkMemberOrgLife(
  input: MemberOrgLifeInput,
  today: IsoDate,
  config: MemberCounterThresholds = defaultRuleConfig.orgLife.memberAbsence,
): MemberCounterResult {
  const { lastAttendedOn, ...rest } = input;
  return checkMemberCounter('orgLife', { ...rest, lastOccurredOn: lastAttendedOn ?? null }, today, config);
}

export type OrgLifeAttendance = {
  memberId: string;
  activityType: ActivityType;
  /** Date of the activity. */
  date: IsoDate;
  status: AttendanceStatus;
  /** Status of the activity: only held ones count. */
  activityStatus?: 'planned' | 'held' | 'cancelled';
};

/**
 * The last day each member was present at a held activity of a type that counts as 组织生活 in the
 * catalogue. 请假, 缺席, 免于参加 do not count as taking part, nor does 列席 (attending another
 * branch's activity as an observer is not the member's own organizational life). One pass.
 */
export function findLastOrgLifeDates(attendances: readonly OrgLifeAttendance[], catalogue: ActivityCatalogue = defaultActivityCatalogue): Map<string, IsoDate> {
  const counting = new Set<ActivityType>(activityTypes.filter((type) => catalogue[type].enabled && catalogue[type].countsAsOrgLife));
  const result = new Map<string, IsoDate>();
  for (const attendance of attendances) {
    if (attendance.status !== 'present' || (attendance.activityStatus && attendance.activityStatus !== 'held')) continue;
    if (!counting.has(attendance.activityType)) continue;
    const last = result.get(attendance.memberId);
    if (!last || attendance.date > last) result.set(attendance.memberId, attendance.date);
  }
  return result;
}
