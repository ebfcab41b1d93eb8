// 党员示范岗 / 党员先锋队 and 优秀党员评选: the branch proposes, only the office approves (挂牌), reviews
// yearly (不合格 takes the 挂牌 down) and decides the nominations; a selected member's honor lands in
// the honors registry in the same transaction; members of the court see what stands today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { TEST_PASSWORD } from '../../test-support/fixture';

describe.each(testEngines)('示范岗、先锋队与优秀党员评选 (%s)', (engine) => {
  let t: TestApp;
  let now = new Date('2026-12-03T09:00:00+08:00');
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
  });
  afterAll(() => t.close());

  const modelPost = (extra: Record<string, unknown> = {}) => ({
    kind: 'modelPost',
    orgId: t.fx.orgs.branch1.id,
    name: '立案窗口党员示范岗',
    postName: '立案窗口',
    memberId: t.fx.members.member2.id,
    commitment: '亮身份、优服务，当日立案当日办结',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    ...extra,
  });
  const audits = async (action: string, entityId: string) =>
    (await t.deps.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.entityId, entityId)))).length;

  it('党支部申报示范岗，党支部不能批准本支部的申报，机关党委批准后挂牌，本院党员在公示名单中看到', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/pioneers/designations', modelPost());
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ phase: 'proposed', phaseLabel: '申报中', memberName: '王芳', actions: ['withdraw'] });
    expect(await audits('pioneer.propose', d.id)).toBe(1);
    // a member does not see a proposal
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/pioneers/designations/${d.id}`)).statusCode).toBe(404);

    const self = await t.as('anshun-zb1', 'POST', `/api/v1/pioneers/designations/${d.id}/decide`, { action: 'approve', version: d.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('批准挂牌须由机关党委办理，党支部不能批准本支部的申报');

    const ok = await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${d.id}/decide`, { action: 'approve', version: d.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', phase: 'active', decidedByName: '郑明春', actions: ['revoke'] });
    expect(await audits('pioneer.approve', d.id)).toBe(1);

    const board = (await t.as('anshun-dy1', 'GET', '/api/v1/pioneers/designations?activeOnly=true')).json();
    expect(board.items.map((x: { name: string; memberName: string }) => [x.name, x.memberName])).toContainEqual(['立案窗口党员示范岗', '王芳']);
    expect(JSON.stringify(board)).not.toMatch(/138\d{8}|idNumber|phone/);
    // other courts see nothing
    expect((await t.as('lukou', 'GET', '/api/v1/pioneers/designations')).json().items).toEqual([]);
    expect((await t.as('lukou', 'GET', `/api/v1/pioneers/designations/${d.id}`)).statusCode).toBe(404);
  });

  it('同一党员同一时期只能有一个示范岗（本院设置）；期限倒置被拒绝并指明字段', async () => {
    const second = await t.as('anshun-zb1', 'POST', '/api/v1/pioneers/designations', modelPost({ name: '诉讼服务党员示范岗', startOn: '2026-12-31', endOn: '2027-12-31' }));
    expect(second.statusCode).toBe(400);
    expect(second.json().details[0]).toMatchObject({ field: 'memberId', message: expect.stringContaining('至多担任1个党员示范岗') });
    // after the first one's end date, fine
    const later = await t.as('anshun-zb1', 'POST', '/api/v1/pioneers/designations', modelPost({ name: '诉讼服务党员示范岗', startOn: '2027-01-01', endOn: '2027-12-31' }));
    expect(later.statusCode, later.body).toBe(200);
    const bad = await t.as('anshun-zb1', 'POST', '/api/v1/pioneers/designations', modelPost({ memberId: t.fx.members.member1.id, startOn: '2026-06-01', endOn: '2026-05-31' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: '结束日期不能早于起始日期', details: [{ field: 'endOn' }] });
    // a member of another branch cannot be put on 第一支部's post
    const other = await t.as('anshun', 'POST', '/api/v1/pioneers/designations', modelPost({ memberId: t.fx.members.branch2Member.id }));
    expect(other.statusCode).toBe(400);
    expect(other.json().details[0].message).toContain('陈刚不是');
  });

  it('本院设置（渌口法院）：同一党员可同时担任2个示范岗，考评截止月份为3月', async () => {
    const cur = (await t.as('lukou', 'GET', `/api/v1/courts/${t.fx.courts.lukou}/rule-config`)).json();
    const put = await t.as('lukou', 'PUT', `/api/v1/courts/${t.fx.courts.lukou}/rule-config`, { overrides: { pioneers: { maxActiveModelPostsPerMember: 2, reviewDueMonth: 3 } }, version: cur.version });
    expect(put.statusCode, put.body).toBe(200);
    const post = (name: string) =>
      t.as('lukou', 'POST', '/api/v1/pioneers/designations', { kind: 'modelPost', orgId: t.fx.orgs.lukouBranch.id, name, memberId: t.fx.members.lukouMember.id, commitment: '服务保障做尖兵', startOn: '2025-01-01', endOn: '2027-12-31' });
    const first = (await post('新闻宣传党员示范岗')).json();
    expect((await post('综合服务党员示范岗')).statusCode).toBe(200);
    expect((await post('档案管理党员示范岗')).json().details[0].message).toContain('至多担任2个党员示范岗');
    const approved = (await t.as('lukou', 'POST', `/api/v1/pioneers/designations/${first.id}/decide`, { action: 'approve', version: first.version })).json();
    expect(approved.reviewsOwed).toEqual([{ year: 2025, dueOn: '2026-03-31', overdue: true }]);
  });

  it('年度考评由机关党委进行，不合格即摘牌（当天起不再挂牌），同一年度不能重复考评', async () => {
    const d = (await t.as('anshun', 'POST', '/api/v1/pioneers/designations', modelPost({ memberId: t.fx.members.member1.id, name: '审判辅助党员示范岗', startOn: '2025-06-01', endOn: '2027-05-31' }))).json();
    const approved = (await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${d.id}/decide`, { action: 'approve', version: d.version })).json();
    expect(approved.reviewsOwed).toEqual([{ year: 2025, dueOn: '2026-01-31', overdue: true }]);
    expect((await t.as('anshun-zb1', 'POST', `/api/v1/pioneers/designations/${d.id}/reviews`, { year: 2025, grade: 'excellent', version: approved.version })).statusCode).toBe(403);
    const r1 = await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${d.id}/reviews`, { year: 2025, grade: 'qualified', comment: '服务群众热情', version: approved.version });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ phase: 'active', reviewsOwed: [], reviews: [{ year: 2025, gradeLabel: '合格' }] });
    const again = await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${d.id}/reviews`, { year: 2025, grade: 'excellent', version: r1.json().version });
    expect(again.statusCode).toBe(409);
    const r2 = await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${d.id}/reviews`, { year: 2026, grade: 'unqualified', comment: '承诺事项未落实', version: r1.json().version });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toMatchObject({ state: 'revoked', phase: 'revoked', revokedOn: '2026-12-03', decisionReason: '2026年度考评不合格：承诺事项未落实' });
    expect(await audits('pioneer.review', d.id)).toBe(2);
    const board = (await t.as('anshun-dy1', 'GET', '/api/v1/pioneers/designations?activeOnly=true')).json();
    expect(board.items.some((x: { id: string }) => x.id === d.id)).toBe(false);
  });

  it('先锋队：队长和队员，任务方向必填，记录工作成效，导出名单 .xlsx', async () => {
    const noMission = await t.as('anshun', 'POST', '/api/v1/pioneers/designations', { kind: 'vanguardTeam', orgId: t.fx.orgs.committee.id, name: '执行攻坚党员先锋队', memberId: t.fx.members.secretary.id, commitment: '攻坚积案', startOn: '2026-03-01', endOn: '2027-02-28' });
    expect(noMission.statusCode).toBe(400);
    expect(noMission.json().details[0].field).toBe('mission');
    const res = await t.as('anshun', 'POST', '/api/v1/pioneers/designations', {
      kind: 'vanguardTeam',
      orgId: t.fx.orgs.committee.id,
      name: '执行攻坚党员先锋队',
      memberId: t.fx.members.secretary.id,
      teamMemberIds: [t.fx.members.member2.id, t.fx.members.branch2Member.id],
      mission: 'enforcement',
      commitment: '集中攻坚涉民生执行案件，年内执结率提升5个百分点',
      startOn: '2026-03-01',
      endOn: '2027-02-28',
    });
    expect(res.statusCode, res.body).toBe(200);
    const team = res.json();
    expect(team.teamMembers.map((m: { name: string }) => m.name).sort()).toEqual(['张健', '王芳', '陈刚'].sort());
    // a secretary cannot propose a court-level team
    expect((await t.as('anshun-zb1', 'POST', '/api/v1/pioneers/designations', { kind: 'vanguardTeam', orgId: t.fx.orgs.committee.id, name: '某先锋队', memberId: t.fx.members.secretary.id, mission: 'volunteer', commitment: '志愿服务', startOn: '2026-03-01', endOn: '2027-02-28' })).json().details[0].field).toBe('orgId');
    const approved = (await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${team.id}/decide`, { action: 'approve', version: team.version })).json();
    const log = await t.as('anshun', 'POST', `/api/v1/pioneers/designations/${team.id}/achievements`, { occurredOn: '2026-09-15', content: '集中执行兑付农民工工资86万元' });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().achievements).toEqual([expect.objectContaining({ occurredOn: '2026-09-15', content: '集中执行兑付农民工工资86万元' })]);
    expect(approved.phase).toBe('active');

    const file = await t.as('anshun', 'GET', '/api/v1/pioneers/designations.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('党员示范岗和党员先锋队名单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const teams = wb.getWorksheet('党员先锋队')!;
    const row = teams.getRow(3).values as unknown[];
    expect(row).toEqual(expect.arrayContaining(['执行攻坚党员先锋队', '执行攻坚', '张健', '2026年3月1日', '挂牌中']));
  });

  it('优秀党员：书记推荐本支部党员，预备党员和外支部党员被拒绝，超过名额被拒绝；机关党委选定后荣誉记入荣誉库', async () => {
    expect((await t.as('anshun-zb1', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2026, deadline: '2026-12-20' })).statusCode).toBe(403);
    const created = await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2026, deadline: '2026-12-20', quotaMode: 'perBranch', quota: 1 });
    expect(created.statusCode, created.body).toBe(200);
    const round = created.json();
    expect(round).toMatchObject({ honorName: '2026年度优秀共产党员', issuer: '中共安顺市中级人民法院机关委员会', honorLevel: 'court', nominationOpen: true });
    expect((await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2026, deadline: '2026-12-20' })).statusCode).toBe(409);

    const nominate = (memberId: string, orgId = t.fx.orgs.branch1.id) => t.as('anshun-zb1', 'POST', '/api/v1/pioneers/nominations', { roundId: round.id, orgId, memberId, deeds: '全年审结案件312件，无一被改发' });
    const probationary = await nominate(t.fx.members.probationary.id);
    expect(probationary.statusCode).toBe(400);
    expect(probationary.json().message).toMatch(/：赵小雨是预备党员，预备党员不参加优秀党员评选$/);
    expect(probationary.json().details[0]).toEqual({ field: 'memberId', message: '赵小雨是预备党员，预备党员不参加优秀党员评选' });
    const outsider = await nominate(t.fx.members.branch2Member.id);
    expect(outsider.json().details[0].message).toBe('陈刚不是中共安顺市中级人民法院机关第一支部委员会的党员，只能推荐本支部党员');
    // the secretary of 第一支部 cannot nominate for 第二支部
    expect((await nominate(t.fx.members.branch2Member.id, t.fx.orgs.branch2.id)).json().details[0].field).toBe('orgId');
    const ok = await nominate(t.fx.members.member2.id);
    expect(ok.statusCode, ok.body).toBe(200);
    const nomination = ok.json().nominations[0];
    expect(nomination).toMatchObject({ memberName: '王芳', stateLabel: '已推荐', canWithdraw: true, canDecide: false });
    const over = await nominate(t.fx.members.member1.id);
    expect(over.json().details[0].message).toBe('已达推荐名额：每个党支部至多推荐1名');

    expect((await t.as('anshun-zb1', 'POST', `/api/v1/pioneers/nominations/${nomination.id}/decide`, { decision: 'select', version: nomination.version })).statusCode).toBe(403);
    const chosen = await t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${nomination.id}/decide`, { decision: 'select', version: nomination.version });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const decided = chosen.json().nominations.find((n: { id: string }) => n.id === nomination.id);
    expect(decided).toMatchObject({ state: 'selected', decidedOn: '2026-12-03', honorId: expect.any(String) });
    const honors = (await t.as('anshun', 'GET', '/api/v1/honors?kind=individual&year=2026')).json().items;
    expect(honors.find((h: { id: string }) => h.id === decided.honorId)).toMatchObject({
      name: '2026年度优秀共产党员',
      level: 'court',
      levelLabel: '院级',
      issuer: '中共安顺市中级人民法院机关委员会',
      awardedOn: '2026-12-03',
      recipientName: '王芳',
      source: 'pioneers',
    });
    expect(await audits('excellence.select', nomination.id)).toBe(1);
    expect(await audits('honor.create', decided.honorId)).toBe(1);
    // everyone in the court sees who was selected; a decided nomination is not decided again
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/pioneers/rounds/${round.id}`)).json().nominations.map((n: { memberName: string }) => n.memberName)).toEqual(['王芳']);
    expect((await t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${nomination.id}/decide`, { decision: 'reject', reason: '重复', version: decided.version })).statusCode).toBe(400);
    expect((await t.as('lukou', 'GET', `/api/v1/pioneers/rounds/${round.id}`)).statusCode).toBe(404);
  });

  it('两人同时决定最后一个名额：只有一人当选，荣誉库只多一条', async () => {
    const round = (await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2024, deadline: '2026-12-03', quotaMode: 'total', quota: 1 })).json();
    const nominate = async (memberId: string, orgId: string) =>
      (await t.as('anshun', 'POST', '/api/v1/pioneers/nominations', { roundId: round.id, orgId, memberId, deeds: '事迹突出' })).json().nominations.find((n: { memberId: string }) => n.memberId === memberId);
    const a = await nominate(t.fx.members.secretary.id, t.fx.orgs.branch1.id);
    const b = await nominate(t.fx.members.branch2Member.id, t.fx.orgs.branch2.id);
    const results = await Promise.all([a, b].map((n) => t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${n.id}/decide`, { decision: 'select', version: n.version })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const honors = await t.deps.db.select().from(schema.honors).where(eq(schema.honors.name, '2024年度优秀共产党员'));
    expect(honors).toHaveLength(1);
  });

  it('全院名额：选满后再选被拒绝，未当选须说明理由；截止日次日不能再推荐', async () => {
    const round = (await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2025, deadline: '2026-12-03', quotaMode: 'total', quota: 1 })).json();
    const nominate = (memberId: string, orgId: string) => t.as('anshun', 'POST', '/api/v1/pioneers/nominations', { roundId: round.id, orgId, memberId, deeds: '扎根基层，带头攻坚' });
    const a = (await nominate(t.fx.members.member1.id, t.fx.orgs.branch1.id)).json().nominations.find((n: { memberName: string }) => n.memberName === '李明');
    const r = (await nominate(t.fx.members.branch2Member.id, t.fx.orgs.branch2.id)).json();
    const b = r.nominations.find((n: { memberName: string }) => n.memberName === '陈刚');
    expect((await t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${a.id}/decide`, { decision: 'select', version: a.version })).statusCode).toBe(200);
    const full = await t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${b.id}/decide`, { decision: 'select', version: b.version });
    expect(full.statusCode).toBe(400);
    expect(full.json().details[0].message).toBe('已达评选名额：全院至多评选1名优秀党员');
    const noReason = await t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${b.id}/decide`, { decision: 'reject', version: b.version });
    expect(noReason.json().details[0]).toEqual({ field: 'reason', message: '未当选须说明理由' });
    expect((await t.as('anshun', 'POST', `/api/v1/pioneers/nominations/${b.id}/decide`, { decision: 'reject', reason: '名额有限', version: b.version })).statusCode).toBe(200);
    const closed = await t.as('anshun', 'POST', `/api/v1/pioneers/rounds/${round.id}/close`, { version: round.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');

    const next = (await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2027, deadline: '2026-12-03' })).json();
    expect((await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2028, deadline: '2026-12-02' })).json().details[0]).toEqual({ field: 'deadline', message: '推荐截止日期不能早于今天' });
    now = new Date('2026-12-04T09:00:00+08:00');
    try {
      // a day later: sign in afresh (the old session went idle)
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anshun-zb1', password: TEST_PASSWORD } });
      const cookie = `zhibu_sid=${login.cookies.find((c) => c.name === 'zhibu_sid')!.value}`;
      const late = await t.app.inject({ method: 'POST', url: '/api/v1/pioneers/nominations', headers: { cookie }, payload: { roundId: next.id, orgId: t.fx.orgs.branch1.id, memberId: t.fx.members.member1.id, deeds: '事迹' } });
      expect(late.json().details[0]).toEqual({ field: 'roundId', message: '推荐已截止（截止日期2026-12-03）' });
    } finally {
      now = new Date('2026-12-03T09:00:00+08:00');
    }
  });
});
