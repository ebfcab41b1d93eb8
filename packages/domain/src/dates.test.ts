import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  countDaysBetween,
  diffInMonths,
  diffInYears,
  formatChineseDate,
  formatIsoDate,
  isIsoDate,
  parseIsoDate,
  todayInShanghai,
} from './dates';

describe('parseIsoDate', () => {
  it.each([
    ['2025-03-01', { year: 2025, month: 3, day: 1 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2025-12-31', { year: 2025, month: 12, day: 31 }],
  ])('存在的日期 %s 应当解析成功', (raw, parts) => {
    expect(parseIsoDate(raw)).toEqual(parts);
  });

  it.each([
    ['2025-02-30'],
    ['2025-02-29'],
    ['1900-02-29'],
    ['2025-04-31'],
    ['2025-13-01'],
    ['2025-00-10'],
    ['2025-01-00'],
    ['2025-1-1'],
    ['20250101'],
    ['2025-01-01T00:00:00Z'],
    [' 2025-01-01'],
    ['0000-01-01'],
    [''],
    ['2025/01/01'],
    ['2025-0a-01'],
    ['+025-01-01'],
    ['-025-01-01'],
    ['2025-01-3１'],
    ['２０２５-01-01'],
    ['2025-01-0:'],
  ])('不存在或格式不严格的日期 %j 应当被拒绝', (raw) => {
    expect(parseIsoDate(raw)).toBeNull();
    expect(isIsoDate(raw)).toBe(false);
  });

  it('格式化无效日期应当抛出错误', () => {
    expect(() => formatIsoDate({ year: 2025, month: 2, day: 30 })).toThrow(RangeError);
    expect(formatIsoDate({ year: 33, month: 1, day: 5 })).toBe('0033-01-05');
  });
});

describe('addMonths / addYears', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-08-31', -6, '2025-02-28'],
    ['2026-05-20', -6, '2025-11-20'],
    ['2025-01-31', -1, '2024-12-31'],
    ['2025-03-01', 0, '2025-03-01'],
    ['2025-03-01', 120, '2035-03-01'],
  ])('按自然月计算，%s 加 %i 个月为 %s（月末对齐）', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-05-20', 3, '2026-05-20'],
    ['2025-03-01', -1, '2024-03-01'],
  ])('按自然年计算，%s 加 %i 年为 %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-01', 365, '2026-03-01'],
  ])('%s 加 %i 天为 %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('无效日期参与计算应当抛出错误', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
    expect(() => compareDates('2025-1-1', '2025-01-01')).toThrow(RangeError);
  });
});

describe('compareDates / countDaysBetween / diffInMonths', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
  ] as const)('比较 %s 与 %s 得 %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-12-31', 364],
    ['2024-01-01', '2024-12-31', 365],
    ['2025-03-01', '2025-02-28', -1],
    ['1970-01-01', '2000-01-01', 10_957],
  ])('%s 到 %s 相差 %i 天', (from, to, expected) => {
    expect(countDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2025-01-15', '2025-02-14', 0],
    ['2025-01-15', '2025-02-15', 1],
    ['2024-01-31', '2024-02-29', 1],
    ['2025-03-31', '2025-04-29', 0],
    ['2025-03-31', '2025-04-30', 1],
    ['2025-02-15', '2025-01-16', 0],
    ['2025-02-15', '2025-01-15', -1],
    ['2023-05-20', '2026-05-20', 36],
  ])('%s 到 %s 满 %i 个月', (from, to, expected) => {
    expect(diffInMonths(from, to)).toBe(expected);
  });

  it.each([
    ['2020-06-01', '2025-05-31', 4],
    ['2020-06-01', '2025-06-01', 5],
  ])('%s 到 %s 满 %i 年', (from, to, expected) => {
    expect(diffInYears(from, to)).toBe(expected);
  });
});

describe('ageOn（周岁）', () => {
  it.each([
    ['2007-06-15', '2025-06-14', 17],
    ['2007-06-15', '2025-06-15', 18],
    ['2007-06-15', '2025-06-16', 18],
    ['2000-02-29', '2018-02-27', 17],
    ['2000-02-29', '2018-02-28', 18],
    ['2000-02-29', '2020-02-29', 20],
    ['2025-03-01', '2025-03-01', 0],
  ])('生于 %s，在 %s 为 %i 周岁（生日当天长一岁）', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('formatChineseDate', () => {
  it.each([
    ['2025-03-01', '2025年3月1日'],
    ['2026-12-31', '2026年12月31日'],
    ['2026-05-20', '2026年5月20日'],
  ])('日期 %s 应当写作 %s', (date, expected) => {
    expect(formatChineseDate(date)).toBe(expected);
  });
});

describe('todayInShanghai', () => {
  it.each([
    ['2025-03-01T15:59:59.999Z', '2025-03-01'],
    ['2025-03-01T16:00:00.000Z', '2025-03-02'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2025-02-28T00:00:00.000Z', '2025-02-28'],
    ['2025-06-30T23:59:59+08:00', '2025-06-30'],
  ])('北京时间按UTC+8取日期：%s 为 %s', (instant, expected) => {
    expect(todayInShanghai(new Date(instant))).toBe(expected);
  });

  it('无效时间应当抛出错误', () => {
    expect(() => todayInShanghai(new Date('x'))).toThrow(RangeError);
  });
});
