// Authorization-matrix cases of 关心关爱 (issue 5): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape). Only the secretary of
// the member's branch and the court's party office: not the committee member (anshun-zw1), the group
// leader (anshun-xz1), the member (anshun-dy1), the higher court (guizhou) or another court.
import { newId, schema } from '@zhibu/db';
import type { TestApp } from '../../test-support/test-app';
import type { Case, Target } from '../../test-support/matrix';

const HOLDERS = ['anshun', 'anshun-zb1'] as const;

async function careOf(t: TestApp, x: Target) {
  const id = newId();
  await t.deps.db.insert(schema.careRecords).values({ id, courtId: x.courtId, memberId: x.memberId, orgId: x.branchId, kind: 'longIllness', situation: '长期患病，需定期透析' });
  return id;
}

async function visitOf(t: TestApp, x: Target) {
  const id = newId();
  await t.deps.db.insert(schema.careVisits).values({ id, courtId: x.courtId, recordId: await careOf(t, x), visitedOn: '2026-02-01', visitors: '张健', helpKinds: ['money'], amountFen: 50000 });
  return id;
}

export const cases: Case[] = [
  {
    route: 'GET /api/v1/care/records',
    own: HOLDERS,
    other: ['lukou'],
    visible: (res, x) => ((res.json() as { items?: { memberId: string }[] }).items ?? []).some((i) => i.memberId === x.memberId),
    make: async (t, x) => (await careOf(t, x), { method: 'GET', url: '/api/v1/care/records?pageSize=500' }),
  },
  { route: 'GET /api/v1/care/records/:id', own: HOLDERS, other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/care/records/${await careOf(t, x)}` }) },
  {
    route: 'POST /api/v1/care/records',
    own: HOLDERS,
    other: ['lukou'],
    deniedWhen: (res) => res.statusCode === 400 && res.json().details?.[0]?.field === 'memberId',
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/care/records', payload: { memberId: x.memberId, kind: 'hardship', situation: '配偶重病，家庭困难' } }),
  },
  {
    route: 'PUT /api/v1/care/records/:id',
    own: HOLDERS,
    other: ['lukou'],
    make: async (t, x) => ({ method: 'PUT', url: `/api/v1/care/records/${await careOf(t, x)}`, payload: { kind: 'longIllness', situation: '病情稳定', reviewOn: '2099-06-30', active: true, version: 1 } }),
  },
  {
    route: 'POST /api/v1/care/records/:id/visits',
    own: HOLDERS,
    other: ['lukou'],
    make: async (t, x) => ({ method: 'POST', url: `/api/v1/care/records/${await careOf(t, x)}/visits`, payload: { visitedOn: '2026-02-01', visitors: '张健、王芳', helpKinds: ['money', 'studyDelivered'], amountFen: 50000 } }),
  },
  { route: 'DELETE /api/v1/care/visits/:id', own: HOLDERS, other: ['lukou'], make: async (t, x) => ({ method: 'DELETE', url: `/api/v1/care/visits/${await visitOf(t, x)}?version=1` }) },
  { route: 'GET /api/v1/care/money', own: HOLDERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/care/money?year=2026&orgId=${x.branchId}` }) },
];
