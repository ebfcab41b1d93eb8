// Bad input on the write routes of the catalogue and the 微党课 schedule (DESIGN.md § Quality bars):
// generated payloads get a 4xx with a code and a Chinese message — never a 500 — and a refused
// request leaves the tables as they were.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

type WriteRoute = { who: string; method: string; url: string; body: { shape: Record<string, unknown> } };
const writeRoutes: WriteRoute[] = [
  { who: 'anshun', method: 'PUT', url: '/api/v1/activity-types', body: contracts.updateActivityCatalogueRequest },
  { who: 'anshun-zb1', method: 'POST', url: '/api/v1/micro-lectures/generate', body: contracts.generateMicroLecturesRequest },
  { who: 'anshun-zb1', method: 'PUT', url: '/api/v1/micro-lectures', body: contracts.saveMicroLecturesRequest },
  { who: 'anshun-zb1', method: 'POST', url: 'MEMBER2/quorum-exclusions', body: contracts.createQuorumExclusionRequest },
];
const TABLES = ['settings', 'micro_lecture_slots', 'quorum_exclusions', 'audit_log'];

function valueArb(t: TestApp) {
  const slot = fc.record({ slotDate: fc.constantFrom('2026-12-01', '2025-01-01', '2026-02-30', 'x'), memberId: fc.constantFrom(t.fx.members.member1.id, t.fx.members.lukouMember.id, '00000000-0000-0000-0000-000000000000') });
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '2025-02-30', '2999-01-01', '2026-12-01', '0', '-1', 'abroadPrivate', 'bedridden'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.courts.anshun, t.fx.courts.lukou, t.fx.orgs.branch1.id, t.fx.orgs.group1.id, t.fx.orgs.lukouBranch.id),
    fc.array(fc.constantFrom('2026-12-01', '2026-12-08', '2025-13-01'), { maxLength: 3 }),
    fc.array(slot, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('branchAssembly', 'microLecture', 'nope'), fc.dictionary(fc.constantFrom('minFrequency', 'enabled', 'heldBy'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), { maxKeys: 2 }),
  );
}

describe.each(testEngines)('组织生活写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-23T09:00:00+08:00') });
  });
  afterAll(() => t.close());

  for (const route of writeRoutes) {
    it(`${route.method} ${route.url.replace('MEMBER2', '/api/v1/members/:id')} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      await assertRejectsBadInputCleanly(t, { who: route.who, method: route.method, url: () => route.url.replace('MEMBER2', `/api/v1/members/${t.fx.members.member2.id}`), keys: Object.keys(route.body.shape) }, valueArb(t), TABLES, 40);
    });
  }

  it('查询参数有误时返回400而不是500', async () => {
    for (const url of [
      '/api/v1/calendar?from=2025-02-30&to=2025-03-01',
      '/api/v1/calendar?from=2025-01-01&to=2027-01-01',
      '/api/v1/reports/activity-counts?year=1e9',
      `/api/v1/ledgers/binder.docx?orgId=${t.fx.orgs.branch1.id}&year=abc`,
      '/api/v1/reminders?orgId=not-a-uuid',
      '/api/v1/micro-lectures?orgId=',
    ]) {
      const res = await t.as('anshun', 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
