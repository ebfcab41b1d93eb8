import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activityTypes } from '@zhibu/domain';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { freshAs, insertActivity } from './reminders.test-support';

type Reminder = { orgId: string; orgName: string; level: string; items: { type: string; state: string; periodKey: string; message: string; rule: string }[] };

// Every type off except 支部党员大会, so the branch's level depends on that one rule.
const onlyBranchAssembly = Object.fromEntries(activityTypes.filter((t) => t !== 'branchAssembly').map((t) => [t, { enabled: false }]));

describe.each(testEngines)('党建工作提示 (%s)', (engine) => {
  let t: TestApp;
  let now = new Date('2025-04-10T09:00:00+08:00');
  let version = 0;
  const setCatalogue = async (overrides: Record<string, unknown>) => {
    const res = await freshAs(t, 'anshun', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides, version });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
  };
  const remindersOf = async (user: string, query = '') => {
    const res = await freshAs(t, user, 'GET', `/api/v1/reminders${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Reminder[]; counts: Record<string, number> };
  };
  const branch1 = async (user = 'anshun-zb1') => (await remindersOf(user)).items.find((o) => o.orgId === t.fx.orgs.branch1.id)!;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    await setCatalogue(onlyBranchAssembly);
  });
  afterAll(() => t.close());

  it('上季度未召开支部党员大会 → 红，给出原因和依据；录入后立即变绿；季度末未开 → 黄', async () => {
    now = new Date('2025-04-10T09:00:00+08:00');
    let b = await branch1();
    expect(b.level).toBe('red');
    const missed = b.items.find((i) => i.state === 'missed')!;
    expect(missed.periodKey).toBe('2025-Q1');
    expect(missed.message).toBe('2025年第一季度未召开支部党员大会（应每季度至少1次），已逾期');
    expect(missed.rule).toContain('第十一条');

    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'branchAssembly', heldOn: '2025-02-15' });
    b = await branch1();
    expect(b.level).toBe('green');
    expect(b.items.find((i) => i.periodKey === '2025-Q2')!.state).toBe('pending');

    // 2025-06-16: 14 days left in Q2 (≤ 15) → amber; 2025-06-15: 15 days → still amber; 06-14 → 16 → green.
    now = new Date('2025-06-14T09:00:00+08:00');
    expect((await branch1()).level).toBe('green');
    now = new Date('2025-06-15T09:00:00+08:00');
    b = await branch1();
    expect(b.level).toBe('amber');
    expect(b.items[0]!.message).toContain('距季度结束还有15天');

    // A planned one does not count; a held one does, the moment it is recorded.
    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'branchAssembly', heldOn: '2025-06-20', status: 'planned' });
    expect((await branch1()).level).toBe('amber');
    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'branchAssembly', heldOn: '2025-06-12', lateEntry: true, lateEntryReason: '系统上线前召开' });
    b = await branch1();
    expect(b.level).toBe('green');
    expect(b.items[0]).toMatchObject({ state: 'done', periodKey: '2025-Q2' });
  });

  it('排序：红 → 黄 → 绿；机关党委管理员看到本院所有支部，看不到其他法院', async () => {
    now = new Date('2025-06-15T09:00:00+08:00');
    const r = await remindersOf('anshun');
    const names = r.items.map((o) => o.orgName);
    expect(names).toContain('中共安顺市中级人民法院机关第二支部委员会');
    expect(names).not.toContain('综合管理党支部');
    const ranks = r.items.map((o) => ({ red: 0, amber: 1, green: 2 })[o.level as 'red']);
    expect([...ranks].sort()).toEqual(ranks);
    expect(r.items[0]!.orgName).toBe('中共安顺市中级人民法院机关第二支部委员会'); // red: Q1 missed
    expect(r.counts.red).toBeGreaterThanOrEqual(1);

    const lukou = await remindersOf('lukou');
    expect(lukou.items.map((o) => o.orgName)).toEqual(['综合管理党支部']);
    expect(JSON.stringify(lukou)).not.toContain('安顺');
  });

  it('支部书记只看到本支部（及其党小组）；党员 403；上级法院只看等级，不看党员', async () => {
    const sec = await remindersOf('anshun-zb1');
    expect(sec.items.every((o) => [t.fx.orgs.branch1.id, t.fx.orgs.group1.id].includes(o.orgId))).toBe(true);
    expect((await freshAs(t, 'anshun-dy1', 'GET', '/api/v1/reminders')).statusCode).toBe(403);
    const viewer = await remindersOf('guizhou');
    expect(viewer.items.map((o) => o.orgName)).toContain('中共安顺市中级人民法院机关第一支部委员会');
    expect((await freshAs(t, 'guizhou', 'GET', '/api/v1/reminders/members')).statusCode).toBe(403);
    expect((await freshAs(t, 'lukou', 'GET', `/api/v1/reminders?orgId=${t.fx.orgs.branch1.id}`)).statusCode).toBe(404);
  });

  it('本院调整频次后，提示按新频次计算（每季度2次）', async () => {
    now = new Date('2025-07-10T09:00:00+08:00');
    await setCatalogue({ ...onlyBranchAssembly, branchAssembly: { minFrequency: { count: 2, period: 'quarter' } } });
    const b = await branch1();
    // Q1 and Q2 had 1 held each (the planned one does not count) → both missed at 2 per quarter.
    const missed = b.items.filter((i) => i.state === 'missed').map((i) => i.periodKey);
    expect(missed).toEqual(['2025-Q1', '2025-Q2']);
    expect(b.level).toBe('red');
    expect(b.items.find((i) => i.periodKey === '2025-Q1')!.message).toContain('仅召开支部党员大会1次（应每季度至少2次）');
    expect(b.items[0]!.rule).toContain('本院已调整默认配置');
    await setCatalogue(onlyBranchAssembly);
  });
});

describe.each(testEngines)('党员连续未参加组织生活提示（党章第九条）(%s)', (engine) => {
  let t: TestApp;
  const now = new Date('2027-06-15T10:00:00+08:00');
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    // Everyone has been on the roster since 2026-01-01.
    await t.deps.db.update(schema.members).set({ createdAt: new Date('2026-01-01T00:00:00+08:00') }).where(eq(schema.members.courtId, t.fx.courts.anshun));
    const m = t.fx.members;
    const b1 = t.fx.orgs.branch1;
    await insertActivity(t.deps.db, { org: b1, type: 'branchAssembly', heldOn: '2026-12-15', attendance: [{ memberId: m.member2.id, status: 'present' }] });
    await insertActivity(t.deps.db, { org: b1, type: 'branchAssembly', heldOn: '2026-12-16', attendance: [{ memberId: m.member2.id, status: 'absent' }] });
    await insertActivity(t.deps.db, { org: b1, type: 'themedPartyDay', heldOn: '2027-03-15', attendance: [{ memberId: m.member1.id, status: 'present' }, { memberId: m.member2.id, status: 'onLeave', reason: '出差' }] });
    await insertActivity(t.deps.db, { org: b1, type: 'themedPartyDay', heldOn: '2027-03-16', attendance: [{ memberId: m.secretary.id, status: 'present' }] });
    // 集中研讨 does not count as 组织生活 by default; a planned one never counts.
    await insertActivity(t.deps.db, { org: b1, type: 'groupStudy', heldOn: '2027-06-01', attendance: [{ memberId: m.member1.id, status: 'present' }] });
    await insertActivity(t.deps.db, { org: b1, type: 'branchAssembly', heldOn: '2027-06-10', status: 'planned', attendance: [{ memberId: m.member2.id, status: 'present' }] });
    // 赵小雨 is exempt (年老体弱/长期患病 marked at the latest activity).
    await insertActivity(t.deps.db, { org: b1, type: 'branchAssembly', heldOn: '2027-05-20', attendance: [{ memberId: m.probationary.id, status: 'exempt' }] });
  });
  afterAll(() => t.close());

  type Row = { memberName: string; months: number; level: string; message: string; rule: string; since: string };
  const list = async (user: string, q = '') => {
    const res = await t.as(user, 'GET', `/api/v1/reminders/members${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Row[];
  };

  it('满3个月提示、满6个月严重提示（边界日期），免于参加者不列出，由支部决定', async () => {
    const rows = await list('anshun-zb1');
    const by = Object.fromEntries(rows.map((r) => [r.memberName, r]));
    expect(Object.keys(by).sort()).toEqual(['李明', '王芳'].sort());
    expect(by['李明']).toMatchObject({ months: 3, level: 'warning', since: '2027-03-15' });
    expect(by['王芳']).toMatchObject({ months: 6, level: 'critical', since: '2026-12-15' });
    expect(by['王芳']!.message).toContain('由支部大会决定');
    expect(by['王芳']!.message).toContain('系统不会自动处理');
    expect(by['王芳']!.rule).toContain('《中国共产党章程》第九条');
    expect(by['张健']).toBeUndefined(); // 2 months: below the warning
    expect(by['赵小雨']).toBeUndefined(); // exempt
    expect(rows[0]!.level).toBe('critical');
  });

  it('机关党委管理员看到全院（含第二支部无记录的党员）；支部书记看不到第二支部；党员 403', async () => {
    const all = await list('anshun');
    const chen = all.find((r) => r.memberName === '陈刚')!;
    expect(chen.level).toBe('critical');
    expect(chen.months).toBe(17);
    expect((await list('anshun-zb1')).map((r) => r.memberName)).not.toContain('陈刚');
    expect((await list('anshun', `?orgId=${t.fx.orgs.branch2.id}`)).map((r) => r.memberName)).toEqual(['陈刚']);
    expect((await t.as('anshun-dy1', 'GET', '/api/v1/reminders/members')).statusCode).toBe(403);
    // 渌口法院 sees only its own member (on its roster since the fixture was made, 6 months before).
    expect((await list('lukou')).map((r) => r.memberName)).toEqual(['谢燕']);
  });
});

describe.each(testEngines)('年度活动次数与活动日历 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2025-12-20T10:00:00+08:00') });
    const { branch1, branch2, lukouBranch } = t.fx.orgs;
    for (const [org, type, day, extra] of [
      [branch1, 'groupStudy', '2025-03-05', {}],
      [branch1, 'groupStudy', '2025-04-05', { lateEntry: true }],
      [branch2, 'groupStudy', '2025-04-06', {}],
      [branch1, 'thematicLecture', '2025-05-05', {}],
      [branch2, 'warningEducation', '2025-06-05', {}],
      [branch2, 'warningEducation', '2025-07-05', { status: 'planned' }],
      [branch1, 'groupStudy', '2024-12-31', {}],
      [lukouBranch, 'groupStudy', '2025-03-05', {}],
    ] as const) {
      await insertActivity(t.deps.db, { org, type, heldOn: day, ...extra });
    }
  });
  afterAll(() => t.close());

  it('按类型、按党组织统计全年已开展的活动', async () => {
    const res = await t.as('anshun', 'GET', `/api/v1/reports/activity-counts?year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.total.text).toBe('集中研讨3次、专题党课1次、警示教育1次');
    expect(r.total.rows.find((x: { type: string }) => x.type === 'groupStudy').lateEntryCount).toBe(1);
    const b1 = r.orgs.find((o: { orgId: string }) => o.orgId === t.fx.orgs.branch1.id);
    expect(b1.text).toBe('集中研讨2次、专题党课1次');
    // A secretary's total is their branch; a member may not; a higher court sees the aggregate.
    expect((await t.as('anshun-zb1', 'GET', '/api/v1/reports/activity-counts?year=2025')).json().total.text).toBe('集中研讨2次、专题党课1次');
    expect((await t.as('anshun-dy1', 'GET', '/api/v1/reports/activity-counts?year=2025')).statusCode).toBe(403);
    expect((await t.as('guizhou', 'GET', `/api/v1/reports/activity-counts?year=2025&courtId=${t.fx.courts.anshun}`)).json().total.text).toBe('集中研讨3次、专题党课1次、警示教育1次');
    expect((await t.as('lukou', 'GET', `/api/v1/reports/activity-counts?year=2025&courtId=${t.fx.courts.anshun}`)).statusCode).toBe(404);
    expect((await t.as('anshun', 'GET', '/api/v1/reports/activity-counts?year=abc')).statusCode).toBe(400);
  });

  it('上级法院不指定法院时默认显示其下级法院（安顺中院）的年度活动次数，而不是 404；本院用户默认本院', async () => {
    const res = await t.as('guizhou', 'GET', '/api/v1/reports/activity-counts?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ courtId: t.fx.courts.anshun, courtName: '安顺市中级人民法院' });
    expect(res.json().total.text).toBe('集中研讨3次、专题党课1次、警示教育1次');
    const own = await t.as('lukou', 'GET', '/api/v1/reports/activity-counts?year=2025');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().courtId).toBe(t.fx.courts.lukou);
  });

  it('活动日历：范围内、权限内；党员看到本支部', async () => {
    const res = await t.as('anshun', 'GET', '/api/v1/calendar?from=2025-04-01&to=2025-04-30');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { orgName: string; label: string; startsAt: string; lateEntry: boolean }[];
    expect(items.map((i) => i.label)).toEqual(['集中研讨', '集中研讨']);
    expect(items[0]!.lateEntry).toBe(true);
    expect(items[0]!.startsAt).toBe('2025-04-05T06:30:00.000Z');
    const mine = (await t.as('anshun-dy1', 'GET', '/api/v1/calendar?from=2025-01-01&to=2025-12-31')).json().items as { orgName: string }[];
    expect(new Set(mine.map((i) => i.orgName))).toEqual(new Set(['中共安顺市中级人民法院机关第一支部委员会']));
    const bad = await t.as('anshun', 'GET', '/api/v1/calendar?from=2025-04-30&to=2025-04-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('to');
  });
});
