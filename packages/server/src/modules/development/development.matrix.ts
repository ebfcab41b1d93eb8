// Authorization-matrix cases of 发展党员 (issue 5): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape). Readers: the party
// office (courtAdmin), the branch's secretary and committee; managers: courtAdmin and secretary.
import type { TestApp } from '../../test-support/test-app';
import { BRANCH_MANAGERS, freshIdNumber, nextSeq, pngUpload, type Case, type Side, type Target } from '../../test-support/matrix';

const READERS = ['anshun', 'anshun-zb1', 'anshun-zw1'] as const;
/** The case made for the last request, per court: lists look for it. */
const lastCase = new Map<string, string>();

/** A new 入党申请人 in the target's branch, registered by that court's admin. */
async function applicantOf(t: TestApp, x: Target, side: Side): Promise<string> {
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const res = await t.as(admin, 'POST', '/api/v1/members', { orgId: x.branchId, name: `申请人${nextSeq()}`, idNumber: freshIdNumber(side === 'own' ? '520402' : '430221'), status: 'applicant' });
  if (res.statusCode !== 200) throw new Error(`applicant failed: ${res.body}`);
  return res.json().id as string;
}

/** A development case (step 1 recorded) of a new applicant, by that court's admin. */
export async function developmentCaseOf(t: TestApp, x: Target, side: Side): Promise<{ id: string; version: number; steps: { id: string }[] }> {
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const memberId = await applicantOf(t, x, side);
  const res = await t.as(admin, 'POST', '/api/v1/development/cases', { memberId, applicationDate: '2024-01-10' });
  if (res.statusCode !== 200) throw new Error(`case failed: ${res.body}`);
  lastCase.set(x.courtId, res.json().id);
  return res.json();
}

const hasLastCase = (key: 'id' | 'caseId') => (res: { json: () => unknown }, x: Target) =>
  ((res.json() as { items?: Record<string, string>[] }).items ?? []).some((i) => i[key] === lastCase.get(x.courtId));

export const cases: Case[] = [
  {
    route: 'GET /api/v1/development/cases',
    own: READERS,
    other: ['lukou'],
    visible: hasLastCase('id'),
    make: async (t, x, side) => {
      await developmentCaseOf(t, x, side);
      return { method: 'GET', url: '/api/v1/development/cases?pageSize=500' };
    },
  },
  {
    route: 'POST /api/v1/development/cases',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    // A person outside the caller's scope is unknown to them (400 naming memberId).
    deniedWhen: (res) => res.statusCode === 400 && res.json().details?.[0]?.field === 'memberId',
    make: async (t, x, side) => ({ method: 'POST', url: '/api/v1/development/cases', payload: { memberId: await applicantOf(t, x, side), applicationDate: '2024-01-10' } }),
  },
  {
    route: 'GET /api/v1/development/cases/:id',
    own: READERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/development/cases/${(await developmentCaseOf(t, x, side)).id}` }),
  },
  {
    route: 'POST /api/v1/development/cases/:id/steps',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const c = await developmentCaseOf(t, x, side);
      return { method: 'POST', url: `/api/v1/development/cases/${c.id}/steps`, payload: { step: 2, doneOn: '2024-01-20', details: { talker: '张健' }, version: c.version } };
    },
  },
  {
    route: 'GET /api/v1/development/reminders',
    own: READERS,
    other: ['lukou'],
    visible: hasLastCase('caseId'),
    make: async (t, x, side) => {
      await developmentCaseOf(t, x, side);
      return { method: 'GET', url: '/api/v1/development/reminders' };
    },
  },
  {
    route: 'POST /api/v1/development/cases/:id/steps/:stepId/files',
    own: BRANCH_MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const c = await developmentCaseOf(t, x, side);
      return { method: 'POST', url: `/api/v1/development/cases/${c.id}/steps/${c.steps[0]!.id}/files`, ...pngUpload() };
    },
  },
  {
    route: 'GET /api/v1/development/files/:fileId',
    own: READERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const c = await developmentCaseOf(t, x, side);
      const up = pngUpload();
      const admin = side === 'own' ? 'anshun' : 'lukou';
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/development/cases/${c.id}/steps/${c.steps[0]!.id}/files`, headers: { cookie: await t.cookieOf(admin), ...up.headers }, payload: up.payload });
      return { method: 'GET', url: `/api/v1/development/files/${res.json().id}` };
    },
  },
  {
    route: 'GET /api/v1/development/cases/:id/documents/:kind',
    own: READERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/development/cases/${(await developmentCaseOf(t, x, side)).id}/documents/talk` }),
  },
];
