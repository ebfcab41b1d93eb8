// 联建 queries: every list is one query (names joined, joint-activity counts as a subquery).
import { and, asc, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { schema, type DbOrTx } from '@zhibu/db';

const { partnerships, jointActivities, jointActivityOrgs, activities, partyOrgs, courts } = schema;
const partnerOrg = alias(partyOrgs, 'partner_org');
const partnerCourt = alias(courts, 'partner_court');

export type PartnershipRow = typeof partnerships.$inferSelect;

const jointCount = sql<number>`(select count(*)::int from ${jointActivities} ja join ${activities} a on a.id = ja.activity_id where ja.partnership_id = ${partnerships.id} and a.status <> 'cancelled')`;

const listed = {
  row: partnerships,
  orgName: partyOrgs.name,
  orgShortName: partyOrgs.shortName,
  courtName: courts.name,
  courtShortName: courts.shortName,
  partnerOrgName: partnerOrg.name,
  partnerOrgShortName: partnerOrg.shortName,
  partnerCourtName: partnerCourt.name,
  partnerCourtShortName: partnerCourt.shortName,
  jointActivityCount: jointCount,
};

export async function listPartnerships(db: DbOrTx, where: SQL, page: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db
      .select(listed)
      .from(partnerships)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partnerships.orgId))
      .innerJoin(courts, eq(courts.id, partnerships.courtId))
      .leftJoin(partnerOrg, eq(partnerOrg.id, partnerships.partnerOrgId))
      .leftJoin(partnerCourt, eq(partnerCourt.id, partnerships.partnerCourtId))
      .where(where)
      .orderBy(desc(partnerships.startsOn), asc(partyOrgs.sortOrder), desc(partnerships.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(partnerships).where(where),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

export type ListedPartnership = Awaited<ReturnType<typeof listPartnerships>>['rows'][number];

export async function findListed(db: DbOrTx, id: string) {
  return (await listPartnerships(db, eq(partnerships.id, id), { page: 1, pageSize: 1 })).rows[0];
}

export async function findPartnership(db: DbOrTx, id: string) {
  return (await db.select().from(partnerships).where(eq(partnerships.id, id)))[0];
}

export async function findOrg(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, type: partyOrgs.type, name: partyOrgs.name, dissolvedOn: partyOrgs.dissolvedOn, courtName: courts.name })
      .from(partyOrgs)
      .innerJoin(courts, eq(courts.id, partyOrgs.courtId))
      .where(eq(partyOrgs.id, id))
  )[0];
}

/** Open pairings (proposed or active) between the two orgs, either direction. */
export async function findOpenPair(db: DbOrTx, a: string, b: string) {
  return (
    await db
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(
        and(
          inArray(partnerships.status, ['proposed', 'active']),
          sql`((${partnerships.orgId} = ${a} and ${partnerships.partnerOrgId} = ${b}) or (${partnerships.orgId} = ${b} and ${partnerships.partnerOrgId} = ${a}))`,
        ),
      )
  )[0];
}

/** Branches on the platform (any court), for choosing a counterpart: names only. */
export async function listBranches(db: DbOrTx, f: { courtId?: string; q?: string }) {
  return db
    .select({ id: partyOrgs.id, name: partyOrgs.name, courtId: courts.id, courtName: courts.name, courtLevel: courts.level })
    .from(partyOrgs)
    .innerJoin(courts, eq(courts.id, partyOrgs.courtId))
    .where(
      and(
        eq(partyOrgs.type, 'branch'),
        isNull(partyOrgs.dissolvedOn),
        f.courtId ? eq(courts.id, f.courtId) : undefined,
        f.q ? sql`(${ilike(partyOrgs.name, `%${f.q}%`)} or ${ilike(courts.name, `%${f.q}%`)})` : undefined,
      ),
    )
    .orderBy(asc(courts.sortOrder), asc(courts.name), asc(partyOrgs.sortOrder), asc(partyOrgs.name))
    .limit(500);
}

/** Joint activities under a pairing, newest first, with the host's names. */
export async function listJointActivities(db: DbOrTx, partnershipId: string) {
  return db
    .select({ a: activities, category: jointActivities.category, hostOrgName: partyOrgs.name, hostCourtName: courts.name })
    .from(jointActivities)
    .innerJoin(activities, eq(activities.id, jointActivities.activityId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, activities.orgId))
    .innerJoin(courts, eq(courts.id, activities.courtId))
    .where(eq(jointActivities.partnershipId, partnershipId))
    .orderBy(desc(activities.startsAt))
    .limit(500);
}

/** Every pairing in the condition with both sides' names (network view), and joint activities in a year by category. */
export async function listNetwork(db: DbOrTx, where: SQL, year: number) {
  const rows = await db
    .select({
      id: partnerships.id,
      courtId: partnerships.courtId,
      orgId: partnerships.orgId,
      orgName: sql<string>`coalesce(${partyOrgs.shortName}, ${partyOrgs.name})`,
      courtName: courts.shortName,
      partnerKind: partnerships.partnerKind,
      partnerCourtId: partnerships.partnerCourtId,
      partnerOrgId: partnerships.partnerOrgId,
      partnerOrgName: sql<string | null>`coalesce(${partnerOrg.shortName}, ${partnerOrg.name})`,
      partnerCourtName: partnerCourt.shortName,
      partnerUnitName: partnerships.partnerUnitName,
      partnerUnitType: partnerships.partnerUnitType,
      status: partnerships.status,
    })
    .from(partnerships)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partnerships.orgId))
    .innerJoin(courts, eq(courts.id, partnerships.courtId))
    .leftJoin(partnerOrg, eq(partnerOrg.id, partnerships.partnerOrgId))
    .leftJoin(partnerCourt, eq(partnerCourt.id, partnerships.partnerCourtId))
    .where(and(where, inArray(partnerships.status, ['proposed', 'active', 'ended'])))
    .limit(5000);
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ partnershipId: jointActivities.partnershipId, category: jointActivities.category, n: sql<number>`count(*)::int` })
        .from(jointActivities)
        .innerJoin(activities, eq(activities.id, jointActivities.activityId))
        .where(and(inArray(jointActivities.partnershipId, ids), sql`${activities.status} <> 'cancelled'`, sql`${activities.heldOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`))
        .groupBy(jointActivities.partnershipId, jointActivities.category)
    : [];
  return { rows, counts };
}

/** Names of courts (short names) in the platform's order: level, then sort order and name. */
export async function courtNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: courts.id, shortName: courts.shortName, level: courts.level, sortOrder: courts.sortOrder, name: courts.name })
    .from(courts)
    .where(inArray(courts.id, ids))
    .orderBy(asc(courts.sortOrder), asc(courts.name));
}

/** Partner orgs of joint activities (for scope checks and views). */
export async function listPartnerOrgs(db: DbOrTx, activityIds: string[]) {
  if (!activityIds.length) return [];
  return db.select().from(jointActivityOrgs).where(inArray(jointActivityOrgs.activityId, activityIds));
}

/** The joint rows of these activities (category, partnership). */
export async function listJoints(db: DbOrTx, activityIds: string[]) {
  if (!activityIds.length) return [];
  return db.select().from(jointActivities).where(inArray(jointActivities.activityId, activityIds));
}

export async function findJoint(db: DbOrTx, activityId: string) {
  return (await db.select().from(jointActivities).where(eq(jointActivities.activityId, activityId)))[0];
}
