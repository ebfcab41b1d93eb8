// Queries of 谈心谈话: the talks of branches in a year with their participants, and everything the
// coverage needs for many branches at once (rosters, committee posts, transfers in, days of leaving).
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';
import type { TalkRosterEntry } from '@zhibu/domain';

const { talks, talkParticipants, members, partyOrgs, committeePositions, memberStatusHistory, memberTransfers, courts } = schema;

const activeStatuses = ['probationaryMember', 'fullMember'];
const leftStatuses = ['transferredOut', 'deceased', 'removed', 'membershipSuspended'];

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName, type: partyOrgs.type }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function findTalk(db: DbOrTx, id: string) {
  return (await db.select().from(talks).where(eq(talks.id, id)))[0];
}

export type TalkRow = typeof talks.$inferSelect;
export type ParticipantRow = typeof talkParticipants.$inferSelect;

export async function participantsOf(db: DbOrTx, talkIds: string[]) {
  if (!talkIds.length) return [];
  return db.select().from(talkParticipants).where(inArray(talkParticipants.talkId, talkIds)).orderBy(desc(talkParticipants.isInitiator), asc(talkParticipants.memberName));
}

export async function talksOf(db: DbOrTx, orgIds: string[], from: string, to: string) {
  if (!orgIds.length) return [];
  return db.select().from(talks).where(and(inArray(talks.orgId, orgIds), gte(talks.talkedOn, from), lte(talks.talkedOn, to))).orderBy(desc(talks.talkedOn), desc(talks.createdAt));
}

/** Talks a member took part in (any branch), newest first. */
export async function talksWithMember(db: DbOrTx, memberId: string) {
  const ids = (await db.select({ id: talkParticipants.talkId }).from(talkParticipants).where(eq(talkParticipants.memberId, memberId))).map((r) => r.id);
  if (!ids.length) return [];
  return db.select().from(talks).where(inArray(talks.id, ids)).orderBy(desc(talks.talkedOn));
}

/** Members of the branch now on its roster (预备/正式党员) among the given ids. */
export async function activeMembersOf(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.orgId, orgId), inArray(members.id, ids), inArray(members.status, activeStatuses)));
}

export async function orgNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: partyOrgs.id, name: partyOrgs.name, shortName: partyOrgs.shortName }).from(partyOrgs).where(inArray(partyOrgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.shortName ?? r.name]));
}

/** The branches (type branch, not dissolved) of a court, in the tree's order. */
export async function branchesOf(db: DbOrTx, courtIds: string[]) {
  if (!courtIds.length) return [];
  return db
    .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName, courtName: courts.shortName })
    .from(partyOrgs)
    .innerJoin(courts, eq(courts.id, partyOrgs.courtId))
    .where(and(inArray(partyOrgs.courtId, courtIds), eq(partyOrgs.type, 'branch'), isNull(partyOrgs.dissolvedOn)))
    .orderBy(asc(courts.sortOrder), asc(partyOrgs.sortOrder), asc(partyOrgs.name));
}

/**
 * The rosters of branches for the coverage of a year, judged on `referenceDate`: members on the roster
 * or who left (with their day of leaving), the day they came into the branch (入党, or a transfer in
 * accepted later) and whether they hold a committee post on that day.
 */
export async function rostersOf(db: DbOrTx, orgIds: string[], referenceDate: string): Promise<Map<string, TalkRosterEntry[]>> {
  const result = new Map<string, TalkRosterEntry[]>(orgIds.map((id) => [id, []]));
  if (!orgIds.length) return result;
  const rows = await db
    .select({ id: members.id, name: members.name, orgId: members.orgId, status: members.status, joinedOn: members.joinedOn })
    .from(members)
    .where(and(inArray(members.orgId, orgIds), inArray(members.status, [...activeStatuses, ...leftStatuses])))
    .orderBy(asc(members.name));
  const ids = rows.map((r) => r.id);
  const [history, transfersIn, posts] = await Promise.all([
    ids.length
      ? db.select({ memberId: memberStatusHistory.memberId, toStatus: memberStatusHistory.toStatus, changedOn: memberStatusHistory.changedOn }).from(memberStatusHistory).where(and(inArray(memberStatusHistory.memberId, ids), inArray(memberStatusHistory.toStatus, leftStatuses)))
      : [],
    db
      .select({ memberId: memberTransfers.memberId, receivedMemberId: memberTransfers.receivedMemberId, decidedOn: sql<string>`to_char(${memberTransfers.decidedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')` })
      .from(memberTransfers)
      .where(and(inArray(memberTransfers.toOrgId, orgIds), eq(memberTransfers.state, 'accepted'))),
    db
      .select({ orgId: committeePositions.orgId, memberId: committeePositions.memberId })
      .from(committeePositions)
      .where(and(inArray(committeePositions.orgId, orgIds), lte(committeePositions.startOn, referenceDate), or(isNull(committeePositions.endOn), gte(committeePositions.endOn, referenceDate)))),
  ]);
  const leftOn = new Map<string, string>();
  for (const h of history) if (!leftOn.has(h.memberId) || h.changedOn > leftOn.get(h.memberId)!) leftOn.set(h.memberId, h.changedOn);
  const arrived = new Map<string, string>();
  for (const t of transfersIn) {
    const id = t.receivedMemberId ?? t.memberId;
    if (t.decidedOn && (!arrived.has(id) || t.decidedOn > arrived.get(id)!)) arrived.set(id, t.decidedOn);
  }
  const committee = new Set(posts.map((p) => `${p.orgId}|${p.memberId}`));
  for (const r of rows) {
    const left = leftStatuses.includes(r.status);
    // Left without a recorded day: cannot be placed in time, so not owed (never "missing").
    if (left && !leftOn.has(r.id)) continue;
    const since = [r.joinedOn, arrived.get(r.id) ?? null].filter((d): d is string => !!d).sort().pop() ?? null;
    result.get(r.orgId)!.push({ id: r.id, name: r.name, since, leftOn: left ? leftOn.get(r.id)! : null, committee: committee.has(`${r.orgId}|${r.id}`) });
  }
  // 支委 first (书记 usually sorts first by name only by chance), then members by name.
  for (const list of result.values()) list.sort((a, b) => Number(b.committee) - Number(a.committee) || a.name.localeCompare(b.name, 'zh-CN'));
  return result;
}
