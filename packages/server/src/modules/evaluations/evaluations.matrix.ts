// Authorization-matrix cases of 民主评议党员 (RULES.md §6): the branch's managers (its secretary, the
// court's party office) run the round; its committee members read it; a member acts only on their own
// participation; the party office alone sees the court's overview. Personal grades are personal data:
// other courts and the higher court's viewer see nothing.
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { schema } from '@zhibu/db';
import type { EvaluationStage } from '@zhibu/domain';
import type { TestApp } from '../../test-support/test-app';
import { unknownOrg, type Case, type Side, type Target } from '../../test-support/matrix';

const YEAR = 2026;
const READERS = ['anshun', 'anshun-zb1', 'anshun-zw1'] as const;
const MANAGERS = ['anshun', 'anshun-zb1'] as const;
/** 第一支部's members with accounts: the secretary, the committee member, the group leader, the member. */
const BRANCH1_MEMBERS = ['anshun-zb1', 'anshun-zw1', 'anshun-xz1', 'anshun-dy1'] as const;

type RoundJson = { id: string; version: number; orgName: string; participants: { id: string; memberId: string; version: number; graded: boolean }[] };

async function clearRounds(t: TestApp, orgId: string) {
  const { evaluationRounds: r, evaluationParticipants: p, evaluationBallots: b, evaluationVotes: v } = schema;
  const ids = (await t.deps.db.select({ id: r.id }).from(r).where(eq(r.orgId, orgId))).map((x) => x.id);
  if (!ids.length) return;
  await t.deps.db.delete(v).where(inArray(v.roundId, ids));
  await t.deps.db.delete(b).where(inArray(b.roundId, ids));
  await t.deps.db.delete(p).where(inArray(p.roundId, ids));
  await t.deps.db.delete(r).where(inArray(r.id, ids));
}

/** A fresh round of the target's branch, opened by that court's admin and set to `stage`. */
async function roundOf(t: TestApp, x: Target, side: Side, stage: EvaluationStage = 'preparing'): Promise<RoundJson> {
  await clearRounds(t, x.branchId);
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const res = await t.as(admin, 'POST', '/api/v1/evaluations/rounds', { orgId: x.branchId, year: YEAR, heldOn: `${YEAR}-12-01` });
  if (res.statusCode !== 200) throw new Error(`open round failed: ${res.body}`);
  const round = res.json() as RoundJson;
  if (stage !== 'preparing') await t.deps.db.update(schema.evaluationRounds).set({ stage }).where(eq(schema.evaluationRounds.id, round.id));
  return round;
}

const participantOf = (round: RoundJson, memberId: string) => round.participants.find((p) => p.memberId === memberId)!;

async function workbookHas(res: LightMyRequestResponse, text: string): Promise<boolean> {
  if (res.statusCode !== 200) return false;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  let found = false;
  wb.eachSheet((ws) => ws.eachRow((row) => {
    if ((row.values as unknown[]).some((v) => typeof v === 'string' && v.includes(text))) found = true;
  }));
  return found;
}

let lastRoundId = '';
let overviewOrgName = '';

