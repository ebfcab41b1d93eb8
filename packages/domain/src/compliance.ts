// 党建工作提示: from the catalogue's minimum frequencies, the activities and a date, what each org has
// done, what is due and what it missed. A pure function so that the reminders page, the secretary's
// list and the benchmark all compute the same thing. @see RULES.md §1.1, issue 3 (Compliance)
//
// Semantics (each choice is the or documented here):
// - Only activities with status 'held' count; 'planned' ones do not (yet), 'cancelled' ones never.
//   A 'held' activity dated after `today` is a data error and is not counted. 补录 (lateEntry) ones
//   count — they were held — and the item says how many of its count were entered late.
// - An org is judged on a type when the type is enabled, has a minimum frequency, and the org's type
//   is in its heldBy; 支委会 is not judged for a branch known to have no committee (hasCommittee: false:
//   正式党员不足7人的支部不设支委会, RULES.md §2).
// - Current period: 'done' when count ≥ required; otherwise 'dueSoon' when the days left (0 on the last
//   day) are ≤ config.dueSoonDays[unit], else 'pending'.
// - Completed periods: every one of the current calendar year (for weeks: of the current ISO
//   week-year, by key), plus at least config.lookbackPeriods of the most recent completed ones even
//   when they are last year's; one with count < required is 'missed'. Completed periods that were met
//   are left out unless includeCompletedDone is set, so the overview stays small.
// - An org established after a period's start is not judged for that period.
// - Org level: red if any item is missed, amber if any is dueSoon, else green.
// Cost: one pass over the activities (tallied by org → type → period index, each date mapped to its
// period once), then a fixed number of periods per org and type, with messages shared between orgs —
// linear in activities + orgs × types × periods, never nested scans.
import { activityTypeLabels, activityTypes, defaultActivityCatalogue, type ActivityCatalogue, type ActivityStatus, type ActivityType, type ActivityTypeDefinition } from './activity-types';
import { isIsoDate, type IsoDate } from './dates';
import type { OrgType, PeriodUnit } from './enums';
import { daysLeftInPeriod, describeCurrentPeriod, formatPeriodName, periodOf, previousPeriod, type Period } from './periods';
import { defaultRuleConfig, type OrgLifeConfig } from './rule-config';

export type ComplianceOrg = {
  id: string;
  name: string;
  type: OrgType;
  courtId: string;
  establishedOn?: IsoDate | null;
  /** false for a branch without a 支部委员会 (not judged on 支委会); unknown counts as having one. */
  hasCommittee?: boolean;
};

export type ComplianceActivity = {
  id: string;
  orgId: string;
  type: ActivityType;
  date: IsoDate;
  status: ActivityStatus;
  lateEntry?: boolean;
};

export type ComplianceState = 'done' | 'pending' | 'dueSoon' | 'missed';
export type ComplianceLevel = 'green' | 'amber' | 'red';

export type ComplianceItem = {
  type: ActivityType;
  label: string;
  periodKey: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** The current period (done/pending/dueSoon) or a completed one (missed, or done when asked). */
  current: boolean;
  state: ComplianceState;
  /** Held activities of this type in the period. */
  count: number;
  /** Of which entered after the fact (补录). */
  lateEntryCount: number;
  required: number;
  /** Days left in the current period (0 on its last day); null for a completed period. */
  daysLeft: number | null;
  message: string;
  rule: string;
};

export type OrgCompliance = {
  orgId: string;
  orgName: string;
  courtId: string;
  level: ComplianceLevel;
  items: ComplianceItem[];
};

export type ComplianceInput = {
  orgs: readonly ComplianceOrg[];
  catalogue?: ActivityCatalogue;
  activities: readonly ComplianceActivity[];
  today: IsoDate;
  config?: OrgLifeConfig;
  /** Also list completed periods that were met (state 'done'), e.g. for a branch's own year view. */
  includeCompletedDone?: boolean;
};

