// The authorization matrix (DESIGN.md § Quality bars): every route × every role × own org / other
// org → allowed or denied. "Own" targets are in 安顺中院 (第一支部, 第一党小组, 李明); "other" targets
// are in 渌口法院. A route missing from this table fails the test.
//
// Allowed: the request passed authorization (2xx, or a business 400/409/422 after the policy
// check) and, for lists, the target is in the result. Denied: 401/403/404, or a list without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, schema } from '@zhibu/db';
import { makeIdNumber } from '@zhibu/domain';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from './test-support/test-app';
import { testEngines } from './test-support/engines';
import { TEST_PASSWORD } from './test-support/fixture';

const ROLES = ['sysadmin', 'secofficer', 'auditor', 'anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou', 'lukou'] as const;
type Who = (typeof ROLES)[number];
type Side = 'own' | 'other';

type Target = {
  courtId: string;
  orgId: string;
  branchId: string;
  memberId: string;
  fullMemberId: string;
  departmentId: string;
  userId: string;
};

type Req = { method: string; url: string; payload?: unknown };
type Case = {
  route: string;
  own: readonly Who[] | 'all';
  other: readonly Who[] | 'all';
  make: (t: TestApp, x: Target, side: Side) => Promise<Req> | Req;
  /** For lists: is the target in the answer? */
  visible?: (body: unknown, x: Target) => boolean;
  /** Needs its own session (logout ends it). */
  freshSession?: boolean;
};

const itemsHave = (key: keyof Target) => (body: unknown, x: Target) =>
  ((body as { items?: { id: string }[] }).items ?? []).some((i) => i.id === x[key]);

const ANSHUN_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou'] as const;
let seq = 500;

