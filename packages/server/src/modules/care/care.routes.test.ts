// 关怀 (issue 5): only the member's branch secretary and the court's party office see care records —
// not committee members, group leaders, members, the higher court or another court; every read of a
// record's details is audited; visits carry 慰问金 in fen and the year's total is summed per branch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

describe.each(testEngines)('关心关爱 (%s)', (engine) => {
  let t: TestApp;
  const now = new Date('2026-11-20T09:00:00+08:00');
  let recordId = '';
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
  });
  afterAll(() => t.close());

  it('书记登记关怀对象和走访（慰问金、送学上门），合计慰问金', async () => {
    const created = await t.as('anshun-zb1', 'POST', '/api/v1/care/records', { memberId: t.fx.members.member1.id, kind: 'longIllness', situation: '患慢性肾病，每周透析三次', reviewOn: '2027-06-30', followUp: '每季度走访一次' });
    expect(created.statusCode, created.body).toBe(200);
    recordId = created.json().id;
    expect(created.json()).toMatchObject({ memberName: '李明', kindLabel: '长期患病', active: true, visits: [] });
    const v1 = await t.as('anshun-zb1', 'POST', `/api/v1/care/records/${recordId}/visits`, { visitedOn: '2026-02-10', visitors: '张健、王芳', helpKinds: ['money'], amountFen: 100000, note: '春节慰问' });
    expect(v1.statusCode, v1.body).toBe(200);
    const v2 = await t.as('anshun', 'POST', `/api/v1/care/records/${recordId}/visits`, { visitedOn: '2026-07-01', visitors: '郑明春', helpKinds: ['money', 'studyDelivered'], amountFen: 50050 });
    expect(v2.json()).toMatchObject({ visitCount: 2, lastVisitOn: '2026-07-01', moneyTotalFen: 150050 });
    expect(v2.json().visits[0].helpLabels).toEqual(['慰问金', '送学上门']);
    const lastYear = await t.as('anshun', 'POST', `/api/v1/care/records/${recordId}/visits`, { visitedOn: '2025-12-31', visitors: '郑明春', helpKinds: ['money'], amountFen: 20000 });
    expect(lastYear.statusCode).toBe(200);
    const money = (await t.as('anshun-zb1', 'GET', `/api/v1/care/money?year=2026&orgId=${t.fx.orgs.branch1.id}`)).json();
    expect(money).toMatchObject({ year: 2026, totalFen: 150050, items: [{ orgId: t.fx.orgs.branch1.id, totalFen: 150050, visitCount: 2 }] });
  });

  it('名单不含困难情况；每次查看详情都记入审计日志', async () => {
    const list = (await t.as('anshun-zb1', 'GET', '/api/v1/care/records')).json();
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain('透析');
    const audits = async () => (await t.deps.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, 'care.record.read'), eq(schema.auditLog.entityId, recordId)))).length;
    const before = await audits();
    const detail = await t.as('anshun', 'GET', `/api/v1/care/records/${recordId}`);
    expect(detail.json().situation).toContain('透析');
    await t.as('anshun-zb1', 'GET', `/api/v1/care/records/${recordId}`);
    expect(await audits()).toBe(before + 2);
    const entry = (await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'care.record.read')))[0]!;
    expect(JSON.stringify(entry.after)).not.toContain('透析');
  });

  it.each(['anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou', 'lukou'])('%s 看不到关怀记录（404，名单为空）', async (who) => {
    expect((await t.as(who, 'GET', `/api/v1/care/records/${recordId}`)).statusCode).toBe(404);
    const list = await t.as(who, 'GET', '/api/v1/care/records');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await t.as(who, 'POST', `/api/v1/care/records/${recordId}/visits`, { visitedOn: '2026-03-01', visitors: '某人', helpKinds: ['other'] })).statusCode).toBe(404);
  });

  it('关怀对象本人（李明）也不能通过走访接口看到记录；审计没有多出读取记录', async () => {
    const before = (await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'care.record.read'))).length;
    expect((await t.as('anshun-xz1', 'GET', `/api/v1/care/records/${recordId}`)).statusCode).toBe(404);
    expect((await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'care.record.read'))).length).toBe(before);
  });

  it.each([
    ['选了慰问金没填金额', { helpKinds: ['money'], amountFen: 0 }, 'amountFen'],
    ['填了金额没选慰问金', { helpKinds: ['studyDelivered'], amountFen: 100 }, 'helpKinds'],
    ['没有帮扶内容', { helpKinds: [] }, 'helpKinds'],
    ['走访日期晚于今天', { visitedOn: '2026-11-21', helpKinds: ['other'] }, 'visitedOn'],
  ])('%s：400 指明字段', async (_n, patch, field) => {
    const res = await t.as('anshun-zb1', 'POST', `/api/v1/care/records/${recordId}/visits`, { visitedOn: '2026-03-01', visitors: '张健', ...patch });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details[0].field).toBe(field);
  });

  it('同一类别的关怀对象不重复登记；移出名单后留作历史', async () => {
    const dup = await t.as('anshun-zb1', 'POST', '/api/v1/care/records', { memberId: t.fx.members.member1.id, kind: 'longIllness', situation: '重复' });
    expect(dup.statusCode).toBe(400);
    const cur = (await t.as('anshun-zb1', 'GET', `/api/v1/care/records/${recordId}`)).json();
    const closed = await t.as('anshun-zb1', 'PUT', `/api/v1/care/records/${recordId}`, { kind: cur.kind, situation: cur.situation, reviewOn: null, followUp: '已康复', active: false, version: cur.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await t.as('anshun-zb1', 'GET', '/api/v1/care/records')).json().items).toEqual([]);
    expect((await t.as('anshun-zb1', 'GET', '/api/v1/care/records?state=closed')).json().items).toHaveLength(1);
    const stale = await t.as('anshun-zb1', 'PUT', `/api/v1/care/records/${recordId}`, { kind: cur.kind, situation: cur.situation, active: true, version: cur.version });
    expect(stale.statusCode).toBe(409);
  });

  it('书记不能为其他支部的党员登记', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/care/records', { memberId: t.fx.members.branch2Member.id, kind: 'hardship', situation: '困难' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('memberId');
  });
});