const everyUnit: Record<PeriodUnit, string> = { week: '周', month: '月', quarter: '季度', halfYear: '半年', year: '年' };
const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

function describeFrequency(definition: ActivityTypeDefinition): string {
  const frequency = definition.minFrequency;
  if (!frequency) return '';
  const base = `应每${everyUnit[frequency.period]}至少${frequency.count}次`;
  return definition.preferredQuarter ? `${base}，一般安排在${quarterNames[definition.preferredQuarter - 1]}` : base;
}

function describeCitation(definition: ActivityTypeDefinition): string {
  return definition.customized ? `${definition.rule}；本院已调整默认配置` : definition.rule;
}

function describeTimeLeft(period: Period, daysLeft: number): string {
  const current = describeCurrentPeriod(period.unit);
  if (daysLeft === 0) return `今天是${current}最后一天`;
  const name = { week: '本周', month: '本月', quarter: '季度', halfYear: period.key.endsWith('H1') ? '上半年' : '下半年', year: '年度' }[period.unit];
  return `距${name}结束还有${daysLeft}天`;
}

function describeCurrent(definition: ActivityTypeDefinition, period: Period, count: number, required: number, daysLeft: number): string {
  const current = describeCurrentPeriod(period.unit);
  const action = `${definition.verb}${definition.label}`;
  const frequency = describeFrequency(definition);
  if (count >= required) return `${current}已${action}${count}次（${frequency}）`;
  const timeLeft = describeTimeLeft(period, daysLeft);
  if (count === 0) return `${current}尚未${action}（${frequency}），${timeLeft}`;
  return `${current}已${action}${count}次，还差${required - count}次（${frequency}），${timeLeft}`;
}

function describeCompleted(definition: ActivityTypeDefinition, period: Period, count: number, required: number): string {
  const name = formatPeriodName(period);
  const action = `${definition.verb}${definition.label}`;
  const frequency = describeFrequency(definition);
  if (count >= required) return `${name}已${action}${count}次（${frequency}）`;
  if (count === 0) return `${name}未${action}（${frequency}），已逾期`;
  return `${name}仅${action}${count}次（${frequency}），已逾期`;
}

// The completed periods judged for `unit` on `today`: those of today's year (by key), then at least
// `lookback` of the most recent ones. Newest first.
function listJudgedCompletedPeriods(current: Period, today: IsoDate, lookback: number): Period[] {
  const year = today.slice(0, 4);
  const result: Period[] = [];
  for (let period = previousPeriod(current); period.key.slice(0, 4) === year || result.length < lookback; period = previousPeriod(period)) {
    result.push(period);
  }
  return result;
}

type Tally = { count: number; late: number };

function isJudged(definition: ActivityTypeDefinition, org: ComplianceOrg): boolean {
  if (!definition.heldBy.includes(org.type)) return false;
  return !(definition.type === 'committeeMeeting' && org.hasCommittee === false);
}

const levelOfState: Record<ComplianceState, ComplianceLevel> = { done: 'green', pending: 'green', dueSoon: 'amber', missed: 'red' };
const levelRank: Record<ComplianceLevel, number> = { green: 0, amber: 1, red: 2 };

// The judged periods of one unit on `today`: index 0 is the current period, 1… the completed ones,
// newest first. Shared by every org and type, so dates map to an index once.
type UnitPlan = {
  periods: Period[];
  indexByKey: Map<string, number>;
  indexByDate: Map<IsoDate, number>;
  windowStart: IsoDate;
  daysLeft: number;
  /** Current period first, then the completed ones oldest first. */
  emitOrder: number[];
};

type TypePlan = {
  definition: ActivityTypeDefinition;
  unit: PeriodUnit;
  plan: UnitPlan;
  required: number;
  rule: string;
  // Messages by period index and count: every org that missed the same period reads the same words.
  messages: Map<number, string>[];
};

