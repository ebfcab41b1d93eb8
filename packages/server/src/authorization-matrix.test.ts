// The authorization matrix (DESIGN.md § Quality bars): every route × every role × own org / other
// org → allowed or denied. "Own" targets are in 安顺中院 (第一支部, 第一党小组, 李明); "other" targets
// are in 渌口法院. A route missing from this table fails the test.
//
// Allowed: the request passed authorization (2xx, or a business 400/409/422 after the policy
// check) and, for lists, the target is in the result. Denied: 401/403/404, or a list without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { newId, schema } from '@zhibu/db';
import { makeIdNumber } from '@zhibu/domain';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from './test-support/test-app';
import { multipartFile, XLSX_MIME } from './test-support/multipart';
import { testEngines } from './test-support/engines';
import { TEST_PASSWORD } from './test-support/fixture';

const ROLES = ['sysadmin', 'secofficer', 'auditor', 'anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou', 'lukou'] as const;
type Who = (typeof ROLES)[number];
type Side = 'own' | 'other';

type Target = {
  courtId: string;
  branchName: string;
  memberName: string;
  orgId: string;
  branchId: string;
  memberId: string;
  fullMemberId: string;
  departmentId: string;
  userId: string;
};

type Req = { method: string; url: string; payload?: unknown; headers?: Record<string, string> };
type Case = {
  route: string;
  own: readonly Who[] | 'all';
  other: readonly Who[] | 'all';
  make: (t: TestApp, x: Target, side: Side, who: Who) => Promise<Req> | Req;
  /** For lists and files: is the target in the answer? */
  visible?: (res: LightMyRequestResponse, x: Target) => boolean | Promise<boolean>;
  /** A 4xx that means "not yours" for this route (e.g. 400 naming an org the caller cannot see). */
  deniedWhen?: (res: LightMyRequestResponse) => boolean;
  /** Needs its own session (logout ends it). */
  freshSession?: boolean;
  /** Allowed only when the action succeeded (2xx): any logged-in user may try, few may succeed. */
  successOnly?: boolean;
};

const itemsHave = (key: keyof Target) => (res: LightMyRequestResponse, x: Target) =>
  ((res.json() as { items?: { id: string }[] }).items ?? []).some((i) => i.id === x[key]);

/** An org the caller cannot see is "unknown" to them: 400 naming orgId (issue 2 § Bad input). */
const unknownOrg = (res: LightMyRequestResponse) => res.statusCode === 400 && res.json().details?.[0]?.field === 'orgId';

/** Does the exported roster contain the target member? */
async function rosterHasMember(res: LightMyRequestResponse, x: Target): Promise<boolean> {
  if (res.statusCode !== 200) return false;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  let found = false;
  wb.eachSheet((ws) => ws.eachRow((row) => {
    if (row.values && (row.values as unknown[]).includes(x.memberName)) found = true;
  }));
  return found;
}

const ANSHUN_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou'] as const;
let seq = 500;

/** A fresh valid 身份证号 each call (the 3-digit sequence wraps, the birth date moves on). */
function freshIdNumber(area: string): string {
  const n = seq++;
  const birth = new Date(Date.UTC(1990, 0, 1 + Math.floor(n / 900))).toISOString().slice(0, 10);
  return makeIdNumber(area, birth, 100 + (n % 900));
}

