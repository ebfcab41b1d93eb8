// Dates as users read them: 2025年3月1日 (DESIGN.md § Who uses it). Instants in Asia/Shanghai.
import dayjs, { type Dayjs } from 'dayjs';
import { formatChineseDate, isIsoDate } from '@zhibu/domain';

export const chineseDateFormat = 'YYYY年M月D日';

/** '2025-03-01' → '2025年3月1日'; empty or invalid → '—'. */
export function showDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = value.slice(0, 10);
  return isIsoDate(day) ? formatChineseDate(day) : value;
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An instant as 2025年3月1日 08:30:05 in Asia/Shanghai. */
export function showDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(timeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** DatePicker value → 'YYYY-MM-DD' (or null). */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format('YYYY-MM-DD') : null;
}

/** 'YYYY-MM-DD' → DatePicker value. */
export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value.slice(0, 10), 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
