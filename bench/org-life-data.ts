// Five years of organizational life for the generated province, written by PostgreSQL itself
// (insert … select from generate_series joined to the orgs, members and committees that
// province.ts made): per branch 支委会 monthly (the committee attends), 主题党日 monthly, 支部党员大会
// and 党课 quarterly, 组织生活会 and 民主评议 yearly, 每周政治理论集中学习 weekly, and a 党小组会 monthly
// per 党小组 (its members attend); and a monthly 集中研讨, which has no minimum. Deterministic: every choice is a hash of ids and dates.
//
// Branches differ so that the reminders' levels vary: ~15% are lax (skip ~15% of periods: red),
// ~20% hold each activity late in its period (the current period is often still open: amber), the
// rest hold it early (green); 离退休 branches study every other week. History is loaded by time
// slices, so that the benchmark can measure at 1/16, 4/16 and 16/16 of it on one database.
import { addDays, countDaysBetween, type IsoDate } from '@zhibu/domain';
import type pg from 'pg';

export type HistorySlice = { from: IsoDate; to: IsoDate };
export type SliceFigures = { activities: number; attendance: number; seconds: number };

/** The activities generated per branch or group; each with its period and who is expected. */
const plan: { type: string; label: string; unit: 'week' | 'month' | 'quarter' | 'year'; step: string; expected: 'allMembers' | 'committee' | 'group'; firstAgenda: boolean }[] = [
  { type: 'committeeMeeting', label: '支部委员会会议', unit: 'month', step: '1 month', expected: 'committee', firstAgenda: true },
  { type: 'themedPartyDay', label: '主题党日', unit: 'month', step: '1 month', expected: 'allMembers', firstAgenda: true },
  { type: 'branchAssembly', label: '支部党员大会', unit: 'quarter', step: '3 months', expected: 'allMembers', firstAgenda: true },
  { type: 'partyLecture', label: '党课', unit: 'quarter', step: '3 months', expected: 'allMembers', firstAgenda: false },
  { type: 'organizationalLifeMeeting', label: '组织生活会', unit: 'year', step: '1 year', expected: 'allMembers', firstAgenda: false },
  { type: 'democraticEvaluation', label: '民主评议党员', unit: 'year', step: '1 year', expected: 'allMembers', firstAgenda: false },
  { type: 'weeklyPoliticalStudy', label: '政治理论集中学习', unit: 'week', step: '1 week', expected: 'allMembers', firstAgenda: false },
  // Not judged (no minimum in the catalogue): the courts' own 集中研讨, which the overview must skip.
  { type: 'groupStudy', label: '集中研讨', unit: 'month', step: '1 month', expected: 'allMembers', firstAgenda: false },
  { type: 'groupMeeting', label: '党小组会', unit: 'month', step: '1 month', expected: 'group', firstAgenda: true },
];

/**
 * Splits the five years before `today` (inclusive) into the slices loaded one after the other: the
 * newest 1/16, then the older history up to 4/16, then the rest up to 16/16. Each slice is
 * [from, to): `to` exclusive.
 */
export function historySlices(today: IsoDate, years = 5): { start: IsoDate; slices: HistorySlice[] } {
  const end = addDays(today, 1);
  const start = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  const days = countDaysBetween(start, end);
  const at = (sixteenths: number) => addDays(end, -Math.round((days * sixteenths) / 16));
  return {
    start,
    slices: [
      { from: at(1), to: end },
      { from: at(4), to: at(1) },
      { from: start, to: at(4) },
    ],
  };
}

const planValues = plan
  .map((p) => `('${p.type}', '${p.label}', '${p.unit}', interval '${p.step}', '${p.expected}', ${p.firstAgenda})`)
  .join(',\n    ');

// Ids: UUIDv7-shaped and increasing (a sequence), so the primary keys grow at their right edge as
// the app's time-ordered ids do, instead of random inserts all over a 5-million-row index.
const newUuid = `overlay(overlay(lpad(to_hex(nextval('bench_ids')), 32, '0') placing '7' from 13) placing '8' from 17)::uuid`;

