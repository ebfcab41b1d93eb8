// Queries of 选树 rounds: one query per list, counts as correlated subqueries.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { brandSelectionRounds: rounds, brandSelectionReviewers: reviewers, brandSelectionNominations: nominations, brandSelectionScores: scores, brands, partyOrgs, courts, users } = schema;

export async function listRounds(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      row: rounds,
      courtName: courts.shortName,
      nominationCount: sql<number>`(select count(*)::int from ${nominations} n where n.round_id = ${rounds.id})`,
      selectedCount: sql<number>`(select count(*)::int from ${nominations} n where n.round_id = ${rounds.id} and n.result = 'selected')`,
    })
    .from(rounds)
    .innerJoin(courts, eq(courts.id, rounds.courtId))
    .where(where)
    .orderBy(desc(rounds.year), desc(rounds.createdAt))
    .limit(200);
}

export async function findRound(db: DbOrTx, id: string) {
  return (await listRounds(db, eq(rounds.id, id)))[0];
}

/** The round row, locked for the rest of the transaction (quota and status checks see no concurrent write). */
export async function lockRound(tx: DbOrTx, id: string) {
  return (await tx.select().from(rounds).where(eq(rounds.id, id)).for('update'))[0];
}

export async function panelOf(db: DbOrTx, roundId: string) {
  return db
    .select({ userId: reviewers.userId, name: users.displayName })
    .from(reviewers)
    .innerJoin(users, eq(users.id, reviewers.userId))
    .where(eq(reviewers.roundId, roundId))
    .orderBy(asc(reviewers.createdAt), asc(users.displayName));
}

export async function nominationsOf(db: DbOrTx, where: SQL) {
  return db
    .select({
      n: nominations,
      brandName: brands.name,
      brandState: brands.state,
      brandIsMaster: brands.isMaster,
      brandOrgId: brands.orgId,
      orgName: partyOrgs.name,
      orgPath: partyOrgs.path,
    })
    .from(nominations)
    .innerJoin(brands, eq(brands.id, nominations.brandId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, brands.orgId))
    .where(where)
    .orderBy(asc(nominations.nominatedAt), asc(nominations.id));
}

export async function findNomination(db: DbOrTx, id: string) {
  return (await nominationsOf(db, eq(nominations.id, id)))[0];
}

export async function scoresOf(db: DbOrTx, nominationIds: string[]) {
  if (!nominationIds.length) return [];
  return db
    .select({ s: scores, name: users.displayName })
    .from(scores)
    .innerJoin(users, eq(users.id, scores.reviewerId))
    .where(inArray(scores.nominationId, nominationIds))
    .orderBy(asc(scores.createdAt));
}

/** Rounds a brand was nominated to, for its page. */
export async function selectionsOfBrand(db: DbOrTx, brandId: string) {
  return db
    .select({ roundId: rounds.id, roundName: rounds.name, year: rounds.year, status: rounds.status, result: nominations.result })
    .from(nominations)
    .innerJoin(rounds, eq(rounds.id, nominations.roundId))
    .where(and(eq(nominations.brandId, brandId)))
    .orderBy(desc(rounds.year));
}
