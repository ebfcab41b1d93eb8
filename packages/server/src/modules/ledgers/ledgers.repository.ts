// Everything a ledger prints, loaded in a fixed number of queries however many activities a binder has.
import { and, asc, eq, gte, inArray, like, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type DbOrTx } from '@zhibu/db';
import { jointPartnerIn } from '../partnerships/joint-activities';

const { activities, activityAttendance, members, files, partyOrgs, courts } = schema;
const host = alias(members, 'host');
const recorder = alias(members, 'recorder');

const activityColumns = {
  id: activities.id,
  courtId: activities.courtId,
  orgId: activities.orgId,
  orgPath: activities.orgPath,
  orgName: partyOrgs.name,
  type: activities.type,
  title: activities.title,
  status: activities.status,
  heldOn: activities.heldOn,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  place: activities.place,
  hostName: host.name,
  recorderName: recorder.name,
  agenda: activities.agenda,
  firstAgendaItem: activities.firstAgendaItem,
  minutes: activities.minutes,
  resolutions: activities.resolutions,
  lateEntry: activities.lateEntry,
  lateEntryReason: activities.lateEntryReason,
  cancelReason: activities.cancelReason,
};

export type LedgerActivityRow = Awaited<ReturnType<typeof findActivity>> & object;

export async function findActivity(db: DbOrTx, id: string) {
  return (
    await db
      .select(activityColumns)
      .from(activities)
      .innerJoin(partyOrgs, eq(partyOrgs.id, activities.orgId))
      .leftJoin(host, eq(host.id, activities.hostMemberId))
      .leftJoin(recorder, eq(recorder.id, activities.recorderMemberId))
      .where(eq(activities.id, id))
  )[0];
}

/** Activities of the org's subtree (the branch and its 党小组) in a year, oldest first, with the 联建活动 it took part in as partner. */
export async function listYearActivities(db: DbOrTx, org: { courtId: string; path: string }, year: number, statuses: string[]) {
  return db
    .select(activityColumns)
    .from(activities)
    .innerJoin(partyOrgs, eq(partyOrgs.id, activities.orgId))
    .leftJoin(host, eq(host.id, activities.hostMemberId))
    .leftJoin(recorder, eq(recorder.id, activities.recorderMemberId))
    .where(
      and(
        or(and(eq(activities.courtId, org.courtId), like(activities.orgPath, `${org.path}%`)), jointPartnerIn(org.courtId, org.path)),
        inArray(activities.status, statuses),
        gte(activities.heldOn, `${year}-01-01`),
        lte(activities.heldOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(activities.startsAt));
}

export async function listAttendance(db: DbOrTx, activityIds: string[]) {
  if (!activityIds.length) return [];
  return db
    .select({
      activityId: activityAttendance.activityId,
      memberId: activityAttendance.memberId,
      name: sql<string>`coalesce(${members.name}, ${activityAttendance.guestName}, '')`,
      guestUnit: activityAttendance.guestUnit,
      role: activityAttendance.role,
      status: activityAttendance.status,
      reason: activityAttendance.reason,
      memberCourtId: members.courtId,
      memberOrgPath: members.orgPath,
    })
    .from(activityAttendance)
    .leftJoin(members, eq(members.id, activityAttendance.memberId))
    .where(inArray(activityAttendance.activityId, activityIds))
    .orderBy(asc(activityAttendance.createdAt), asc(activityAttendance.id));
}

/** Photos (image/*) attached to the activities, oldest first. */
export async function listPhotos(db: DbOrTx, activityIds: string[]) {
  if (!activityIds.length) return [];
  return db
    .select({ ownerId: files.ownerId, fileName: files.fileName, mimeType: files.mimeType, content: files.content })
    .from(files)
    .where(and(eq(files.ownerType, 'activity'), inArray(files.ownerId, activityIds), like(files.mimeType, 'image/%')))
    .orderBy(asc(files.createdAt));
}

export async function findOrg(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName, type: partyOrgs.type, courtName: courts.name })
      .from(partyOrgs)
      .innerJoin(courts, eq(courts.id, partyOrgs.courtId))
      .where(eq(partyOrgs.id, id))
  )[0];
}

export async function findMemberPlace(db: DbOrTx, id: string) {
  return (await db.select({ courtId: members.courtId, orgPath: members.orgPath }).from(members).where(eq(members.id, id)))[0];
}
