// Tables of 联建 / 四联 (issue 4): partnerships between a branch and counterpart branches (same court,
// other courts on the platform) or outside units recorded by name, and the joint activities held
// under them. A joint activity is an ordinary row of `activities` (owned by the host branch, which
// plans and records it); these tables add its 四联 category and the partner orgs whose calendars,
// lists and ledgers also show it. Kept beside `activities` rather than as new columns on it: the
// landed activities table and its queries stay untouched, and the partner side needs a table of
// its own anyway (one activity → partner orgs, queried by the partner's org path).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, instant, timestamps } from './schema-columns';
import { activities, courts, partyOrgs } from './schema';

/**
 * One pairing. `court_id`/`org_id` is the side that proposed it; the partner is either a branch on
 * the platform (`partner_org_id`, any court) or an outside unit by name (`partner_unit_name`).
 * Contacts are names and posts only (no phone numbers: personal data stays in the member records).
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    orgPath: text('org_path').notNull(),
    partnerKind: text('partner_kind').notNull(),
    partnerCourtId: uuid('partner_court_id').references(() => courts.id),
    partnerOrgId: uuid('partner_org_id').references(() => partyOrgs.id),
    partnerOrgPath: text('partner_org_path'),
    partnerUnitName: text('partner_unit_name'),
    partnerUnitType: text('partner_unit_type'),
    title: text('title').notNull(),
    goals: text('goals').notNull(),
    /** 四联 categories the agreement focuses on (jointPlanning …), a JSON array of identifiers. */
    categories: jsonb('categories').notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on'),
    contact: text('contact'),
    partnerContact: text('partner_contact'),
    status: text('status').notNull(),
    proposedBy: uuid('proposed_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    endedOn: day('ended_on'),
    endReason: text('end_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('partnerships_court_idx').on(t.courtId),
    index('partnerships_partner_court_idx').on(t.partnerCourtId),
    index('partnerships_org_idx').on(t.orgId),
    index('partnerships_partner_org_idx').on(t.partnerOrgId),
  ],
);

/** A joint activity: the activity (held by the host branch) under a partnership, with its 四联 category. */
export const jointActivities = pgTable(
  'joint_activities',
  {
    activityId: uuid('activity_id').primaryKey().references(() => activities.id),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
    category: text('category').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('joint_activities_partnership_idx').on(t.partnershipId), index('joint_activities_court_idx').on(t.courtId)],
);

/** The partner branches (on the platform) of a joint activity: they see it in their calendar, list and ledger. */
export const jointActivityOrgs = pgTable(
  'joint_activity_orgs',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    orgPath: text('org_path').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('joint_activity_orgs_activity_idx').on(t.activityId),
    index('joint_activity_orgs_path_idx').using('btree', t.courtId, sql`${t.orgPath} text_pattern_ops`),
  ],
);
