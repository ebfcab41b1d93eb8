// Shared pieces of the authorization matrix (DESIGN.md § Quality bars): roles, targets, the case
// shape and helpers. The core routes' cases live in authorization-matrix.test.ts; each later module
// keeps its cases in modules/<m>/<m>.matrix.ts (exported as `cases`), listed in matrix-cases.ts.
import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@zhibu/domain';
import type { TestApp } from './test-app';
import { multipartFile, XLSX_MIME } from './multipart';

export const ROLES = ['sysadmin', 'secofficer', 'auditor', 'anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou', 'lukou'] as const;
export type Who = (typeof ROLES)[number];
export type Side = 'own' | 'other';

export type Target = {
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

export type Req = { method: string; url: string; payload?: unknown; headers?: Record<string, string> };
export type Case = {
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

export const itemsHave = (key: keyof Target) => (res: LightMyRequestResponse, x: Target) =>
  ((res.json() as { items?: { id: string }[] }).items ?? []).some((i) => i.id === x[key]);

/** An org the caller cannot see is "unknown" to them: 400 naming orgId (issue 2 § Bad input). */
export const unknownOrg = (res: LightMyRequestResponse) => res.statusCode === 400 && res.json().details?.[0]?.field === 'orgId';

/** Does the exported roster contain the target member? */
export async function rosterHasMember(res: LightMyRequestResponse, x: Target): Promise<boolean> {
  if (res.statusCode !== 200) return false;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  let found = false;
  wb.eachSheet((ws) => ws.eachRow((row) => {
    if (row.values && (row.values as unknown[]).includes(x.memberName)) found = true;
  }));
  return found;
}

export const ANSHUN_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1', 'guizhou'] as const;
let seq = 500;
/** A number unique within the test process, for names that must not collide. */
export function nextSeq(): number {
  return seq++;
}

/** A fresh valid 身份证号 each call (the 3-digit sequence wraps, the birth date moves on). */
export function freshIdNumber(area: string): string {
  const n = seq++;
  const birth = new Date(Date.UTC(1990, 0, 1 + Math.floor(n / 900))).toISOString().slice(0, 10);
  return makeIdNumber(area, birth, 100 + (n % 900));
}

/** An activity of the target's branch, planned (and optionally held, submitted) by that court's admin. */
export async function activityOf(t: TestApp, x: Target, side: Side, opts: { type?: string; held?: boolean; submitted?: boolean; signInOpen?: boolean } = {}) {
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
export async function exclusionOf(t: TestApp, x: Target, side: Side, opts: { approved?: boolean } = {}) {
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
export function pngUpload() {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  return multipartFile(png, 'photo.png', 'image/png');
}

/** A one-row roster in the import template's layout, for the target's branch. */
export async function rosterUpload(x: Target, side: Side, opts: { bad?: boolean } = {}) {
  const idNumber = freshIdNumber(side === 'own' ? '520402' : '430221');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(['姓名', '身份证号', '所在党支部', '岗位', '入党时间', '转正时间', '党员状态']);
  ws.addRow(['导入测试', opts.bad ? `${idNumber.slice(0, 17)}0`.replace(/0$/, idNumber.endsWith('0') ? '1' : '0') : idNumber, x.branchName, '法官', '2018-07-01', '2019-07-01', '正式党员']);
  const file = Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  return multipartFile(file, '党员名册.xlsx', XLSX_MIME);
}

export const ACTIVITY_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1'] as const;
export const BRANCH_MANAGERS = ['anshun', 'anshun-zb1'] as const;

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


