// The demo's year of organizational life (issue 3 § Demo data): on any day, the 党建工作提示 shows a
// branch that is behind (red), branches on track (green), and at a month's end one that has held
// nothing yet this month (amber); two members drifting away show as 党章第九条 warning/critical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp } from '../test-support/demo-app';

type OrgReminder = { orgName: string; level: 'red' | 'amber' | 'green'; items: { type: string; state: string; message: string }[] };


const levelOf = (items: OrgReminder[], shortName: string) => items.find((o) => o.orgName.includes(shortName))?.level;

describe('演示数据：一年的组织生活', () => {
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  beforeAll(async () => {
    // 2026-11-24: seven days before the month ends (dueSoonDays.month = 7).
    demo = await openDemoApp('2026-11-24T10:00:00+08:00');
  });
  afterAll(() => demo?.close());

  it('机关党办看到红（第七党支部上月未开支委会）、黄（执行局本月尚未开展）、绿（第一党支部）', async () => {
    const r = (await demo.get('anshun', '/api/v1/reminders')) as { items: OrgReminder[]; counts: Record<string, number> };
    expect(levelOf(r.items, '第七支部')).toBe('red');
    const seventh = r.items.find((o) => o.orgName.includes('第七支部'))!;
    expect(seventh.items.some((i) => i.type === 'committeeMeeting' && i.state === 'missed' && i.message.includes('2026年10月'))).toBe(true);
    expect(levelOf(r.items, '第六支部')).toBe('amber');
    expect(levelOf(r.items, '第一支部')).toBe('green');
    expect(r.counts.red).toBeGreaterThanOrEqual(1);
    expect(r.counts.green).toBeGreaterThanOrEqual(5);
  });

  it('渌口法院：淦田党支部上季度未讲党课为红，审判业务党支部为绿', async () => {
    const r = (await demo.get('lukou', '/api/v1/reminders')) as { items: OrgReminder[] };
    expect(levelOf(r.items, '淦田人民法庭支部')).toBe('red');
    expect(levelOf(r.items, '审判业务支部')).toBe('green');
  });

  it('第三党支部两名党员连续4个月、7个月未参加组织生活：分别提醒与严重提醒，不自动处理', async () => {
    const r = (await demo.get('anshun', '/api/v1/reminders/members')) as { items: { orgName: string; level: string; months: number | null }[] };
    const third = r.items.filter((m) => m.orgName.includes('第三支部'));
    expect(third.map((m) => m.level).sort()).toEqual(['critical', 'warning']);
  });

  it('有会议记录、出席情况、补录和案例讲评，可按年统计', async () => {
    const rows = await demo.deps.handle.query<{ held: number; late: number; cases: number; attendance: number; leave_without_reason: number }>(
      `select (select count(*)::int from activities where status = 'held' and minutes is not null) as held,
              (select count(*)::int from activities where late_entry and late_entry_reason is not null) as late,
              (select count(*)::int from case_reviews) as cases,
              (select count(*)::int from activity_attendance) as attendance,
              (select count(*)::int from activity_attendance where status = 'onLeave' and reason is null) as leave_without_reason`,
    );
    const s = rows[0]!;
    expect(s.held).toBeGreaterThan(400);
    expect(s.late).toBeGreaterThan(3);
    expect(s.cases).toBeGreaterThan(20);
    expect(s.leave_without_reason).toBe(0);
    const counts = (await demo.get('anshun', '/api/v1/reports/activity-counts?year=2026')) as { items?: unknown };
    expect(JSON.stringify(counts)).toContain('案例讲评会');
  });

  it('早在月初（2026-12-01）也有红有绿', async () => {
    demo.setNow('2026-12-01T09:00:00+08:00');
    const r = (await demo.get('anshun', '/api/v1/reminders')) as { items: OrgReminder[] };
    // 第七党支部's missed October and Q3 are still this year's: still red.
    expect(levelOf(r.items, '第七支部')).toBe('red');
    expect(r.items.some((o) => o.level === 'green')).toBe(true);
  });
});
