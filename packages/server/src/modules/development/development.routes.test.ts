// 发展党员 end to end through the API: an applicant through all 25 steps with the gates enforced
// (hard ones refused with the rule cited, soft ones only with a reason), the 上级党委 steps refused to
// the branch, and the person's status, 入党时间 and 转正时间 moved with the case. @see RULES.md §3
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@zhibu/domain';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { freshIdNumber } from '../../test-support/matrix';

type CaseView = { id: string; version: number; stage: string; steps: { id: string; step: number; overrides: { rule: string; reason: string }[] }[]; nextSteps: { no: number; canRecord: boolean }[]; dates: Record<string, string | null> };

describe.each(testEngines)('发展党员 (%s)', (engine) => {
  let t: TestApp;
  let c: CaseView;
  let memberId = '';
  const now = new Date('2026-11-23T09:00:00+08:00');

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/members', { orgId: t.fx.orgs.branch1.id, name: '刘晓燕', idNumber: freshIdNumber('520402'), status: 'applicant' });
    expect(res.statusCode, res.body).toBe(200);
    memberId = res.json().id;
  });
  afterAll(() => t.close());

  const step = async (who: string, no: number, doneOn: string, details: Record<string, unknown> = {}, overrides: { rule: string; reason: string }[] = []) => {
    const res = await t.as(who, 'POST', `/api/v1/development/cases/${c.id}/steps`, { step: no, doneOn, details, overrides, version: c.version });
    if (res.statusCode === 200) c = res.json();
    return res;
  };
  const ok = async (who: string, no: number, doneOn: string, details: Record<string, unknown> = {}, overrides: { rule: string; reason: string }[] = []) => {
    const res = await step(who, no, doneOn, details, overrides);
    expect(res.statusCode, `${no}: ${res.body}`).toBe(200);
  };
  const member = async () => (await t.as('anshun', 'GET', `/api/v1/members/${memberId}`)).json();

  it('未满18周岁递交申请书的不能建立发展档案（T1）', async () => {
    const young = await t.as('anshun-zb1', 'POST', '/api/v1/members', { orgId: t.fx.orgs.branch1.id, name: '孙小青', idNumber: makeIdNumber('520402', '2008-12-01', 321), status: 'applicant' });
    expect(young.statusCode, young.body).toBe(200);
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/development/cases', { memberId: young.json().id, applicationDate: '2026-11-30' });
    expect(res.statusCode).toBe(400);
    // 2026-11-30 is in the future anyway; the day before the 18th birthday is refused for T1.
    const res2 = await t.as('anshun-zb1', 'POST', '/api/v1/development/cases', { memberId: young.json().id, applicationDate: '2026-11-22' });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().details[0]).toMatchObject({ field: 'applicationDate' });
    expect(res2.json().message).toContain('T1');
  });

  it('只有入党申请人可以建立发展档案', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/development/cases', { memberId: t.fx.members.member2.id, applicationDate: '2024-01-10' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('只有入党申请人');
  });

  it('支部书记建立发展档案，看板上显示下一步和逾期的谈话提醒', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/development/cases', { memberId, applicationDate: '2023-01-10' });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    const board = (await t.as('anshun-zb1', 'GET', '/api/v1/development/cases?stage=application')).json();
    const mine = board.items.find((i: { id: string }) => i.id === c.id);
    expect(mine).toMatchObject({ stage: 'application', nextSteps: [{ no: 2, label: '党组织派人谈话', canRecord: true }], reminder: { kind: 'talk', level: 'overdue' } });
    const reminders = (await t.as('anshun', 'GET', '/api/v1/development/reminders')).json();
    expect(reminders.items.some((r: { caseId: string; rule: string }) => r.caseId === c.id && r.rule === 'T3')).toBe(true);
    // 外院 sees nothing of it.
    expect((await t.as('lukou', 'GET', `/api/v1/development/cases/${c.id}`)).statusCode).toBe(404);
    expect((await t.as('lukou', 'GET', '/api/v1/development/cases')).json().total).toBe(0);
  });

  it('支部大会的应到会有表决权人数按正式党员预填，减去经上级批准、当天有效的不计入应到会人员（RULES.md §1.2）', async () => {
    const before = (await t.as('anshun-zb1', 'GET', `/api/v1/development/cases/${c.id}`)).json();
    expect(before.excludedFromQuorum).toBe(0);
    const req = await t.as('anshun-zb1', 'POST', `/api/v1/members/${t.fx.members.member2.id}/quorum-exclusions`, { category: 'abroadPrivate', reason: '自费出国探亲一年', validFrom: '2026-11-01' });
    expect(req.statusCode, req.body).toBe(200);
    // requested only: still counted
    expect((await t.as('anshun-zb1', 'GET', `/api/v1/development/cases/${c.id}`)).json().votingMembers).toBe(before.votingMembers);
    const approved = await t.as('anshun', 'POST', `/api/v1/quorum-exclusions/${req.json().id}/decide`, { decision: 'approve', version: req.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (await t.as('anshun-zb1', 'GET', `/api/v1/development/cases/${c.id}`)).json();
    expect(after).toMatchObject({ votingMembers: before.votingMembers - 1, excludedFromQuorum: 1 });
  });

  it('逾期谈话须说明理由，理由随步骤保存并记入审计', async () => {
    const late = await step('anshun-zb1', 2, '2023-03-01', { talker: '张健' });
    expect(late.statusCode).toBe(400);
    expect(late.json().details[0].field).toBe('overrides.T3');
    await ok('anshun-zb1', 2, '2023-03-01', { talker: '张健' }, [{ rule: 'T3', reason: '支部书记外出学习，回来后立即谈话' }]);
    expect(c.steps.find((s) => s.step === 2)!.overrides[0]).toMatchObject({ rule: 'T3', reason: '支部书记外出学习，回来后立即谈话' });
    const audit = await t.deps.handle.query<{ after: { overrides: { reason: string }[] } }>(`select after from audit_log where action = 'development.step.record' order by seq desc limit 1`);
    expect(audit[0]!.after.overrides[0]!.reason).toContain('外出学习');
  });

  it('确定积极分子后党员状态变为入党积极分子，并留下状态变更记录', async () => {
    await ok('anshun-zb1', 3, '2023-08-01', { youthLeagueRecommended: true });
    expect((await member()).status).toBe('activist');
    const history = await t.deps.handle.query<{ to_status: string; changed_on: string }>(`select to_status, changed_on::text from member_status_history where member_id = $1`, [memberId]);
    expect(history).toContainEqual({ to_status: 'activist', changed_on: '2023-08-01' });
  });

  it('上级党委备案只能由上级党委办理，支部书记不能自行办理', async () => {
    const res = await step('anshun-zb1', 4, '2023-08-10');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('由上级党委办理');
    await ok('anshun', 4, '2023-08-10');
  });

  it('确定积极分子未满一年不得列为发展对象（T9），满一年当天可以', async () => {
    await ok('anshun-zb1', 5, '2023-08-15', { mentorIds: [t.fx.members.member2.id] });
    await ok('anshun-zb1', 6, '2024-02-01');
    const early = await step('anshun-zb1', 7, '2024-07-31');
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('T9');
    await ok('anshun-zb1', 7, '2024-08-01');
    expect((await member()).status).toBe('developmentCandidate');
  });

  it('入党介绍人须为2名正式党员（T10），政审须有结论（T11）', async () => {
    await ok('anshun', 8, '2024-08-05');
    const one = await step('anshun-zb1', 9, '2024-08-10', { sponsorIds: [t.fx.members.member2.id] });
    expect(one.statusCode).toBe(400);
    expect(one.json().details[0].field).toBe('sponsorIds');
    const probationary = await step('anshun-zb1', 9, '2024-08-10', { sponsorIds: [t.fx.members.member2.id, t.fx.members.probationary.id] });
    expect(probationary.json().message).toContain('不是正式党员');
    await ok('anshun-zb1', 9, '2024-08-10', { sponsorIds: [t.fx.members.member2.id, t.fx.members.secretary.id] });
    expect((await step('anshun-zb1', 10, '2024-09-01', { politicalReview: { qualified: true, conclusion: '' } })).statusCode).toBe(400);
    await ok('anshun-zb1', 10, '2024-09-01', { politicalReview: { qualified: true, conclusion: '政治历史清楚，现实表现好，政审合格' } });
  });

  it('集中培训不足3天或24学时的须特批并说明理由（T12）', async () => {
    const short = await step('anshun-zb1', 11, '2024-09-10', { training: { days: 2, hours: 16 } });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].field).toBe('overrides.T12');
    await ok('anshun-zb1', 11, '2024-09-10', { training: { days: 2, hours: 16 } }, [{ rule: 'T12', reason: '经机关党委特批，另行补课8学时' }]);
  });

  it('支部大会表决未超过应到会半数的不能通过；通过后经上级审批成为预备党员，入党时间为支部大会之日（T15、T20）', async () => {
    await ok('anshun-zb1', 12, '2024-12-10', { publicity: { from: '2024-12-02', to: '2024-12-06' } });
    await ok('anshun', 13, '2024-12-20');
    await ok('anshun-zb1', 14, '2024-12-25');
    const fail = await step('anshun-zb1', 15, '2025-01-10', { vote: { expected: 10, attending: 5, yes: 5, writtenYes: 0 } });
    expect(fail.statusCode).toBe(400);
    expect(fail.json().message).toContain('未超过半数');
    await ok('anshun-zb1', 15, '2025-01-10', { vote: { expected: 10, attending: 8, yes: 7, writtenYes: 1 } });
    expect((await step('anshun-zb1', 16, '2025-01-20', { talker: '机关党委组织员' })).statusCode).toBe(403);
    await ok('anshun', 16, '2025-01-20', { talker: '机关党委组织员' });
    expect((await step('anshun-zb1', 17, '2025-02-10')).statusCode).toBe(403);
    await ok('anshun', 17, '2025-02-10');
    const m = await member();
    expect(m).toMatchObject({ status: 'probationaryMember', joinedOn: '2025-01-10' });
    expect(c.dates.probationEnd).toBe('2026-01-10');
    expect(c.stage).toBe('admission');
  });

  it('预备期满前不得讨论转正（T23）；转正后党龄从预备期满之日算起（T26）', async () => {
    await ok('anshun', 18, '2025-02-15');
    expect(c.stage).toBe('probation');
    await ok('anshun-zb1', 19, '2025-02-20');
    await ok('anshun-zb1', 20, '2025-03-01');
    await ok('anshun-zb1', 21, '2025-07-01');
    await ok('anshun-zb1', 22, '2025-12-20');
    const vote = { expected: 10, attending: 9, yes: 9, writtenYes: 0 };
    const early = await step('anshun-zb1', 23, '2026-01-09', { vote, outcome: 'full' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('T23');
    await ok('anshun-zb1', 23, '2026-01-10', { vote, outcome: 'full' });
    expect((await step('anshun-zb1', 24, '2026-02-01')).statusCode).toBe(403);
    await ok('anshun', 24, '2026-02-01');
    expect(await member()).toMatchObject({ status: 'fullMember', joinedOn: '2025-01-10', fullMemberSince: '2026-01-10' });
    await ok('anshun-zb1', 25, '2026-02-10');
    const done = (await t.as('anshun-zb1', 'GET', `/api/v1/development/cases/${c.id}`)).json();
    expect(done).toMatchObject({ state: 'completed', nextSteps: [] });
  });

  it('过期的版本号被拒绝（409），不写入任何数据', async () => {
    const fresh = await t.as('anshun-zb1', 'POST', '/api/v1/members', { orgId: t.fx.orgs.branch1.id, name: '周婷', idNumber: freshIdNumber('520402'), status: 'applicant' });
    const created = (await t.as('anshun-zb1', 'POST', '/api/v1/development/cases', { memberId: fresh.json().id, applicationDate: '2026-11-01' })).json();
    const res = await t.as('anshun-zb1', 'POST', `/api/v1/development/cases/${created.id}/steps`, { step: 2, doneOn: '2026-11-10', details: { talker: '张健' }, version: created.version + 1 });
    expect(res.statusCode).toBe(409);
  });

  it('本院把“申请满几个月可确定积极分子”改为3个月、公示改为7个自然日后，按本院规定检查（T5、T18 [U] 可配置）', async () => {
    const cur = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    const put = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { development: { applicantToActivistMonths: 3, publicity: { days: 7, unit: 'calendar' } } }, version: cur.version });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().effective.development).toMatchObject({ applicantToActivistMonths: 3, publicity: { days: 7, unit: 'calendar' } });
    const bad = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { development: { publicity: { unit: 'week' } } }, version: put.json().version });
    expect(bad.statusCode).toBe(400);
    const fresh = await t.as('anshun-zb1', 'POST', '/api/v1/members', { orgId: t.fx.orgs.branch1.id, name: '吴倩', idNumber: freshIdNumber('520402'), status: 'applicant' });
    c = (await t.as('anshun-zb1', 'POST', '/api/v1/development/cases', { memberId: fresh.json().id, applicationDate: '2026-01-05' })).json();
    await ok('anshun-zb1', 2, '2026-01-15', { talker: '张健' });
    // 3 months after the application: no reason needed under this court's rule.
    await ok('anshun-zb1', 3, '2026-04-05', { youthLeagueRecommended: true });
    expect(c.steps.find((s) => s.step === 3)!.overrides).toEqual([]);
    // 安顺 (anshun) changed its rule; 渌口 keeps the default 6 months.
    const lukouCfg = (await t.as('lukou', 'GET', `/api/v1/courts/${t.fx.courts.lukou}/rule-config`)).json();
    expect(lukouCfg.effective.development.applicantToActivistMonths).toBe(6);
  });

  it('由发展档案生成 Word 文书', async () => {
    for (const kind of ['talk', 'register', 'summary']) {
      const res = await t.as('anshun-zb1', 'GET', `/api/v1/development/cases/${c.id}/documents/${kind}`);
      expect(res.statusCode, kind).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
