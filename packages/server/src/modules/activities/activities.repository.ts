import { and, asc, desc, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { activities, activityAttendance, activityRevisions, files, caseReviews, partyOrgs, members, committeePositions, settings, users, jointActivities } = schema;

/** Statuses that make someone an expected attendee (on the roster). */
export const ACTIVE_MEMBER_STATUSES = ['probationaryMember', 'fullMember'];

export type ActivityRow = typeof activities.$inferSelect;
export type OrgRow = typeof partyOrgs.$inferSelect;

export async function findActivity(db: DbOrTx, id: string) {
  return (await db.select().from(activities).where(eq(activities.id, id)))[0];
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function findMember(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: members.id, courtId: members.courtId, orgId: members.orgId, orgPath: members.orgPath, groupId: members.groupId, name: members.name, status: members.status })
      .from(members)
      .where(eq(members.id, id))
  )[0];
}

/** The court's stored overrides of the activity catalogue (settings key 'activityCatalogue'), if any. */
export async function findCatalogueOverrides(db: DbOrTx, courtId: string) {
  const rows = await db.select({ value: settings.value }).from(settings).where(and(eq(settings.courtId, courtId), eq(settings.key, 'activityCatalogue')));
  return rows[0]?.value as Record<string, unknown> | undefined;
}

export type ListFilter = { scope: SQL; orgPath?: string; type?: string; status?: string; from?: string; to?: string; page: number; pageSize: number };

export async function listActivities(db: DbOrTx, f: ListFilter) {
  const where = and(
    f.scope,
    f.orgPath ? like(activities.orgPath, `${f.orgPath}%`) : undefined,
    f.type ? eq(activities.type, f.type) : undefined,
    f.status ? eq(activities.status, f.status) : undefined,
    f.from ? gte(activities.heldOn, f.from) : undefined,
    f.to ? lte(activities.heldOn, f.to) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({ a: activities, orgName: partyOrgs.name, jointCategory: jointActivities.category })
      .from(activities)
      .innerJoin(partyOrgs, eq(partyOrgs.id, activities.orgId))
      .leftJoin(jointActivities, eq(jointActivities.activityId, activities.id))
      .where(where)
      .orderBy(desc(activities.startsAt), desc(activities.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

/**
 * The roster on a date: members with an active status who had joined by then. The members table
 * keeps no dated org history, so today's placement stands in for "the org's membership on that date".
 */
export async function listRosterMembers(db: DbOrTx, where: SQL, onDate: string) {
  return db
    .select({ id: members.id, name: members.name, status: members.status })
    .from(members)
    .where(and(where, inArray(members.status, ACTIVE_MEMBER_STATUSES), or(isNull(members.joinedOn), lte(members.joinedOn, onDate))))
    .orderBy(asc(members.name));
}

export function subtreeMembers(courtId: string, path: string): SQL {
  return and(eq(members.courtId, courtId), like(members.orgPath, `${path}%`)) as SQL;
}

export function groupMembers(groupId: string): SQL {
  return eq(members.groupId, groupId);
}

/** The committee members in office on the date. */
export async function listCommitteeOn(db: DbOrTx, orgId: string, onDate: string) {
  return db
    .selectDistinct({ id: members.id, name: members.name, status: members.status })
    .from(committeePositions)
    .innerJoin(members, eq(members.id, committeePositions.memberId))
    .where(
      and(
        eq(committeePositions.orgId, orgId),
        lte(committeePositions.startOn, onDate),
        or(isNull(committeePositions.endOn), gte(committeePositions.endOn, onDate)),
        inArray(members.status, ACTIVE_MEMBER_STATUSES),
      ),
    )
    .orderBy(asc(members.name));
}

export async function listAttendance(db: DbOrTx, activityId: string) {
  return db
    .select({ row: activityAttendance, memberName: members.name, memberStatus: members.status, memberCourtId: members.courtId, memberOrgPath: members.orgPath })
    .from(activityAttendance)
    .leftJoin(members, eq(members.id, activityAttendance.memberId))
    .where(eq(activityAttendance.activityId, activityId))
    .orderBy(asc(activityAttendance.role), asc(activityAttendance.createdAt), asc(activityAttendance.id));
}

export async function findAttendance(db: DbOrTx, activityId: string, memberId: string) {
  return (await db.select().from(activityAttendance).where(and(eq(activityAttendance.activityId, activityId), eq(activityAttendance.memberId, memberId))))[0];
}

export async function countRevisions(db: DbOrTx, activityId: string) {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(activityRevisions).where(eq(activityRevisions.activityId, activityId)))[0]?.n ?? 0;
}

/** Earlier states of an activity, oldest first, with the editor's display name. */
export async function listRevisions(db: DbOrTx, activityId: string) {
  return db
    .select({ version: activityRevisions.version, snapshot: activityRevisions.snapshot, reason: activityRevisions.reason, changedAt: activityRevisions.changedAt, changedBy: users.displayName })
    .from(activityRevisions)
    .leftJoin(users, eq(users.id, activityRevisions.changedBy))
    .where(eq(activityRevisions.activityId, activityId))
    .orderBy(asc(activityRevisions.version));
}

export async function memberNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listAttachments(db: DbOrTx, activityId: string) {
  return db
    .select({ id: files.id, fileName: files.fileName, mimeType: files.mimeType, size: files.size, createdAt: files.createdAt })
    .from(files)
    .where(and(eq(files.ownerType, 'activity'), eq(files.ownerId, activityId)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

export async function findFile(db: DbOrTx, id: string) {
  return (await db.select().from(files).where(eq(files.id, id)))[0];
}

export async function listCaseReviews(db: DbOrTx, activityId: string) {
  return db
    .select({ review: caseReviews, presenterName: members.name })
    .from(caseReviews)
    .leftJoin(members, eq(members.id, caseReviews.presenterMemberId))
    .where(eq(caseReviews.activityId, activityId))
    .orderBy(asc(caseReviews.createdAt), asc(caseReviews.id));
}

export async function findCaseReview(db: DbOrTx, activityId: string, id: string) {
  return (await db.select().from(caseReviews).where(and(eq(caseReviews.id, id), eq(caseReviews.activityId, activityId))))[0];
}
