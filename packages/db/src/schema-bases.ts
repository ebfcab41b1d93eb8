// Tables of 一支部一阵地 (issue 4): activity rooms (with devices, photos in `files`, the
// 标准化规范化建设 checklist state and the room display's token), room bookings, the court's
// monthly political-study points, and study materials shared with branches of other courts
// (远程连线、云上共学). Every row carries court_id (DESIGN.md § Data).
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from './schema-columns';
import { activities, courts, files, partyOrgs } from './schema';

/** 党员活动室: one branch's "固定的家"; a court admin may mark it shared, so any branch of the court can book it. */
export const activityRooms = pgTable(
  'activity_rooms',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    /** The owning branch: its secretary edits the room and manages its bookings. */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    name: text('name').notNull(),
    floor: text('floor'),
    areaSqm: integer('area_sqm'),
    capacity: integer('capacity'),
    /** 大屏、视频会议终端、电子书架 …: names as the court calls them. */
    devices: jsonb('devices').$type<string[]>().notNull().default([]),
    /** State of the court's checklist items ([U], configured per court): item label → done. */
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    shared: boolean('shared').notNull().default(false),
    notes: text('notes'),
    /** SHA-256 of the room display's token (the screen URL carries the token; only its hash is kept). */
    displayTokenHash: text('display_token_hash'),
    displayTokenCreatedAt: instant('display_token_created_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('activity_rooms_court_name_uq').on(t.courtId, t.name),
    index('activity_rooms_org_idx').on(t.orgId),
    uniqueIndex('activity_rooms_display_token_uq').on(t.displayTokenHash),
  ],
);

/** 活动室预约: [startsAt, endsAt) of one room for one branch, optionally for one activity. Cancelled ones stay. */
export const roomBookings = pgTable(
  'room_bookings',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    roomId: uuid('room_id').notNull().references(() => activityRooms.id),
    /** The branch that holds the room. */
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    activityId: uuid('activity_id').references(() => activities.id),
    title: text('title').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    state: text('state').notNull().default('booked'),
    cancelReason: text('cancel_reason'),
    bookedBy: uuid('booked_by'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('room_bookings_room_start_idx').on(t.roomId, t.startsAt),
    index('room_bookings_court_start_idx').on(t.courtId, t.startsAt),
    index('room_bookings_activity_idx').on(t.activityId),
  ],
);

/** 月度政治学习要点: the court's party office records the month's points ('YYYY-MM'). */
export const studyPoints = pgTable(
  'study_points',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    month: text('month').notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('study_points_court_month_uq').on(t.courtId, t.month)],
);

/** 共享学习资料: a file (in `files`) or a link, owned by a branch, shared read-only with chosen orgs of any court. */
export const sharedMaterials = pgTable(
  'shared_materials',
  {
    id: uuid('id').primaryKey(),
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    url: text('url'),
    fileId: uuid('file_id').references(() => files.id),
    description: text('description'),
    /** 'active' or 'withdrawn' (withdrawn ones disappear from partners' lists; the row stays). */
    state: text('state').notNull().default('active'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('shared_materials_court_idx').on(t.courtId), index('shared_materials_org_idx').on(t.orgId)],
);

/** One org (of any court) a material is shared with; everyone in that org's subtree may read it. */
export const materialShares = pgTable(
  'material_shares',
  {
    id: uuid('id').primaryKey(),
    materialId: uuid('material_id').notNull().references(() => sharedMaterials.id),
    /** The court of the org shared with (the reader's tenant). */
    courtId: uuid('court_id').notNull().references(() => courts.id),
    orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('material_shares_material_org_uq').on(t.materialId, t.orgId), index('material_shares_org_idx').on(t.orgId)],
);
