// Tables of 党费 (issue 5): per-member dues bases (with their components) and monthly amounts, the
// payments of the branch's monthly ledger, and 少交/免交 approvals. Money is integer fen; months are
// text 'YYYY-MM'. Every row carries court_id (DESIGN.md § Data). @see RULES.md §4.1
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { courts, members, partyOrgs, users } from './schema';

/**
 * A member's 党费基数 from `effective_month` on (set at the start of the year; a wage change adds a
 * base from the month of the new wage, 第十条). `components` is [{name, amountFen, deducted}] — which
 * components count is [U] per court; `base_fen` is their computed total, `monthly_fen` the amount due.
 */
export const duesBases = pgTable(
  'dues_bases',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    effectiveMonth: text('effective_month').notNull(),
    memberType: text('member_type').notNull(),
    components: jsonb('components').$type<{ name: string; amountFen: number; deducted: boolean }[]>().notNull().default([]),
    baseFen: integer('base_fen'),
    monthlyFen: integer('monthly_fen').notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('dues_bases_member_month_uq').on(t.memberId, t.effectiveMonth), index('dues_bases_court_idx').on(t.courtId)],
);

/**
 * One payment per member and month: amount (above the due amount = 自愿多交), the day paid, and who
 * paid it for them (代交, 第十二条). `org_id` is the branch that collected it.
 */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidOn: day('paid_on').notNull(),
    paidByName: text('paid_by_name'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('dues_payments_member_month_uq').on(t.memberId, t.month), index('dues_payments_org_month_idx').on(t.orgId, t.month)],
);

/** 少交/免交 (第七条): the branch requests, the higher-level org approves; only approved ones apply. */
export const duesAdjustments = pgTable(
  'dues_adjustments',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    kind: text('kind').notNull(),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month'),
    monthlyFen: integer('monthly_fen').notNull().default(0),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('dues_adjustments_member_idx').on(t.memberId), index('dues_adjustments_court_state_idx').on(t.courtId, t.state)],
);
