// Queries of 民主评议党员.
import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { emptyPeerCounts, type EvaluationGrade, type PeerCounts } from '@zhibu/domain';
import { schema, type DbOrTx } from '@zhibu/db';

const { evaluationRounds: rounds, evaluationParticipants: participants, evaluationBallots: ballots, evaluationVotes: votes, partyOrgs } = schema;
export type RoundRow = typeof rounds.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

export async function findRound(db: DbOrTx, id: string, forUpdate = false): Promise<RoundRow | undefined> {
  const q = db.select().from(rounds).where(eq(rounds.id, id));
  return (forUpdate ? await q.for('update') : await q)[0];
}

export async function findParticipant(db: DbOrTx, id: string): Promise<ParticipantRow | undefined> {
  return (await db.select().from(participants).where(eq(participants.id, id)))[0];
}

export async function participantsOf(db: DbOrTx, roundIds: string[]): Promise<ParticipantRow[]> {
  if (!roundIds.length) return [];
  return db.select().from(participants).where(inArray(participants.roundId, roundIds)).orderBy(asc(participants.sortOrder), asc(participants.memberName));
}

/** Participant ids that have cast their ballot, of the given rounds. */
export async function votersOf(db: DbOrTx, roundIds: string[]): Promise<Set<string>> {
  if (!roundIds.length) return new Set();
  const rows = await db.select({ id: ballots.voterParticipantId }).from(ballots).where(inArray(ballots.roundId, roundIds));
  return new Set(rows.map((r) => r.id));
}

/** Online votes per participant and grade — counts only, never who voted. */
export async function voteCountsOf(db: DbOrTx, roundIds: string[]): Promise<Map<string, PeerCounts>> {
  const result = new Map<string, PeerCounts>();
  if (!roundIds.length) return result;
  const rows = await db
    .select({ target: votes.targetParticipantId, grade: votes.grade, n: count() })
    .from(votes)
    .where(inArray(votes.roundId, roundIds))
    .groupBy(votes.targetParticipantId, votes.grade);
  for (const r of rows) {
    const c = result.get(r.target) ?? emptyPeerCounts();
    c[r.grade as EvaluationGrade] += Number(r.n);
    result.set(r.target, c);
  }
  return result;
}

export type OrgInfo = { id: string; courtId: string; path: string; type: string; name: string; sortOrder: number };
const orgColumns = { id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, type: partyOrgs.type, fullName: partyOrgs.name, shortName: partyOrgs.shortName, sortOrder: partyOrgs.sortOrder };
const toOrgInfo = (r: { id: string; courtId: string; path: string; type: string; fullName: string; shortName: string | null; sortOrder: number }): OrgInfo => ({
  id: r.id, courtId: r.courtId, path: r.path, type: r.type, name: r.shortName ?? r.fullName, sortOrder: r.sortOrder,
});

export async function orgsById(db: DbOrTx, ids: string[]): Promise<Map<string, OrgInfo>> {
  if (!ids.length) return new Map();
  const rows = await db.select(orgColumns).from(partyOrgs).where(inArray(partyOrgs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, toOrgInfo(r)]));
}

/** The court's branches (党支部, 党总支), in the org tree's order. */
export async function branchesOfCourt(db: DbOrTx, courtId: string): Promise<OrgInfo[]> {
  const rows = await db.select(orgColumns).from(partyOrgs).where(and(eq(partyOrgs.courtId, courtId), eq(partyOrgs.type, 'branch'), isNull(partyOrgs.dissolvedOn))).orderBy(asc(partyOrgs.sortOrder), asc(partyOrgs.path));
  return rows.map(toOrgInfo);
}

/** Rounds of these courts or under these org paths (the caller's reading scope), optionally one year. */
export async function roundsInScope(db: DbOrTx, scope: { courtIds: string[]; orgPaths: { courtId: string; path: string }[] }, year?: number, orgId?: string): Promise<RoundRow[]> {
  const where = [];
  for (const c of scope.courtIds) where.push(eq(rounds.courtId, c));
  for (const p of scope.orgPaths) where.push(and(eq(rounds.courtId, p.courtId), sql`${rounds.orgPath} like ${p.path.replace(/[\\%_]/g, (m) => `\\${m}`) + '%'}`)!);
  if (!where.length) return [];
  const conds = [or(...where)!];
  if (year) conds.push(eq(rounds.year, year));
  if (orgId) conds.push(eq(rounds.orgId, orgId));
  return db.select().from(rounds).where(and(...conds)).orderBy(sql`${rounds.year} desc`, asc(rounds.orgPath));
}
