// Times of day as the court reads them (Asia/Shanghai): 3月5日 周四 14:30, shared by the sign-in,
// calendar and 微党课 pages.
const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function partsOf(value: string): Record<string, string> | null {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** '14:30' in Asia/Shanghai. */
export function showTime(value: string | null | undefined): string {
  if (!value) return '—';
  const p = partsOf(value);
  return p ? `${p.hour}:${p.minute}` : value;
}

/** '2026年3月5日（周四）14:30' in Asia/Shanghai. */
export function showWhen(value: string | null | undefined): string {
  if (!value) return '—';
  const p = partsOf(value);
  return p ? `${p.year}年${p.month}月${p.day}日（${p.weekday}）${p.hour}:${p.minute}` : value;
}

const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 'YYYY-MM-DD' → '周四' (a calendar date, no time zone involved). */
export function weekdayOf(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return weekdayNames[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()] ?? '';
}
