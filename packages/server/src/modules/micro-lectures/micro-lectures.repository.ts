import { and, asc, eq, gte, inArray, isNull, lte, lt, or } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';
import type { IsoDate } from '@zhibu/domain';

const { partyOrgs, members, committeePositions, microLectureSlots, users, roleGrants } = schema;

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function findMember(db: DbOrTx, id: string) {
  return (await db.select({ id: members.id, courtId: members.courtId, orgPath: members.orgPath }).from(members).where(eq(members.id, id)))[0];
}

/** Members organized directly in the branch (all statuses: the rule decides who is scheduled). */
export async function listOrgMembers(db: DbOrTx, orgId: string) {
  return db
    .select({ id: members.id, name: members.name, status: members.status, birthDate: members.birthDate })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.status, ['probationaryMember', 'fullMember'])))
    .orderBy(asc(members.name));
}

/** Committee posts held on `day`; the secretary also from the account's 支部书记 grant. */
export async function listCommittee(db: DbOrTx, orgId: string, day: IsoDate) {
  const [positions, secretaryAccounts] = await Promise.all([
    db
      .select({ memberId: committeePositions.memberId, post: committeePositions.post })
      .from(committeePositions)
      .where(and(eq(committeePositions.orgId, orgId), lte(committeePositions.startOn, day), or(isNull(committeePositions.endOn), gte(committeePositions.endOn, day)))),
    db
      .select({ memberId: users.memberId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.orgId, orgId), eq(roleGrants.role, 'branchSecretary'))),
  ]);
  const secretaries = new Set(positions.filter((p) => p.post === 'secretary').map((p) => p.memberId));
  for (const s of secretaryAccounts) if (s.memberId) secretaries.add(s.memberId);
  return { secretaries, committee: new Set(positions.map((p) => p.memberId)) };
}

export async function listSlots(db: DbOrTx, orgId: string, from?: IsoDate, to?: IsoDate) {
  return db
    .select({ slot: microLectureSlots, memberName: members.name })
    .from(microLectureSlots)
    .innerJoin(members, eq(members.id, microLectureSlots.memberId))
    .where(and(eq(microLectureSlots.orgId, orgId), from ? gte(microLectureSlots.slotDate, from) : undefined, to ? lte(microLectureSlots.slotDate, to) : undefined))
    .orderBy(asc(microLectureSlots.slotDate));
}

/** Earlier talks of the branch, so a new schedule continues the rotation. */
export async function listHistory(db: DbOrTx, orgId: string, before: IsoDate) {
  return db
    .select({ memberId: microLectureSlots.memberId, date: microLectureSlots.slotDate })
    .from(microLectureSlots)
    .where(and(eq(microLectureSlots.orgId, orgId), lt(microLectureSlots.slotDate, before)));
}

export async function deleteFutureSlots(db: DbOrTx, orgId: string, from: IsoDate) {
  return db.delete(microLectureSlots).where(and(eq(microLectureSlots.orgId, orgId), gte(microLectureSlots.slotDate, from))).returning();
}


