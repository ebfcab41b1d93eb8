// Authorization-matrix cases of 示范岗与先锋队 (issue 5): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape). The party office
// (court admin) decides; the branch secretary proposes and nominates for their branch; every member
// of the court reads what stands today; other courts see nothing.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { newId, schema } from '@zhibu/db';
import type { TestApp } from '../../test-support/test-app';
import { nextSeq, type Case, type Side, type Target } from '../../test-support/matrix';

const adminOf = (side: Side) => (side === 'own' ? 'anshun' : 'lukou');
const COURT_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1'] as const;

/** The id and name of what the last `make` created, for `visible`. */
let last = { id: '', name: '' };

async function designationOf(t: TestApp, x: Target, side: Side, opts: { approved?: boolean } = {}) {
  const name = `矩阵先锋队${nextSeq()}`;
  const res = await t.as(adminOf(side), 'POST', '/api/v1/pioneers/designations', {
    kind: 'vanguardTeam',
    orgId: x.branchId,
    name,
    memberId: x.fullMemberId,
    mission: 'volunteer',
    commitment: '志愿服务进社区',
    startOn: '2025-01-01',
    endOn: '2099-12-31',
  });
  if (res.statusCode !== 200) throw new Error(`designation failed: ${res.body}`);
  let d = res.json() as { id: string; version: number };
  if (opts.approved) {
    const ok = await t.as(adminOf(side), 'POST', `/api/v1/pioneers/designations/${d.id}/decide`, { action: 'approve', version: d.version });
    if (ok.statusCode !== 200) throw new Error(`approve failed: ${ok.body}`);
    d = ok.json();
  }
  last = { id: d.id, name };
  return d;
}

/** Fresh round years per test app (one round per court and year; the API takes 2000–2100). */
const years = new WeakMap<TestApp, number>();
function nextYear(t: TestApp): number {
  const y = years.get(t) ?? 2040;
  years.set(t, y + 1);
  return y;
}
const rounds = new WeakMap<TestApp, Map<string, string>>();
/** The side's round (one per court, total quota so fresh nominations always fit). */
async function roundOf(t: TestApp, x: Target, side: Side, fresh = false) {
  const cached = rounds.get(t)?.get(x.courtId);
  if (cached && !fresh) return (last = { id: cached, name: '' }, cached);
  const res = await t.as(adminOf(side), 'POST', '/api/v1/pioneers/rounds', { courtId: x.courtId, year: fresh ? nextYear(t) : 2030, deadline: '2099-12-31', quotaMode: 'total', quota: 500 });
  if (res.statusCode !== 200) throw new Error(`round failed: ${res.body}`);
  const r = res.json() as { id: string; version: number };
  if (!fresh) rounds.set(t, (rounds.get(t) ?? new Map()).set(x.courtId, r.id));
  last = { id: r.id, name: '' };
  return r.id;
}

/** A fresh 正式党员 of the target branch (so that each nomination is of someone not nominated yet). */
async function freshMember(t: TestApp, x: Target) {
  const template = (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, x.fullMemberId)))[0]!;
  const id = newId();
  await t.deps.db.insert(schema.members).values({ ...template, id, name: '矩阵推荐', idNumberHash: `matrix-${id}`, groupId: null, version: 1 });
  return id;
}

async function nominationOf(t: TestApp, x: Target, side: Side) {
  const roundId = await roundOf(t, x, side);
  const memberId = await freshMember(t, x);
  const res = await t.as(adminOf(side), 'POST', '/api/v1/pioneers/nominations', { roundId, orgId: x.branchId, memberId, deeds: '扎根基层，带头攻坚' });
  if (res.statusCode !== 200) throw new Error(`nomination failed: ${res.body}`);
  return (res.json() as { nominations: { id: string; version: number; memberId: string }[] }).nominations.find((i) => i.memberId === memberId)!;
}

const hasLast = (res: LightMyRequestResponse) => ((res.json() as { items?: { id: string }[] }).items ?? []).some((i) => i.id === last.id);
const orgDenied = (res: LightMyRequestResponse) => res.statusCode === 400 && ['orgId', 'roundId'].includes(res.json().details?.[0]?.field);