function buildUnitPlan(unit: PeriodUnit, today: IsoDate, lookback: number): UnitPlan {
  const current = periodOf(today, unit);
  const periods = [current, ...listJudgedCompletedPeriods(current, today, lookback)];
  return {
    periods,
    indexByKey: new Map(periods.map((period, index) => [period.key, index])),
    indexByDate: new Map(),
    windowStart: periods[periods.length - 1]!.start,
    daysLeft: daysLeftInPeriod(today, unit),
    emitOrder: [0, ...periods.map((_, index) => periods.length - 1 - index).filter((index) => index > 0)],
  };
}

function findPeriodIndex(plan: UnitPlan, unit: PeriodUnit, date: IsoDate): number {
  let index = plan.indexByDate.get(date);
  if (index === undefined) {
    index = plan.indexByKey.get(periodOf(date, unit).key) ?? -1;
    plan.indexByDate.set(date, index);
  }
  return index;
}

function describeItem(typePlan: TypePlan, index: number, count: number): string {
  const byCount = typePlan.messages[index]!;
  let message = byCount.get(count);
  if (message === undefined) {
    const period = typePlan.plan.periods[index]!;
    message =
      index === 0
        ? describeCurrent(typePlan.definition, period, count, typePlan.required, typePlan.plan.daysLeft)
        : describeCompleted(typePlan.definition, period, count, typePlan.required);
    byCount.set(count, message);
  }
  return message;
}

/** The 党建工作提示 of every org on `today`; see the semantics at the top of this file. */
export function computeCompliance(input: ComplianceInput): OrgCompliance[] {
  const { orgs, activities, today } = input;
  const catalogue = input.catalogue ?? defaultActivityCatalogue;
  const config = input.config ?? defaultRuleConfig.orgLife;
  if (!isIsoDate(today)) throw new RangeError(`无效的日期：${today}（应为 YYYY-MM-DD）`);

  const unitPlans = new Map<PeriodUnit, UnitPlan>();
  const typePlans = new Map<ActivityType, TypePlan>();
  for (const type of activityTypes) {
    const definition = catalogue[type];
    if (!definition.enabled || !definition.minFrequency) continue;
    const unit = definition.minFrequency.period;
    let plan = unitPlans.get(unit);
    if (!plan) unitPlans.set(unit, (plan = buildUnitPlan(unit, today, config.lookbackPeriods)));
    typePlans.set(type, {
      definition,
      unit,
      plan,
      required: definition.minFrequency.count,
      rule: describeCitation(definition),
      messages: plan.periods.map(() => new Map()),
    });
  }

  // One pass: tally held activities in the judged window by org, type and period index.
  const orgById = new Map(orgs.map((org) => [org.id, org]));
  const tallies = new Map<string, Map<ActivityType, Tally[]>>();
  for (const activity of activities) {
    if (activity.status !== 'held' || activity.date > today) continue;
    const typePlan = typePlans.get(activity.type);
    if (!typePlan || activity.date < typePlan.plan.windowStart) continue;
    const org = orgById.get(activity.orgId);
    if (!org || !typePlan.definition.heldBy.includes(org.type)) continue;
    const index = findPeriodIndex(typePlan.plan, typePlan.unit, activity.date);
    if (index < 0) continue;
    let byType = tallies.get(activity.orgId);
    if (!byType) tallies.set(activity.orgId, (byType = new Map()));
    let perPeriod = byType.get(activity.type);
    if (!perPeriod) byType.set(activity.type, (perPeriod = typePlan.plan.periods.map(() => ({ count: 0, late: 0 }))));
    const tally = perPeriod[index]!;
    tally.count += 1;
    if (activity.lateEntry) tally.late += 1;
  }

  return orgs.map((org) => {
    const items: ComplianceItem[] = [];
    let level: ComplianceLevel = 'green';
    const established = org.establishedOn ?? null;
    const byType = tallies.get(org.id);
    for (const typePlan of typePlans.values()) {
      const { definition, plan, required, rule } = typePlan;
      if (!isJudged(definition, org)) continue;
      const perPeriod = byType?.get(definition.type);
      const emit = (index: number, state: ComplianceState, count: number): void => {
        const period = plan.periods[index]!;
        items.push({
          type: definition.type,
          label: definition.label,
          periodKey: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          current: index === 0,
          state,
          count,
          lateEntryCount: perPeriod?.[index]!.late ?? 0,
          required,
          daysLeft: index === 0 ? plan.daysLeft : null,
          message: describeItem(typePlan, index, count),
          rule,
        });
        if (levelRank[levelOfState[state]] > levelRank[level]) level = levelOfState[state];
      };
      for (const index of plan.emitOrder) {
        if (established && established > plan.periods[index]!.start) continue;
        const count = perPeriod?.[index]!.count ?? 0;
        if (index === 0) {
          emit(0, count >= required ? 'done' : plan.daysLeft <= config.dueSoonDays[typePlan.unit] ? 'dueSoon' : 'pending', count);
        } else if (count < required) {
          emit(index, 'missed', count);
        } else if (input.includeCompletedDone) {
          emit(index, 'done', count);
        }
      }
    }
    return { orgId: org.id, orgName: org.name, courtId: org.courtId, level, items };
  });
}

