// 党建工作提示 sent and acknowledged (USERS.md, 郑主任's Monday): the party office sends a branch a
// reminder about an item of the computed 党建工作提示 (or any matter), and the branch confirms it has
// received it. The computed items stay computed (modules/reminders); this is the paper trail of who
// was told what, when, and when they confirmed.
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { courts, partyOrgs } from './schema';

export const reminderNotices = pgTable(
  'reminder_notices',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    /** The org told (a branch, 党总支 or 党小组). */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    /** Denormalized copy of the org's path, so scope filters need no join. */
    orgPath: text('org_path').notNull(),
    /** The computed item it is about ('committeeMeeting:2026-11'), when sent from the 党建工作提示. */
    itemKey: text('item_key'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The rule the item cites, copied at sending time. */
    rule: text('rule'),
    dueOn: day('due_on'),
    sentBy: uuid('sent_by').notNull(),
    sentByName: text('sent_by_name').notNull(),
    sentAt: instant('sent_at').notNull(),
    state: text('state').notNull().default('sent'),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedByName: text('acknowledged_by_name'),
    acknowledgedAt: instant('acknowledged_at'),
    ackNote: text('ack_note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('reminder_notices_org_idx').on(t.orgId), index('reminder_notices_court_sent_idx').on(t.courtId, t.sentAt)],
);
