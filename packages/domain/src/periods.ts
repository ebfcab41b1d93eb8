// Calendar periods in which the regulations count activities: 每周、每月、每季度、每半年、每年.
// Quarters and half years are calendar ones (第一季度 = 1–3月), as the 条例 and every court's annual
// plan use them; weeks are ISO 8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday),
// which is how a 每周政治理论集中学习 is planned and how most calendars number weeks.
// Every bound is inclusive and every date an IsoDate, like the rest of the rules. @see RULES.md §1.1
import { addDays, addMonths, countDaysBetween, formatIsoDate, getDaysInMonth, parseIsoDate, type IsoDate } from './dates';
import { periodUnits, type PeriodUnit } from './enums';

export type Period = {
  unit: PeriodUnit;
  /** Stable key: '2025' (year), '2025-H1', '2025-Q1', '2025-03', '2025-W09' (ISO week-year). */
  key: string;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
};

const epochMonday = '1970-01-05';
const chineseOrdinals = ['一', '二', '三', '四'] as const;

function requireParts(date: IsoDate) {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`无效的日期：${date}（应为 YYYY-MM-DD）`);
  return parts;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function padYear(year: number): string {
  return String(year).padStart(4, '0');
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function getIsoWeekday(date: IsoDate): number {
  const days = countDaysBetween(epochMonday, date);
  return (((days % 7) + 7) % 7) + 1;
}

function buildMonthSpan(unit: PeriodUnit, key: string, year: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  return {
    unit,
    key,
    start: formatIsoDate({ year, month: firstMonth, day: 1 }),
    end: formatIsoDate({ year, month: lastMonth, day: getDaysInMonth(year, lastMonth) }),
  };
}

// The ISO week-year and week of a date: the week belongs to the year of its Thursday, so
// 2026-12-31 (Thursday) and 2027-01-01 (Friday) are both in 2026-W53.
function computeIsoWeek(date: IsoDate): Period {
  const monday = addDays(date, 1 - getIsoWeekday(date));
  const thursday = addDays(monday, 3);
  const weekYear = requireParts(thursday).year;
  const week = Math.floor(countDaysBetween(`${padYear(weekYear)}-01-01`, thursday) / 7) + 1;
  return { unit: 'week', key: `${padYear(weekYear)}-W${pad2(week)}`, start: monday, end: addDays(monday, 6) };
}

/** The period of the given unit that contains `date`. */
export function periodOf(date: IsoDate, unit: PeriodUnit): Period {
  const { year, month } = requireParts(date);
  const y = padYear(year);
  switch (unit) {
    case 'week':
      return computeIsoWeek(date);
    case 'month':
      return buildMonthSpan(unit, `${y}-${pad2(month)}`, year, month, 1);
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      return buildMonthSpan(unit, `${y}-Q${quarter}`, year, quarter * 3 - 2, 3);
    }
    case 'halfYear': {
      const half = month <= 6 ? 1 : 2;
      return buildMonthSpan(unit, `${y}-H${half}`, year, half === 1 ? 1 : 7, 6);
    }
    case 'year':
      return buildMonthSpan(unit, y, year, 1, 12);
  }
}

/** The period just before `period` (2025-Q1 → 2024-Q4, 2027-W01 → 2026-W53). */
export function previousPeriod(period: Period): Period {
  return periodOf(addDays(period.start, -1), period.unit);
}

/** The period just after `period`. */
export function nextPeriod(period: Period): Period {
  return periodOf(addDays(period.end, 1), period.unit);
}

/** Every period of `unit` that overlaps [from, to] (both inclusive), oldest first; empty when from > to. */
export function listPeriods(from: IsoDate, to: IsoDate, unit: PeriodUnit): Period[] {
  const result: Period[] = [];
  if (countDaysBetween(from, to) < 0) return result;
  for (let period = periodOf(from, unit); period.start <= to; period = nextPeriod(period)) result.push(period);
  return result;
}

/** Days after `date` until the end of its period: 0 on the period's last day (3月19日 → 12 in Q1). */
export function daysLeftInPeriod(date: IsoDate, unit: PeriodUnit): number {
  return countDaysBetween(date, periodOf(date, unit).end);
}

const keyPatterns: Record<PeriodUnit, RegExp> = {
  year: /^(\d{4})$/,
  halfYear: /^(\d{4})-H([12])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  week: /^(\d{4})-W(\d{2})$/,
};

/** Reads a key written by periodOf back into its period (for API filters); null when malformed. */
export function parsePeriodKey(key: string): Period | null {
  for (const unit of periodUnits) {
    const match = keyPatterns[unit].exec(key);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < 1) return null;
    const n = Number(match[2]);
    switch (unit) {
      case 'year':
        return periodOf(`${match[1]}-01-01`, unit);
      case 'halfYear':
        return periodOf(formatIsoDate({ year, month: n === 1 ? 1 : 7, day: 1 }), unit);
      case 'quarter':
        return periodOf(formatIsoDate({ year, month: n * 3 - 2, day: 1 }), unit);
      case 'month':
        return periodOf(formatIsoDate({ year, month: n, day: 1 }), unit);
      case 'week': {
        // Week 1 is the week that holds 4 January.
        const period = periodOf(addDays(formatIsoDate({ year, month: 1, day: 4 }), (n - 1) * 7), unit);
        return n >= 1 && period.key === key ? period : null;
      }
    }
  }
  return null;
}

/** The period in a sentence about "now": '本周', '本月', '本季度', '本半年', '本年度'. */
export function describeCurrentPeriod(unit: PeriodUnit): string {
  return { week: '本周', month: '本月', quarter: '本季度', halfYear: '本半年', year: '本年度' }[unit];
}

/** A period as users read it: '2025年度', '2025年上半年', '2025年第一季度', '2025年3月', '2026年第53周'. */
export function formatPeriodName(period: Period): string {
  const { year, month } = requireParts(period.start);
  switch (period.unit) {
    case 'year':
      return `${year}年度`;
    case 'halfYear':
      return `${year}年${month === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${year}年第${chineseOrdinals[Math.ceil(month / 3) - 1]}季度`;
    case 'month':
      return `${year}年${month}月`;
    case 'week': {
      const [weekYear, week] = period.key.split('-W');
      return `${Number(weekYear)}年第${Number(week)}周`;
    }
  }
}

/** 1 January of the calendar year of `date`. */
export function startOfYear(date: IsoDate): IsoDate {
  return formatIsoDate({ year: requireParts(date).year, month: 1, day: 1 });
}

/** The period `count` periods after (negative: before) `period`. */
export function addPeriods(period: Period, count: number): Period {
  if (period.unit === 'week') return periodOf(addDays(period.start, count * 7), 'week');
  const months = { month: 1, quarter: 3, halfYear: 6, year: 12 }[period.unit];
  return periodOf(addMonths(period.start, count * months), period.unit);
}
