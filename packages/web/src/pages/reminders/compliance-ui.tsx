// How a 党建工作提示 looks: red/amber/green with a word beside the colour (never colour alone), the
// state of one item, and the grouping of an org's items by activity type (a branch has dozens of
// items once weekly 微党课 and monthly meetings are missed, so each type reads as one block).
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { OrgReminder } from '@zhibu/contracts';

export type Level = OrgReminder['level'];
export type ReminderItem = OrgReminder['items'][number];
export type ItemState = ReminderItem['state'];

export const levelStyles: Record<Level, { color: string; background: string; border: string; short: string; label: string; icon: ReactNode }> = {
  red: { color: '#cf1322', background: '#fff1f0', border: '#ffa39e', short: '红', label: '有逾期', icon: <CloseCircleFilled /> },
  amber: { color: '#d48806', background: '#fffbe6', border: '#ffe58f', short: '黄', label: '即将到期', icon: <ExclamationCircleFilled /> },
  green: { color: '#389e0d', background: '#f6ffed', border: '#b7eb8f', short: '绿', label: '正常', icon: <CheckCircleFilled /> },
};

export const levels: Level[] = ['red', 'amber', 'green'];

export function LevelTag({ level }: { level: Level }) {
  const s = levelStyles[level];
  return (
    <Tag icon={s.icon} style={{ color: s.color, background: s.background, borderColor: s.border, marginInlineEnd: 0, fontWeight: 500 }} data-level={level}>
      {s.short} · {s.label}
    </Tag>
  );
}

export const stateStyles: Record<ItemState, { color: string; background: string; border: string; label: string; icon: ReactNode }> = {
  missed: { color: '#cf1322', background: '#fff1f0', border: '#ffa39e', label: '已逾期', icon: <CloseCircleFilled /> },
  dueSoon: { color: '#d48806', background: '#fffbe6', border: '#ffe58f', label: '即将到期', icon: <ExclamationCircleFilled /> },
  pending: { color: '#0958d9', background: '#e6f4ff', border: '#91caff', label: '本期待办', icon: <ClockCircleFilled /> },
  done: { color: '#389e0d', background: '#f6ffed', border: '#b7eb8f', label: '已完成', icon: <CheckCircleFilled /> },
};

const stateRank: Record<ItemState, number> = { missed: 0, dueSoon: 1, pending: 2, done: 3 };

export function StateTag({ state }: { state: ItemState }) {
  const s = stateStyles[state];
  return (
    <Tag icon={s.icon} style={{ color: s.color, background: s.background, borderColor: s.border, marginInlineEnd: 0 }}>
      {s.label}
    </Tag>
  );
}

export type ItemCounts = { missed: number; dueSoon: number; pending: number; done: number };

export function countStates(items: readonly ReminderItem[]): ItemCounts {
  const c: ItemCounts = { missed: 0, dueSoon: 0, pending: 0, done: 0 };
  for (const it of items) c[it.state]++;
  return c;
}

export type TypeGroup = {
  type: ReminderItem['type'];
  label: string;
  rule: string;
  worst: ItemState;
  current: ReminderItem | null;
  /** Missed completed periods, newest first. */
  missed: ReminderItem[];
};

/** An org's items by type, the worst types first (逾期 → 即将到期 → 待办 → 已完成). */
export function groupByType(items: readonly ReminderItem[]): TypeGroup[] {
  const groups = new Map<string, TypeGroup>();
  for (const it of items) {
    let g = groups.get(it.type);
    if (!g) groups.set(it.type, (g = { type: it.type, label: it.label, rule: it.rule, worst: it.state, current: null, missed: [] }));
    if (it.current) g.current = it;
    else if (it.state === 'missed') g.missed.push(it);
    if (stateRank[it.state] < stateRank[g.worst]) g.worst = it.state;
  }
  const out = [...groups.values()];
  for (const g of out) g.missed.sort((a, b) => (a.periodStart < b.periodStart ? 1 : -1));
  // Stable: within the same worst state the catalogue order of the server stays.
  return out.sort((a, b) => stateRank[a.worst] - stateRank[b.worst]);
}

/** '逾期：支部委员会会议10期、主题党日10期' — what an org's row says about why it is red. */
export function describeMissed(items: readonly ReminderItem[]): string {
  const byLabel = new Map<string, number>();
  for (const it of items) if (it.state === 'missed') byLabel.set(it.label, (byLabel.get(it.label) ?? 0) + 1);
  return [...byLabel.entries()].map(([label, n]) => `${label}${n}期`).join('、');
}

/** The most urgent current-period item (即将到期, then 待办), for the org's row. */
export function mostUrgentCurrent(items: readonly ReminderItem[]): ReminderItem | null {
  const current = items.filter((it) => it.current && it.state !== 'done');
  current.sort((a, b) => stateRank[a.state] - stateRank[b.state] || (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  return current[0] ?? null;
}

/** Position of each org in the org tree (depth-first, siblings by sortOrder), for tree-ordered lists. */
export function indexTreeOrder(orgs: readonly { id: string; parentId: string | null; sortOrder: number; name: string }[]): Map<string, { index: number; depth: number }> {
  const children = new Map<string | null, typeof orgs[number][]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    // An org whose parent is outside the caller's scope is a root of what the caller sees.
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  const out = new Map<string, { index: number; depth: number }>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const o of list) {
      out.set(o.id, { index: out.size, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
