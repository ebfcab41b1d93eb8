// Authorization-matrix cases of 组织关系转接: the sending branch's managers send, withdraw and
// download the letter; the receiving branch's managers accept or return; nobody else sees one.
// Own side: 安顺 第一支部 sends to 第二支部 (a court admin manages both); other side: 渌口 sends to
// 安顺 第一支部, so 安顺's managers of 第一支部 are the receivers of the other side's transfer.
import { newId, schema } from '@zhibu/db';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../test-support/test-app';
import type { Case, Side, Target } from '../../test-support/matrix';

/** A fresh member of the target branch (so that each case has a member with no transfer in transit). */
async function freshMember(t: TestApp, x: Target) {
  const template = (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, x.fullMemberId)))[0]!;
  const id = newId();
  await t.deps.db.insert(schema.members).values({ ...template, id, name: '矩阵转接', idNumberHash: `matrix-${id}`, groupId: null, version: 1 });
  return id;
}

/** Where the target side's transfer goes: 安顺 第一支部 → 第二支部; 渌口 → 安顺 第一支部. */
const destinationOf = (t: TestApp, side: Side) => (side === 'own' ? t.fx.orgs.branch2.id : t.fx.orgs.branch1.id);

async function transferOf(t: TestApp, x: Target, side: Side) {
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const res = await t.as(admin, 'POST', '/api/v1/transfers', { memberId: await freshMember(t, x), toOrgId: destinationOf(t, side), reason: '工作调动', duesPaidTo: '2026-11' });
  if (res.statusCode !== 200) throw new Error(`transfer failed: ${res.body}`);
  return res.json() as { id: string; version: number };
}

export const cases: Case[] = [
  {
    route: 'GET /api/v1/transfers',
    // 安顺's managers of 第一支部 see their own outgoing and the 渌口 one coming to them
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou', 'anshun', 'anshun-zb1'],
    visible: (res) => ((res.json() as { items: unknown[] }).items ?? []).length > 0,
    make: async (t, x, side) => (await transferOf(t, x, side), { method: 'GET', url: '/api/v1/transfers?pageSize=500' }),
  },
  { route: 'GET /api/v1/transfers/destinations', own: ['anshun', 'anshun-zb1', 'lukou'], other: ['anshun', 'anshun-zb1', 'lukou'], make: () => ({ method: 'GET', url: `/api/v1/transfers/destinations?q=${encodeURIComponent('支部')}` }) },
  {
    route: 'GET /api/v1/transfers/:id',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou', 'anshun', 'anshun-zb1'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/transfers/${(await transferOf(t, x, side)).id}` }),
  },
  {
    route: 'POST /api/v1/transfers',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    deniedWhen: (res) => res.statusCode === 400 && res.json().details?.[0]?.field === 'memberId',
    make: async (t, x, side) => ({ method: 'POST', url: '/api/v1/transfers', payload: { memberId: await freshMember(t, x), toOrgId: destinationOf(t, side), reason: '工作调动', duesPaidTo: '2026-11' } }),
  },
  {
    route: 'POST /api/v1/transfers/:id/decide',
    // accepting: the receiving branch's managers (第二支部: the court admin; 安顺 第一支部: anshun, anshun-zb1)
    own: ['anshun'],
    other: ['anshun', 'anshun-zb1'],
    make: async (t, x, side) => {
      const tr = await transferOf(t, x, side);
      return { method: 'POST', url: `/api/v1/transfers/${tr.id}/decide`, payload: { decision: 'accept', version: tr.version } };
    },
  },
  {
    route: 'GET /api/v1/transfers/:id/letter.docx',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/transfers/${(await transferOf(t, x, side)).id}/letter.docx` }),
  },
];
