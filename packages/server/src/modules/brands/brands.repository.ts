// Queries of the brands module: one query per list (counts as correlated subqueries), DESIGN.md § Speed.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { brands, brandReviewers, brandScores, brandMilestones, brandEvidence, brandEvents, brandProgressReports, honors, partyOrgs, courts, users, roleGrants, members, activities } = schema;

export type BrandRow = typeof brands.$inferSelect;

export async function findBrand(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ row: brands, orgPath: partyOrgs.path, orgName: partyOrgs.name, courtName: courts.shortName })
    .from(brands)
    .innerJoin(partyOrgs, eq(partyOrgs.id, brands.orgId))
    .innerJoin(courts, eq(courts.id, brands.courtId))
    .where(eq(brands.id, id));
  return r;
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, parentId: partyOrgs.parentId, name: partyOrgs.name, type: partyOrgs.type }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

/** Brands with names and counts; `me` marks those awaiting the caller's score; `today` for overdue. */
export async function listBrands(db: DbOrTx, where: SQL | undefined, me: string, today: string, page?: { limit: number; offset: number }) {
  const awaiting = sql<boolean>`(${brands.state} = 'submitted' and exists (select 1 from ${brandReviewers} r where r.brand_id = ${brands.id} and r.round = ${brands.round} and r.user_id = ${me})
    and not exists (select 1 from ${brandScores} s where s.brand_id = ${brands.id} and s.round = ${brands.round} and s.reviewer_id = ${me}))`;
  const q = db
    .select({
      row: brands,
      orgName: partyOrgs.name,
      orgPath: partyOrgs.path,
      courtName: courts.shortName,
      honorCount: sql<number>`(select count(*)::int from ${honors} h where h.brand_id = ${brands.id})`,
      evidenceCount: sql<number>`(select count(*)::int from ${brandEvidence} e where e.brand_id = ${brands.id})`,
      overdueCount: sql<number>`(select count(*)::int from ${brandMilestones} m where m.brand_id = ${brands.id} and m.done_on is null and m.due_on < ${today})`,
      awaitingMyScore: awaiting,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(brands)
    .innerJoin(partyOrgs, eq(partyOrgs.id, brands.orgId))
    .innerJoin(courts, eq(courts.id, brands.courtId))
    .where(where)
    .orderBy(asc(courts.sortOrder), desc(brands.isMaster), asc(partyOrgs.sortOrder), asc(partyOrgs.path));
  return page ? q.limit(page.limit).offset(page.offset) : q.limit(500);
}

export const isOnPanelSql = (me: string) => sql<boolean>`exists (select 1 from ${brandReviewers} r where r.brand_id = ${brands.id} and r.round = ${brands.round} and r.user_id = ${me})`;

export async function panelOf(db: DbOrTx, brandId: string, round: number) {
  return db
    .select({ userId: brandReviewers.userId, name: users.displayName })
    .from(brandReviewers)
    .innerJoin(users, eq(users.id, brandReviewers.userId))
    .where(and(eq(brandReviewers.brandId, brandId), eq(brandReviewers.round, round)))
    .orderBy(asc(brandReviewers.createdAt));
}

export async function scoresOf(db: DbOrTx, brandId: string, round: number) {
  return db
    .select({ s: brandScores, name: users.displayName })
    .from(brandScores)
    .innerJoin(users, eq(users.id, brandScores.reviewerId))
    .where(and(eq(brandScores.brandId, brandId), eq(brandScores.round, round)))
    .orderBy(asc(brandScores.createdAt));
}

export async function milestonesOf(db: DbOrTx, brandId: string) {
  return db.select().from(brandMilestones).where(eq(brandMilestones.brandId, brandId)).orderBy(asc(brandMilestones.dueOn), asc(brandMilestones.createdAt));
}
export async function evidenceOf(db: DbOrTx, brandId: string) {
  return db.select().from(brandEvidence).where(eq(brandEvidence.brandId, brandId)).orderBy(desc(brandEvidence.occurredOn));
}
export async function eventsOf(db: DbOrTx, brandId: string) {
  return db.select().from(brandEvents).where(eq(brandEvents.brandId, brandId)).orderBy(asc(brandEvents.at));
}
export async function progressOf(db: DbOrTx, brandId: string) {
  return db.select().from(brandProgressReports).where(eq(brandProgressReports.brandId, brandId)).orderBy(desc(brandProgressReports.createdAt));
}

/** The org paths a user sits on: their member record's org and every org-level grant. */
export async function reviewerLines(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return [];
  const grants = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, courtId: roleGrants.courtId, path: partyOrgs.path })
    .from(roleGrants)
    .leftJoin(partyOrgs, eq(partyOrgs.id, roleGrants.orgId))
    .where(inArray(roleGrants.userId, userIds));
  const memberPaths = await db
    .select({ userId: users.id, name: users.displayName, courtId: users.courtId, disabled: users.disabled, path: members.orgPath })
    .from(users)
    .leftJoin(members, eq(members.id, users.memberId))
    .where(inArray(users.id, userIds));
  return memberPaths.map((u) => ({
    userId: u.userId,
    name: u.name,
    courtId: u.courtId,
    active: !u.disabled,
    grants: grants.filter((g) => g.userId === u.userId),
    paths: [u.path, ...grants.filter((g) => g.userId === u.userId).map((g) => g.path)].filter((p): p is string => !!p),
  }));
}

/** Users holding a working role in the court: the pool the office draws a panel from. */
export async function courtStaffIds(db: DbOrTx, courtId: string) {
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.courtId, courtId), inArray(roleGrants.role, ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader'])));
  return rows.map((r) => r.userId);
}

export async function findActivity(db: DbOrTx, id: string) {
  return (await db.select({ id: activities.id, courtId: activities.courtId, orgPath: activities.orgPath, title: activities.title, heldOn: activities.heldOn, status: activities.status }).from(activities).where(eq(activities.id, id)))[0];
}

export async function findMember(db: DbOrTx, id: string) {
  return (await db.select({ id: members.id, courtId: members.courtId, orgId: members.orgId, name: members.name }).from(members).where(eq(members.id, id)))[0];
}

export async function listHonors(db: DbOrTx, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const q = db
    .select({ row: honors, orgName: partyOrgs.name, orgPath: partyOrgs.path, courtName: courts.shortName, brandName: brands.name, total: sql<number>`count(*) over ()::int` })
    .from(honors)
    .innerJoin(partyOrgs, eq(partyOrgs.id, honors.orgId))
    .innerJoin(courts, eq(courts.id, honors.courtId))
    .leftJoin(brands, eq(brands.id, honors.brandId))
    .where(where)
    .orderBy(desc(honors.awardedOn), asc(honors.name));
  return page ? q.limit(page.limit).offset(page.offset) : q.limit(500);
}
