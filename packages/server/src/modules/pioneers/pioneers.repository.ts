// Reads of 示范岗/先锋队 and 优秀党员: the rows with the names they show (orgs, members), in a few
// queries per list (a court has dozens of designations and one round a year).
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { pioneerDesignations, pioneerTeamMembers, pioneerReviews, pioneerAchievements, excellenceRounds, excellenceNominations, partyOrgs, members } = schema;

export type DesignationRow = typeof pioneerDesignations.$inferSelect;
export type RoundRow = typeof excellenceRounds.$inferSelect;
export type NominationRow = typeof excellenceNominations.$inferSelect;
export type OrgInfo = { id: string; courtId: string; path: string; name: string; shortName: string | null; type: string; parentId: string | null };

export async function orgsById(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, OrgInfo>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName, type: partyOrgs.type, parentId: partyOrgs.parentId })
    .from(partyOrgs)
    .where(inArray(partyOrgs.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findOrg(db: DbOrTx, id: string): Promise<OrgInfo | undefined> {
  return (await orgsById(db, [id])).get(id);
}

export async function memberNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findMembers(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: members.id, courtId: members.courtId, orgId: members.orgId, orgPath: members.orgPath, name: members.name, status: members.status })
    .from(members)
    .where(inArray(members.id, [...new Set(ids)]));
}

/** The court's top party org (机关党委 / 党总支): its name is the default issuer of the 优秀党员 honor. */
export async function topOrgName(db: DbOrTx, courtId: string): Promise<string | null> {
  const [row] = await db.select({ name: partyOrgs.name }).from(partyOrgs).where(and(eq(partyOrgs.courtId, courtId), isNull(partyOrgs.parentId))).orderBy(asc(partyOrgs.path)).limit(1);
  return row?.name ?? null;
}

export async function listDesignationRows(db: DbOrTx, where: SQL | undefined) {
  return db.select().from(pioneerDesignations).where(where).orderBy(desc(pioneerDesignations.startOn), asc(pioneerDesignations.name));
}

/** Team members, reviews and achievements of the given designations, grouped by designation. */
export async function designationDetails(db: DbOrTx, ids: string[]) {
  if (!ids.length) return { team: new Map<string, { id: string; name: string }[]>(), reviews: new Map<string, (typeof pioneerReviews.$inferSelect)[]>(), achievements: new Map<string, (typeof pioneerAchievements.$inferSelect)[]>() };
  const [teamRows, reviewRows, achievementRows] = await Promise.all([
    db
      .select({ designationId: pioneerTeamMembers.designationId, id: members.id, name: members.name })
      .from(pioneerTeamMembers)
      .innerJoin(members, eq(members.id, pioneerTeamMembers.memberId))
      .where(inArray(pioneerTeamMembers.designationId, ids))
      .orderBy(asc(members.name)),
    db.select().from(pioneerReviews).where(inArray(pioneerReviews.designationId, ids)).orderBy(desc(pioneerReviews.year)),
    db.select().from(pioneerAchievements).where(inArray(pioneerAchievements.designationId, ids)).orderBy(desc(pioneerAchievements.occurredOn), desc(pioneerAchievements.createdAt)),
  ]);
  const group = <T extends { designationId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.designationId, [...(m.get(r.designationId) ?? []), r]);
    return m;
  };
  const team = new Map<string, { id: string; name: string }[]>();
  for (const r of teamRows) team.set(r.designationId, [...(team.get(r.designationId) ?? []), { id: r.id, name: r.name }]);
  return { team, reviews: group(reviewRows), achievements: group(achievementRows) };
}

export async function listRoundRows(db: DbOrTx, courtIds: string[]) {
  if (!courtIds.length) return [];
  return db.select().from(excellenceRounds).where(inArray(excellenceRounds.courtId, courtIds)).orderBy(desc(excellenceRounds.year));
}

export async function nominationsOf(db: DbOrTx, roundIds: string[]) {
  if (!roundIds.length) return [];
  return db.select().from(excellenceNominations).where(inArray(excellenceNominations.roundId, roundIds)).orderBy(asc(excellenceNominations.createdAt));
}
