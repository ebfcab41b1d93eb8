// Tables of 谈心谈话 (issue 5): talk records with their participants. 提醒谈话/谈话提醒 rows are
// restricted (the secretary, the office and the member concerned; see talks.policy.ts). The yearly
// coverage of 支委↔支委, 支委↔党员, 党员↔党员 is computed from these rows (domain/talk-coverage.ts),
// not stored. @see RULES.md §1.1
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, timestamps } from './schema-columns';
import { courts, members, partyOrgs, users } from './schema';

export const talks = pgTable(
  'talks',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    /** The branch the talk belongs to (all participants are its members). */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    talkedOn: day('talked_on').notNull(),
    /** talk (谈心谈话) | remindingTalk (提醒谈话) | talkReminder (谈话提醒). */
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    /** 谈话要点: shown only to the secretary/office and the participants. */
    summary: text('summary'),
    /** none | pending (待跟进) | done (已落实). */
    followUpState: text('follow_up_state').notNull().default('none'),
    followUpNote: text('follow_up_note'),
    followUpOn: day('follow_up_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('talks_org_day_idx').on(t.orgId, t.talkedOn), index('talks_court_idx').on(t.courtId)],
);

/** Who took part; exactly one row per talk is the initiator (谈话人). */
export const talkParticipants = pgTable(
  'talk_participants',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    talkId: uuid('talk_id').notNull().references(() => talks.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    memberName: text('member_name').notNull(),
    isInitiator: boolean('is_initiator').notNull().default(false),
  },
  (t) => [uniqueIndex('talk_participants_talk_member_uq').on(t.talkId, t.memberId), index('talk_participants_member_idx').on(t.memberId)],
);
