// The database schema (drizzle). Every court-scoped row carries court_id: the tenant key and the
// future distribution column (DESIGN.md § Data). IDs are UUIDv7 made in the app; calendar dates
// are `date` (strings 'YYYY-MM-DD'); instants are timestamptz; money is integer fen. Editable
// records carry `version` for optimistic locking.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { day, instant, timestamps } from './schema-columns';

export const courts = pgTable(
  'courts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id'),
    region: text('region'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('courts_name_uq').on(t.name), index('courts_parent_idx').on(t.parentId)],
);

/** 庭室 and 审判团队 ("支部建在庭上，党小组建在审判团队上"). A trial team has its department as parent. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('departments_court_idx').on(t.courtId)],
);

/** Any node of a court's party tree. `path` is the materialized path '/rootId/…/id/' for subtree queries. */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    type: text('type').notNull(),
    branchKind: text('branch_kind'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    departmentId: uuid('department_id').references(() => departments.id),
    establishedOn: day('established_on'),
    sortOrder: integer('sort_order').notNull().default(0),
    dissolvedOn: day('dissolved_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('party_orgs_court_idx').on(t.courtId),
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    // The target of members' (org_id, court_id) key: a member's court is its org's court.
    unique('party_orgs_id_court_uq').on(t.id, t.courtId),
  ],
);

/** A committee's term (届): start and end; the 换届 due date is termEnd (RULES.md §2). */
export const orgTerms = pgTable(
  'org_terms',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    termStart: day('term_start').notNull(),
    termEnd: day('term_end').notNull(),
    electedOn: day('elected_on'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('org_terms_org_idx').on(t.orgId)],
);

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey(),
    /** The org's court (members_org_court_fk below; the org's own key reaches courts). */
    courtId: uuid('court_id').notNull(),
    /** The branch (or other org) the member is organized in; exactly one. */
    orgId: uuid('org_id').notNull(),
    /** Denormalized copy of the org's path, so subtree filters need no join. */
    orgPath: text('org_path').notNull(),
    groupId: uuid('group_id').references(() => partyOrgs.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    birthDate: day('birth_date').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    education: text('education'),
    departmentId: uuid('department_id').references(() => departments.id),
    position: text('position').notNull().default('other'),
    jobTitle: text('job_title'),
    joinedOn: day('joined_on'),
    fullMemberSince: day('full_member_since'),
    status: text('status').notNull(),
    isRetired: boolean('is_retired').notNull().default(false),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('members_court_id_number_uq').on(t.courtId, t.idNumberHash),
    index('members_org_idx').on(t.orgId),
    index('members_court_status_idx').on(t.courtId, t.status),
    index('members_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    // No index on name: every name search is a substring match (ilike '%…%', which a btree cannot
    // serve) and every ordering by name sorts a court's or a branch's members, never a table scan.
    // The (court_id, name) index that stood here cost an import of 100,000 rows ~0.3–0.6 s of
    // PostgreSQL's time, comparing Chinese names under the database's collation (ADR 0009).
    // A list filtered by a 党小组 matches its members by group_id, beside the org_path range of a
    // branch (members.repository orgCondition): with this index the OR is two index scans, not a
    // scan of the whole court's roster.
    index('members_group_idx').on(t.groupId),
    // One key for the org and the court: a member cannot sit in another court's org, and a row
    // written costs one referential check instead of two (a fifth of PostgreSQL's work in an import
    // of 100,000 rows, ADR 0008). The court exists because the org's court_id references it.
    foreignKey({ name: 'members_org_court_fk', columns: [t.orgId, t.courtId], foreignColumns: [partyOrgs.id, partyOrgs.courtId] }),
  ],
);

export const memberStatusHistory = pgTable(
  'member_status_history',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    changedOn: day('changed_on').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('member_status_history_member_idx').on(t.memberId)],
);

