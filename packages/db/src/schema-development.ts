// Tables of 发展党员 (issue 5): one case per person through the 25 steps, each recorded step with its
// date, people, approving org and documents. Derived dates (入党时间, 预备期满, 转正) are computed from
// the steps (RULES.md §3.2 T19, T20, T26), never typed twice; the case keeps copies for lists.
// A step's documents are rows of `files` with owner_type 'developmentStep' (ADR 0004).
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { day, instant, timestamps } from './schema-columns';
import { courts, members, partyOrgs } from './schema';

export const developmentCases = pgTable(
  'development_cases',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    /** The branch that develops the person (the member's org when the case was opened). */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    orgPath: text('org_path').notNull(),
    /** 'active' | 'completed' (归档). */
    state: text('state').notNull().default('active'),
    /** Highest step recorded (1–25) and the stage it leaves the case in, for the board. */
    lastStep: integer('last_step').notNull(),
    stage: text('stage').notNull(),
    applicationDate: day('application_date').notNull(),
    /** Due date of the current deadline (T3/T7/T17/T19/T25), null when none. */
    nextDueOn: day('next_due_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // One open case per person.
    uniqueIndex('development_cases_member_uq').on(t.memberId),
    index('development_cases_court_idx').on(t.courtId, t.stage),
    index('development_cases_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

export const developmentSteps = pgTable(
  'development_steps',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    caseId: uuid('case_id').notNull().references(() => developmentCases.id),
    /** 1–25 of RULES.md §3.1 (6 and 21 repeat; 23 again after an extension). */
    step: integer('step').notNull(),
    doneOn: day('done_on').notNull(),
    /** The org that decided/approved (支部, or the 上级党委 for steps 4, 8, 13, 16, 17, 18, 24). */
    approvingOrgId: uuid('approving_org_id').references(() => partyOrgs.id),
    /** Step specifics: talker, mentorIds, sponsorIds, politicalReview, training, publicity, vote, outcome… */
    details: jsonb('details').notNull().default({}),
    note: text('note'),
    /** Soft rules passed with a reason: [{ rule, message, reason }] (audited). */
    overrides: jsonb('overrides').notNull().default([]),
    recordedBy: uuid('recorded_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('development_steps_case_idx').on(t.caseId, t.step)],
);