/** An activity of the target's branch, planned (and optionally held, submitted) by that court's admin. */
async function activityOf(t: TestApp, x: Target, side: Side, opts: { type?: string; held?: boolean; submitted?: boolean; signInOpen?: boolean } = {}) {
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const planned = await t.as(admin, 'POST', '/api/v1/activities', {
    orgId: x.branchId,
    type: opts.type ?? 'branchAssembly',
    title: `矩阵测试活动${seq++}`,
    // a held activity lies in the past: recorded after the fact (补录) with its reason
    startsAt: new Date(Date.now() + (opts.held || opts.submitted ? -2 : 1) * 86400_000).toISOString(),
    firstAgendaItem: '学习习近平法治思想',
    ...(opts.held || opts.submitted ? { lateEntryReason: '会后补录' } : {}),
  });
  if (planned.statusCode !== 200) throw new Error(`plan failed: ${planned.body}`);
  let a = planned.json();
  if (opts.held || opts.submitted) {
    const rec = await t.as(admin, 'POST', `/api/v1/activities/${a.id}/record`, { minutes: '会议记录', firstAgendaItem: '学习习近平法治思想', attendance: [], version: a.version });
    if (rec.statusCode !== 200) throw new Error(`record failed: ${rec.body}`);
    a = rec.json();
  }
  if (opts.submitted) {
    const sub = await t.as(admin, 'POST', `/api/v1/activities/${a.id}/submit`);
    if (sub.statusCode !== 200) throw new Error(`submit failed: ${sub.body}`);
  }
  if (opts.signInOpen) await t.as(admin, 'POST', `/api/v1/activities/${a.id}/sign-in/open`, { minutes: 30 });
  return a as { id: string; version: number };
}

/** A 不计入应到会 request for the target member, by that court's admin; approved when asked. */
async function exclusionOf(t: TestApp, x: Target, side: Side, opts: { approved?: boolean } = {}) {
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const req = await t.as(admin, 'POST', `/api/v1/members/${x.memberId}/quorum-exclusions`, { category: 'abroadPrivate', reason: '自费出国探亲一年', validFrom: '2026-01-01', validTo: '2026-12-31' });
  if (req.statusCode !== 200) throw new Error(`exclusion request failed: ${req.body}`);
  let e = req.json() as { id: string; version: number };
  if (opts.approved) {
    const ok = await t.as(admin, 'POST', `/api/v1/quorum-exclusions/${e.id}/decide`, { decision: 'approve', version: e.version });
    if (ok.statusCode !== 200) throw new Error(`exclusion approve failed: ${ok.body}`);
    e = ok.json();
  }
  return e;
}

/** One small PNG photo as an upload. */
function pngUpload() {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  return multipartFile(png, 'photo.png', 'image/png');
}

/** A one-row roster in the import template's layout, for the target's branch. */
async function rosterUpload(x: Target, side: Side, opts: { bad?: boolean } = {}) {
  const idNumber = freshIdNumber(side === 'own' ? '520402' : '430221');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(['姓名', '身份证号', '所在党支部', '岗位', '入党时间', '转正时间', '党员状态']);
  ws.addRow(['导入测试', opts.bad ? `${idNumber.slice(0, 17)}0`.replace(/0$/, idNumber.endsWith('0') ? '1' : '0') : idNumber, x.branchName, '法官', '2018-07-01', '2019-07-01', '正式党员']);
  const file = Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  return multipartFile(file, '党员名册.xlsx', XLSX_MIME);
}

const ACTIVITY_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1'] as const;
const BRANCH_MANAGERS = ['anshun', 'anshun-zb1'] as const;

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
      return { method: 'PATCH', url: `/api/v1/members/${x.memberId}`, payload: { jobTitle: `职务${seq++}`, version: m.version } };
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
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/activities', payload: { orgId: x.branchId, type: 'themedPartyDay', title: `主题党日${seq++}`, startsAt: new Date(Date.now() + 86400_000).toISOString() } }),
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

export function matrixTarget(t: TestApp, side: Side): Target {
  const fx = t.fx;
  return side === 'own'
    ? {
        courtId: fx.courts.anshun,
        branchName: fx.orgs.branch1.name,
        memberName: fx.members.member1.name,
        orgId: fx.orgs.group1.id,
        branchId: fx.orgs.branch1.id,
        memberId: fx.members.member1.id,
        fullMemberId: fx.members.member2.id,
        departmentId: fx.departments.dept.id,
        userId: fx.users['target-anshun']!.id,
      }
    : {
        courtId: fx.courts.lukou,
        branchName: fx.orgs.lukouBranch.name,
        memberName: fx.members.lukouMember.name,
        orgId: fx.orgs.lukouBranch.id,
        branchId: fx.orgs.lukouBranch.id,
        memberId: fx.members.lukouMember.id,
        fullMemberId: fx.members.lukouMember.id,
        departmentId: fx.departments.lukouDept.id,
        userId: fx.users['target-lukou']!.id,
      };
}


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
