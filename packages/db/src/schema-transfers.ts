// 组织关系转接 (RULES.md §5): one row per transfer of a member's organizational relation. The member
// stays in the sending branch until the receiving side accepts (the sending branch stays responsible
// while it is in transit); at most one transfer of a member is in transit at a time (a partial unique
// index), so two admins accepting at once, or a second transfer sent meanwhile, cannot move a member
// twice.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { courts, members, partyOrgs } from './schema';

export const memberTransfers = pgTable(
  'member_transfers',
  {
    id: uuid('id').primaryKey(),
    /** The sending court (the tenant that issued the 介绍信). */
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    memberName: text('member_name').notNull(),
    fromOrgId: uuid('from_org_id').notNull().references(() => partyOrgs.id),
    kind: text('kind').notNull(),
    /** The receiving court and branch on the platform; null for a transfer out of the platform. */
    toCourtId: uuid('to_court_id').references(() => courts.id),
    toOrgId: uuid('to_org_id').references(() => partyOrgs.id),
    /** Out of the platform: the receiving unit's party organization, by name. */
    toUnitName: text('to_unit_name'),
    reason: text('reason').notNull(),
    /** 党费交至 'YYYY-MM'. */
    duesPaidTo: text('dues_paid_to').notNull(),
    letterNo: text('letter_no').notNull(),
    letterYear: integer('letter_year').notNull(),
    letterSeq: integer('letter_seq').notNull(),
    issuedOn: day('issued_on').notNull(),
    validUntil: day('valid_until').notNull(),
    state: text('state').notNull().default('inTransit'),
    sentBy: uuid('sent_by').notNull(),
    sentByName: text('sent_by_name').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    /** The member's record in the receiving court after an accepted transfer across courts. */
    receivedMemberId: uuid('received_member_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('member_transfers_one_in_transit_uq').on(t.memberId).where(sql`${t.state} = 'inTransit'`),
    uniqueIndex('member_transfers_letter_uq').on(t.courtId, t.letterYear, t.letterSeq),
    index('member_transfers_court_idx').on(t.courtId),
    index('member_transfers_to_court_idx').on(t.toCourtId),
  ],
);
