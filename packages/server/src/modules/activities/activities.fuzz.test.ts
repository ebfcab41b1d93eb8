// Bad input on every activities write route: a 4xx with a code and a Chinese message, never a 500,
// and a refused request leaves the tables as they were (DESIGN.md § Quality bars).
import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['activities', 'activity_attendance', 'activity_revisions', 'files', 'case_reviews', 'audit_log'];

describe.each(testEngines)('组织生活写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let held: string;
  let planned: string;
  let caseSession: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const mk = async (type: string, title: string, startsAt: string) =>
      (await t.as('anshun', 'POST', '/api/v1/activities', { orgId: t.fx.orgs.branch1.id, type, title, startsAt, lateEntryReason: '补录' })).json() as { id: string; version: number };
    const h = await mk('partyLecture', '已开展', '2025-03-01T09:00:00+08:00');
    await t.as('anshun', 'POST', `/api/v1/activities/${h.id}/record`, { minutes: '记录', attendance: [], version: h.version });
    held = h.id;
    planned = (await mk('themedPartyDay', '计划中', '2099-03-01T09:00:00+08:00')).id;
    caseSession = (await mk('caseReviewSession', '讲评会', '2099-03-02T09:00:00+08:00')).id;
  });
  afterAll(() => t.close());

  const valueArb = () =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '2025-02-30', '2026-11-23T09:00:00+08:00', '2026-11-23', 'present', 'onLeave', 'approve', 'return', 'branchAssembly', '123456'),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.uuid(),
      fc.constantFrom(t.fx.orgs.branch1.id, t.fx.orgs.lukouBranch.id, t.fx.members.member1.id, t.fx.members.lukouMember.id),
      fc.array(fc.dictionary(fc.constantFrom('memberId', 'status', 'reason', 'guestName', 'role'), fc.oneof(fc.string({ maxLength: 8 }), fc.constant(t.fx.members.member1.id))), { maxLength: 2 }),
    );

  const routes: { method: string; path: string; url: () => string; keys: string[] }[] = [
    { method: 'POST', path: '/api/v1/activities', url: () => '/api/v1/activities', keys: Object.keys(contracts.createActivityRequest.shape) },
    { method: 'PATCH', path: '/api/v1/activities/:id', url: () => `/api/v1/activities/${held}`, keys: Object.keys(contracts.updateActivityRequest.shape) },
    { method: 'POST', path: '/api/v1/activities/:id/record', url: () => `/api/v1/activities/${planned}/record`, keys: Object.keys(contracts.recordActivityRequest.shape) },
    { method: 'POST', path: '/api/v1/activities/:id/cancel', url: () => `/api/v1/activities/${planned}/cancel`, keys: Object.keys(contracts.cancelActivityRequest.shape) },
    { method: 'POST', path: '/api/v1/activities/:id/review', url: () => `/api/v1/activities/${held}/review`, keys: Object.keys(contracts.reviewActivityRequest.shape) },
    { method: 'POST', path: '/api/v1/activities/:id/attendance', url: () => `/api/v1/activities/${planned}/attendance`, keys: Object.keys(contracts.markAttendanceRequest.shape) },
    { method: 'POST', path: '/api/v1/activities/:id/sign-in/open', url: () => `/api/v1/activities/${planned}/sign-in/open`, keys: ['minutes'] },
    { method: 'POST', path: '/api/v1/sign-in', url: () => '/api/v1/sign-in', keys: Object.keys(contracts.signInRequest.shape) },
    { method: 'POST', path: '/api/v1/activities/:id/case-reviews', url: () => `/api/v1/activities/${caseSession}/case-reviews`, keys: Object.keys(contracts.createCaseReviewRequest.shape) },
  ];

  for (const route of routes) {
    it(`${route.method} ${route.path} 对任意输入不返回500，拒绝时不写入`, async () => {
      await assertRejectsBadInputCleanly(t, { who: 'anshun', method: route.method, url: route.url, keys: route.keys }, valueArb(), TABLES, 30);
    });
  }
});