const cases: Case[] = [
  { route: 'GET /api/v1/auth/me', own: 'all', other: 'all', make: () => ({ method: 'GET', url: '/api/v1/auth/me' }) },
  { route: 'POST /api/v1/auth/logout', own: 'all', other: 'all', freshSession: true, make: () => ({ method: 'POST', url: '/api/v1/auth/logout' }) },
  {
    route: 'POST /api/v1/auth/password',
    own: 'all',
    other: 'all',
    // a wrong old password: reaching the 400 means the route let the caller in
    make: () => ({ method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: 'not-my-password', newPassword: 'Another#2026' } }),
  },
  { route: 'GET /api/v1/courts', own: ['sysadmin', ...ANSHUN_READERS], other: ['sysadmin', 'lukou'], visible: itemsHave('courtId'), make: () => ({ method: 'GET', url: '/api/v1/courts' }) },
  {
    route: 'POST /api/v1/courts',
    own: ['sysadmin'],
    other: ['sysadmin'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/courts', payload: { name: `测试法院${seq++}`, shortName: '测试', level: 'tribunal', parentId: x.courtId } }),
  },
  {
    route: 'PATCH /api/v1/courts/:id',
    own: ['sysadmin'],
    other: ['sysadmin'],
    make: async (t, x) => {
      const c = (await t.deps.db.select().from(schema.courts).where(eq(schema.courts.id, x.courtId)))[0]!;
      return { method: 'PATCH', url: `/api/v1/courts/${x.courtId}`, payload: { region: `地区${seq++}`, version: c.version } };
    },
  },
  { route: 'GET /api/v1/courts/:id/rule-config', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/courts/${x.courtId}/rule-config` }) },
  {
    route: 'PUT /api/v1/courts/:id/rule-config',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x) => {
      const cur = (await t.as('sysadmin', 'GET', `/api/v1/courts/${x.courtId}/rule-config`)).json();
      return { method: 'PUT', url: `/api/v1/courts/${x.courtId}/rule-config`, payload: { overrides: { termWarningMonths: 6 }, version: cur.version ?? 0 } };
    },
  },
  { route: 'GET /api/v1/departments', own: ANSHUN_READERS, other: ['lukou'], visible: itemsHave('departmentId'), make: () => ({ method: 'GET', url: '/api/v1/departments' }) },
  {
    route: 'POST /api/v1/departments',
    own: ['anshun'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/departments', payload: { courtId: x.courtId, kind: 'department', name: `新庭室${seq++}` } }),
  },
  { route: 'GET /api/v1/orgs', own: ANSHUN_READERS, other: ['lukou'], visible: itemsHave('orgId'), make: () => ({ method: 'GET', url: '/api/v1/orgs' }) },
  { route: 'GET /api/v1/orgs/:id', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/orgs/${x.orgId}` }) },
  {
    route: 'POST /api/v1/orgs',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/orgs', payload: { courtId: x.courtId, parentId: x.branchId, type: 'partyGroup', name: `党小组${seq++}` } }),
  },
  {
    route: 'PATCH /api/v1/orgs/:id',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: async (t, x) => {
      const o = (await t.deps.db.select().from(schema.partyOrgs).where(eq(schema.partyOrgs.id, x.branchId)))[0]!;
      return { method: 'PATCH', url: `/api/v1/orgs/${x.branchId}`, payload: { shortName: `简称${seq++}`, version: o.version } };
    },
  },
  {
    route: 'POST /api/v1/orgs/:id/terms',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: `/api/v1/orgs/${x.branchId}/terms`, payload: { termStart: '2025-01-10' } }),
  },
  {
    route: 'POST /api/v1/orgs/:id/committee',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: `/api/v1/orgs/${x.branchId}/committee`, payload: { memberId: x.fullMemberId, post: 'publicityMember', startOn: '2025-01-10' } }),
  },
  {
    route: 'POST /api/v1/orgs/:id/committee/:positionId/end',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: async (t, x) => {
      const id = newId();
      const court = x.courtId;
      await t.deps.db.insert(schema.committeePositions).values({ id, courtId: court, orgId: x.branchId, memberId: x.fullMemberId, post: 'committeeMember', startOn: '2024-01-01' });
      return { method: 'POST', url: `/api/v1/orgs/${x.branchId}/committee/${id}/end`, payload: { endOn: '2025-06-30', version: 1 } };
    },
  },
  { route: 'GET /api/v1/users', own: ['sysadmin', 'secofficer'], other: ['sysadmin', 'secofficer'], visible: itemsHave('userId'), make: () => ({ method: 'GET', url: '/api/v1/users' }) },
  {
    route: 'POST /api/v1/users',
    own: ['sysadmin'],
    other: ['sysadmin'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/users', payload: { username: `u${seq++}`, displayName: '新账号', courtId: x.courtId } }),
  },
  { route: 'POST /api/v1/users/:id/reset-password', own: ['sysadmin'], other: ['sysadmin'], make: (_t, x) => ({ method: 'POST', url: `/api/v1/users/${x.userId}/reset-password` }) },
  { route: 'POST /api/v1/users/:id/disable', own: ['sysadmin'], other: ['sysadmin'], make: (_t, x) => ({ method: 'POST', url: `/api/v1/users/${x.userId}/disable` }) },
  { route: 'POST /api/v1/users/:id/enable', own: ['sysadmin'], other: ['sysadmin'], make: (_t, x) => ({ method: 'POST', url: `/api/v1/users/${x.userId}/enable` }) },
  { route: 'POST /api/v1/users/:id/unlock', own: ['secofficer'], other: ['secofficer'], make: (_t, x) => ({ method: 'POST', url: `/api/v1/users/${x.userId}/unlock` }) },
  {
    route: 'POST /api/v1/users/:id/grants',
    own: ['secofficer'],
    other: ['secofficer'],
    make: (_t, x) => ({ method: 'POST', url: `/api/v1/users/${x.userId}/grants`, payload: { role: 'committeeMember', orgId: x.branchId } }),
  },
  {
    route: 'POST /api/v1/users/:id/grants/:grantId/revoke',
    own: ['secofficer'],
    other: ['secofficer'],
    make: async (t, x) => {
      const id = newId();
      await t.deps.db.insert(schema.roleGrants).values({ id, userId: x.userId, role: 'higherCourtViewer', courtId: x.courtId });
      return { method: 'POST', url: `/api/v1/users/${x.userId}/grants/${id}/revoke` };
    },
  },
  { route: 'GET /api/v1/security-settings', own: ['secofficer'], other: ['secofficer'], make: () => ({ method: 'GET', url: '/api/v1/security-settings' }) },
  {
    route: 'PUT /api/v1/security-settings',
    own: ['secofficer'],
    other: ['secofficer'],
    make: () => ({ method: 'PUT', url: '/api/v1/security-settings', payload: { sessionIdleMinutes: 30, maxFailures: 5, lockMinutes: 15 } }),
  },
  { route: 'GET /api/v1/audit-logs', own: ['auditor'], other: ['auditor'], make: () => ({ method: 'GET', url: '/api/v1/audit-logs' }) },
  { route: 'GET /api/v1/audit-logs/verify', own: ['auditor'], other: ['auditor'], make: () => ({ method: 'GET', url: '/api/v1/audit-logs/verify' }) },
  {
    route: 'GET /api/v1/dashboard',
    own: [...ANSHUN_READERS, 'lukou'],
    other: [...ANSHUN_READERS, 'lukou'],
    make: () => ({ method: 'GET', url: '/api/v1/dashboard' }),
  },
];

