// 一支部一品牌 (issue 4): brands through 申报→认定→培育→宣传→选树, the 认定 panel's scores on the
// four standards, cultivation milestones, evidence, the court's "1+N" cluster, and the honors registry.
import { brandActions, brandEvidenceKinds, brandStandards, brandStates, honorKinds, honorLevels, nominationResults, selectionRoundStatuses } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

const score = z.number().int().min(0).max(100);
export const brandWeightsSchema = z.object({ theme: z.number().int().min(0).max(100), substance: z.number().int().min(0).max(100), distinctiveness: z.number().int().min(0).max(100), integration: z.number().int().min(0).max(100) });
const standardNumbers = z.object({ theme: z.number().nullable(), substance: z.number().nullable(), distinctiveness: z.number().nullable(), integration: z.number().nullable() });

export const brandSummarySchema = z.object({
  id: idSchema,
  courtId: idSchema,
  courtName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  isMaster: z.boolean(),
  name: z.string(),
  slogan: z.string().nullable(),
  state: z.enum(brandStates),
  stateLabel: z.string(),
  round: z.number().int(),
  honorCount: z.number().int(),
  evidenceCount: z.number().int(),
  overdueCount: z.number().int(),
  hasLogo: z.boolean(),
  published: z.boolean(),
  /** Year of the 选树 round that selected it (已选树). */
  selectedYear: z.number().int().nullable(),
  /** The caller sits on the panel of the current round and has not scored yet. */
  awaitingMyScore: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type BrandSummary = z.infer<typeof brandSummarySchema>;
export const brandListResponse = z.object({ items: z.array(brandSummarySchema), total: z.number().int() });
export const brandListQuery = paginationQuery.extend({
  courtId: idSchema.optional(),
  orgId: idSchema.optional(),
  state: z.enum(brandStates).optional(),
  /** 'me': brands whose current panel includes the caller. */
  reviewer: z.enum(['me']).optional(),
});

export const brandScoreSchema = z.object({
  reviewerId: idSchema,
  reviewerName: z.string(),
  theme: z.number().int(),
  substance: z.number().int(),
  distinctiveness: z.number().int(),
  integration: z.number().int(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export const brandReviewSchema = z.object({
  round: z.number().int(),
  weights: brandWeightsSchema,
  panel: z.array(z.object({ userId: idSchema, name: z.string(), scored: z.boolean() })),
  scores: z.array(brandScoreSchema),
  means: standardNumbers,
  total: z.number().nullable(),
  complete: z.boolean(),
  lowStandards: z.array(z.enum(brandStandards)),
  lowStandardLabels: z.array(z.string()),
  recommendation: z.enum(['recognize', 'return', 'pending']),
  canScore: z.boolean(),
  myScore: brandScoreSchema.nullable(),
});
export type BrandReview = z.infer<typeof brandReviewSchema>;

export const brandMilestoneSchema = z.object({
  id: idSchema,
  title: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  version: z.number().int(),
});
export type BrandMilestone = z.infer<typeof brandMilestoneSchema>;

export const brandEvidenceSchema = z.object({
  id: idSchema,
  kind: z.enum(brandEvidenceKinds),
  kindLabel: z.string(),
  activityId: idSchema.nullable(),
  title: z.string(),
  occurredOn: z.string(),
  note: z.string().nullable(),
});

export const honorSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  courtName: z.string(),
  kind: z.enum(honorKinds),
  kindLabel: z.string(),
  name: z.string(),
  level: z.enum(honorLevels),
  levelLabel: z.string(),
  issuer: z.string(),
  awardedOn: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  brandId: idSchema.nullable(),
  brandName: z.string().nullable(),
  /** Null for an individual honor seen from another court (no personal data). */
  memberId: idSchema.nullable(),
  recipientName: z.string(),
  hasCertificate: z.boolean(),
  source: z.string(),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Honor = z.infer<typeof honorSchema>;
export const honorListResponse = z.object({ items: z.array(honorSchema), total: z.number().int() });
export const honorListQuery = paginationQuery.extend({
  courtId: idSchema.optional(),
  level: z.enum(honorLevels).optional(),
  kind: z.enum(honorKinds).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  brandId: idSchema.optional(),
});

export const brandDetailSchema = brandSummarySchema.extend({
  concept: z.string().nullable(),
  substance: z.string().nullable(),
  distinctiveness: z.string().nullable(),
  integration: z.string().nullable(),
  carriers: z.string().nullable(),
  /** Null when seen from another court (names are personal data there). */
  team: z.string().nullable(),
  story: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Null for callers outside the brand's court and for plain members (scores and reviewers' names stay in the court's office and the branch). */
  review: brandReviewSchema.nullable(),
  milestones: z.array(brandMilestoneSchema),
  progressReports: z.array(z.object({ id: idSchema, period: z.string(), content: z.string(), createdAt: z.string() })),
  evidence: z.array(brandEvidenceSchema),
  evidenceByYear: z.array(z.object({ year: z.number().int(), activity: z.number().int(), publicity: z.number().int(), project: z.number().int(), total: z.number().int() })),
  /** Photos of the tagged activities (their image attachments), for readers inside the court. */
  photos: z.array(z.object({ id: idSchema, fileName: z.string(), url: z.string(), activityTitle: z.string() })),
  honors: z.array(honorSchema),
  /** The 选树 rounds it was nominated to (results once published, or for the office and the branch). */
  selections: z.array(z.object({ roundId: idSchema, roundName: z.string(), year: z.number().int(), roundStatusLabel: z.string(), resultLabel: z.string() })),
  events: z.array(z.object({ action: z.string(), actionLabel: z.string(), fromState: z.string(), toState: z.string(), toStateLabel: z.string(), reason: z.string().nullable(), actorName: z.string(), at: z.string() })),
  /** Lifecycle actions the caller may take now. */
  actions: z.array(z.enum(brandActions)),
  canEdit: z.boolean(),
  canEditApplication: z.boolean(),
  canFormPanel: z.boolean(),
  /** The party office may show it on the public showcase. */
  canPublish: z.boolean(),
});
export type BrandDetail = z.infer<typeof brandDetailSchema>;

const honorContent = z.object({
  kind: z.enum(honorKinds),
  name: requiredText(100),
  level: z.enum(honorLevels),
  issuer: requiredText(100),
  awardedOn: isoDateSchema,
  orgId: idSchema.nullish(),
  brandId: idSchema.nullish(),
  memberId: idSchema.nullish(),
  recipientName: optionalText(100),
});
const brandContent = {
  slogan: optionalText(100),
  concept: optionalText(2000),
  substance: optionalText(2000),
  distinctiveness: optionalText(2000),
  integration: optionalText(2000),
  carriers: optionalText(2000),
  team: optionalText(1000),
  story: optionalText(5000),
};
export const createBrandRequest = z.object({
  orgId: idSchema,
  /** The court's own brand (owned by its top org), heading the cluster. */
  isMaster: z.boolean().optional(),
  name: requiredText(60),
  ...brandContent,
});
export const updateBrandRequest = z.object({ name: requiredText(60).optional(), published: z.boolean().optional(), ...brandContent, ...versionField });

export const brandTransitionRequest = z.object({
  action: z.enum(brandActions),
  reason: optionalText(1000),
  /** For 选树: the year of the selection round (defaults to this year). */
  year: z.number().int().min(2000).max(2100).optional(),
  /** For 选树: the honor it received, recorded in the same step. */
  honor: honorContent.optional(),
  ...versionField,
});
export const brandPanelRequest = z.object({ reviewerIds: z.array(idSchema).min(2).max(9), weights: brandWeightsSchema, ...versionField });
export const brandScoreRequest = z.object({ theme: score, substance: score, distinctiveness: score, integration: score, comment: optionalText(1000) });
export const reviewerCandidatesResponse = z.object({ items: z.array(z.object({ id: idSchema, name: z.string(), roleLabel: z.string() })), total: z.number().int() });

export const createMilestoneRequest = z.object({ title: requiredText(100), owner: requiredText(50), dueOn: isoDateSchema });
export const updateMilestoneRequest = z.object({ title: requiredText(100), owner: requiredText(50), dueOn: isoDateSchema, doneOn: isoDateSchema.nullish(), note: optionalText(1000), ...versionField });
export const createProgressReportRequest = z.object({ period: requiredText(30), content: requiredText(3000) });
export const createEvidenceRequest = z.object({ kind: z.enum(brandEvidenceKinds), activityId: idSchema.nullish(), title: optionalText(200), occurredOn: isoDateSchema.nullish(), note: optionalText(500) });

export const brandReminderSchema = z.object({
  milestoneId: idSchema,
  brandId: idSchema,
  brandName: z.string(),
  orgName: z.string(),
  title: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  message: z.string(),
});
export const brandReminderListResponse = z.object({ items: z.array(brandReminderSchema), total: z.number().int() });

export const brandClusterResponse = z.object({
  courtId: idSchema,
  courtName: z.string(),
  master: brandSummarySchema.nullable(),
  branches: z.array(brandSummarySchema),
  honorCount: z.number().int(),
  byState: z.array(z.object({ state: z.enum(brandStates), label: z.string(), count: z.number().int() })),
});
export type BrandCluster = z.infer<typeof brandClusterResponse>;
export const brandClusterQuery = z.object({ courtId: idSchema.optional() });

export const createHonorRequest = honorContent;
export const updateHonorRequest = honorContent.extend(versionField);

/** The public showcase of a court's brand cluster: only what the court published, no personal data. */
export const brandShowcaseResponse = z.object({
  courtName: z.string(),
  brands: z.array(
    z.object({
      id: idSchema,
      isMaster: z.boolean(),
      orgName: z.string(),
      name: z.string(),
      slogan: z.string().nullable(),
      stateLabel: z.string(),
      /** Year of the 选树 round that selected it. */
      selectedYear: z.number().int().nullable(),
      concept: z.string().nullable(),
      substance: z.string().nullable(),
      distinctiveness: z.string().nullable(),
      integration: z.string().nullable(),
      carriers: z.string().nullable(),
      story: z.string().nullable(),
      evidenceByYear: z.array(z.object({ year: z.number().int(), activity: z.number().int(), publicity: z.number().int(), project: z.number().int(), total: z.number().int() })),
      honors: z.array(z.object({ name: z.string(), levelLabel: z.string(), issuer: z.string(), awardedOn: z.string() })),
    }),
  ),
});
export type BrandShowcase = z.infer<typeof brandShowcaseResponse>;

// 选树: annual selection rounds (brand-selection.ts): the office opens a round, branches nominate
// brands being cultivated or promoted, a panel scores the four standards, the office decides within
// the quota and publishes.
const evidenceCounts = z.object({ activity: z.number().int(), publicity: z.number().int(), project: z.number().int(), total: z.number().int() });

export const selectionRoundSummarySchema = z.object({
  id: idSchema,
  courtId: idSchema,
  courtName: z.string(),
  year: z.number().int(),
  name: z.string(),
  quota: z.number().int(),
  deadline: z.string(),
  criteria: z.string().nullable(),
  status: z.enum(selectionRoundStatuses),
  statusLabel: z.string(),
  weights: brandWeightsSchema,
  honorName: z.string(),
  honorLevel: z.enum(honorLevels),
  honorLevelLabel: z.string(),
  honorIssuer: z.string(),
  nominationCount: z.number().int(),
  selectedCount: z.number().int(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type SelectionRoundSummary = z.infer<typeof selectionRoundSummarySchema>;
export const selectionRoundListResponse = z.object({ items: z.array(selectionRoundSummarySchema), total: z.number().int() });
export const selectionRoundListQuery = z.object({ courtId: idSchema.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const selectionNominationSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  brandName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  brandState: z.enum(brandStates),
  brandStateLabel: z.string(),
  statement: z.string(),
  evidence: evidenceCounts,
  nominatedByName: z.string(),
  nominatedAt: z.string(),
  result: z.enum(nominationResults),
  resultLabel: z.string(),
  /** For the office and the brand's branch; null for others. */
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Reviewers who score it (panel members outside the brand's branch line); null when hidden. */
  eligibleReviewers: z.number().int().nullable(),
  scored: z.number().int().nullable(),
  means: standardNumbers.nullable(),
  total: z.number().nullable(),
  complete: z.boolean(),
  /** By total, then the year's evidence, then the earlier nomination; null while scores are hidden. */
  rank: z.number().int().nullable(),
  scores: z.array(brandScoreSchema),
  myScore: brandScoreSchema.nullable(),
  /** The caller is on the panel but on the brand's branch line: they do not score it. */
  conflicted: z.boolean(),
  canScore: z.boolean(),
  canWithdraw: z.boolean(),
  canDecide: z.boolean(),
  version: z.number().int(),
});
export type SelectionNomination = z.infer<typeof selectionNominationSchema>;

export const selectionRoundDetailSchema = selectionRoundSummarySchema.extend({
  /** Names for the office, the panel and managers inside the court; empty otherwise. */
  panel: z.array(z.object({ userId: idSchema, name: z.string(), scored: z.number().int() })),
  /** Nominations the caller may see: all for the office and the panel, the own branch's for a secretary, all once published. */
  nominations: z.array(selectionNominationSchema),
  /** Brands the caller may nominate, with why not when they may not. */
  myBrands: z.array(z.object({ brandId: idSchema, name: z.string(), orgName: z.string(), stateLabel: z.string(), eligible: z.boolean(), reason: z.string().nullable() })),
  reviewerCandidates: z.array(z.object({ id: idSchema, name: z.string(), roleLabel: z.string() })),
  canManage: z.boolean(),
  isReviewer: z.boolean(),
});
export type SelectionRoundDetail = z.infer<typeof selectionRoundDetailSchema>;

const roundContent = {
  name: requiredText(100),
  quota: z.number().int().min(1).max(50),
  deadline: isoDateSchema,
  criteria: optionalText(3000),
  weights: brandWeightsSchema.optional(),
  honorName: optionalText(100),
  honorLevel: z.enum(honorLevels).optional(),
  honorIssuer: optionalText(100),
  reviewerIds: z.array(idSchema).max(15).optional(),
};
export const createSelectionRoundRequest = z.object({ courtId: idSchema.optional(), year: z.number().int().min(2000).max(2100), ...roundContent });
export const updateSelectionRoundRequest = z.object({ ...roundContent, ...versionField });
export const selectionRoundMoveRequest = z.object({ move: z.enum(['review', 'publish']), ...versionField });
export const nominateRequest = z.object({ brandId: idSchema, statement: requiredText(2000) });
export const selectionDecisionRequest = z.object({ result: z.enum(['selected', 'notSelected']), reason: optionalText(1000), ...versionField });
