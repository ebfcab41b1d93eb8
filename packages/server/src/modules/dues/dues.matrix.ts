// Authorization-matrix cases of 党费 (issue 5): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape). The ledger is read by
// the party office and the branch committee; the office and the secretary record; only the
// higher-level org approves 少交/免交; members see their own dues and the published totals.
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { newId, schema } from '@zhibu/db';
import {
  monthOfDate,
  todayInShanghai,
} from '@zhibu/domain';
import type { TestApp } from '../../test-support/test-app';
import { courtComponents } from './dues.service';
import { ANSHUN_READERS, nextSeq, type Case, type Target } from '../../test-support/matrix';

const LEDGER_READERS = ['anshun', 'anshun-zb1', 'anshun-zw1'] as const;
const RECORDERS = ['anshun', 'anshun-zb1'] as const;
const WITH_MEMBER = ['anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1'] as const;
const wage = [{ name: '职务工资', amountFen: 600000, deducted: false }];

/** A base from January of this year for the target member, and no payments (each call starts clean). */
async function readyToPay(t: TestApp, x: Target) {
  const month = monthOfDate(todayInShanghai(new Date()));
  await t.deps.db.delete(schema.duesPayments).where(eq(schema.duesPayments.memberId, x.memberId));
  const existing = await t.deps.db.select().from(schema.duesBases).where(eq(schema.duesBases.memberId, x.memberId));
  if (!existing.some((b) => b.effectiveMonth === `${month.slice(0, 4)}-01`)) {
    await t.deps.db.insert(schema.duesBases).values({ id: newId(), courtId: x.courtId, memberId: x.memberId, effectiveMonth: `${month.slice(0, 4)}-01`, memberType: 'inService', components: wage, baseFen: 600000, monthlyFen: 9000 });
  }
  return month;
}

async function paymentOf(t: TestApp, x: Target) {
  const month = await readyToPay(t, x);
  const id = newId();
  await t.deps.db.insert(schema.duesPayments).values({ id, courtId: x.courtId, memberId: x.memberId, orgId: x.branchId, month, amountFen: 9000, paidOn: `${month}-01` });
  return id;
}

async function adjustmentOf(t: TestApp, x: Target) {
  const id = newId();
  await t.deps.db.insert(schema.duesAdjustments).values({ id, courtId: x.courtId, memberId: x.memberId, orgId: x.branchId, kind: 'exempt', fromMonth: '2026-01', reason: '生活困难' });
  return id;
}

const hasMember = (res: LightMyRequestResponse, x: Target) => ((res.json() as { items?: { memberId: string }[] }).items ?? []).some((i) => i.memberId === x.memberId);
/** A month far in the future no other call used: each PUT adds a new base. */
const freshMonth = () => {
  const s = nextSeq();
  return `${2040 + Math.floor(s / 12) % 50}-${String((s % 12) + 1).padStart(2, '0')}`;
};

export const cases: Case[] = [
  { route: 'GET /api/v1/dues/ledger', own: LEDGER_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/dues/ledger?orgId=${x.branchId}&year=2026` }) },
  {
    route: 'POST /api/v1/dues/payments',
    own: RECORDERS,
    other: ['lukou'],
    make: async (t, x) => {
      const month = await readyToPay(t, x);
      return { method: 'POST', url: '/api/v1/dues/payments', payload: { memberId: x.memberId, month, paidOn: `${month}-01`, paidByName: '李红（配偶）' } };
    },
  },
  { route: 'DELETE /api/v1/dues/payments/:id', own: RECORDERS, other: ['lukou'], make: async (t, x) => ({ method: 'DELETE', url: `/api/v1/dues/payments/${await paymentOf(t, x)}?version=1` }) },
  // The member themself (李明 is anshun-xz1) sees their own bases.
  { route: 'GET /api/v1/dues/members/:id/bases', own: [...LEDGER_READERS, 'anshun-xz1'], other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/dues/members/${x.memberId}/bases` }) },
  {
    route: 'PUT /api/v1/dues/members/:id/bases',
    own: RECORDERS,
    other: ['lukou'],
    make: (_t, x) => ({ method: 'PUT', url: `/api/v1/dues/members/${x.memberId}/bases`, payload: { effectiveMonth: freshMonth(), memberType: 'inService', components: wage } }),
  },
  { route: 'GET /api/v1/dues/adjustments', own: LEDGER_READERS, other: ['lukou'], visible: hasMember, make: async (t, x) => (await adjustmentOf(t, x), { method: 'GET', url: '/api/v1/dues/adjustments' }) },
  {
    route: 'POST /api/v1/dues/adjustments',
    own: RECORDERS,
    other: ['lukou'],
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/dues/adjustments', payload: { memberId: x.memberId, kind: 'reduce', fromMonth: '2026-01', toMonth: '2026-06', monthlyFen: 2000, reason: '家庭困难' } }),
  },
  // 第七条: the higher-level 党委 approves — the branch secretary does not.
  { route: 'POST /api/v1/dues/adjustments/:id/decide', own: ['anshun'], other: ['lukou'], make: async (t, x) => ({ method: 'POST', url: `/api/v1/dues/adjustments/${await adjustmentOf(t, x)}/decide`, payload: { decision: 'approve', version: 1 } }) },
  { route: 'GET /api/v1/dues/components', own: LEDGER_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/dues/components?courtId=${x.courtId}` }) },
  // The court's list of base components: the party office only.
  {
    route: 'PUT /api/v1/dues/components',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x) => ({ method: 'PUT', url: '/api/v1/dues/components', payload: { courtId: x.courtId, components: [{ name: '职务工资', deducted: false }, { name: '个人所得税', deducted: true }], version: (await courtComponents(t.deps.db, x.courtId)).version } }),
  },
  { route: 'GET /api/v1/dues/mine', own: WITH_MEMBER, other: WITH_MEMBER, make: () => ({ method: 'GET', url: '/api/v1/dues/mine' }) },
  { route: 'GET /api/v1/dues/report', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/dues/report?orgId=${x.branchId}&year=2026` }) },
  { route: 'GET /api/v1/dues/report.xlsx', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/dues/report.xlsx?orgId=${x.branchId}&year=2026` }) },
];
