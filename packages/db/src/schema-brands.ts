// Tables of 一支部一品牌 (issue 4): brands (the five-step lifecycle of brand-lifecycle.ts), the 认定
// panel and its scores on the four standards, cultivation milestones and progress reports, evidence
// tagged to a brand (activities, publicity items, projects — linked here, the activities table is
// untouched), the brand's history of decisions, and the platform-wide honors registry (荣誉).
// Every row carries court_id (DESIGN.md § Data).
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { activities, courts, files, members, partyOrgs, users } from './schema';

/**
 * 党建品牌: a branch's brand, or (is_master) the court's own brand heading its "1+N" cluster, owned
 * by the court's top org. `round` counts applications (1 at the first 申报, +1 per resubmission):
 * the panel's scores belong to one round, so a returned brand is scored afresh.
 */
export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    isMaster: boolean('is_master').notNull().default(false),
    name: text('name').notNull(),
    slogan: text('slogan'),
    /** 理念 */
    concept: text('concept'),
    /** 内涵 */
    substance: text('substance'),
    /** 特色 */
    distinctiveness: text('distinctiveness'),
    /** 融合点: which court business the brand serves */
    integration: text('integration'),
    /** 载体 and measures */
    carriers: text('carriers'),
    /** 品牌团队 (names and roles, as the branch writes them) */
    team: text('team'),
    /** 品牌故事, for the brand page and the report */
    story: text('story'),
    logoFileId: uuid('logo_file_id').references(() => files.id),
    state: text('state').notNull().default('draft'),
    round: integer('round').notNull().default(0),
    /** Weights of the four standards (percent) for the current round, set by the office with the panel. */
    weights: jsonb('weights').$type<Record<string, number>>(),
    /** The court chose to show it on the public showcase (no personal data). */
    published: boolean('published').notNull().default(false),
    submittedAt: instant('submitted_at'),
    decidedAt: instant('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    /** Year of the 选树 round in which it was selected. */
    selectedYear: integer('selected_year'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('brands_court_idx').on(t.courtId), index('brands_org_idx').on(t.orgId)],
);

/** The 认定 panel of a brand's current round: reviewers chosen by the party office. */
export const brandReviewers = pgTable(
  'brand_reviewers',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    round: integer('round').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brand_reviewers_uq').on(t.brandId, t.round, t.userId)],
);

/** One reviewer's scores (0–100) on the four standards, with comments, for one round. */
export const brandScores = pgTable(
  'brand_scores',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    round: integer('round').notNull(),
    reviewerId: uuid('reviewer_id').notNull().references(() => users.id),
    theme: integer('theme').notNull(),
    substance: integer('substance').notNull(),
    distinctiveness: integer('distinctiveness').notNull(),
    integration: integer('integration').notNull(),
    comment: text('comment'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('brand_scores_uq').on(t.brandId, t.round, t.reviewerId)],
);

/** Each move of a brand through its lifecycle: who, when, why, and (for 认定) the panel's result. */
export const brandEvents = pgTable(
  'brand_events',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    /** For decisions: the round, panel names, means per standard, total. */
    detail: jsonb('detail'),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('brand_events_brand_idx').on(t.brandId)],
);

/** 培育计划: milestones with an owner and a due date; overdue while not done after the due date. */
export const brandMilestones = pgTable(
  'brand_milestones',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    dueOn: day('due_on').notNull(),
    doneOn: day('done_on'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('brand_milestones_brand_idx').on(t.brandId), index('brand_milestones_due_idx').on(t.courtId, t.dueOn)],
);

/** 培育进展: periodic progress reports of the branch. */
export const brandProgressReports = pgTable(
  'brand_progress_reports',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    period: text('period').notNull(),
    content: text('content').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('brand_progress_brand_idx').on(t.brandId)],
);

/** 品牌佐证: an activity of the platform, a publicity item or a project, tagged to a brand. */
export const brandEvidence = pgTable(
  'brand_evidence',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    kind: text('kind').notNull(),
    activityId: uuid('activity_id').references(() => activities.id),
    title: text('title').notNull(),
    occurredOn: day('occurred_on').notNull(),
    /** Where it was published (媒体/网址) or what the project achieved. */
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('brand_evidence_brand_idx').on(t.brandId), uniqueIndex('brand_evidence_activity_uq').on(t.brandId, t.activityId)],
);

