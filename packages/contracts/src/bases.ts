// 一支部一阵地 (issue 4): activity rooms, their bookings, the room's display screen, the court's
// monthly political-study points and study materials shared with branches of other courts.
import { z } from './zod-setup';
import { idSchema, optionalText, requiredText, versionField } from './common';
import { isoInstantSchema } from './activities';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，例如 2026-12');
const deviceList = z.array(z.string().trim().min(1).max(40)).max(30);

export const checklistItemSchema = z.object({ item: z.string(), done: z.boolean() });

export const roomSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  name: z.string(),
  floor: z.string().nullable(),
  areaSqm: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  devices: z.array(z.string()),
  checklist: z.array(checklistItemSchema),
  checklistDone: z.number().int(),
  checklistTotal: z.number().int(),
  shared: z.boolean(),
  notes: z.string().nullable(),
  photos: z.array(z.object({ id: idSchema, fileName: z.string() })),
  /** The room display has a token (its URL was handed out); the token itself is shown only once. */
  hasDisplayToken: z.boolean(),
  displayTokenCreatedAt: z.string().nullable(),
  /** The caller manages the owning branch (edit, photos, display token, others' bookings). */
  canManage: z.boolean(),
  /** The caller may book it (own branch's room, or a shared room of their court). */
  canBook: z.boolean(),
  version: z.number().int(),
});
export type Room = z.infer<typeof roomSchema>;
export const roomListResponse = z.object({ items: z.array(roomSchema), total: z.number().int() });
export const roomListQuery = z.object({ courtId: idSchema.optional(), orgId: idSchema.optional() });

export const createRoomRequest = z.object({
  orgId: idSchema,
  name: requiredText(60),
  floor: optionalText(30),
  areaSqm: z.number().int().min(1).max(10000).nullish(),
  capacity: z.number().int().min(1).max(2000).nullish(),
  devices: deviceList.optional(),
  notes: optionalText(500),
  shared: z.boolean().optional(),
});
export const updateRoomRequest = z.object({
  name: requiredText(60).optional(),
  floor: optionalText(30),
  areaSqm: z.number().int().min(1).max(10000).nullish(),
  capacity: z.number().int().min(1).max(2000).nullish(),
  devices: deviceList.optional(),
  notes: optionalText(500),
  shared: z.boolean().optional(),
  /** Item label → done, for the court's current checklist items. */
  checklist: z.record(z.string().max(100), z.boolean()).optional(),
  ...versionField,
});

export const displayTokenResponse = z.object({
  roomId: idSchema,
  /** Shown once: the screen URL carries it. */
  token: z.string(),
  screenPath: z.string(),
  createdAt: z.string(),
});

export const roomChecklistConfigSchema = z.object({ courtId: idSchema, items: z.array(z.string()), isDefault: z.boolean(), version: z.number().int() });
export const updateRoomChecklistRequest = z.object({
  courtId: idSchema,
  items: z.array(z.string().trim().min(1).max(100)).min(1).max(40),
  version: z.number().int().min(0),
});

// ── bookings ──────────────────────────────────────────────────────────────────────────────────
export const bookingSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  roomName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  activityId: idSchema.nullable(),
  activityTitle: z.string().nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  state: z.enum(['booked', 'cancelled']),
  cancelReason: z.string().nullable(),
  canCancel: z.boolean(),
  version: z.number().int(),
});
export type Booking = z.infer<typeof bookingSchema>;
export const bookingListResponse = z.object({ items: z.array(bookingSchema), total: z.number().int() });
export const bookingListQuery = z.object({
  roomId: idSchema.optional(),
  orgId: idSchema.optional(),
  courtId: idSchema.optional(),
  from: isoInstantSchema,
  to: isoInstantSchema,
  includeCancelled: z.enum(['true', 'false']).optional(),
});
export const createBookingRequest = z.object({
  roomId: idSchema,
  orgId: idSchema,
  title: requiredText(100),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  activityId: idSchema.nullish(),
});
export const cancelBookingRequest = z.object({ reason: optionalText(200), ...versionField });

