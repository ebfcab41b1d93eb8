// 党员示范岗 / 党员先锋队 (designations: the branch proposes, the party office approves, reviews yearly
// and takes the 挂牌 down) and 优秀党员评选 (a yearly round: branches nominate with 事迹, the office
// decides; each selected member gets an individual honor in the honors registry). @see pioneers.ts
import {
  designationActions,
  designationKinds,
  designationPhases,
  designationStates,
  excellenceQuotaModes,
  honorLevels,
  nominationStates,
  reviewGrades,
  vanguardMissions,
} from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

export const designationReviewSchema = z.object({
  id: idSchema,
  year: z.number().int(),
  grade: z.enum(reviewGrades),
  gradeLabel: z.string(),
  comment: z.string().nullable(),
  reviewedOn: z.string(),
  reviewedByName: z.string(),
});
export type DesignationReview = z.infer<typeof designationReviewSchema>;

export const designationAchievementSchema = z.object({ id: idSchema, occurredOn: z.string(), content: z.string(), createdByName: z.string() });
export type DesignationAchievement = z.infer<typeof designationAchievementSchema>;

export const designationSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  kind: z.enum(designationKinds),
  kindLabel: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  name: z.string(),
  postName: z.string().nullable(),
  /** The holder of a model post, the leader of a team. Names only (publicity list). */
  memberId: idSchema,
  memberName: z.string(),
  mission: z.enum(vanguardMissions).nullable(),
  missionLabel: z.string().nullable(),
  commitment: z.string(),
  teamMembers: z.array(z.object({ id: idSchema, name: z.string() })),
  startOn: z.string(),
  endOn: z.string(),
  state: z.enum(designationStates),
  phase: z.enum(designationPhases),
  phaseLabel: z.string(),
  revokedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  proposedByName: z.string(),
  reviews: z.array(designationReviewSchema),
  achievements: z.array(designationAchievementSchema),
  /** Ended years whose review is not recorded yet (the office's to-do), with the last day for it. */
  reviewsOwed: z.array(z.object({ year: z.number().int(), dueOn: z.string(), overdue: z.boolean() })),
  /** What the caller may do now: approve/reject/revoke (the office), withdraw (the branch). */
  actions: z.array(z.enum(designationActions)),
  canReview: z.boolean(),
  canAddAchievement: z.boolean(),
  version: z.number().int(),
});
export type Designation = z.infer<typeof designationSchema>;
export const designationListResponse = z.object({ items: z.array(designationSchema), total: z.number().int() });

export const designationListQuery = paginationQuery.extend({
  kind: z.enum(designationKinds).optional(),
  phase: z.enum(designationPhases).optional(),
  orgId: idSchema.optional(),
  /** Only what stands today (the publicity list every member of the court sees). */
  activeOnly: z.enum(['true', 'false']).optional(),
});

export const createDesignationRequest = z.object({
  kind: z.enum(designationKinds),
  orgId: idSchema,
  name: requiredText(60),
  postName: optionalText(40),
  memberId: idSchema,
  mission: z.enum(vanguardMissions).nullish(),
  commitment: requiredText(1000),
  /** 先锋队 members besides the leader. */
  teamMemberIds: z.array(idSchema).max(200).optional(),
  startOn: isoDateSchema,
  endOn: isoDateSchema,
});

export const decideDesignationRequest = z.object({
  action: z.enum(designationActions),
  reason: optionalText(500),
  ...versionField,
});

export const reviewDesignationRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  grade: z.enum(reviewGrades),
  comment: optionalText(500),
  ...versionField,
});

export const addAchievementRequest = z.object({ occurredOn: isoDateSchema, content: requiredText(500) });

// ── 优秀党员评选 ──

export const nominationSchema = z.object({
  id: idSchema,
  roundId: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  memberId: idSchema,
  memberName: z.string(),
  deeds: z.string(),
  state: z.enum(nominationStates),
  stateLabel: z.string(),
  decisionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  honorId: idSchema.nullable(),
  nominatedByName: z.string(),
  canDecide: z.boolean(),
  canWithdraw: z.boolean(),
  version: z.number().int(),
});
export type Nomination = z.infer<typeof nominationSchema>;

export const excellenceRoundSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  year: z.number().int(),
  honorName: z.string(),
  honorLevel: z.enum(honorLevels),
  honorLevelLabel: z.string(),
  issuer: z.string(),
  quotaMode: z.enum(excellenceQuotaModes),
  quotaModeLabel: z.string(),
  quota: z.number().int(),
  deadline: z.string(),
  note: z.string().nullable(),
  state: z.enum(['open', 'closed']),
  /** Nominations still taken today (the deadline day included) and the round not closed. */
  nominationOpen: z.boolean(),
  nominatedCount: z.number().int(),
  selectedCount: z.number().int(),
  /** The nominations the caller may see: all for the office, their branch's for a secretary, the selected ones for everyone else. */
  nominations: z.array(nominationSchema),
  canManage: z.boolean(),
  canNominate: z.boolean(),
  version: z.number().int(),
});
export type ExcellenceRound = z.infer<typeof excellenceRoundSchema>;
export const excellenceRoundListResponse = z.object({ items: z.array(excellenceRoundSchema), total: z.number().int() });

export const createExcellenceRoundRequest = z.object({
  courtId: idSchema,
  year: z.number().int().min(2000).max(2100),
  honorName: optionalText(60),
  honorLevel: z.enum(honorLevels).default('court'),
  issuer: optionalText(80),
  quotaMode: z.enum(excellenceQuotaModes).optional(),
  quota: z.number().int().min(1).max(500).optional(),
  deadline: isoDateSchema,
  note: optionalText(500),
});

export const closeExcellenceRoundRequest = z.object({ ...versionField });

export const createNominationRequest = z.object({
  roundId: idSchema,
  /** The nominating branch: the member must be in it. */
  orgId: idSchema,
  memberId: idSchema,
  deeds: requiredText(2000),
});

export const decideNominationRequest = z.object({
  decision: z.enum(['select', 'reject', 'withdraw']),
  reason: optionalText(500),
  ...versionField,
});
