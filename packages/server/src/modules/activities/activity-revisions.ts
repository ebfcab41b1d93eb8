// 修改记录: a recorded activity is evidence, so every edit keeps the state before it
// (activity_revisions, written by updateActivity). This reads them back as "what changed": each
// revision against the state that followed it (the next revision, or the activity as it is now).
import type { ActivityRevision } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import type { Actor } from '../../policy/actor';
import * as repo from './activities.repository';
import { loadReadable, snapshotOf } from './activities.service';

const shownFields: Record<string, string> = {
  title: '活动主题',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  hostMemberId: '主持人',
  recorderMemberId: '记录人',
  agenda: '议程',
  firstAgendaItem: '第一议题',
  minutes: '会议记录',
  resolutions: '决议事项',
  lateEntryReason: '补录原因',
};
const memberFields = new Set(['hostMemberId', 'recorderMemberId']);
const instantFields = new Set(['startsAt', 'endsAt']);

type Snapshot = Record<string, unknown>;

function formatInstant(value: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(value));
}

export async function listActivityRevisions(deps: Deps, actor: Actor, id: string): Promise<{ items: ActivityRevision[]; total: number }> {
  const { activity } = await loadReadable(deps, actor, id);
  const rows = await repo.listRevisions(deps.db, id);
  // Dates as the snapshots hold them (ISO strings), so states compare field by field.
  const states: Snapshot[] = [...rows.map((r) => r.snapshot as Snapshot), JSON.parse(JSON.stringify(snapshotOf(activity))) as Snapshot];
  const ids = new Set<string>();
  for (const s of states) for (const f of memberFields) if (typeof s[f] === 'string') ids.add(s[f] as string);
  const names = await repo.memberNames(deps.db, [...ids]);
  const show = (field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (memberFields.has(field)) return names.get(String(v)) ?? '（已不在册）';
    if (instantFields.has(field)) return formatInstant(String(v));
    return String(v);
  };
  const items = rows.map((r, i) => {
    const before = states[i]!;
    const after = states[i + 1]!;
    const changes = Object.entries(shownFields)
      .filter(([f]) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
      .map(([field, label]) => ({ field, label, before: show(field, before[field]), after: show(field, after[field]) }));
    return { version: r.version, changedAt: r.changedAt.toISOString(), changedBy: r.changedBy, reason: r.reason, changes };
  });
  // Newest first, as people read a history.
  return { items: items.reverse(), total: items.length };
}