export const cases: Case[] = [
  {
    route: 'GET /api/v1/evaluations/rounds',
    own: READERS,
    other: ['lukou'],
    visible: (res, x) => ((res.json() as { items: { orgId: string }[] }).items ?? []).some((i) => i.orgId === x.branchId),
    make: async (t, x, side) => (await roundOf(t, x, side), { method: 'GET', url: `/api/v1/evaluations/rounds?year=${YEAR}` }),
  },
  {
    route: 'POST /api/v1/evaluations/rounds',
    own: MANAGERS,
    other: ['lukou'],
    deniedWhen: unknownOrg,
    make: async (t, x) => (await clearRounds(t, x.branchId), { method: 'POST', url: '/api/v1/evaluations/rounds', payload: { orgId: x.branchId, year: YEAR, heldOn: `${YEAR}-12-01` } }),
  },
  { route: 'GET /api/v1/evaluations/rounds/:id', own: READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/evaluations/rounds/${(await roundOf(t, x, side)).id}` }) },
  {
    route: 'POST /api/v1/evaluations/rounds/:id/advance',
    own: MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const r = await roundOf(t, x, side);
      return { method: 'POST', url: `/api/v1/evaluations/rounds/${r.id}/advance`, payload: { version: r.version } };
    },
  },
  {
    route: 'GET /api/v1/evaluations/rounds/:id/result.xlsx',
    own: READERS,
    other: ['lukou'],
    make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/evaluations/rounds/${(await roundOf(t, x, side)).id}/result.xlsx` }),
  },
  {
    route: 'PUT /api/v1/evaluations/participants/:id/exempt',
    own: MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = participantOf(await roundOf(t, x, side), x.memberId);
      return { method: 'PUT', url: `/api/v1/evaluations/participants/${p.id}/exempt`, payload: { exempt: true, exemptReason: '长期患病住院', version: p.version } };
    },
  },
  {
    route: 'PUT /api/v1/evaluations/participants/:id/self-assessment',
    own: MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = participantOf(await roundOf(t, x, side, 'selfAssessment'), x.memberId);
      return { method: 'PUT', url: `/api/v1/evaluations/participants/${p.id}/self-assessment`, payload: { selfAssessment: '纸质自评：对照党员标准，学习有待加强。', version: p.version } };
    },
  },
  {
    route: 'PUT /api/v1/evaluations/participants/:id/paper-votes',
    own: MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = participantOf(await roundOf(t, x, side, 'peerReview'), x.memberId);
      return { method: 'PUT', url: `/api/v1/evaluations/participants/${p.id}/paper-votes`, payload: { paperVotes: { excellent: 0, qualified: 1, basicallyQualified: 0, unqualified: 0 }, version: p.version } };
    },
  },
  {
    route: 'PUT /api/v1/evaluations/participants/:id/grade',
    own: MANAGERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = participantOf(await roundOf(t, x, side, 'committeeReview'), x.fullMemberId);
      return { method: 'PUT', url: `/api/v1/evaluations/participants/${p.id}/grade`, payload: { grade: 'qualified', committeeComment: '工作认真', version: p.version } };
    },
  },
  {
    route: 'GET /api/v1/evaluations/overview',
    own: ['anshun'],
    other: ['lukou'],
    visible: (res, x) => ((res.json() as { branches: { orgId: string; round: unknown }[] }).branches ?? []).some((b) => b.orgId === x.branchId && !!b.round),
    make: async (t, x, side) => (await roundOf(t, x, side), { method: 'GET', url: `/api/v1/evaluations/overview?year=${YEAR}` }),
  },
  {
    route: 'GET /api/v1/evaluations/overview.xlsx',
    own: ['anshun'],
    other: ['lukou'],
    // The 汇总表 names a branch as the round does (its short name once another case has set one).
    visible: (res) => workbookHas(res, overviewOrgName),
    make: async (t, x, side) => ((overviewOrgName = (await roundOf(t, x, side)).orgName), { method: 'GET', url: `/api/v1/evaluations/overview.xlsx?year=${YEAR}` }),
  },
  {
    route: 'GET /api/v1/evaluations/me',
    // everyone may ask; only the round's own members find it
    own: BRANCH1_MEMBERS,
    other: [],
    visible: (res) => ((res.json() as { items: { roundId: string }[] }).items ?? []).some((i) => i.roundId === lastRoundId),
    make: async (t, x, side) => {
      lastRoundId = (await roundOf(t, x, side, 'selfAssessment')).id;
      return { method: 'GET', url: '/api/v1/evaluations/me' };
    },
  },
  {
    route: 'PUT /api/v1/evaluations/me/:id/self-assessment',
    // the target member (李明, anshun-xz1) only; 渌口's member has no account here
    own: ['anshun-xz1'],
    other: [],
    make: async (t, x, side) => {
      const p = participantOf(await roundOf(t, x, side, 'selfAssessment'), x.memberId);
      return { method: 'PUT', url: `/api/v1/evaluations/me/${p.id}/self-assessment`, payload: { selfAssessment: '对照合格党员标准，本人理想信念坚定。', version: p.version } };
    },
  },
  {
    route: 'POST /api/v1/evaluations/me/:id/ballot',
    own: ['anshun-xz1'],
    other: [],
    make: async (t, x, side) => {
      const r = await roundOf(t, x, side, 'peerReview');
      const p = participantOf(r, x.memberId);
      const votes = r.participants.filter((o) => o.id !== p.id).map((o) => ({ participantId: o.id, grade: 'qualified' }));
      return { method: 'POST', url: `/api/v1/evaluations/me/${p.id}/ballot`, payload: { votes: votes.length ? votes : [{ participantId: p.id, grade: 'qualified' }] } };
    },
  },
  {
    route: 'POST /api/v1/evaluations/me/:id/acknowledge',
    own: ['anshun-xz1'],
    other: [],
    make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/evaluations/me/${participantOf(await roundOf(t, x, side, 'feedback'), x.memberId).id}/acknowledge` }),
  },
];
