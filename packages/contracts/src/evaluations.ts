// 民主评议党员 (RULES.md §6): an annual round per branch — 准备 → 个人自评 → 互评与民主测评 → 支委会评定 →
// 结果反馈 → 已完成. Peer ballots are anonymous: only counts per member ever leave the server.
import { evaluationGrades, evaluationStages } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, requiredText, versionField } from './common';

const gradeEnum = z.enum(evaluationGrades);
const count = z.number().int().min(0).max(999);
export const peerCountsSchema = z.object({ excellent: count, qualified: count, basicallyQualified: count, unqualified: count });
export type PeerCountsView = z.infer<typeof peerCountsSchema>;

export const evaluationRoundSummarySchema = z.object({
  id: idSchema,
  courtId: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  year: z.number().int(),
  heldOn: z.string(),
  stage: z.enum(evaluationStages),
  stageLabel: z.string(),
  participantCount: z.number().int(),
  gradedCount: z.number().int(),
  exemptCount: z.number().int(),
  selfAssessedCount: z.number().int(),
  ballotCount: z.number().int(),
  acknowledgedCount: z.number().int(),
  /** Grades given so far. */
  gradeCounts: peerCountsSchema,
  maxExcellent: z.number().int(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type EvaluationRoundSummary = z.infer<typeof evaluationRoundSummarySchema>;

export const evaluationParticipantSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  memberStatus: z.enum(['fullMember', 'probationaryMember']),
  memberStatusLabel: z.string(),
  graded: z.boolean(),
  exempt: z.boolean(),
  exemptReason: z.string().nullable(),
  selfAssessment: z.string().nullable(),
  selfAssessmentSource: z.enum(['self', 'secretary']).nullable(),
  selfAssessmentAt: z.string().nullable(),
  /** Online ballots about this member, per grade (never who cast them). */
  onlineVotes: peerCountsSchema,
  /** Tallied paper ballots entered by the secretary, or null. */
  paperVotes: peerCountsSchema.nullable(),
  hasVoted: z.boolean(),
  grade: gradeEnum.nullable(),
  gradeLabel: z.string().nullable(),
  gradeReason: z.string().nullable(),
  committeeComment: z.string().nullable(),
  gradedByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  version: z.number().int(),
});
export type EvaluationParticipant = z.infer<typeof evaluationParticipantSchema>;

export const evaluationRoundSchema = evaluationRoundSummarySchema.extend({
  participants: z.array(evaluationParticipantSchema),
  excellentRatioLabel: z.string(),
  rule: z.string(),
  quotaRule: z.string(),
  disposalNotice: z.string(),
  /** Why the round cannot move on yet, or null. */
  advanceBlocker: z.string().nullable(),
});
export type EvaluationRound = z.infer<typeof evaluationRoundSchema>;

export const evaluationRoundListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), orgId: idSchema.optional() });
export const evaluationRoundListResponse = z.object({ items: z.array(evaluationRoundSummarySchema), total: z.number().int() });

export const createEvaluationRoundRequest = z.object({ orgId: idSchema, year: z.number().int().min(2000).max(2100), heldOn: isoDateSchema });
export const advanceEvaluationRoundRequest = z.object({ ...versionField });

export const updateEvaluationParticipantRequest = z.object({ exempt: z.boolean(), exemptReason: optionalText(200), ...versionField });
export const enterSelfAssessmentRequest = z.object({ selfAssessment: requiredText(5000), ...versionField });
export const enterPaperVotesRequest = z.object({ paperVotes: peerCountsSchema.nullable(), ...versionField });
export const gradeEvaluationParticipantRequest = z.object({ grade: gradeEnum, gradeReason: optionalText(1000), committeeComment: optionalText(1000), ...versionField });

/** The member's own part of a round (their page). */
export const myEvaluationSchema = z.object({
  roundId: idSchema,
  participantId: idSchema,
  year: z.number().int(),
  orgName: z.string(),
  heldOn: z.string(),
  stage: z.enum(evaluationStages),
  stageLabel: z.string(),
  graded: z.boolean(),
  exempt: z.boolean(),
  selfAssessment: z.string().nullable(),
  canWriteSelfAssessment: z.boolean(),
  canVote: z.boolean(),
  hasVoted: z.boolean(),
  /** Whom to rate (the other participants who take part), names only. */
  peers: z.array(z.object({ participantId: idSchema, memberName: z.string(), memberStatusLabel: z.string() })),
  /** Visible from 结果反馈 on. */
  grade: gradeEnum.nullable(),
  gradeLabel: z.string().nullable(),
  gradeUse: z.string().nullable(),
  gradeReason: z.string().nullable(),
  committeeComment: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  version: z.number().int(),
});
export type MyEvaluation = z.infer<typeof myEvaluationSchema>;
export const myEvaluationsResponse = z.object({ items: z.array(myEvaluationSchema) });

export const writeMySelfAssessmentRequest = z.object({ selfAssessment: requiredText(5000), ...versionField });
export const castEvaluationBallotRequest = z.object({
  votes: z.array(z.object({ participantId: idSchema, grade: gradeEnum })).min(1).max(500),
});

/** The party office's view of a year: every branch's round and the 优秀 list. */
export const evaluationOverviewSchema = z.object({
  year: z.number().int(),
  branches: z.array(
    z.object({
      orgId: idSchema,
      orgName: z.string(),
      round: evaluationRoundSummarySchema.nullable(),
    }),
  ),
  totals: peerCountsSchema.extend({ graded: z.number().int(), rounds: z.number().int(), completed: z.number().int() }),
  excellent: z.array(z.object({ memberId: idSchema, memberName: z.string(), orgName: z.string(), committeeComment: z.string().nullable() })),
});
export type EvaluationOverview = z.infer<typeof evaluationOverviewSchema>;
export const evaluationOverviewQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
