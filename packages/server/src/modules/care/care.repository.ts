// Queries of 关怀: records with their member's current branch, visits, and yearly 慰问金 sums, always
// within the caller's care scope (care.policy.ts scopeOf).
import { and, asc, count, desc, eq, gte, inArray, like, lte, max, or, sql, sum, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { careRecords, careVisits, members, partyOrgs } = schema;

export type CareScope = { courtIds: string[]; paths: { courtId: string; path: string }[] };

/** The SQL condition on members for a care scope; undefined when the scope is empty (nothing visible). */
export function memberScopeSql(scope: CareScope): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.courtIds.length) parts.push(inArray(members.courtId, scope.courtIds));
  for (const p of scope.paths) parts.push(and(eq(members.courtId, p.courtId), like(members.orgPath, `${p.path}%`))!);
  return parts.length ? or(...parts) : undefined;
}

export async function findMember(db: DbOrTx, id: string) {
  return (await db.select({ id: members.id, courtId: members.courtId, orgId: members.orgId, orgPath: members.orgPath, name: members.name, status: members.status }).from(members).where(eq(members.id, id)))[0];
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

const summaryColumns = {
  record: careRecords,
  memberName: members.name,
  memberOrgId: members.orgId,
  memberOrgPath: members.orgPath,
  memberCourtId: members.courtId,
  orgName: partyOrgs.name,
  orgShortName: partyOrgs.shortName,
};

export async function listRecords(db: DbOrTx, where: SQL, page: number, pageSize: number) {
  const base = db.select(summaryColumns).from(careRecords).innerJoin(members, eq(members.id, careRecords.memberId)).innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId)).where(where);
  const [rows, total] = await Promise.all([
    base.orderBy(desc(careRecords.active), asc(partyOrgs.sortOrder), asc(members.name)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(careRecords).innerJoin(members, eq(members.id, careRecords.memberId)).where(where),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function findRecord(db: DbOrTx, id: string) {
  return (await db.select(summaryColumns).from(careRecords).innerJoin(members, eq(members.id, careRecords.memberId)).innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId)).where(eq(careRecords.id, id)))[0];
}

export async function visitStats(db: DbOrTx, recordIds: string[]) {
  if (!recordIds.length) return new Map<string, { n: number; last: string | null }>();
  const rows = await db.select({ recordId: careVisits.recordId, n: count(), last: max(careVisits.visitedOn) }).from(careVisits).where(inArray(careVisits.recordId, recordIds)).groupBy(careVisits.recordId);
  return new Map(rows.map((r) => [r.recordId, { n: r.n, last: r.last }]));
}

export async function visitsOf(db: DbOrTx, recordId: string) {
  return db.select().from(careVisits).where(eq(careVisits.recordId, recordId)).orderBy(desc(careVisits.visitedOn));
}

export async function findVisit(db: DbOrTx, id: string) {
  return (await db.select().from(careVisits).where(eq(careVisits.id, id)))[0];
}

/** 慰问金 of a year per branch (the member's current branch), within the scope. */
export async function moneyByBranch(db: DbOrTx, scopeSql: SQL, year: number, orgPath?: string) {
  return db
    .select({ orgId: partyOrgs.id, orgName: partyOrgs.name, orgShortName: partyOrgs.shortName, totalFen: sql<number>`coalesce(${sum(careVisits.amountFen)}, 0)::int`, visitCount: count() })
    .from(careVisits)
    .innerJoin(careRecords, eq(careRecords.id, careVisits.recordId))
    .innerJoin(members, eq(members.id, careRecords.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .where(and(scopeSql, gte(careVisits.visitedOn, `${year}-01-01`), lte(careVisits.visitedOn, `${year}-12-31`), orgPath ? like(members.orgPath, `${orgPath}%`) : undefined))
    .groupBy(partyOrgs.id, partyOrgs.name, partyOrgs.shortName, partyOrgs.sortOrder)
    .orderBy(asc(partyOrgs.sortOrder));
}
