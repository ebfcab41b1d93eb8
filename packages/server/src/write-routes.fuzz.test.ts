// Bad input on every write route (DESIGN.md § Quality bars): generated payloads get a 4xx with a
// code and a Chinese message — never a 500 — and a refused request leaves every table as it was.
import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from './test-support/test-app';
import { testEngines } from './test-support/engines';
import { assertRejectsBadInputCleanly } from './test-support/fuzz';

type WriteRoute = { who: string; method: string; path: string; url: (t: TestApp) => string; body: { shape: Record<string, unknown> } };

const writeRoutes: WriteRoute[] = [
  { who: 'sysadmin', path: '/api/v1/courts', method: 'POST', url: () => '/api/v1/courts', body: contracts.createCourtRequest },
  { who: 'sysadmin', path: '/api/v1/courts/:id', method: 'PATCH', url: (t) => `/api/v1/courts/${t.fx.courts.anshun}`, body: contracts.updateCourtRequest },
  { who: 'anshun', path: '/api/v1/departments', method: 'POST', url: () => '/api/v1/departments', body: contracts.createDepartmentRequest },
  { who: 'anshun', path: '/api/v1/orgs', method: 'POST', url: () => '/api/v1/orgs', body: contracts.createOrgRequest },
  { who: 'anshun', path: '/api/v1/orgs/:id', method: 'PATCH', url: (t) => `/api/v1/orgs/${t.fx.orgs.branch1.id}`, body: contracts.updateOrgRequest },
  { who: 'anshun', path: '/api/v1/orgs/:id/terms', method: 'POST', url: (t) => `/api/v1/orgs/${t.fx.orgs.branch1.id}/terms`, body: contracts.createTermRequest },
  { who: 'anshun', path: '/api/v1/orgs/:id/committee', method: 'POST', url: (t) => `/api/v1/orgs/${t.fx.orgs.branch1.id}/committee`, body: contracts.createCommitteePositionRequest },
  { who: 'sysadmin', path: '/api/v1/users', method: 'POST', url: () => '/api/v1/users', body: contracts.createUserRequest },
  { who: 'secofficer', path: '/api/v1/users/:id/grants', method: 'POST', url: (t) => `/api/v1/users/${t.fx.users['target-anshun']!.id}/grants`, body: contracts.grantRoleRequest },
  { who: 'secofficer', path: '/api/v1/security-settings', method: 'PUT', url: () => '/api/v1/security-settings', body: contracts.securitySettingsSchema },
  { who: 'anshun', path: '/api/v1/auth/password', method: 'POST', url: () => '/api/v1/auth/password', body: contracts.changePasswordRequest },
];

const TABLES = ['courts', 'departments', 'party_orgs', 'org_terms', 'committee_positions', 'members', 'member_status_history', 'users', 'role_grants', 'settings'];

/** Values that look almost right: the kinds of mistakes people and scripts make. */
function valueArb(t: TestApp) {
  return fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('', ' ', '2025-02-30', '2025-13-01', '1899-01-01', '2999-01-01', '2025-03-01', '520402199005011234', 'null', '0', '-1'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.courts.anshun, t.fx.courts.lukou, t.fx.orgs.branch1.id, t.fx.orgs.lukouBranch.id, t.fx.members.member2.id),
    fc.constantFrom('branch', 'partyGroup', 'fullMember', 'secretary', 'courtAdmin', 'sysAdmin', 'supreme', 'trialTeam'),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  );
}

describe.each(testEngines)('写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  for (const route of writeRoutes) {
    it(`${route.method} ${route.path} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      await assertRejectsBadInputCleanly(t, { who: route.who, method: route.method, url: () => route.url(t), keys: Object.keys(route.body.shape) }, valueArb(t), TABLES, 40);
    });
  }
});