export const cases: Case[] = [
  {
    route: 'GET /api/v1/pioneers/designations',
    own: COURT_READERS,
    other: ['lukou'],
    visible: hasLast,
    make: async (t, x, side) => (await designationOf(t, x, side, { approved: true }), { method: 'GET', url: '/api/v1/pioneers/designations?pageSize=500' }),
  },
  {
    route: 'GET /api/v1/pioneers/designations.xlsx',
    own: COURT_READERS,
    other: ['lukou'],
    visible: async (res) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      let seen = false;
      wb.eachSheet((ws) => ws.eachRow((row) => void ((row.values as unknown[]).includes(last.name) && (seen = true))));
      return seen;
    },
    make: async (t, x, side) => (await designationOf(t, x, side, { approved: true }), { method: 'GET', url: '/api/v1/pioneers/designations.xlsx' }),
  },
  {
    route: 'GET /api/v1/pioneers/designations/:id',
    own: COURT_READERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/pioneers/designations/${(await designationOf(t, x, side, { approved: true })).id}` }),
  },
  {
    route: 'POST /api/v1/pioneers/designations',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    deniedWhen: orgDenied,
    make: (_t, x) => ({
      method: 'POST',
      url: '/api/v1/pioneers/designations',
      payload: { kind: 'vanguardTeam', orgId: x.branchId, name: `矩阵申报${nextSeq()}`, memberId: x.fullMemberId, mission: 'enforcement', commitment: '攻坚', startOn: '2026-01-01', endOn: '2026-12-31' },
    }),
  },
  {
    route: 'POST /api/v1/pioneers/designations/:id/decide',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => {
      const d = await designationOf(t, x, side);
      return { method: 'POST', url: `/api/v1/pioneers/designations/${d.id}/decide`, payload: { action: 'approve', version: d.version } };
    },
  },
  {
    route: 'POST /api/v1/pioneers/designations/:id/reviews',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => {
      const d = await designationOf(t, x, side, { approved: true });
      return { method: 'POST', url: `/api/v1/pioneers/designations/${d.id}/reviews`, payload: { year: 2025, grade: 'excellent', version: d.version } };
    },
  },
  {
    route: 'POST /api/v1/pioneers/designations/:id/achievements',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/pioneers/designations/${(await designationOf(t, x, side, { approved: true })).id}/achievements`, payload: { occurredOn: '2025-06-01', content: '开展志愿服务' } }),
  },
  {
    route: 'GET /api/v1/pioneers/rounds',
    own: COURT_READERS,
    other: ['lukou'],
    visible: hasLast,
    make: async (t, x, side) => (await roundOf(t, x, side), { method: 'GET', url: '/api/v1/pioneers/rounds' }),
  },
  {
    route: 'GET /api/v1/pioneers/rounds/:id',
    own: COURT_READERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/pioneers/rounds/${await roundOf(t, x, side)}` }),
  },
  {
    route: 'POST /api/v1/pioneers/rounds',
    own: ['anshun'],
    other: ['lukou'],
    make: (t, x) => ({ method: 'POST', url: '/api/v1/pioneers/rounds', payload: { courtId: x.courtId, year: nextYear(t), deadline: '2099-12-31' } }),
  },
  {
    route: 'POST /api/v1/pioneers/rounds/:id/close',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/pioneers/rounds/${await roundOf(t, x, side, true)}/close`, payload: { version: 1 } }),
  },
  {
    route: 'POST /api/v1/pioneers/nominations',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    deniedWhen: orgDenied,
    make: async (t, x, side) => ({ method: 'POST', url: '/api/v1/pioneers/nominations', payload: { roundId: await roundOf(t, x, side), orgId: x.branchId, memberId: await freshMember(t, x), deeds: '办案质效突出' } }),
  },
  {
    route: 'POST /api/v1/pioneers/nominations/:id/decide',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => {
      const n = await nominationOf(t, x, side);
      return { method: 'POST', url: `/api/v1/pioneers/nominations/${n.id}/decide`, payload: { decision: 'select', version: n.version } };
    },
  },
];