// One row per (branch or group, type, period) whose day falls in [$1, $2) and on or before $3.
const insertActivities = `
insert into activities (id, court_id, org_id, org_path, type, title, status, held_on, starts_at, ends_at, place,
                        host_member_id, recorder_member_id, agenda, first_agenda_item, minutes, resolutions,
                        late_entry, late_entry_reason, recorded_at, review_state, sign_in_secret, sign_in_code,
                        created_at, updated_at)
with plan(type, label, unit, step, expected, first_agenda) as (values
    ${planValues}
),
-- Branches and groups with their behaviour (kind: 0–2 lax, 3–6 late, else diligent; a group follows its branch).
holders as (
  select o.id, o.court_id, o.path, o.type as org_type, coalesce(b.branch_kind, o.branch_kind) as branch_kind,
         abs(hashtext(coalesce(b.id, o.id)::text)) % 20 as kind,
         (select cp.member_id from committee_positions cp where cp.org_id = coalesce(b.id, o.id) and cp.post = 'secretary' and cp.end_on is null limit 1) as secretary,
         (select cp.member_id from committee_positions cp where cp.org_id = coalesce(b.id, o.id) and cp.post <> 'secretary' and cp.end_on is null limit 1) as recorder,
         exists (select 1 from committee_positions cp where cp.org_id = o.id and cp.end_on is null) as has_committee
    from party_orgs o
    left join party_orgs b on o.type = 'partyGroup' and b.id = o.parent_id
   where o.type in ('branch', 'partyGroup') and o.dissolved_on is null
),
slots as (
  select h.*, p.type, p.label, p.unit, p.expected, p.first_agenda, s.start::date as period_start,
         ((s.start + p.step)::date - s.start::date) as period_days,
         abs(hashtext(h.id::text || p.type || s.start::date::text)) as r
    from holders h
    join plan p on (p.type = 'groupMeeting') = (h.org_type = 'partyGroup') and (p.type <> 'committeeMeeting' or h.has_committee)
    cross join lateral generate_series(date_trunc(p.unit, $1::date::timestamp), $2::date::timestamp, p.step) s(start)
),
days as (
  select s.*,
         (s.period_start + case
            when s.unit = 'week' and s.kind between 3 and 6 then 3 + s.r % 2
            when s.unit = 'week' and s.kind <= 2 then s.r % 5
            when s.unit = 'week' then s.r % 3
            when s.kind between 3 and 6 then floor(s.period_days * (0.6 + 0.4 * (s.r % 1000) / 1000.0))::int
            when s.kind <= 2 then floor(s.period_days * (s.r % 1000) / 1000.0)::int
            else floor(s.period_days * 0.55 * (s.r % 1000) / 1000.0)::int
          end) as held_on
    from slots s
   where not (s.kind <= 2 and (s.r / 1000) % 100 < 15)
     and not (s.unit = 'week' and s.branch_kind = 'retired' and extract(week from s.period_start)::int % 2 = 1)
)
select ${newUuid}, d.court_id, d.id, d.path, d.type,
       d.label || '（' || to_char(d.held_on, 'YYYY"年"FMMM"月"FMDD"日"') || '）',
       'held', d.held_on,
       (d.held_on + time '14:30') at time zone 'Asia/Shanghai',
       (d.held_on + time '16:30') at time zone 'Asia/Shanghai',
       '机关党员活动室', d.secretary, coalesce(d.recorder, d.secretary),
       case when d.first_agenda then '一、第一议题：学习习近平新时代中国特色社会主义思想相关论述' || E'\\n' || '二、' || d.label || E'\\n' || '三、其他事项'
            else '一、' || d.label || E'\\n' || '二、交流发言' end,
       case when d.first_agenda then '学习习近平新时代中国特色社会主义思想相关论述' end,
       '支部书记主持' || d.label || '。会议首先传达学习了上级有关文件精神，与会党员围绕审判执行工作逐一发言，谈认识、谈打算，查找自身差距。'
         || '会议要求把学习成果转化为推动工作的实际举措，以高质量党建引领审判执行工作高质量发展。',
       case when d.type = 'branchAssembly' then '会议一致同意本季度党建工作安排。' end,
       d.r % 100 < 3, case when d.r % 100 < 3 then '活动在乡镇法庭开展，现场无网络，返院后补录' end,
       (d.held_on + 1 + time '09:00') at time zone 'Asia/Shanghai',
       'none', md5(d.id::text || d.type || d.held_on::text), lpad((d.r % 1000000)::text, 6, '0'),
       (d.held_on + time '09:00') at time zone 'Asia/Shanghai',
       (d.held_on + 1 + time '09:00') at time zone 'Asia/Shanghai'
  from days d
 where d.held_on >= $1::date and d.held_on < $2::date and d.held_on <= $3::date
 order by d.held_on, d.id, d.type`;