export const roomUsageSchema = z.object({
  roomId: idSchema,
  roomName: z.string(),
  orgName: z.string(),
  month: z.string(),
  bookings: z.number().int(),
  hours: z.number(),
  withActivity: z.number().int(),
});
export const roomUsageResponse = z.object({ items: z.array(roomUsageSchema), total: z.number().int() });
export const roomUsageQuery = z.object({ courtId: idSchema.optional(), year: z.coerce.number().int().min(2000).max(2100) });

// ── the room's screen ─────────────────────────────────────────────────────────────────────────
export const roomScreenSchema = z.object({
  room: z.object({ id: idSchema, name: z.string(), floor: z.string().nullable(), devices: z.array(z.string()) }),
  court: z.object({ id: idSchema, name: z.string() }),
  branch: z.object({ id: idSchema, name: z.string(), memberCount: z.number().int() }),
  /** The branch's brand (一支部一品牌) when one is recorded; else null and the screen shows the branch. */
  brand: z.object({ name: z.string(), slogan: z.string().nullable() }).nullable(),
  /** Names and posts only: no personal data on a wall display. */
  committee: z.array(z.object({ name: z.string(), post: z.string() })),
  members: z.array(z.string()),
  upcoming: z.array(z.object({ id: idSchema, title: z.string(), startsAt: z.string(), endsAt: z.string(), orgName: z.string(), place: z.string().nullable() })),
  studyPoints: z.object({ month: z.string(), items: z.array(z.string()) }).nullable(),
  photos: z.array(z.object({ id: idSchema, fileName: z.string(), activityTitle: z.string(), url: z.string() })),
  /** The booking in the room right now, and its activity's sign-in QR when sign-in is open. */
  now: z
    .object({
      title: z.string(),
      orgName: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      signIn: z
        .object({ activityId: idSchema, url: z.string(), code: z.string(), closesAt: z.string().nullable(), tokenRotatesAt: z.string().nullable(), signedIn: z.number().int(), expected: z.number().int() })
        .nullable(),
    })
    .nullable(),
  serverTime: z.string(),
});
export type RoomScreen = z.infer<typeof roomScreenSchema>;

// ── 月度政治学习要点 ───────────────────────────────────────────────────────────────────────────
export const studyPointsQuery = z.object({ courtId: idSchema.optional(), month: monthSchema });
export const studyPointsSchema = z.object({
  courtId: idSchema,
  courtName: z.string(),
  month: z.string(),
  items: z.array(z.string()),
  /** 0 when nothing is recorded for the month yet. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export const saveStudyPointsRequest = z.object({
  items: z.array(z.string().trim().min(1, '要点不能为空').max(300)).min(1, '至少填写一条要点').max(30),
  version: z.number().int().min(0),
});

// ── 共享学习资料 ──────────────────────────────────────────────────────────────────────────────
export const materialSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  courtName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  title: z.string(),
  kind: z.enum(['file', 'link']),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  description: z.string().nullable(),
  sharedWith: z.array(z.object({ orgId: idSchema, orgName: z.string(), courtName: z.string() })),
  /** Owned by the caller's branch (edit, withdraw) rather than shared with it (read only). */
  canManage: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Material = z.infer<typeof materialSchema>;
export const materialListResponse = z.object({ items: z.array(materialSchema), total: z.number().int() });
export const materialListQuery = z.object({
  scope: z.enum(['all', 'own', 'shared']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const httpUrl = z
  .string()
  .trim()
  .max(1000)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), '链接应以 http:// 或 https:// 开头');
export const createMaterialRequest = z.object({
  orgId: idSchema,
  title: requiredText(100),
  url: httpUrl,
  description: optionalText(500),
  sharedOrgIds: z.array(idSchema).max(50).optional(),
});
export const updateMaterialRequest = z.object({
  title: requiredText(100).optional(),
  description: optionalText(500),
  sharedOrgIds: z.array(idSchema).max(50).optional(),
  ...versionField,
});
export const withdrawMaterialRequest = z.object({ ...versionField });
export const shareTargetListResponse = z.object({
  items: z.array(z.object({ id: idSchema, name: z.string(), courtId: idSchema, courtName: z.string() })),
  total: z.number().int(),
});
