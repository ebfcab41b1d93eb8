import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { quorumExclusions, members, partyOrgs } = schema;

export type ExclusionRow = typeof quorumExclusions.$inferSelect;

export async function findExclusion(db: DbOrTx, id: string) {
  return (await db.select().from(quorumExclusions).where(eq(quorumExclusions.id, id)))[0];
}

export async function findMember(db: DbOrTx, id: string) {
  return (await db.select({ id: members.id, courtId: members.courtId, orgId: members.orgId, name: members.name, status: members.status }).from(members).where(eq(members.id, id)))[0];
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, parentId: partyOrgs.parentId, name: partyOrgs.name }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

/** Exclusions with the member's and the org's names, newest first. */
export async function listExclusions(db: DbOrTx, where: SQL) {
  return db
    .select({ row: quorumExclusions, memberName: members.name, orgName: partyOrgs.name, orgPath: partyOrgs.path, parentId: partyOrgs.parentId })
    .from(quorumExclusions)
    .innerJoin(members, eq(members.id, quorumExclusions.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, quorumExclusions.orgId))
    .where(where)
    .orderBy(desc(quorumExclusions.validFrom), asc(members.name))
    .limit(500);
}

/** Approved (or since ended) exclusions of these members, for the quorum of a meeting. */
export async function listInForce(db: DbOrTx, memberIds: string[]) {
  if (!memberIds.length) return [];
  return db
    .select({ memberId: quorumExclusions.memberId, state: quorumExclusions.state, validFrom: quorumExclusions.validFrom, validTo: quorumExclusions.validTo })
    .from(quorumExclusions)
    .where(and(inArray(quorumExclusions.memberId, memberIds), inArray(quorumExclusions.state, ['approved', 'ended'])));
}
