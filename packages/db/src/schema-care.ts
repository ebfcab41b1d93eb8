// Tables of 关心关爱 (issue 5): care records (关怀对象) of members in difficulty or long illness, with
// their visits. Sensitive personal data: read only by the member's branch secretary and the court's
// party office, every read of a record's details audited (care.policy.ts). 慰问金 in integer fen.
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, timestamps } from './schema-columns';
import { courts, members, partyOrgs, users } from './schema';

export const careRecords = pgTable(
  'care_records',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    /** The member's branch when the record was made (the member may later move; the policy reads the member's current branch). */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    /** hardship (生活困难) | longIllness (长期患病) | veteran (老党员) | injuredOnDuty (因公负伤) | other. */
    kind: text('kind').notNull(),
    situation: text('situation').notNull(),
    /** On the branch's 关怀对象 list; a closed record stays as history. */
    active: boolean('active').notNull().default(true),
    /** When the branch looks at it again (复核日期). */
    reviewOn: day('review_on'),
    followUp: text('follow_up'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('care_records_court_idx').on(t.courtId), index('care_records_member_idx').on(t.memberId)],
);

export const careVisits = pgTable(
  'care_visits',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    recordId: uuid('record_id').notNull().references(() => careRecords.id, { onDelete: 'cascade' }),
    visitedOn: day('visited_on').notNull(),
    /** Who visited (names, as written). */
    visitors: text('visitors').notNull(),
    /** Help given: money (慰问金), studyDelivered (送学上门), other. */
    helpKinds: jsonb('help_kinds').$type<string[]>().notNull().default([]),
    /** 慰问金 in fen; 0 when none. */
    amountFen: integer('amount_fen').notNull().default(0),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('care_visits_record_idx').on(t.recordId), index('care_visits_court_day_idx').on(t.courtId, t.visitedOn)],
);
