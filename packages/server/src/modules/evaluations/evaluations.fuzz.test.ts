// Bad input on the 民主评议党员 write routes (DESIGN.md § Quality bars): generated payloads get a 4xx
// with a code and a Chinese message — never a 500 — and a refused request writes nothing (no round,
// participant change, ballot, vote or audit entry).
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['evaluation_rounds', 'evaluation_participants', 'evaluation_ballots', 'evaluation_votes', 'audit_log'];
type Round = { id: string; participants: { id: string; memberId: string }[] };

function valueArb(t: TestApp, ids: () => string[]) {
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', ' ', '2026-02-30', '2026-12-01', 'excellent', 'qualified', 'basicallyQualified', 'unqualified', '优秀'),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.orgs.branch1.id, t.fx.orgs.group1.id, t.fx.orgs.lukouBranch.id),
    fc.constant({ excellent: 1, qualified: -1, basicallyQualified: 0, unqualified: 0 }),
    fc.constant({ excellent: 999, qualified: 999, basicallyQualified: 999, unqualified: 999 }),
    fc.array(fc.record({ participantId: fc.oneof(fc.uuid(), fc.constantFrom(...ids())), grade: fc.constantFrom('excellent', 'qualified', 'bad') }), { maxLength: 4 }),
  );
}

describe.each(testEngines)('民主评议写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let grading: Round;
  let voting: Round;
  const ids = () => [...(grading?.participants ?? []), ...(voting?.participants ?? [])].map((p) => p.id);
  const mine = (r: Round) => r.participants.find((p) => p.memberId === t.fx.members.member1.id)!.id;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const open = async (year: number, stage: string) => {
      const r = (await t.as('anshun', 'POST', '/api/v1/evaluations/rounds', { orgId: t.fx.orgs.branch1.id, year, heldOn: `${year}-12-01` })).json() as Round;
      await t.deps.db.update(schema.evaluationRounds).set({ stage }).where(eq(schema.evaluationRounds.id, r.id));
      return r;
    };
    grading = await open(2026, 'committeeReview');
    voting = await open(2025, 'peerReview');
  });
  afterAll(() => t.close());

  const routes = () => [
    { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/evaluations/rounds', keys: Object.keys(contracts.createEvaluationRoundRequest.shape) },
    { who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/evaluations/participants/${grading.participants[0]!.id}/grade`, keys: Object.keys(contracts.gradeEvaluationParticipantRequest.shape) },
    { who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/evaluations/participants/${grading.participants[1]!.id}/paper-votes`, keys: Object.keys(contracts.enterPaperVotesRequest.shape) },
    { who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/evaluations/participants/${grading.participants[2]!.id}/exempt`, keys: Object.keys(contracts.updateEvaluationParticipantRequest.shape) },
    { who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/evaluations/participants/${grading.participants[0]!.id}/self-assessment`, keys: Object.keys(contracts.enterSelfAssessmentRequest.shape) },
    { who: 'anshun-xz1', method: 'PUT', url: () => `/api/v1/evaluations/me/${mine(voting)}/self-assessment`, keys: Object.keys(contracts.writeMySelfAssessmentRequest.shape) },
    { who: 'anshun-xz1', method: 'POST', url: () => `/api/v1/evaluations/me/${mine(voting)}/ballot`, keys: Object.keys(contracts.castEvaluationBallotRequest.shape) },
    { who: 'anshun-zb1', method: 'POST', url: () => `/api/v1/evaluations/rounds/${grading.id}/advance`, keys: Object.keys(contracts.advanceEvaluationRoundRequest.shape) },
  ];

  it('民主评议各写接口对任意输入不返回500，拒绝时不写入任何数据', async () => {
    for (const route of routes()) await assertRejectsBadInputCleanly(t, route, valueArb(t, ids), TABLES, 25);
  }, 240_000);
});