export function matrixTarget(t: TestApp, side: Side): Target {
  const fx = t.fx;
  return side === 'own'
    ? {
        courtId: fx.courts.anshun,
        orgId: fx.orgs.group1.id,
        branchId: fx.orgs.branch1.id,
        memberId: fx.members.member1.id,
        fullMemberId: fx.members.member2.id,
        departmentId: fx.departments.dept.id,
        userId: fx.users['target-anshun']!.id,
      }
    : {
        courtId: fx.courts.lukou,
        orgId: fx.orgs.lukouBranch.id,
        branchId: fx.orgs.lukouBranch.id,
        memberId: fx.members.lukouMember.id,
        fullMemberId: fx.members.lukouMember.id,
        departmentId: fx.departments.lukouDept.id,
        userId: fx.users['target-lukou']!.id,
      };
}

void makeIdNumber;

describe.each(testEngines)('授权矩阵：每个接口 × 每个角色 × 本单位/外单位 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('每个接口都列在授权矩阵中', () => {
    const listed = new Set(cases.map((c) => c.route));
    const missing = t.app.routeList.filter((r) => r.startsWith('GET /api/v1') || r.match(/^(POST|PATCH|PUT|DELETE) \/api\/v1/)).filter((r) => r !== 'POST /api/v1/auth/login' && !listed.has(r));
    expect(missing).toEqual([]);
  });

  for (const c of cases) {
    for (const side of ['own', 'other'] as const) {
      it(`${c.route}（${side === 'own' ? '本单位' : '外单位'}）`, async () => {
        const allowed = c[side] === 'all' ? ROLES : (c[side] as readonly Who[]);
        const x = matrixTarget(t, side);
        const outcome: Record<string, 'allowed' | 'denied'> = {};
        for (const who of ROLES) {
          const req = await c.make(t, x, side);
          let cookie = await t.cookieOf(who);
          if (c.freshSession) {
            const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: who, password: TEST_PASSWORD } });
            cookie = `zhibu_sid=${login.cookies.find((k) => k.name === 'zhibu_sid')!.value}`;
          }
          const res = await t.app.inject({ method: req.method as never, url: req.url, headers: { cookie }, ...(req.payload === undefined ? {} : { payload: req.payload as never }) });
          expect(res.statusCode, `${who} ${req.method} ${req.url}: ${res.body}`).not.toBe(500);
          const denied = [401, 403, 404].includes(res.statusCode) || (res.statusCode === 200 && c.visible && !c.visible(res.json(), x));
          outcome[who] = denied ? 'denied' : 'allowed';
        }
        const expected = Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? 'allowed' : 'denied']));
        expect(outcome).toEqual(expected);
      });
    }
  }
});
