// Bad input on the 党费 write routes (DESIGN.md § Quality bars): generated payloads get a 4xx with a
// code and a Chinese message — never a 500 — and a refused request leaves the tables as they were.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['dues_bases', 'dues_payments', 'dues_adjustments', 'audit_log'];

function valueArb(t: TestApp) {
  const component = fc.record({ name: fc.constantFrom('职务工资', '', '个人所得税'), amountFen: fc.oneof(fc.integer(), fc.double(), fc.constant('5000')), deducted: fc.oneof(fc.boolean(), fc.constant('否')) });
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '2026-13', '2026-00', '2026-11', '2026-04', '2025-01', '2099-01', '2026-02-30', '2026-11-18', 'inService', 'retired', 'farmer', 'exempt', 'reduce', 'approve'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.members.member1.id, t.fx.members.lukouMember.id, t.fx.members.probationary.id),
    fc.array(component, { maxLength: 3 }),
  );
}

describe.each(testEngines)('党费写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-20T10:00:00+08:00') });
    await t.as('anshun-zb1', 'PUT', `/api/v1/dues/members/${t.fx.members.member1.id}/bases`, { effectiveMonth: '2026-01', memberType: 'inService', components: [{ name: '职务工资', amountFen: 600000, deducted: false }] });
  });
  afterAll(() => t.close());

  const routes = [
    { name: 'POST /api/v1/dues/payments', who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/dues/payments', keys: Object.keys(contracts.recordDuesPaymentRequest.shape) },
    { name: 'PUT /api/v1/dues/members/:id/bases', who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/dues/members/${t?.fx.members.member1.id}/bases`, keys: Object.keys(contracts.saveDuesBaseRequest.shape) },
    { name: 'POST /api/v1/dues/adjustments', who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/dues/adjustments', keys: Object.keys(contracts.createDuesAdjustmentRequest.shape) },
    { name: 'POST /api/v1/dues/adjustments/:id/decide', who: 'anshun', method: 'POST', url: () => '/api/v1/dues/adjustments/00000000-0000-7000-8000-000000000000/decide', keys: Object.keys(contracts.decideDuesAdjustmentRequest.shape) },
  ];
  for (const route of routes) {
    it(`${route.name} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      await assertRejectsBadInputCleanly(t, route, valueArb(t), TABLES, 40);
    });
  }

  it('查询参数有误时返回400而不是500', async () => {
    for (const url of [
      `/api/v1/dues/ledger?orgId=${t.fx.orgs.branch1.id}&year=abc`,
      '/api/v1/dues/ledger?orgId=not-a-uuid&year=2026',
      `/api/v1/dues/report?orgId=${t.fx.orgs.branch1.id}&year=1e9`,
      `/api/v1/dues/report.xlsx?year=`,
      '/api/v1/dues/payments/00000000-0000-7000-8000-000000000000?version=x',
      '/api/v1/dues/adjustments?state=nope',
    ]) {
      const method = url.startsWith('/api/v1/dues/payments/') ? 'DELETE' : 'GET';
      const res = await t.as('anshun', method, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