// Expected attendees of the activities held in [$1, $2): present ~88%, on leave ~9% (with a reason), absent ~3%.
const attendanceSelect = (expected: string, join: string) => `
with plan(type, label, unit, step, expected, first_agenda) as (values
    ${planValues}
)
insert into activity_attendance (id, court_id, activity_id, member_id, role, status, reason, signed_in_at, sign_in_method, created_at, updated_at)
select ${newUuid}, a.court_id, a.id, x.member_id, 'expected',
       case when x.r < 88 then 'present' when x.r < 97 then 'onLeave' else 'absent' end,
       case when x.r >= 88 and x.r < 97 then (array['外出办案', '参加庭审', '病假', '公休假'])[1 + x.r % 4] end,
       case when x.r < 60 then a.starts_at - interval '5 minutes' end,
       case when x.r < 60 then 'qr' end,
       a.created_at, a.updated_at
  from activities a
  join plan p on p.type = a.type and p.expected = '${expected}'
  cross join lateral (
    select m.member_id, abs(hashtext(a.id::text || m.member_id::text)) % 100 as r
      from (${join}) m
  ) x
 where a.held_on >= $1::date and a.held_on < $2::date`;

const insertAttendance = [
  // Every active member of the branch who had joined the party by then.
  attendanceSelect('allMembers', `select id as member_id from members where org_id = a.org_id and status in ('probationaryMember', 'fullMember') and (joined_on is null or joined_on <= a.held_on)`),
  // The branch's committee (its current 支委).
  attendanceSelect('committee', `select distinct member_id from committee_positions where org_id = a.org_id and end_on is null`),
  // The 党小组's active members.
  attendanceSelect('group', `select id as member_id from members where group_id = a.org_id and status in ('probationaryMember', 'fullMember') and (joined_on is null or joined_on <= a.held_on)`),
];

/** Loads the activities and attendance of one slice; returns how many rows it wrote. */
export async function loadHistorySlice(client: pg.ClientBase, slice: HistorySlice, today: IsoDate, log: (line: string) => void = () => {}): Promise<SliceFigures> {
  const started = performance.now();
  await client.query('create sequence if not exists bench_ids');
  // Bulk-load settings of this session only: no JIT (seconds of compiling per statement).
  await client.query("set jit = off; set work_mem = '64MB'; set synchronous_commit = off");
  let t = performance.now();
  // Activities go in with every trigger on, as any writer's would: their statement-level trigger
  // raises the courts' org_life_versions counters, which is how the API's memoized 党建工作提示
  // learns of them (modules/reminders/overview-memo.ts).
  const acts = await client.query(insertActivities, [slice.from, slice.to, today]);
  log(`    活动 ${acts.rowCount} 条，${((performance.now() - t) / 1000).toFixed(1)} 秒`);
  // Attendance without foreign-key triggers (replica role: every row is joined from existing
  // activities and members, so the checks could not fail; they cost more than the inserts). The
  // overview does not read attendance.
  await client.query('set session_replication_role = replica');
  let attendance = 0;
  for (const [i, sql] of insertAttendance.entries()) {
    t = performance.now();
    const n = (await client.query(sql, [slice.from, slice.to])).rowCount ?? 0;
    log(`    出席记录（${['全体党员', '支委', '党小组'][i]}）${n} 条，${((performance.now() - t) / 1000).toFixed(1)} 秒`);
    attendance += n;
  }
  await client.query('reset session_replication_role; reset synchronous_commit; reset work_mem; reset jit');
  return { activities: acts.rowCount ?? 0, attendance, seconds: (performance.now() - started) / 1000 };
}

/** Rows now in the tables (after one or more slices). */
export const _statements = { insertActivities, insertAttendance };

export async function countHistory(client: pg.ClientBase): Promise<{ activities: number; attendance: number }> {
  const r = (await client.query('select (select count(*) from activities)::int as activities, (select count(*) from activity_attendance)::int as attendance')).rows[0] as { activities: number; attendance: number };
  return r;
}
