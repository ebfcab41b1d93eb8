// The few grouped queries compliance needs. Cost follows orgs × types × periods, never history:
// activities are counted per org, type and period in SQL (one row per group), and a member's last
// organizational life is max(held_on) per member — attendance rows are never shipped to Node.
import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';
import type { ActivityType, IsoDate, PeriodUnit } from '@zhibu/domain';

const { partyOrgs, activities, activityAttendance, members, committeePositions, courts, orgLifeVersions } = schema;

export async function listScopedOrgs(db: DbOrTx, where: SQL) {
  return db
    .select({
      id: partyOrgs.id,
      name: partyOrgs.name,
      type: partyOrgs.type,
      courtId: partyOrgs.courtId,
      path: partyOrgs.path,
      establishedOn: partyOrgs.establishedOn,
      sortOrder: partyOrgs.sortOrder,
    })
    .from(partyOrgs)
    .where(where)
    .orderBy(asc(partyOrgs.courtId), asc(partyOrgs.sortOrder), asc(partyOrgs.name));
}

/** Each court's org_life_versions counter (0 for a court nothing has been written to since migration 0010). */
export async function orgLifeVersionsOf(db: DbOrTx, courtIds: string[]): Promise<Map<string, number>> {
  if (!courtIds.length) return new Map();
  const rows = await db.select().from(orgLifeVersions).where(inArray(orgLifeVersions.courtId, courtIds));
  return new Map(rows.map((r) => [r.courtId, r.version]));
}

/**
 * The orgs matching `where`, each with its court's org_life_versions counter (0 when none yet):
 * what a memoized overview request needs, in one round trip.
 */
