import { and, asc, eq, gt, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { activityRooms, roomBookings, partyOrgs, files, settings, activities, courts } = schema;

/** A branch as people say it (第二党支部), not its full formal name, where one is recorded. */
export const orgLabel = sql<string>`coalesce(${partyOrgs.shortName}, ${partyOrgs.name})`;

export type RoomRow = typeof activityRooms.$inferSelect;
export type BookingRow = typeof roomBookings.$inferSelect;
export const ROOM_PHOTO_OWNER = 'activityRoom';
export const MATERIAL_FILE_OWNER = 'sharedMaterial';
export const CHECKLIST_SETTING = 'bases.roomChecklist';

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, label: orgLabel, type: partyOrgs.type, dissolvedOn: partyOrgs.dissolvedOn }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function findCourt(db: DbOrTx, id: string) {
  return (await db.select({ id: courts.id, name: courts.name }).from(courts).where(eq(courts.id, id)))[0];
}

/** Rooms with their owning org's name and path. */
export async function listRooms(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ row: activityRooms, orgName: orgLabel, orgPath: partyOrgs.path })
    .from(activityRooms)
    .innerJoin(partyOrgs, eq(partyOrgs.id, activityRooms.orgId))
    .where(where)
    .orderBy(asc(activityRooms.courtId), asc(partyOrgs.sortOrder), asc(activityRooms.name))
    .limit(500);
}
export type ListedRoom = Awaited<ReturnType<typeof listRooms>>[number];

export async function findRoom(db: DbOrTx, id: string): Promise<ListedRoom | undefined> {
  return (await listRooms(db, eq(activityRooms.id, id)))[0];
}

/** Photo names per room, for a list of rooms (one query). */
export async function listRoomPhotos(db: DbOrTx, roomIds: string[]) {
  if (!roomIds.length) return [];
  return db
    .select({ id: files.id, ownerId: files.ownerId, fileName: files.fileName })
    .from(files)
    .where(and(eq(files.ownerType, ROOM_PHOTO_OWNER), inArray(files.ownerId, roomIds)))
    .orderBy(asc(files.createdAt));
}

export async function findFile(db: DbOrTx, id: string) {
  return (await db.select().from(files).where(eq(files.id, id)))[0];
}

export async function getChecklistSetting(db: DbOrTx, courtId: string) {
  return (await db.select().from(settings).where(and(eq(settings.courtId, courtId), eq(settings.key, CHECKLIST_SETTING))))[0];
}

export async function getChecklistSettings(db: DbOrTx, courtIds: string[]) {
  if (!courtIds.length) return [];
  return db.select().from(settings).where(and(inArray(settings.courtId, courtIds), eq(settings.key, CHECKLIST_SETTING)));
}

/** Bookings with room, branch and activity names. */
export async function listBookings(db: DbOrTx, where: SQL | undefined, limit = 1000) {
  return db
    .select({ row: roomBookings, roomName: activityRooms.name, roomOrgPath: sql<string>`room_org.path`, roomShared: activityRooms.shared, orgName: orgLabel, orgPath: partyOrgs.path, activityTitle: activities.title })
    .from(roomBookings)
    .innerJoin(activityRooms, eq(activityRooms.id, roomBookings.roomId))
    .innerJoin(sql`party_orgs as room_org`, sql`room_org.id = ${activityRooms.orgId}`)
    .innerJoin(partyOrgs, eq(partyOrgs.id, roomBookings.orgId))
    .leftJoin(activities, eq(activities.id, roomBookings.activityId))
    .where(where)
    .orderBy(asc(roomBookings.startsAt))
    .limit(limit);
}
export type ListedBooking = Awaited<ReturnType<typeof listBookings>>[number];

/** Booked (not cancelled) bookings of a room overlapping [startsAt, endsAt): the clash check. */
export async function overlappingBookings(db: DbOrTx, roomId: string, startsAt: Date, endsAt: Date, exceptId?: string) {
  return db
    .select({ id: roomBookings.id, startsAt: roomBookings.startsAt, endsAt: roomBookings.endsAt, orgName: orgLabel })
    .from(roomBookings)
    .innerJoin(partyOrgs, eq(partyOrgs.id, roomBookings.orgId))
    .where(and(eq(roomBookings.roomId, roomId), eq(roomBookings.state, 'booked'), lt(roomBookings.startsAt, endsAt), gt(roomBookings.endsAt, startsAt), exceptId ? ne(roomBookings.id, exceptId) : undefined))
    .orderBy(asc(roomBookings.startsAt));
}

/** Row lock on the room: concurrent bookings of one room wait for each other (portable to PGlite, no btree_gist). */
export async function lockRoom(db: DbOrTx, roomId: string) {
  return (await db.select({ id: activityRooms.id }).from(activityRooms).where(eq(activityRooms.id, roomId)).for('update'))[0];
}
