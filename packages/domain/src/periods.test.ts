import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  daysLeftInPeriod,
  describeCurrentPeriod,
  formatPeriodName,
  getIsoWeekday,
  listPeriods,
  nextPeriod,
  parsePeriodKey,
  periodOf,
  previousPeriod,
  startOfYear,
} from './periods';

describe('periodOf：季度、月、半年、年按自然历计算', () => {
  it.each([
    ['2025-03-31', 'quarter', '2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-04-01', 'quarter', '2025-Q2', '2025-04-01', '2025-06-30'],
    ['2025-12-31', 'quarter', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['2026-01-01', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2024-02-29', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02-28', 'month', '2025-02', '2025-02-01', '2025-02-28'],
    ['2025-06-30', 'halfYear', '2025-H1', '2025-01-01', '2025-06-30'],
    ['2025-07-01', 'halfYear', '2025-H2', '2025-07-01', '2025-12-31'],
    ['2025-12-31', 'year', '2025', '2025-01-01', '2025-12-31'],
    ['2026-01-01', 'year', '2026', '2026-01-01', '2026-12-31'],
  ] as const)('%s 属于 %s 周期 %s（%s 至 %s）', (date, unit, key, start, end) => {
    expect(periodOf(date, unit)).toEqual({ unit, key, start, end });
  });
});

describe('periodOf：周按 ISO 8601 计算（周一至周日，含当年第一个星期四的周为第1周）', () => {
  it.each([
    ['2025-02-24', '2025-W09', '2025-02-24', '2025-03-02'],
    ['2025-03-02', '2025-W09', '2025-02-24', '2025-03-02'],
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-03', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
  ] as const)('%s 属于 %s（%s 至 %s）', (date, key, start, end) => {
    expect(periodOf(date, 'week')).toEqual({ unit: 'week', key, start, end });
  });

  it.each([
    ['2025-03-03', 1],
    ['2025-03-09', 7],
    ['1970-01-01', 4],
    ['1969-12-29', 1],
  ])('%s 是星期%i', (date, weekday) => {
    expect(getIsoWeekday(date)).toBe(weekday);
  });
});

describe('previousPeriod / nextPeriod / addPeriods 跨年', () => {
  it.each([
    ['2025-Q1', '2024-Q4'],
    ['2025-01', '2024-12'],
    ['2025-H1', '2024-H2'],
    ['2025', '2024'],
    ['2027-W01', '2026-W53'],
    ['2026-W01', '2025-W52'],
  ])('%s 的上一个周期是 %s', (key, previous) => {
    const period = parsePeriodKey(key)!;
    expect(previousPeriod(period).key).toBe(previous);
    expect(nextPeriod(previousPeriod(period)).key).toBe(key);
  });

  it.each([
    ['2025-Q1', 4, '2026-Q1'],
    ['2025-Q1', -1, '2024-Q4'],
    ['2026-W52', 2, '2027-W01'],
    ['2025-11', 3, '2026-02'],
  ])('%s 加 %i 个周期是 %s', (key, count, expected) => {
    expect(addPeriods(parsePeriodKey(key)!, count).key).toBe(expected);
  });
});

describe('listPeriods：与区间相交的所有周期（含两端）', () => {
  it('2025年2月15日至5月1日覆盖第一、第二季度', () => {
    expect(listPeriods('2025-02-15', '2025-05-01', 'quarter').map((p) => p.key)).toEqual(['2025-Q1', '2025-Q2']);
  });

  it('跨年的月份', () => {
    expect(listPeriods('2025-11-30', '2026-02-01', 'month').map((p) => p.key)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('2026年12月28日至2027年1月4日的 ISO 周', () => {
    expect(listPeriods('2026-12-28', '2027-01-04', 'week').map((p) => p.key)).toEqual(['2026-W53', '2027-W01']);
  });

  it('起点晚于终点时为空', () => {
    expect(listPeriods('2025-05-01', '2025-04-30', 'month')).toEqual([]);
  });

  it('2026年有53个 ISO 周，2025年有52个', () => {
    expect(listPeriods('2026-01-01', '2026-12-31', 'week').filter((p) => p.key.startsWith('2026')).length).toBe(53);
    expect(listPeriods('2025-01-01', '2025-12-31', 'week').filter((p) => p.key.startsWith('2025')).length).toBe(52);
  });
});

describe('daysLeftInPeriod：距周期结束的天数，最后一天为0', () => {
  it.each([
    ['2025-03-19', 'quarter', 12],
    ['2025-03-31', 'quarter', 0],
    ['2025-04-01', 'quarter', 90],
    ['2024-02-22', 'month', 7],
    ['2025-12-31', 'year', 0],
    ['2025-11-16', 'year', 45],
    ['2025-03-07', 'week', 2],
    ['2026-12-31', 'week', 3],
  ] as const)('%s 距%s结束还有%i天', (date, unit, days) => {
    expect(daysLeftInPeriod(date, unit)).toBe(days);
  });
});

describe('parsePeriodKey', () => {
  it.each([['2025'], ['2025-H2'], ['2025-Q3'], ['2025-07'], ['2026-W53'], ['2025-W01']])('%s 可以还原为同一周期', (key) => {
    expect(parsePeriodKey(key)?.key).toBe(key);
  });

  it.each([['2025-Q5'], ['2025-13'], ['2025-W54'], ['2025-W53'], ['2025-W00'], ['0000'], ['25-Q1'], ['']])('%j 不是有效的周期', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });
});

describe('周期的中文名称', () => {
  it.each([
    ['2025', '2025年度'],
    ['2025-H1', '2025年上半年'],
    ['2025-H2', '2025年下半年'],
    ['2025-Q1', '2025年第一季度'],
    ['2025-Q4', '2025年第四季度'],
    ['2025-03', '2025年3月'],
    ['2026-W53', '2026年第53周'],
    ['2025-W09', '2025年第9周'],
  ])('%s 写作 %s', (key, name) => {
    expect(formatPeriodName(parsePeriodKey(key)!)).toBe(name);
  });

  it.each([
    ['week', '本周'],
    ['month', '本月'],
    ['quarter', '本季度'],
    ['halfYear', '本半年'],
    ['year', '本年度'],
  ] as const)('当前%s称为%s', (unit, text) => {
    expect(describeCurrentPeriod(unit)).toBe(text);
  });

  it('startOfYear 为当年1月1日', () => {
    expect(startOfYear('2025-07-09')).toBe('2025-01-01');
  });
});