/** 支委: a member holding a committee post in an org for a period. */
export const committeePositions = pgTable(
  'committee_positions',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    termId: uuid('term_id').references(() => orgTerms.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    post: text('post').notNull(),
    startOn: day('start_on').notNull(),
    endOn: day('end_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('committee_positions_org_idx').on(t.orgId), index('committee_positions_member_idx').on(t.memberId)],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  courtId: uuid('court_id').references(() => courts.id),
  memberId: uuid('member_id').references(() => members.id),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: instant('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  passwordChangedAt: instant('password_changed_at'),
  lastLoginAt: instant('last_login_at'),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** A role held over a scope: a court (courtAdmin, higherCourtViewer), an org subtree (secretary…), or self. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
    courtId: uuid('court_id').references(() => courts.id),
    orgId: uuid('org_id').references(() => partyOrgs.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('role_grants_user_idx').on(t.userId)],
);

/** Sessions: the cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Append-only, hash-chained audit log. hash = sha256(prevHash + canonical JSON of the entry).
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: instant('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    courtId: uuid('court_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/** Per-court (or global when court_id is null) settings, e.g. rule-config overrides. */
export const settings = pgTable(
  'settings',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').references(() => courts.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('settings_court_key_uq').on(t.courtId, t.key)],
);

// ── Organizational life (issue 3) ───────────────────────────────────────────────────────────────

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * One activity of organizational life (三会一课, 主题党日, 集中研讨, 案例讲评会 …). `heldOn` is the
 * calendar day (Asia/Shanghai) that compliance counts; `lateEntry` marks 补录 (recorded after the
 * fact, with a reason). Nothing is deleted: `status = 'cancelled'` with a reason.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    orgPath: text('org_path').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    heldOn: day('held_on').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at'),
    place: text('place'),
    hostMemberId: uuid('host_member_id').references(() => members.id),
    recorderMemberId: uuid('recorder_member_id').references(() => members.id),
    agenda: text('agenda'),
    firstAgendaItem: text('first_agenda_item'),
    minutes: text('minutes'),
    resolutions: text('resolutions'),
    lateEntry: boolean('late_entry').notNull().default(false),
    lateEntryReason: text('late_entry_reason'),
    cancelReason: text('cancel_reason'),
    notifiedAt: instant('notified_at'),
    recordedAt: instant('recorded_at'),
    reviewState: text('review_state').notNull().default('none'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    /** Secret for the rotating sign-in QR token (HMAC), and the short fallback code. */
    signInSecret: text('sign_in_secret').notNull(),
    signInCode: text('sign_in_code').notNull(),
    signInOpensAt: instant('sign_in_opens_at'),
    signInClosesAt: instant('sign_in_closes_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('activities_org_type_day_idx').on(t.orgId, t.type, t.heldOn),
    index('activities_court_day_idx').on(t.courtId, t.heldOn),
    index('activities_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

/** Who was expected and what became of them; guests and 列席 have no member row in this org. */
export const activityAttendance = pgTable(
  'activity_attendance',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    memberId: uuid('member_id').references(() => members.id),
    guestName: text('guest_name'),
    guestUnit: text('guest_unit'),
    role: text('role').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    signedInAt: instant('signed_in_at'),
    signInMethod: text('sign_in_method'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('activity_attendance_activity_idx').on(t.activityId),
    index('activity_attendance_member_idx').on(t.memberId),
    uniqueIndex('activity_attendance_member_uq').on(t.activityId, t.memberId),
  ],
);

/** Every earlier state of an edited activity (留痕): the record of a past meeting is evidence. */
export const activityRevisions = pgTable(
  'activity_revisions',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedAt: instant('changed_at').notNull().defaultNow(),
  },
  (t) => [index('activity_revisions_activity_idx').on(t.activityId)],
);

/** Uploaded files (photos, scanned sign-in sheets, PDFs), kept in the database on both engines. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId)],
);

/** 案例讲评会: the cases reviewed at one session; recommended ones become 典型案例. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    caseNumber: text('case_number').notNull(),
    title: text('title').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    presenterMemberId: uuid('presenter_member_id').references(() => members.id),
    comments: text('comments'),
    recommendedTypical: boolean('recommended_typical').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('case_reviews_activity_idx').on(t.activityId)],
);

/** 一刻钟微党课 speaker schedule of a branch. */
export const microLectureSlots = pgTable(
  'micro_lecture_slots',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    slotDate: day('slot_date').notNull(),
    memberId: uuid('member_id').notNull().references(() => members.id),
    topic: text('topic'),
    activityId: uuid('activity_id').references(() => activities.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('micro_lecture_slots_org_date_uq').on(t.orgId, t.slotDate)],
);

/**
 * 不计入应到会人数: a member left out of meetings' 应到会 count for one of the five situations of
 * RULES.md §1.2, requested by the branch and approved (or not) by the higher-level org; in force
 * from valid_from to valid_to (both included) once approved. Nothing is deleted: 'ended' keeps the
 * last day in force.
 */
export const quorumExclusions = pgTable(
  'quorum_exclusions',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    /** The member's branch when requested (its parent org approves). */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    category: text('category').notNull(),
    reason: text('reason').notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
    state: text('state').notNull().default('pending'),
    requestedBy: uuid('requested_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('quorum_exclusions_member_idx').on(t.memberId), index('quorum_exclusions_org_idx').on(t.orgId)],
);

// Each later capability keeps its tables in a file of its own (one writer per file), re-exported
// here so that `schema` and drizzle-kit see one schema.
export * from './schema-brands';
export * from './schema-bases';
export * from './schema-partnerships';
export * from './schema-development';
export * from './schema-dues';
export * from './schema-evaluations';
export * from './schema-talks';
export * from './schema-care';
export * from './schema-pioneers';
export * from './schema-notices';
export * from './schema-reminders';
export * from './schema-transfers';
