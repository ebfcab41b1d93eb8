import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { courts, partyOrgs, departments, orgTerms, committeePositions, members } = schema;

/** Statuses that make someone a member of the branch's roster today. */
export const ACTIVE_MEMBER_STATUSES = ['probationaryMember', 'fullMember'];

export async function listCourts(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(courts).where(inArray(courts.id, ids)).orderBy(asc(courts.sortOrder), asc(courts.name));
}

export async function findCourt(db: DbOrTx, id: string) {
  return (await db.select().from(courts).where(eq(courts.id, id)))[0];
}

export async function listOrgs(db: DbOrTx, f: { courtIds: string[]; rootPath?: string; type?: string }) {
  if (!f.courtIds.length) return [];
  const counts = db
    .select({ orgId: members.orgId, n: sql<number>`count(*)::int`.as('n') })
    .from(members)
    .where(inArray(members.status, ACTIVE_MEMBER_STATUSES))
    .groupBy(members.orgId)
    .as('counts');
  const groupCounts = db
    .select({ groupId: members.groupId, gn: sql<number>`count(*)::int`.as('gn') })
    .from(members)
    .where(inArray(members.status, ACTIVE_MEMBER_STATUSES))
    .groupBy(members.groupId)
    .as('group_counts');
  const rows = await db
    .select({
      org: partyOrgs,
      n: counts.n,
      gn: groupCounts.gn,
    })
    .from(partyOrgs)
    .leftJoin(counts, eq(counts.orgId, partyOrgs.id))
    .leftJoin(groupCounts, eq(groupCounts.groupId, partyOrgs.id))
    .where(
      and(
        inArray(partyOrgs.courtId, f.courtIds),
        isNull(partyOrgs.dissolvedOn),
        f.rootPath ? like(partyOrgs.path, `${f.rootPath}%`) : undefined,
        f.type ? eq(partyOrgs.type, f.type) : undefined,
      ),
    )
    .orderBy(asc(partyOrgs.courtId), asc(partyOrgs.sortOrder), asc(partyOrgs.name));
  return rows.map((r) => ({ ...r.org, memberCount: (r.n ?? 0) + (r.gn ?? 0) }));
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

/** Active members in the org's subtree, by status. */
export async function countSubtreeMembers(db: DbOrTx, path: string) {
  const rows = await db
    .select({ status: members.status, n: sql<number>`count(*)::int` })
    .from(members)
    .where(and(like(members.orgPath, `${path}%`), inArray(members.status, ACTIVE_MEMBER_STATUSES)))
    .groupBy(members.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { full: by.fullMember ?? 0, probationary: by.probationaryMember ?? 0 };
}

export async function countGroupMembers(db: DbOrTx, groupId: string) {
  const rows = await db
    .select({ status: members.status, n: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.groupId, groupId), inArray(members.status, ACTIVE_MEMBER_STATUSES)))
    .groupBy(members.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { full: by.fullMember ?? 0, probationary: by.probationaryMember ?? 0 };
}

export async function listTerms(db: DbOrTx, orgId: string) {
  return db.select().from(orgTerms).where(eq(orgTerms.orgId, orgId)).orderBy(sql`${orgTerms.termStart} desc`);
}

export async function listCommittee(db: DbOrTx, orgId: string) {
  return db
    .select({ position: committeePositions, memberName: members.name })
    .from(committeePositions)
    .innerJoin(members, eq(members.id, committeePositions.memberId))
    .where(eq(committeePositions.orgId, orgId))
    .orderBy(asc(committeePositions.startOn));
}

export async function listDepartments(db: DbOrTx, courtIds: string[]) {
  if (!courtIds.length) return [];
  return db.select().from(departments).where(inArray(departments.courtId, courtIds)).orderBy(asc(departments.sortOrder), asc(departments.name));
}

export async function findDepartment(db: DbOrTx, id: string) {
  return (await db.select().from(departments).where(eq(departments.id, id)))[0];
}

/** Current terms of many orgs at once (the latest by start date). */
export async function latestTerms(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return new Map<string, typeof orgTerms.$inferSelect>();
  const rows = await db.select().from(orgTerms).where(inArray(orgTerms.orgId, orgIds)).orderBy(asc(orgTerms.termStart));
  const map = new Map<string, typeof orgTerms.$inferSelect>();
  for (const r of rows) map.set(r.orgId, r);
  return map;
}
