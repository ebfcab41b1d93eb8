// 一支部一阵地: booking an activity room. A room is held for the half-open span [startsAt, endsAt):
// one booking ending at 16:00 and the next starting at 16:00 do not clash. Times are shown in
// Asia/Shanghai (DESIGN.md § Who uses it). The room's 标准化规范化建设 checklist has no national
// indicator set, so its items are configurable per court [U] (RULES.md §3 标准化规范化建设).

/** Shortest and longest booking, and how far ahead a branch may book. */
export const roomBookingRule = {
  minMinutes: 15,
  maxHours: 12,
  maxDaysAhead: 366,
};

export type BookingSpan = { startsAt: Date; endsAt: Date };
export type BookingProblem = { field: 'startsAt' | 'endsAt'; message: string };

/** Do two spans share any instant? Touching ends (16:00 / 16:00) do not. */
export function bookingsOverlap(a: BookingSpan, b: BookingSpan): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Checks of one requested span against the rule and the current instant (bookings cannot start in the past). */
export function checkBookingSpan(span: BookingSpan, now: Date): BookingProblem[] {
  const start = span.startsAt.getTime();
  const end = span.endsAt.getTime();
  if (end <= start) return [{ field: 'endsAt', message: '结束时间应晚于开始时间' }];
  if (end - start < roomBookingRule.minMinutes * 60_000) return [{ field: 'endsAt', message: `预约时长不能少于${roomBookingRule.minMinutes}分钟` }];
  if (end - start > roomBookingRule.maxHours * 3600_000) return [{ field: 'endsAt', message: `一次预约不能超过${roomBookingRule.maxHours}小时` }];
  // A booking made a few minutes into the slot (the meeting has just begun) is still allowed.
  if (start < now.getTime() - 15 * 60_000) return [{ field: 'startsAt', message: '不能预约已经过去的时间' }];
  if (start > now.getTime() + roomBookingRule.maxDaysAhead * 86400_000) return [{ field: 'startsAt', message: `最多提前${roomBookingRule.maxDaysAhead}天预约` }];
  return [];
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function shanghaiParts(d: Date) {
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return { day: s.toISOString().slice(0, 10), month: s.getUTCMonth() + 1, date: s.getUTCDate(), hm: s.toISOString().slice(11, 16) };
}

/** "14:00–16:00" on the requested day, else "12月5日 14:00–16:00" (or across days, both dates). */
export function formatBookingSpan(span: BookingSpan, relativeTo?: Date): string {
  const a = shanghaiParts(span.startsAt);
  const b = shanghaiParts(span.endsAt);
  const sameDay = a.day === b.day;
  const ref = relativeTo ? shanghaiParts(relativeTo).day : a.day;
  const startLabel = a.day === ref ? a.hm : `${a.month}月${a.date}日 ${a.hm}`;
  const endLabel = sameDay ? b.hm : `${b.month}月${b.date}日 ${b.hm}`;
  return `${startLabel}–${endLabel}`;
}

/** The refusal naming who holds the room: "与第二党支部 14:00–16:00 的预约冲突". */
export function describeBookingClash(holderOrgName: string, held: BookingSpan, requested: BookingSpan): string {
  return `与${holderOrgName} ${formatBookingSpan(held, requested.startsAt)} 的预约冲突`;
}

/** The first existing booking the requested span clashes with (earliest first), if any. */
export function findBookingClash<T extends BookingSpan>(requested: BookingSpan, existing: readonly T[]): T | undefined {
  return [...existing].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime()).find((e) => bookingsOverlap(requested, e));
}

/** Hours a span occupies, rounded to a tenth (usage statistics). */
export function bookingHours(span: BookingSpan): number {
  return Math.round((span.endsAt.getTime() - span.startsAt.getTime()) / 360_000) / 10;
}

/** 'YYYY-MM' of an instant in Asia/Shanghai. */
export function shanghaiMonthOf(d: Date): string {
  return shanghaiParts(d).day.slice(0, 7);
}

export function isMonth(raw: unknown): raw is string {
  return typeof raw === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) && Number(raw.slice(0, 4)) >= 2000 && Number(raw.slice(0, 4)) <= 2100;
}

/** The default room checklist (党员活动室标准化规范化建设); a court replaces it with its own list [U]. */
export const defaultRoomChecklist: readonly string[] = [
  '党旗、入党誓词上墙',
  '支部工作制度上墙',
  '党员公示栏（组织架构、党员名单）',
  '学习书架与学习资料',
  '远程视频会议设备可用',
  '活动记录台账齐全',
  '标识标牌统一规范',
];

export type ChecklistItemState = { item: string; done: boolean };

/** The court's items with this room's state; items the court has since dropped are not shown. */
export function applyChecklist(items: readonly string[], state: Record<string, boolean>): { items: ChecklistItemState[]; done: number; total: number } {
  const rows = items.map((item) => ({ item, done: state[item] === true }));
  return { items: rows, done: rows.filter((r) => r.done).length, total: rows.length };
}
