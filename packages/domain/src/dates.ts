// Calendar dates as 'YYYY-MM-DD' strings. The database stores them as `date`, the regulations count
// in calendar days, months and years, and the users live in Asia/Shanghai: a plain string keeps all
// three in step with no time zone to leak in. Arithmetic is done on day numbers (no `Date`), so years
// below 100 and DST rules of the host can never shift a result.
// @see DESIGN.md §Data ("Calendar dates are `date`"), RULES.md §3.2 ("Date arithmetic suggestion")

/** A calendar date written 'YYYY-MM-DD' (ISO 8601, always zero-padded, years 0001–9999). */
export type IsoDate = string;

export type DateParts = { year: number; month: number; day: number };

const msPerDay = 86_400_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991; the platform only deals with
// instants after that, so a fixed offset is exact and needs no time-zone database.
const shanghaiOffsetMs = 8 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function getDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by `count` ASCII digits of `text` from `start`; -1 when one is not a digit. */
function readDigits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Strict parse: the shape must be exactly 'YYYY-MM-DD' and the day must exist (2025-02-30 → null). */
export function parseIsoDate(raw: string): DateParts | null {
  if (!isWellFormedIsoDate(raw)) return null;
  return { year: readDigits(raw, 0, 4), month: readDigits(raw, 5, 2), day: readDigits(raw, 8, 2) };
}

/**
 * parseIsoDate's test without the parts: read character by character, not by a regular expression,
 * and allocating nothing. Every date rule checks its dates, and an import of 100,000 rows checks a
 * million of them (their garbage was a tenth of the import's, bench/).
 */
function isWellFormedIsoDate(raw: string): boolean {
  if (raw.length !== 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return false;
  const year = readDigits(raw, 0, 4);
  const month = readDigits(raw, 5, 2);
  const day = readDigits(raw, 8, 2);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(year, month);
}

export function isIsoDate(raw: unknown): raw is IsoDate {
  return typeof raw === 'string' && isWellFormedIsoDate(raw);
}

/** Writes parts as 'YYYY-MM-DD'; throws on a day that does not exist. */
export function formatIsoDate(parts: DateParts): IsoDate {
  const text = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  if (!Number.isInteger(parts.year) || !Number.isInteger(parts.month) || !Number.isInteger(parts.day) || !parseIsoDate(text)) {
    throw new RangeError(`无效的日期：${parts.year}-${parts.month}-${parts.day}`);
  }
  return text;
}

// Arithmetic helpers are called with dates that were validated at the edge; an invalid one here is a
// programming error, so it throws instead of spreading NaN through the rules.
function requireIsoDate(date: IsoDate): void {
  if (!isWellFormedIsoDate(date)) throw new RangeError(`无效的日期：${date}（应为 YYYY-MM-DD）`);
}

function requireParts(date: IsoDate): DateParts {
  requireIsoDate(date);
  return parseIsoDate(date)!;
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
function countDaysFromEpoch({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function convertEpochDayToParts(epochDay: number): DateParts {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(convertEpochDayToParts(countDaysFromEpoch(requireParts(date)) + Math.trunc(days)));
}

/**
 * Calendar months, clamped to the month's last day when the target month is shorter
 * (2024-01-31 + 1 → 2024-02-29), the way 民法典 第二百零二条 counts a period that has no
 * corresponding day. @see RULES.md §3.2 ("1个月/3个月/6个月/1年" → calendar add)
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireParts(date);
  const monthIndex = year * 12 + (month - 1) + Math.trunc(months);
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, getDaysInMonth(targetYear, targetMonth)) });
}

/** Calendar years; 2024-02-29 + 1 year → 2025-02-28 (same clamping as addMonths). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, Math.trunc(years) * 12);
}

/** -1 when a is earlier, 0 when equal, 1 when later. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  requireIsoDate(a);
  requireIsoDate(b);
  // Zero-padded ISO dates order the same as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isDateBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isDateAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function countDaysBetween(from: IsoDate, to: IsoDate): number {
  return countDaysFromEpoch(requireParts(to)) - countDaysFromEpoch(requireParts(from));
}

/** Alias kept short for callers that read better with it. */
export const daysBetween = countDaysBetween;

/**
 * Whole calendar months from `from` to `to`, truncated toward zero, consistent with addMonths:
 * the largest m with addMonths(from, m) ≤ to (for to ≥ from).
 */
export function diffInMonths(from: IsoDate, to: IsoDate): number {
  const f = requireParts(from);
  const t = requireParts(to);
  let months = (t.year - f.year) * 12 + (t.month - f.month);
  if (months > 0 && compareDates(addMonths(from, months), to) > 0) months -= 1;
  else if (months < 0 && compareDates(addMonths(from, months), to) < 0) months += 1;
  return months;
}

/** Whole calendar years from `from` to `to`, truncated toward zero. */
export function diffInYears(from: IsoDate, to: IsoDate): number {
  return Math.trunc(diffInMonths(from, to) / 12);
}

/**
 * Age in full years (周岁) on a day. The birthday itself counts as the new age, and someone born on
 * 2月29日 turns a year older on 2月28日 of a common year (same clamping as addYears), so that
 * `ageOn(b, addYears(b, 18)) === 18` always holds. @see RULES.md §3.2 T1 (按周岁计算 [U])
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  return diffInYears(birthDate, onDate);
}

/** '2025-03-01' → '2025年3月1日' (the way users read dates). @see DESIGN.md §Who uses it */
export function formatChineseDate(date: IsoDate): string {
  const { year, month, day } = requireParts(date);
  return `${year}年${month}月${day}日`;
}

/** The calendar date in Asia/Shanghai at an instant. */
export function todayInShanghai(now: Date): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效的时间');
  return formatIsoDate(convertEpochDayToParts(Math.floor((ms + shanghaiOffsetMs) / msPerDay)));
}