export async function listScopedOrgsWithVersion(db: DbOrTx, where: SQL) {
  return db
    .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, version: sql<number>`coalesce(${orgLifeVersions.version}, 0)::int` })
    .from(partyOrgs)
    .leftJoin(orgLifeVersions, eq(orgLifeVersions.courtId, partyOrgs.courtId))
    .where(where)
    .orderBy(asc(partyOrgs.courtId), asc(partyOrgs.sortOrder), asc(partyOrgs.name));
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function courtNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: courts.id, name: courts.name }).from(courts).where(inArray(courts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Postgres' date_trunc on a `date` resolves to timestamptz (session time zone); cast to timestamp.
function periodStartSql(unit: PeriodUnit): SQL {
  const day = sql`${activities.heldOn}::timestamp`;
  switch (unit) {
    case 'week':
      return sql`date_trunc('week', ${day})::date`;
    case 'month':
      return sql`date_trunc('month', ${day})::date`;
    case 'quarter':
      return sql`date_trunc('quarter', ${day})::date`;
    case 'halfYear':
      return sql`make_date(extract(year from ${day})::int, case when extract(month from ${day}) <= 6 then 1 else 7 end, 1)`;
    case 'year':
      return sql`date_trunc('year', ${day})::date`;
  }
}

export type PeriodCount = { orgId: string; type: ActivityType; periodStart: IsoDate; count: number; late: number };

/** A type judged on frequency: its period unit and the first day any judged period of it starts. */
export type TypeWindow = { unit: PeriodUnit; from: IsoDate };

/**
 * Held activities of the orgs matching `orgWhere` (a condition on party_orgs), counted per org, type
 * and period — each type with its own period unit and from its own first judged day (a weekly study
 * needs weeks back to this January, a yearly meeting last year too), up to `to`. One row per group,
 * read through activities(org_id, type, held_on): the cost follows orgs × types × periods.
 */
export async function countHeldByPeriod(db: DbOrTx, orgWhere: SQL, windows: Map<ActivityType, TypeWindow>, to: IsoDate): Promise<PeriodCount[]> {
  if (!windows.size) return [];
  const cases = [...windows].map(([type, w]) => sql`when ${type} then ${periodStartSql(w.unit)}`);
  const periodStart = sql<string>`(case ${activities.type} ${sql.join(cases, sql` `)} end)`;
  const byFrom = new Map<IsoDate, ActivityType[]>();
  for (const [type, w] of windows) byFrom.set(w.from, [...(byFrom.get(w.from) ?? []), type]);
  const typeWindows = [...byFrom].map(([from, types]) => and(inArray(activities.type, types), gte(activities.heldOn, from))!);
  // Written as SQL rather than with the query builder: a court's page groups into ~1,500 rows and
  // the builder's per-row mapping cost more CPU than the query (bench/, reminders at 50 clients).
  const result = await db.execute(sql`
    select ${activities.orgId} as "orgId", ${activities.type} as "type", (${periodStart})::text as "periodStart",
           count(*)::int as "count", (count(*) filter (where ${activities.lateEntry}))::int as "late"
      from ${activities}
     where ${activities.orgId} in (select ${partyOrgs.id} from ${partyOrgs} where ${orgWhere})
       and ${activities.status} = 'held'
       and (${or(...typeWindows)})
       and ${activities.heldOn} <= ${to}
     group by 1, 2, 3`);
  const rows = (result as unknown as { rows: { orgId: string; type: string; periodStart: string; count: number; late: number }[] }).rows;
  return rows.map((r) => ({ ...r, type: r.type as ActivityType, periodStart: String(r.periodStart).slice(0, 10) }));
}

/** Per org: active committee positions and full members (正式党员不足7人的支部不设支委会, RULES.md §2). */
export async function committeeFacts(db: DbOrTx, orgIds: string[], today: IsoDate) {
  if (!orgIds.length) return new Map<string, { positions: number; fullMembers: number }>();
  const [positions, full] = await Promise.all([
    db
      .select({ orgId: committeePositions.orgId, n: sql<number>`count(*)::int` })
      .from(committeePositions)
      .where(and(inArray(committeePositions.orgId, orgIds), lte(committeePositions.startOn, today), sql`(${committeePositions.endOn} is null or ${committeePositions.endOn} >= ${today})`))
      .groupBy(committeePositions.orgId),
    db
      .select({ orgId: members.orgId, n: sql<number>`count(*)::int` })
      .from(members)
      .where(and(inArray(members.orgId, orgIds), eq(members.status, 'fullMember')))
      .groupBy(members.orgId),
  ]);
  const out = new Map<string, { positions: number; fullMembers: number }>();
  for (const id of orgIds) out.set(id, { positions: 0, fullMembers: 0 });
  for (const p of positions) out.get(p.orgId)!.positions = p.n;
  for (const f of full) out.get(f.orgId)!.fullMembers = f.n;
  return out;
}

/**
 * Active members in `where`, each with the last day present at a held activity of a type that counts
 * as 组织生活, and the last day marked exempt (免于参加) — one grouped query, max(held_on) per member.
 */
export async function lastOrgLifeByMember(db: DbOrTx, where: SQL, countingTypes: ActivityType[], today: IsoDate) {
  const counting = countingTypes.length ? inArray(activities.type, countingTypes) : sql`false`;
  const last = db
    .select({
      memberId: activityAttendance.memberId,
      lastPresent: sql<string | null>`max(${activities.heldOn}) filter (where ${activityAttendance.status} = 'present' and ${counting})`.as('last_present'),
      lastExempt: sql<string | null>`max(${activities.heldOn}) filter (where ${activityAttendance.status} = 'exempt')`.as('last_exempt'),
    })
    .from(activityAttendance)
    .innerJoin(activities, eq(activities.id, activityAttendance.activityId))
    .where(and(eq(activities.status, 'held'), lte(activities.heldOn, today), inArray(activityAttendance.memberId, db.select({ id: members.id }).from(members).where(where))))
    .groupBy(activityAttendance.memberId)
    .as('last_org_life');
  return db
    .select({
      id: members.id,
      name: members.name,
      status: members.status,
      orgId: members.orgId,
      orgName: partyOrgs.name,
      joinedOn: members.joinedOn,
      createdAt: members.createdAt,
      lastPresent: sql<string | null>`${last.lastPresent}::text`,
      lastExempt: sql<string | null>`${last.lastExempt}::text`,
    })
    .from(members)
    .innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .leftJoin(last, eq(last.memberId, members.id))
    .where(where)
    .orderBy(asc(partyOrgs.sortOrder), asc(members.name));
}

/** Held activities per org and type in [from, to]: one row per group. */
export async function countHeldByOrgAndType(db: DbOrTx, orgIds: string[], from: IsoDate, to: IsoDate) {
  if (!orgIds.length) return [];
  return db
    .select({
      orgId: activities.orgId,
      type: activities.type,
      count: sql<number>`count(*)::int`,
      late: sql<number>`(count(*) filter (where ${activities.lateEntry}))::int`,
    })
    .from(activities)
    .where(and(inArray(activities.orgId, orgIds), eq(activities.status, 'held'), gte(activities.heldOn, from), lte(activities.heldOn, to)))
    .groupBy(activities.orgId, activities.type);
}

export async function listCalendar(db: DbOrTx, where: SQL) {
  return db
    .select({
      id: activities.id,
      orgId: activities.orgId,
      orgName: partyOrgs.name,
      type: activities.type,
      title: activities.title,
      heldOn: activities.heldOn,
      startsAt: activities.startsAt,
      status: activities.status,
      lateEntry: activities.lateEntry,
    })
    .from(activities)
    .innerJoin(partyOrgs, eq(partyOrgs.id, activities.orgId))
    .where(where)
    .orderBy(asc(activities.startsAt))
    .limit(2000);
}

export async function memberOrgPath(db: DbOrTx, memberId: string) {
  return (await db.select({ orgPath: members.orgPath }).from(members).where(eq(members.id, memberId)))[0]?.orgPath;
}
