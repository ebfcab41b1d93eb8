// Authorization-matrix cases of 联建 / 四联 (issue 4): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape).
// Readers of a pairing: managers and 支委 of either side, and the higher court's viewer for pairings
// touching its courts; writers: managers of a side; the answer to a proposal: the partner side only.
// Counterpart branch names are public to every manager on the platform (they choose whom to propose).
import type { LightMyRequestResponse } from 'fastify';
import { nextSeq, unknownOrg, type Case, type Side, type Target } from '../../test-support/matrix';
import type { TestApp } from '../../test-support/test-app';

const READERS_OWN = ['anshun', 'anshun-zb1', 'anshun-zw1', 'guizhou'] as const;
const MANAGERS_OWN = ['anshun', 'anshun-zb1'] as const;

const adminOf = (side: Side) => (side === 'own' ? 'anshun' : 'lukou');

/** An active pairing of the target's branch with an outside unit, made by that court's admin. */
async function pairingOf(t: TestApp, x: Target, side: Side) {
  const res = await t.as(adminOf(side), 'POST', '/api/v1/partnerships', {
    orgId: x.branchId,
    partnerKind: 'external',
    partnerUnitName: `矩阵测试社区${nextSeq()}`,
    partnerUnitType: 'community',
    title: '矩阵测试联建',
    goals: '共建',
    categories: ['jointForces'],
    startsOn: '2026-01-01',
  });
  if (res.statusCode !== 200) throw new Error(`pairing failed: ${res.body}`);
  return res.json() as { id: string; version: number };
}

/** A pairing proposed by the OTHER court's branch to the target's branch: the target side answers. */
async function proposalTo(t: TestApp, x: Target, side: Side) {
  const from = { who: side === 'own' ? 'lukou' : 'anshun' };
  // a fresh branch of the proposing court each time, so no pair is proposed twice
  const org = await t.as(from.who, 'POST', '/api/v1/orgs', { courtId: side === 'own' ? t.fx.courts.lukou : t.fx.courts.anshun, parentId: side === 'own' ? t.fx.orgs.lukouGeneral.id : t.fx.orgs.committee.id, type: 'branch', branchKind: 'regular', name: `矩阵联建支部${nextSeq()}` });
  if (org.statusCode !== 200) throw new Error(`branch failed: ${org.body}`);
  const orgId = org.json().id as string;
  const res = await t.as(from.who, 'POST', '/api/v1/partnerships', {
    orgId,
    partnerKind: 'branch',
    partnerOrgId: x.branchId,
    title: '矩阵测试跨院联建',
    goals: '共建',
    categories: ['jointPlanning'],
    startsOn: '2026-01-01',
  });
  if (res.statusCode !== 200) throw new Error(`proposal failed: ${res.body}`);
  return res.json() as { id: string; version: number };
}

const hasPairing = (id: () => string) => (res: LightMyRequestResponse) => ((res.json() as { items?: { id: string }[] }).items ?? []).some((i) => i.id === id());

let lastPairing = '';
let lastBranchNode = '';

export const cases: Case[] = [
  {
    route: 'GET /api/v1/partnerships',
    own: READERS_OWN,
    other: ['lukou'],
    visible: hasPairing(() => lastPairing),
    make: async (t, x, side) => {
      lastPairing = (await pairingOf(t, x, side)).id;
      return { method: 'GET', url: `/api/v1/partnerships?orgId=${x.branchId}&pageSize=500` };
    },
  },
  {
    route: 'POST /api/v1/partnerships',
    own: MANAGERS_OWN,
    other: ['lukou'],
    deniedWhen: unknownOrg,
    make: (_t, x) => ({
      method: 'POST',
      url: '/api/v1/partnerships',
      payload: { orgId: x.branchId, partnerKind: 'external', partnerUnitName: `矩阵测试学校${nextSeq()}`, partnerUnitType: 'school', title: '联建', goals: '共建', categories: ['jointBranding'], startsOn: '2026-01-01' },
    }),
  },
  {
    route: 'GET /api/v1/partnerships/network',
    own: READERS_OWN,
    other: ['lukou'],
    visible: (res) => ((res.json() as { nodes?: { id: string }[] }).nodes ?? []).some((n) => n.id === lastBranchNode),
    make: async (t, x, side) => {
      await pairingOf(t, x, side);
      lastBranchNode = x.branchId;
      return { method: 'GET', url: '/api/v1/partnerships/network' };
    },
  },
  {
    // One court's pairings (a higher court's viewer picking a lower court): still only within scope.
    route: 'GET /api/v1/partnerships/network',
    own: READERS_OWN,
    other: ['lukou'],
    visible: (res) => ((res.json() as { nodes?: { id: string }[] }).nodes ?? []).some((n) => n.id === lastBranchNode),
    make: async (t, x, side) => {
      await pairingOf(t, x, side);
      lastBranchNode = x.branchId;
      return { method: 'GET', url: `/api/v1/partnerships/network?courtId=${x.courtId}` };
    },
  },
  {
    route: 'GET /api/v1/partnerships/counterparts',
    own: ['anshun', 'anshun-zb1', 'lukou'],
    other: ['anshun', 'anshun-zb1', 'lukou'],
    visible: (res, x) => ((res.json() as { items?: { id: string }[] }).items ?? []).some((i) => i.id === x.branchId),
    make: () => ({ method: 'GET', url: '/api/v1/partnerships/counterparts' }),
  },
  {
    route: 'GET /api/v1/partnerships/:id',
    own: READERS_OWN,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/partnerships/${(await pairingOf(t, x, side)).id}` }),
  },
  {
    route: 'PATCH /api/v1/partnerships/:id',
    own: MANAGERS_OWN,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = await pairingOf(t, x, side);
      return { method: 'PATCH', url: `/api/v1/partnerships/${p.id}`, payload: { goals: '共建共促', version: p.version } };
    },
  },
  {
    route: 'POST /api/v1/partnerships/:id/decide',
    own: MANAGERS_OWN,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = await proposalTo(t, x, side);
      return { method: 'POST', url: `/api/v1/partnerships/${p.id}/decide`, payload: { decision: 'accept', version: p.version } };
    },
  },
  {
    route: 'POST /api/v1/partnerships/:id/end',
    own: MANAGERS_OWN,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = await pairingOf(t, x, side);
      return { method: 'POST', url: `/api/v1/partnerships/${p.id}/end`, payload: { endedOn: '2026-06-30', reason: '协议到期', version: p.version } };
    },
  },
  {
    route: 'GET /api/v1/partnerships/:id/activities',
    own: READERS_OWN,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/partnerships/${(await pairingOf(t, x, side)).id}/activities` }),
  },
];