/**
 * 荣誉: the platform's honors registry, collective (an org, optionally for a brand) or individual (a
 * member). Other modules (发展党员, 优秀党员) write here through the brands service's recordHonor.
 */
export const honors = pgTable(
  'honors',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    issuer: text('issuer').notNull(),
    awardedOn: day('awarded_on').notNull(),
    /** The honored org (collective) or the member's org (individual): scope of who sees and edits it. */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    brandId: uuid('brand_id').references(() => brands.id),
    memberId: uuid('member_id').references(() => members.id),
    /** As printed on the certificate: "市法院第八党支部", "黄云庆". */
    recipientName: text('recipient_name').notNull(),
    certificateFileId: uuid('certificate_file_id').references(() => files.id),
    /** Which module recorded it ('brands', 'development', …). */
    source: text('source').notNull().default('brands'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('honors_court_idx').on(t.courtId, t.awardedOn), index('honors_brand_idx').on(t.brandId), index('honors_member_idx').on(t.memberId)],
);

/**
 * 选树: an annual selection round of the court (征集 → 评审 → 已公布; brand-selection.ts). The office
 * sets the quota [U], the deadline for nominations, the criteria, the four standards' weights and the
 * honor a selected brand receives (recorded in the honors registry on selection).
 */
export const brandSelectionRounds = pgTable(
  'brand_selection_rounds',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    quota: integer('quota').notNull(),
    deadline: day('deadline').notNull(),
    criteria: text('criteria'),
    status: text('status').notNull().default('collecting'),
    weights: jsonb('weights').$type<Record<string, number>>().notNull(),
    honorName: text('honor_name').notNull(),
    honorLevel: text('honor_level').notNull(),
    honorIssuer: text('honor_issuer').notNull(),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('brand_selection_rounds_court_idx').on(t.courtId, t.year), uniqueIndex('brand_selection_rounds_name_uq').on(t.courtId, t.name)],
);

/** The round's review panel (users of the court; each skips the nominations of their own branch line). */
export const brandSelectionReviewers = pgTable(
  'brand_selection_reviewers',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    roundId: uuid('round_id').notNull().references(() => brandSelectionRounds.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brand_selection_reviewers_uq').on(t.roundId, t.userId)],
);

/**
 * A brand nominated to a round, with the branch's statement and the year's evidence counts as they
 * stood when nominated; the office's decision (selected, with the honor recorded, or not, with why).
 */
export const brandSelectionNominations = pgTable(
  'brand_selection_nominations',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    roundId: uuid('round_id').notNull().references(() => brandSelectionRounds.id),
    brandId: uuid('brand_id').notNull().references(() => brands.id),
    statement: text('statement').notNull(),
    /** {activity, publicity, project, total} tagged to the brand in the round's year. */
    evidence: jsonb('evidence').$type<{ activity: number; publicity: number; project: number; total: number }>().notNull(),
    nominatedBy: uuid('nominated_by').references(() => users.id),
    nominatedByName: text('nominated_by_name').notNull(),
    nominatedAt: instant('nominated_at').notNull(),
    result: text('result').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    honorId: uuid('honor_id').references(() => honors.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('brand_selection_nominations_uq').on(t.roundId, t.brandId), index('brand_selection_nominations_brand_idx').on(t.brandId)],
);

/** One reviewer's scores (0–100) on the four standards for one nomination. */
export const brandSelectionScores = pgTable(
  'brand_selection_scores',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    nominationId: uuid('nomination_id').notNull().references(() => brandSelectionNominations.id),
    reviewerId: uuid('reviewer_id').notNull().references(() => users.id),
    theme: integer('theme').notNull(),
    substance: integer('substance').notNull(),
    distinctiveness: integer('distinctiveness').notNull(),
    integration: integer('integration').notNull(),
    comment: text('comment'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('brand_selection_scores_uq').on(t.nominationId, t.reviewerId)],
);