export type ActivityCountRow = {
  /** Set when counted by org. */
  orgId?: string;
  type: ActivityType;
  label: string;
  count: number;
  lateEntryCount: number;
};

export type SummarizeCountsOptions = {
  by: 'type' | 'orgAndType';
  /** Only activities of this calendar year. */
  year?: number;
  /** Only activities on or after / on or before these days. */
  from?: IsoDate;
  to?: IsoDate;
};

/**
 * Held activities counted per type (or per org and type), for yearly figures like the articles'
 * "集中研讨66次、专题党课37次、警示教育53次". Rows with a count of 0 are left out; order: org id, then
 * catalogue order. Planned and cancelled activities are not counted.
 */
export function summarizeCounts(activities: readonly Pick<ComplianceActivity, 'orgId' | 'type' | 'date' | 'status' | 'lateEntry'>[], options: SummarizeCountsOptions): ActivityCountRow[] {
  const yearPrefix = options.year === undefined ? null : `${String(options.year).padStart(4, '0')}-`;
  const tallies = new Map<string, Map<ActivityType, Tally>>();
  for (const activity of activities) {
    if (activity.status !== 'held') continue;
    if (yearPrefix && !activity.date.startsWith(yearPrefix)) continue;
    if (options.from && activity.date < options.from) continue;
    if (options.to && activity.date > options.to) continue;
    const group = options.by === 'type' ? '' : activity.orgId;
    let byType = tallies.get(group);
    if (!byType) tallies.set(group, (byType = new Map()));
    const tally = byType.get(activity.type);
    if (tally) {
      tally.count += 1;
      if (activity.lateEntry) tally.late += 1;
    } else {
      byType.set(activity.type, { count: 1, late: activity.lateEntry ? 1 : 0 });
    }
  }
  const rows: ActivityCountRow[] = [];
  for (const group of [...tallies.keys()].sort()) {
    const byType = tallies.get(group)!;
    for (const type of activityTypes) {
      const tally = byType.get(type);
      if (!tally) continue;
      const row: ActivityCountRow = { type, label: activityTypeLabels[type], count: tally.count, lateEntryCount: tally.late };
      rows.push(options.by === 'type' ? row : { orgId: group, ...row });
    }
  }
  return rows;
}

/** Counts as a sentence: '集中研讨66次、专题党课37次、警示教育53次'. */
export function formatActivityCounts(rows: readonly Pick<ActivityCountRow, 'label' | 'count'>[]): string {
  return rows.map((row) => `${row.label}${row.count}次`).join('、');
}
