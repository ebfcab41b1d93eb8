// Tables of 民主评议党员 (RULES.md §6): one round per branch and year, its participants (the branch's
// members on the round's date, with their 自评, the tallied paper ballots, the 支委会's grade and the
// member's receipt), and the anonymous 民主测评: a ballot row records THAT a member voted (so nobody
// votes twice) and the votes carry no voter — nobody, not even the database reader, can tell who rated
// whom.
import { index, integer, jsonb, pgTable, text, boolean, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { courts, members, partyOrgs } from './schema';

export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    /** Denormalized org path, so subtree filters need no join. */
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    /** The round's date: who is a member (and 正式 or 预备) is read on this day. */
    heldOn: day('held_on').notNull(),
    stage: text('stage').notNull().default('preparing'),
    /** The 优秀 ratio and probationary grading in force when the round was opened. */
    settings: jsonb('settings').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    completedAt: instant('completed_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('evaluation_rounds_org_year_uq').on(t.orgId, t.year), index('evaluation_rounds_court_year_idx').on(t.courtId, t.year)],
);

export const evaluationParticipants = pgTable(
  'evaluation_participants',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull().references(() => evaluationRounds.id),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    memberName: text('member_name').notNull(),
    /** fullMember / probationaryMember on the round's date. */
    memberStatus: text('member_status').notNull(),
    graded: boolean('graded').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** 年老体弱、长期患病等不参加本次评议, with the reason. */
    exempt: boolean('exempt').notNull().default(false),
    exemptReason: text('exempt_reason'),
    selfAssessment: text('self_assessment'),
    /** 'self' (the member wrote it) or 'secretary' (entered from paper). */
    selfAssessmentSource: text('self_assessment_source'),
    selfAssessmentAt: instant('self_assessment_at'),
    /** Tallied paper ballots about this member: { excellent, qualified, basicallyQualified, unqualified }. */
    paperVotes: jsonb('paper_votes'),
    grade: text('grade'),
    gradeReason: text('grade_reason'),
    committeeComment: text('committee_comment'),
    gradedByName: text('graded_by_name'),
    gradedAt: instant('graded_at'),
    acknowledgedAt: instant('acknowledged_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('evaluation_participants_round_member_uq').on(t.roundId, t.memberId), index('evaluation_participants_member_idx').on(t.memberId)],
);

/** That a participant has cast their 民主测评 ballot — not what they voted. */
export const evaluationBallots = pgTable(
  'evaluation_ballots',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull().references(() => evaluationRounds.id),
    voterParticipantId: uuid('voter_participant_id').notNull().references(() => evaluationParticipants.id),
    castAt: instant('cast_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_ballots_round_voter_uq').on(t.roundId, t.voterParticipantId)],
);

/** One anonymous vote: about whom, which grade. No voter column on purpose. */
export const evaluationVotes = pgTable(
  'evaluation_votes',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull().references(() => evaluationRounds.id),
    targetParticipantId: uuid('target_participant_id').notNull().references(() => evaluationParticipants.id),
    grade: text('grade').notNull(),
  },
  (t) => [index('evaluation_votes_round_idx').on(t.roundId), index('evaluation_votes_target_idx').on(t.targetParticipantId)],
);
