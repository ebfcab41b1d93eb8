// Bad input on the write routes of 联建 (DESIGN.md § Quality bars): generated payloads get a 4xx
// with a code and a Chinese message — never a 500 — and a refused request writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['partnerships', 'joint_activities', 'joint_activity_orgs', 'activities', 'activity_attendance', 'audit_log'];

function valueArb(t: TestApp) {
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '2025-02-30', '2026-01-01', '2026-12-31', '1999-01-01', 'branch', 'external', 'accept', 'decline', 'procuratorate', 'jointPlanning', 'nope'),
    fc.array(fc.constantFrom('jointPlanning', 'jointForces', 'x'), { maxLength: 5 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.orgs.branch1.id, t.fx.orgs.branch2.id, t.fx.orgs.group1.id, t.fx.orgs.lukouBranch.id, t.fx.courts.anshun),
  );
}

describe.each(testEngines)('联建写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let pairId = '';
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-23T09:00:00+08:00') });
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/partnerships', {
      orgId: t.fx.orgs.branch1.id,
      partnerKind: 'external',
      partnerUnitName: '西秀区人民检察院第一党支部',
      partnerUnitType: 'procuratorate',
      title: '检法联建',
      goals: '共同开展普法',
      categories: ['jointForces'],
      startsOn: '2026-01-01',
    });
    pairId = res.json().id;
  });
  afterAll(() => t.close());

  const routes = [
    { method: 'POST', label: '/api/v1/partnerships', url: () => '/api/v1/partnerships', body: contracts.createPartnershipRequest },
    { method: 'PATCH', label: '/api/v1/partnerships/:id', url: () => `/api/v1/partnerships/${pairId}`, body: contracts.updatePartnershipRequest },
    { method: 'POST', label: '/api/v1/partnerships/:id/decide', url: () => `/api/v1/partnerships/${pairId}/decide`, body: contracts.decidePartnershipRequest },
    { method: 'POST', label: '/api/v1/partnerships/:id/end', url: () => `/api/v1/partnerships/${pairId}/end`, body: contracts.endPartnershipRequest },
    { method: 'POST', label: '/api/v1/activities（联建活动字段）', url: () => '/api/v1/activities', body: contracts.createActivityRequest },
  ];
  for (const r of routes) {
    it(`${r.method} ${r.label} 对任意输入不返回500，拒绝时不写入`, async () => {
      const keys = Object.keys((r.body as unknown as { shape: Record<string, unknown> }).shape);
      await assertRejectsBadInputCleanly(t, { who: 'anshun-zb1', method: r.method, url: r.url, keys }, valueArb(t), TABLES, 30);
    });
  }
});
