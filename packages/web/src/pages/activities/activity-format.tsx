// Small pieces the activity pages share: status, 补录 and review tags, times in Asia/Shanghai.
import { Tag, Typography } from 'antd';
import { activityStatusColors, activityStatusLabels, reviewStateColors, reviewStateLabels, type ActivitySummary } from '../../api/activities';
import { showDate } from '../../lib/dates';

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** '09:00' of an instant, in Asia/Shanghai. */
export function showClock(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : clock.format(d);
}

/** '09:00–11:30' (or '09:00'). */
export function timeRange(a: Pick<ActivitySummary, 'startsAt' | 'endsAt'>): string {
  const end = showClock(a.endsAt);
  return end ? `${showClock(a.startsAt)}–${end}` : showClock(a.startsAt);
}

/** '2026年11月25日 09:00–11:30'. */
export function whenText(a: Pick<ActivitySummary, 'heldOn' | 'startsAt' | 'endsAt'>): string {
  return `${showDate(a.heldOn)} ${timeRange(a)}`;
}

export function ActivityStatusTag({ a }: { a: Pick<ActivitySummary, 'status'> }) {
  return <Tag color={activityStatusColors[a.status]}>{activityStatusLabels[a.status]}</Tag>;
}

export function ReviewTag({ state }: { state: ActivitySummary['reviewState'] }) {
  if (state === 'none') return <Typography.Text type="secondary">{reviewStateLabels.none}</Typography.Text>;
  return <Tag color={reviewStateColors[state]}>{reviewStateLabels[state]}</Tag>;
}

export function LateEntryTag() {
  return (
    <Tag color="warning" title="开始日期早于录入日期，属于补录（已留痕）">
      补录
    </Tag>
  );
}
