// The authorization matrix (DESIGN.md § Quality bars): every route × every role × own org / other
// org → allowed or denied. "Own" targets are in 安顺中院 (第一支部, 第一党小组, 李明); "other" targets
// are in 渌口法院. A route missing from this table fails the test.
//
// Allowed: the request passed authorization (2xx, or a business 400/409/422 after the policy
// check) and, for lists, the target is in the result. Denied: 401/403/404, or a list without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, schema } from '@zhibu/db';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from './test-support/test-app';
import { testEngines } from './test-support/engines';
import { TEST_PASSWORD } from './test-support/fixture';
import {
  ACTIVITY_READERS,
  activityOf,
  ANSHUN_READERS,
  BRANCH_MANAGERS,
  exclusionOf,
  freshIdNumber,
  itemsHave,
  matrixTarget,
  nextSeq,
  pngUpload,
  ROLES,
  rosterHasMember,
  rosterUpload,
  unknownOrg,
  type Case,
  type Who,
} from './test-support/matrix';
import { moduleMatrixCases } from './matrix-cases';

const coreCases: Case[] = [
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
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/courts', payload: { name: `测试法院${nextSeq()}`, shortName: '测试', level: 'tribunal', parentId: x.courtId } }),
  },
  {
    route: 'PATCH /api/v1/courts/:id',
    own: ['sysadmin'],
    other: ['sysadmin'],
    make: async (t, x) => {
      const c = (await t.deps.db.select().from(schema.courts).where(eq(schema.courts.id, x.courtId)))[0]!;
      return { method: 'PATCH', url: `/api/v1/courts/${x.courtId}`, payload: { region: `地区${nextSeq()}`, version: c.version } };
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
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/departments', payload: { courtId: x.courtId, kind: 'department', name: `新庭室${nextSeq()}` } }),
  },
  { route: 'GET /api/v1/orgs', own: ANSHUN_READERS, other: ['lukou'], visible: itemsHave('orgId'), make: () => ({ method: 'GET', url: '/api/v1/orgs' }) },
  { route: 'GET /api/v1/orgs/:id', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/orgs/${x.orgId}` }) },
  {
    route: 'POST /api/v1/orgs',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/orgs', payload: { courtId: x.courtId, parentId: x.branchId, type: 'partyGroup', name: `党小组${nextSeq()}` } }),
  },
  {
    route: 'PATCH /api/v1/orgs/:id',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: async (t, x) => {
      const o = (await t.deps.db.select().from(schema.partyOrgs).where(eq(schema.partyOrgs.id, x.branchId)))[0]!;
      return { method: 'PATCH', url: `/api/v1/orgs/${x.branchId}`, payload: { shortName: `简称${nextSeq()}`, version: o.version } };
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
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/users', payload: { username: `u${nextSeq()}`, displayName: '新账号', courtId: x.courtId } }),
  },
  // The three officers see no roster: the security officer picks a grant's scope by name, the
  // system administrator links an account to a member by name (no personal data either way).
  { route: 'GET /api/v1/users/grant-scopes', own: ['secofficer'], other: ['secofficer'], visible: (res, x) => ((res.json() as { orgs?: { id: string }[] }).orgs ?? []).some((o) => o.id === x.branchId), make: () => ({ method: 'GET', url: '/api/v1/users/grant-scopes' }) },
  {
    route: 'GET /api/v1/users/member-candidates',
    own: ['sysadmin'],
    other: ['sysadmin'],
    visible: itemsHave('memberId'),
    make: (_t, x) => ({ method: 'GET', url: `/api/v1/users/member-candidates?courtId=${x.courtId}&q=${encodeURIComponent(x.memberName)}` }),
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

  // ── members: personal data, seen only within the caller's scope ──
  { route: 'GET /api/v1/members', own: ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1'], other: ['lukou'], visible: itemsHave('memberId'), make: () => ({ method: 'GET', url: '/api/v1/members?pageSize=500' }) },
  { route: 'GET /api/v1/members/:id', own: ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1'], other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/members/${x.memberId}` }) },
  {
    route: 'POST /api/v1/members',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    deniedWhen: unknownOrg,
    make: (_t, x, side) => ({
      method: 'POST',
      url: '/api/v1/members',
      payload: { orgId: x.branchId, name: '新党员', idNumber: freshIdNumber(side === 'own' ? '520402' : '430221'), status: 'fullMember', joinedOn: '2018-07-01', fullMemberSince: '2019-07-01' },
    }),
  },
  {
    route: 'PATCH /api/v1/members/:id',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const m = (await t.as(side === 'own' ? 'anshun' : 'lukou', 'GET', `/api/v1/members/${x.memberId}`)).json();
      return { method: 'PATCH', url: `/api/v1/members/${x.memberId}`, payload: { jobTitle: `职务${nextSeq()}`, version: m.version } };
    },
  },
  {
    route: 'POST /api/v1/members/:id/reveal',
    // the member's managers, and the member themself (李明 is the group leader's own record)
    own: ['anshun', 'anshun-zb1', 'anshun-xz1'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: `/api/v1/members/${x.memberId}/reveal`, payload: { field: 'idNumber', reason: '核对党员档案' } }),
  },
  { route: 'GET /api/v1/members/import-template', own: ['anshun', 'anshun-zb1', 'lukou'], other: ['anshun', 'anshun-zb1', 'lukou'], make: () => ({ method: 'GET', url: '/api/v1/members/import-template' }) },
  // a group leader's export holds their group, which includes 李明
  { route: 'GET /api/v1/members/export', own: ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1'], other: ['lukou'], visible: rosterHasMember, make: (_t, x) => ({ method: 'GET', url: `/api/v1/members/export?orgId=${x.branchId}` }) },
  { route: 'POST /api/v1/members/import', own: BRANCH_MANAGERS, other: ['lukou'], deniedWhen: unknownOrg, make: async (_t, x, side) => ({ method: 'POST', url: `/api/v1/members/import?orgId=${x.branchId}`, ...(await rosterUpload(x, side)) }) },
  {
    route: 'GET /api/v1/members/import-reports/:reportId',
    // a report belongs to whoever imported the file
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side, who) => {
      const up = await rosterUpload(x, side, { bad: true });
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/members/import?orgId=${x.branchId}`, headers: { cookie: await t.cookieOf(who), ...up.headers }, payload: up.payload });
      const reportId = res.statusCode === 422 ? res.json().reportId : '00000000-0000-7000-8000-000000000000';
      return { method: 'GET', url: `/api/v1/members/import-reports/${reportId}` };
    },
  },
  // ── organizational life (issue 3) ──
  { route: 'GET /api/v1/activities', own: ACTIVITY_READERS, other: ['lukou'], visible: (b, x) => ((b.json() as { items: { orgId: string }[] }).items ?? []).some((i) => i.orgId === x.branchId), make: async (t, x, side) => (await activityOf(t, x, side), { method: 'GET', url: '/api/v1/activities?pageSize=500' }) },
  { route: 'GET /api/v1/activities/:id/revisions', own: ACTIVITY_READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/activities/${(await activityOf(t, x, side, { held: true })).id}/revisions` }) },
  { route: 'GET /api/v1/activities/:id', own: ACTIVITY_READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/activities/${(await activityOf(t, x, side)).id}` }) },
  {
    route: 'POST /api/v1/activities',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/activities', payload: { orgId: x.branchId, type: 'themedPartyDay', title: `主题党日${nextSeq()}`, startsAt: new Date(Date.now() + 86400_000).toISOString() } }),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const a = await activityOf(t, x, side);
      return { method: 'PATCH', url: `/api/v1/activities/${a.id}`, payload: { place: '四楼党员活动室', version: a.version } };
    },
  },
  { route: 'POST /api/v1/activities/:id/notify', own: BRANCH_MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side)).id}/notify` }) },
  {
    route: 'POST /api/v1/activities/:id/record',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const a = await activityOf(t, x, side);
      return { method: 'POST', url: `/api/v1/activities/${a.id}/record`, payload: { minutes: '会议记录', firstAgendaItem: '第一议题', attendance: [], version: a.version } };
    },
  },
  {
    route: 'POST /api/v1/activities/:id/cancel',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const a = await activityOf(t, x, side);
      return { method: 'POST', url: `/api/v1/activities/${a.id}/cancel`, payload: { reason: '因故改期', version: a.version } };
    },
  },
  { route: 'POST /api/v1/activities/:id/submit', own: BRANCH_MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side, { held: true })).id}/submit` }) },
  {
    route: 'POST /api/v1/activities/:id/review',
    // the upper org reviews; the branch never approves its own record
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side, { submitted: true })).id}/review`, payload: { decision: 'approve' } }),
  },
  {
    route: 'POST /api/v1/activities/:id/attendance',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side)).id}/attendance`, payload: { memberId: x.fullMemberId, status: 'present' } }),
  },
  { route: 'GET /api/v1/activities/:id/sign-in', own: BRANCH_MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/activities/${(await activityOf(t, x, side)).id}/sign-in` }) },
  { route: 'POST /api/v1/activities/:id/sign-in/close', own: BRANCH_MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side, { signInOpen: true })).id}/sign-in/close` }) },
  { route: 'POST /api/v1/activities/:id/sign-in/open', own: BRANCH_MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side)).id}/sign-in/open`, payload: { minutes: 30 } }) },
  {
    route: 'POST /api/v1/sign-in',
    // only the expected attendees sign in: 第一支部's members (张健、王芳、李明、赵小雨); 渌口's account is no member
    own: ['anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1'],
    other: [],
    successOnly: true,
    make: async (t, x, side) => {
      const a = await activityOf(t, x, side, { signInOpen: true });
      const admin = side === 'own' ? 'anshun' : 'lukou';
      const state = (await t.as(admin, 'GET', `/api/v1/activities/${a.id}/sign-in`)).json();
      return { method: 'POST', url: '/api/v1/sign-in', payload: { token: state.token } };
    },
  },
  {
    route: 'POST /api/v1/activities/:id/case-reviews',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side, { type: 'caseReviewSession' })).id}/case-reviews`, payload: { caseNumber: '（2025）黔04民终123号', title: '劳动争议案' } }),
  },
  {
    route: 'PATCH /api/v1/activities/:id/case-reviews/:reviewId',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const a = await activityOf(t, x, side, { type: 'caseReviewSession' });
      const admin = side === 'own' ? 'anshun' : 'lukou';
      const detail = (await t.as(admin, 'POST', `/api/v1/activities/${a.id}/case-reviews`, { caseNumber: '（2025）黔04民终9号', title: '合同纠纷案' })).json();
      const r = detail.caseReviews[0];
      return { method: 'PATCH', url: `/api/v1/activities/${a.id}/case-reviews/${r.id}`, payload: { recommendedTypical: true, version: r.version } };
    },
  },
  {
    route: 'POST /api/v1/activities/:id/attachments',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/activities/${(await activityOf(t, x, side)).id}/attachments`, ...pngUpload() }),
  },
  {
    route: 'GET /api/v1/attachments/:fileId',
    own: ACTIVITY_READERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const a = await activityOf(t, x, side);
      const admin = side === 'own' ? 'anshun' : 'lukou';
      const up = pngUpload();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/attachments`, headers: { cookie: await t.cookieOf(admin), ...up.headers }, payload: up.payload });
      return { method: 'GET', url: `/api/v1/attachments/${res.json().id}` };
    },
  },
  { route: 'GET /api/v1/activity-types', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/activity-types?courtId=${x.courtId}` }) },
  {
    route: 'PUT /api/v1/activity-types',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x) => {
      const cur = (await t.as('sysadmin', 'GET', `/api/v1/activity-types?courtId=${x.courtId}`)).json();
      return { method: 'PUT', url: '/api/v1/activity-types', payload: { courtId: x.courtId, overrides: {}, version: cur.version ?? 0 } };
    },
  },
  { route: 'GET /api/v1/reminders', own: ['anshun', 'anshun-zb1', 'anshun-zw1', 'guizhou'], other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/reminders?orgId=${x.branchId}` }) },
  { route: 'GET /api/v1/reminders/members', own: ['anshun', 'anshun-zb1', 'anshun-zw1'], other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/reminders/members?orgId=${x.branchId}` }) },
  { route: 'GET /api/v1/reports/activity-counts', own: ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'guizhou'], other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/reports/activity-counts?courtId=${x.courtId}&year=2026` }) },
  { route: 'GET /api/v1/calendar', own: ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-dy1'], other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/calendar?orgId=${x.branchId}&from=2026-11-01&to=2026-11-30` }) },
  // 不计入应到会人数: the branch requests, the higher-level org decides; the member sees their own.
  {
    route: 'GET /api/v1/members/:id/quorum-exclusions',
    own: ['anshun', 'anshun-zb1', 'anshun-xz1'],
    other: ['lukou'],
    make: (_t, x) => ({ method: 'GET', url: `/api/v1/members/${x.memberId}/quorum-exclusions` }),
  },
  {
    route: 'POST /api/v1/members/:id/quorum-exclusions',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: `/api/v1/members/${x.memberId}/quorum-exclusions`, payload: { category: 'bedridden', reason: '长期卧床', validFrom: '2026-02-01' } }),
  },
  {
    route: 'GET /api/v1/quorum-exclusions',
    own: ['anshun'],
    other: ['lukou'],
    visible: async (res, x) => ((res.json() as { items: { memberId: string }[] }).items ?? []).some((i) => i.memberId === x.memberId),
    make: async (t, x, side) => {
      await exclusionOf(t, x, side);
      return { method: 'GET', url: '/api/v1/quorum-exclusions?state=pending' };
    },
  },
  {
    route: 'POST /api/v1/quorum-exclusions/:id/decide',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => {
      const e = await exclusionOf(t, x, side);
      return { method: 'POST', url: `/api/v1/quorum-exclusions/${e.id}/decide`, payload: { decision: 'approve', version: e.version } };
    },
  },
  {
    route: 'POST /api/v1/quorum-exclusions/:id/end',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const e = await exclusionOf(t, x, side, { approved: true });
      return { method: 'POST', url: `/api/v1/quorum-exclusions/${e.id}/end`, payload: { validTo: '2026-06-30', reason: '已回国', version: e.version } };
    },
  },
  { route: 'POST /api/v1/micro-lectures/generate', own: BRANCH_MANAGERS, other: ['lukou'], make: (_t, x) => ({ method: 'POST', url: '/api/v1/micro-lectures/generate', payload: { orgId: x.branchId, dates: ['2027-01-05', '2027-01-12'] } }) },
  { route: 'PUT /api/v1/micro-lectures', own: BRANCH_MANAGERS, other: ['lukou'], make: (_t, x) => ({ method: 'PUT', url: '/api/v1/micro-lectures', payload: { orgId: x.branchId, slots: [] } }) },
  { route: 'GET /api/v1/micro-lectures', own: ACTIVITY_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/micro-lectures?orgId=${x.branchId}` }) },
  { route: 'GET /api/v1/activities/:id/ledger.docx', own: ACTIVITY_READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/activities/${(await activityOf(t, x, side, { held: true })).id}/ledger.docx` }) },
  { route: 'GET /api/v1/ledgers/binder.docx', own: ACTIVITY_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/ledgers/binder.docx?orgId=${x.branchId}&year=2026` }) },
  { route: 'GET /api/v1/ledgers/summary.xlsx', own: ACTIVITY_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/ledgers/summary.xlsx?orgId=${x.branchId}&year=2026` }) },
];

const cases: Case[] = [...coreCases, ...moduleMatrixCases];

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
          const req = await c.make(t, x, side, who);
          let cookie = await t.cookieOf(who);
          if (c.freshSession) {
            const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: who, password: TEST_PASSWORD } });
            cookie = `zhibu_sid=${login.cookies.find((k) => k.name === 'zhibu_sid')!.value}`;
          }
          const res = await t.app.inject({ method: req.method as never, url: req.url, headers: { cookie, ...req.headers }, ...(req.payload === undefined ? {} : { payload: req.payload as never }) });
          expect(res.statusCode, `${who} ${req.method} ${req.url}: ${res.body}`).not.toBe(500);
          const denied =
            [401, 403, 404].includes(res.statusCode) ||
            (c.deniedWhen?.(res) ?? false) ||
            (c.successOnly && res.statusCode >= 300) ||
            (res.statusCode === 200 && c.visible && !(await c.visible(res, x)));
          outcome[who] = denied ? 'denied' : 'allowed';
        }
        const expected = Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? 'allowed' : 'denied']));
        expect(outcome).toEqual(expected);
      });
    }
  }
});
