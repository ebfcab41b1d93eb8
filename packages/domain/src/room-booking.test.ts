import { describe, expect, it } from 'vitest';
import { applyChecklist, bookingHours, bookingsOverlap, checkBookingSpan, describeBookingClash, findBookingClash, isMonth, shanghaiMonthOf } from './room-booking';

const at = (hm: string, day = '2026-12-03') => new Date(`${day}T${hm}:00+08:00`);
const span = (a: string, b: string, day?: string) => ({ startsAt: at(a, day), endsAt: at(b, day) });

describe('活动室预约不得重叠：占用时段为[开始, 结束)，首尾相接不算冲突', () => {
  it.each([
    ['完全相同的时段冲突', span('14:00', '16:00'), span('14:00', '16:00'), true],
    ['部分重叠冲突', span('15:00', '17:00'), span('14:00', '16:00'), true],
    ['被包含冲突', span('14:30', '15:00'), span('14:00', '16:00'), true],
    ['16:00结束与16:00开始相接不冲突', span('16:00', '17:00'), span('14:00', '16:00'), false],
    ['13:00–14:00与14:00开始相接不冲突', span('13:00', '14:00'), span('14:00', '16:00'), false],
    ['早1分钟结束不冲突', span('12:00', '13:59'), span('14:00', '16:00'), false],
    ['晚1分钟开始冲突', span('15:59', '17:00'), span('14:00', '16:00'), true],
  ])('%s', (_n, a, b, expected) => {
    expect(bookingsOverlap(a, b)).toBe(expected);
    expect(bookingsOverlap(b, a)).toBe(expected);
  });

  it('冲突提示写明占用的支部和时段（北京时间）', () => {
    expect(describeBookingClash('第二党支部', span('14:00', '16:00'), span('15:00', '17:00'))).toBe('与第二党支部 14:00–16:00 的预约冲突');
    // Held from the day before: the date is named.
    expect(describeBookingClash('第二党支部', { startsAt: at('20:00', '2026-12-02'), endsAt: at('08:30') }, span('08:00', '09:00'))).toBe('与第二党支部 12月2日 20:00–12月3日 08:30 的预约冲突');
  });

  it('有多个冲突时指出最早的一个', () => {
    const existing = [{ ...span('15:00', '16:00'), who: 'b' }, { ...span('14:00', '15:00'), who: 'a' }];
    expect(findBookingClash(span('14:30', '15:30'), existing)?.who).toBe('a');
    expect(findBookingClash(span('16:00', '17:00'), existing)).toBeUndefined();
  });
});

describe('预约时长与时间的检查', () => {
  const now = at('09:00');
  it.each([
    ['2小时的预约可以', span('14:00', '16:00'), []],
    ['结束早于开始', span('16:00', '14:00'), ['endsAt']],
    ['结束等于开始', span('14:00', '14:00'), ['endsAt']],
    ['不足15分钟', span('14:00', '14:14'), ['endsAt']],
    ['恰好15分钟可以', span('14:00', '14:15'), []],
    ['恰好12小时可以', span('10:00', '22:00'), []],
    ['超过12小时', span('10:00', '22:01'), ['endsAt']],
    ['会议开始15分钟内仍可补订', span('08:45', '10:00'), []],
    ['已经过去的时间不能预约', span('08:44', '10:00'), ['startsAt']],
  ])('%s', (_n, s, fields) => {
    expect(checkBookingSpan(s, now).map((p) => p.field)).toEqual(fields);
  });
  it('最多提前366天', () => {
    expect(checkBookingSpan({ startsAt: new Date(now.getTime() + 367 * 86400_000), endsAt: new Date(now.getTime() + 367 * 86400_000 + 3600_000) }, now)[0]?.field).toBe('startsAt');
  });
});

describe('使用统计与月份', () => {
  it('按北京时间计月：12月1日0:30属于12月，11月30日23:30属于11月', () => {
    expect(shanghaiMonthOf(new Date('2026-12-01T00:30:00+08:00'))).toBe('2026-12');
    expect(shanghaiMonthOf(new Date('2026-11-30T23:30:00+08:00'))).toBe('2026-11');
  });
  it('时长按小时计，保留一位小数', () => {
    expect(bookingHours(span('14:00', '16:00'))).toBe(2);
    expect(bookingHours(span('14:00', '15:20'))).toBe(1.3);
  });
  it.each([
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['1999-12', false],
  ])('月份 %s 有效：%s', (m, ok) => expect(isMonth(m)).toBe(ok));
});

describe('活动室标准化规范化建设清单按本院配置的项目显示（[U] 可配置）', () => {
  it('只显示本院现行项目，统计完成数', () => {
    const r = applyChecklist(['党旗上墙', '制度上墙', '远程设备'], { 党旗上墙: true, 远程设备: false, 已删除的项目: true });
    expect(r.items).toEqual([
      { item: '党旗上墙', done: true },
      { item: '制度上墙', done: false },
      { item: '远程设备', done: false },
    ]);
    expect([r.done, r.total]).toEqual([1, 3]);
  });
});
