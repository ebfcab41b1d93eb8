// Bad input on the 谈心谈话 and 关怀 write routes (DESIGN.md § Quality bars): generated payloads get a
// 4xx with a code and a Chinese message — never a 500 — and a refused request writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['talks', 'talk_participants', 'care_records', 'care_visits', 'audit_log'];

function valueArb(t: TestApp) {
  const m = t.fx.members;
  const ids = fc.constantFrom(m.secretary.id, m.member1.id, m.branch2Member.id, m.lukouMember.id, t.fx.orgs.branch1.id, t.fx.orgs.lukouBranch.id);
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '2026-13-01', '2026-02-30', '2026-11-18', '2099-01-01', 'talk', 'remindingTalk', 'pending', 'done', 'money', 'studyDelivered', 'hardship'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    ids,
    fc.array(fc.oneof(ids, fc.string({ maxLength: 5 }), fc.constantFrom('money', 'other', 'x')), { maxLength: 4 }),
  );
}

describe.each(testEngines)('谈心谈话、关怀写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let talkId = '';
  let recordId = '';
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-20T10:00:00+08:00') });
    const b = t.fx.orgs.branch1;
    talkId = newId();
    await t.deps.db.insert(schema.talks).values({ id: talkId, courtId: b.courtId, orgId: b.id, talkedOn: '2026-03-02', kind: 'talk', topic: '谈心', createdByName: '测试' });
    recordId = newId();
    await t.deps.db.insert(schema.careRecords).values({ id: recordId, courtId: b.courtId, memberId: t.fx.members.member1.id, orgId: b.id, kind: 'longIllness', situation: '长期患病' });
  });
  afterAll(() => t.close());

  const routes = [
    { name: 'POST /api/v1/talks', who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/talks', keys: Object.keys(contracts.createTalkRequest.shape) },
    { name: 'PUT /api/v1/talks/:id', who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/talks/${talkId}`, keys: Object.keys(contracts.updateTalkRequest.shape) },
    { name: 'POST /api/v1/care/records', who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/care/records', keys: Object.keys(contracts.createCareRecordRequest.shape) },
    { name: 'PUT /api/v1/care/records/:id', who: 'anshun', method: 'PUT', url: () => `/api/v1/care/records/${recordId}`, keys: Object.keys(contracts.updateCareRecordRequest.shape) },
    { name: 'POST /api/v1/care/records/:id/visits', who: 'anshun-zb1', method: 'POST', url: () => `/api/v1/care/records/${recordId}/visits`, keys: Object.keys(contracts.addCareVisitRequest.shape) },
  ];
  for (const route of routes) {
    it(`${route.name} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      await assertRejectsBadInputCleanly(t, route, valueArb(t), TABLES, 40);
    });
  }

  it('查询参数有误时返回400而不是500', async () => {
    for (const [method, url] of [
      ['GET', `/api/v1/talks/coverage?orgId=${t.fx.orgs.branch1.id}&year=abc`],
      ['GET', '/api/v1/talks/coverage?orgId=not-a-uuid&year=2026'],
      ['GET', `/api/v1/talks/coverage?orgId=${t.fx.orgs.branch1.id}&year=2026&category=x`],
      ['GET', `/api/v1/talks/ledger.xlsx?year=2026`],
      ['DELETE', `/api/v1/talks/${talkId}?version=x`],
      ['GET', '/api/v1/care/records?state=nope'],
      ['GET', '/api/v1/care/money?year=1e9'],
      ['DELETE', '/api/v1/care/visits/00000000-0000-7000-8000-000000000000?version=x'],
    ]) {
      const res = await t.as('anshun', method!, url!);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
