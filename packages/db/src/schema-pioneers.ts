// Tables of 党员示范岗 / 党员先锋队 and 优秀党员 selection (issue 5): designations with period and
// review (the branch proposes, the party office approves, reviews yearly and takes the 挂牌 down);
// the yearly 优秀党员 round, the branches' nominations, and the honor each selected member gets in
// the honors registry (schema-brands.ts `honors`). Every row carries court_id (DESIGN.md § Data).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { members, partyOrgs, courts, users } from './schema';
import { honors } from './schema-brands';

/**
 * A 党员示范岗 (kind modelPost: a member, or a post such as 立案窗口 held by a member) or a 党员先锋队
 * (kind vanguardTeam: a leader and members, with a mission). `state` is the stored step
 * (proposed/approved/rejected/withdrawn/revoked); 到期 follows from end_on (pioneers.ts).
 */
export const pioneerDesignations = pgTable(
  'pioneer_designations',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    kind: text('kind').notNull(),
    /** The proposing branch, or a court-level org (机关党委) for a court-wide team. */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    name: text('name').notNull(),
    /** 岗位 of a model post (立案窗口); null for a team or a post that is the member themself. */
    postName: text('post_name'),
    /** The member holding the model post, or the team's leader (队长). */
    memberId: uuid('member_id').notNull().references(() => members.id),
    /** 先锋队的任务方向 (vanguardMissions); null for a model post. */
    mission: text('mission'),
    /** 承诺事项 of a model post, 任务目标 of a team. */
    commitment: text('commitment').notNull(),
    startOn: day('start_on').notNull(),
    endOn: day('end_on').notNull(),
    state: text('state').notNull().default('proposed'),
    /** First day it no longer stands (撤销 or a 不合格 review). */
    revokedOn: day('revoked_on'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: instant('decided_at'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedByName: text('proposed_by_name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('pioneer_designations_court_idx').on(t.courtId, t.kind), index('pioneer_designations_member_idx').on(t.memberId)],
);

/** The members of a 先锋队 (the leader included). */
export const pioneerTeamMembers = pgTable(
  'pioneer_team_members',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    designationId: uuid('designation_id').notNull().references(() => pioneerDesignations.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
  },
  (t) => [uniqueIndex('pioneer_team_members_uq').on(t.designationId, t.memberId)],
);

/** 年度考评: one per designation and year; 不合格 takes the 挂牌 down. */
export const pioneerReviews = pgTable(
  'pioneer_reviews',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    designationId: uuid('designation_id').notNull().references(() => pioneerDesignations.id),
    year: integer('year').notNull(),
    grade: text('grade').notNull(),
    comment: text('comment'),
    reviewedOn: day('reviewed_on').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedByName: text('reviewed_by_name').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pioneer_reviews_year_uq').on(t.designationId, t.year)],
);

/** 工作成效: dated entries of what a team (or a post) achieved. */
export const pioneerAchievements = pgTable(
  'pioneer_achievements',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    designationId: uuid('designation_id').notNull().references(() => pioneerDesignations.id),
    occurredOn: day('occurred_on').notNull(),
    content: text('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('pioneer_achievements_designation_idx').on(t.designationId, t.occurredOn)],
);

/** 优秀党员评选: one round per court and year, opened by the party office with its quota and deadline. */
export const excellenceRounds = pgTable(
  'excellence_rounds',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    year: integer('year').notNull(),
    /** The honor's name: 2026年度优秀共产党员. */
    honorName: text('honor_name').notNull(),
    honorLevel: text('honor_level').notNull().default('court'),
    /** 颁发单位: the court's 机关党委 (its top party org) by default. */
    issuer: text('issuer').notNull(),
    quotaMode: text('quota_mode').notNull(),
    quota: integer('quota').notNull(),
    /** Last day branches may nominate. */
    deadline: day('deadline').notNull(),
    note: text('note'),
    /** open, or closed when the office has finished deciding. */
    state: text('state').notNull().default('open'),
    closedAt: instant('closed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('excellence_rounds_year_uq').on(t.courtId, t.year)],
);

/** A branch's nomination with 事迹; the office's decision; the honor it led to. */
export const excellenceNominations = pgTable(
  'excellence_nominations',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    roundId: uuid('round_id').notNull().references(() => excellenceRounds.id),
    /** The nominating branch. */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    memberName: text('member_name').notNull(),
    deeds: text('deeds').notNull(),
    state: text('state').notNull().default('nominated'),
    decisionReason: text('decision_reason'),
    decidedOn: day('decided_on'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    honorId: uuid('honor_id').references(() => honors.id),
    nominatedBy: uuid('nominated_by').references(() => users.id),
    nominatedByName: text('nominated_by_name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('excellence_nominations_round_idx').on(t.roundId, t.orgId),
    // A member is nominated once per round (a withdrawn nomination may be made again).
    uniqueIndex('excellence_nominations_member_uq').on(t.roundId, t.memberId).where(sql`${t.state} <> 'withdrawn'`),
  ],
);
