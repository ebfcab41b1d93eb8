// 不计入应到会人数 (RULES.md §1.2): the branch requests, only the higher-level org approves, and only an
// approved exclusion in force on the meeting's day changes the 支部党员大会's 应到会.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

type Quorum = { eligible: number; excluded: number; message: string };

describe.each(testEngines)('不计入应到会人数 (%s)', (engine) => {
  let t: TestApp;
  let meetingId = '';
  const now = new Date('2026-11-23T09:00:00+08:00');
  const quorum = async () => (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${meetingId}`)).json().quorum as Quorum;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/activities', {
      orgId: t.fx.orgs.branch1.id,
      type: 'branchAssembly',
      title: '第四季度支部党员大会',
      startsAt: '2026-11-26T15:00:00+08:00',
      firstAgendaItem: '学习党的二十届四中全会精神',
    });
    expect(res.statusCode, res.body).toBe(200);
    meetingId = res.json().id;
  });
  afterAll(() => t.close());

  const request = (body: Record<string, unknown>, who = 'anshun-zb1') =>
    t.as(who, 'POST', `/api/v1/members/${t.fx.members.member2.id}/quorum-exclusions`, { category: 'abroadPrivate', reason: '自费出国探亲一年', validFrom: '2026-11-01', ...body });

  it('支部申请后待上级审批，应到会人数不变；支部书记不能批准本支部的申请', async () => {
    const before = await quorum();
    const res = await request({ validTo: '2027-10-31' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'pending', stateLabel: '待上级审批', canDecide: false, categoryLabel: '自费出国半年以上' });
    expect((await quorum()).eligible).toBe(before.eligible);
    const self = await t.as('anshun-zb1', 'POST', `/api/v1/quorum-exclusions/${res.json().id}/decide`, { decision: 'approve', version: res.json().version });
    expect(self.statusCode).toBe(403);
  });

  it('机关党委批准后，会议当天在有效期内的党员不计入应到会；终止后重新计入', async () => {
    const before = await quorum();
    const pending = (await t.as('anshun', 'GET', '/api/v1/quorum-exclusions?state=pending')).json().items as { id: string; version: number; canDecide: boolean }[];
    expect(pending).toHaveLength(1);
    expect(pending[0]!.canDecide).toBe(true);
    const ok = await t.as('anshun', 'POST', `/api/v1/quorum-exclusions/${pending[0]!.id}/decide`, { decision: 'approve', version: pending[0]!.version });
    expect(ok.statusCode, ok.body).toBe(200);
    let q = await quorum();
    expect(q.eligible).toBe(before.eligible - 1);
    expect(q.excluded).toBe(1);
    expect(q.message).toContain('1人经批准不计入应到会人数');

    // Back from abroad on 11-25: from the 26th's meeting on, she counts again.
    const end = await t.as('anshun-zb1', 'POST', `/api/v1/quorum-exclusions/${pending[0]!.id}/end`, { validTo: '2026-11-25', reason: '已提前回国', version: ok.json().version });
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json().state).toBe('ended');
    q = await quorum();
    expect(q.eligible).toBe(before.eligible);
    const audit = await t.deps.handle.query<{ action: string }>(`select action from audit_log where entity = 'quorumExclusion' order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['quorumExclusion.request', 'quorumExclusion.approve', 'quorumExclusion.end']);
  });

  it('不予批准须写原因；结束日期早于开始日期、未知情形被拒绝并指出字段；同一申请不能审批两次', async () => {
    const res = await request({ category: 'bedridden', reason: '长期卧床' });
    const id = res.json().id as string;
    const noReason = await t.as('anshun', 'POST', `/api/v1/quorum-exclusions/${id}/decide`, { decision: 'reject', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');
    const rejected = await t.as('anshun', 'POST', `/api/v1/quorum-exclusions/${id}/decide`, { decision: 'reject', reason: '可送学上门，不属于卧床不能表达意志', version: 1 });
    expect(rejected.json().state).toBe('rejected');
    const again = await t.as('anshun', 'POST', `/api/v1/quorum-exclusions/${id}/decide`, { decision: 'approve', version: 2 });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('已审批');

    const inverted = await request({ validFrom: '2026-12-01', validTo: '2026-11-30' });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0]).toMatchObject({ field: 'validTo', message: '结束日期不能早于开始日期' });
    const unknown = await request({ category: 'tooBusy' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('category');
  });

  it('外单位和普通党员看不到他人的登记（404），本人可以看到自己的', async () => {
    expect((await t.as('lukou', 'GET', `/api/v1/members/${t.fx.members.member2.id}/quorum-exclusions`)).statusCode).toBe(404);
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/members/${t.fx.members.member2.id}/quorum-exclusions`)).statusCode).toBe(404);
    const own = await t.as('anshun-zw1', 'GET', `/api/v1/members/${t.fx.members.member2.id}/quorum-exclusions`);
    expect(own.statusCode).toBe(200);
    expect(own.json().total).toBeGreaterThanOrEqual(2);
  });
});
