import { and, asc, eq, gte, inArray, like, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';

const { duesBases, duesPayments, duesAdjustments, members, partyOrgs, memberStatusHistory } = schema;

/** Statuses that end a member's months in the branch (their status-history day is the last month due). */
export const leftStatuses = ['transferredOut', 'deceased', 'removed', 'membershipSuspended'];
const ledgerStatuses = ['probationaryMember', 'fullMember', ...leftStatuses];

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, parentId: partyOrgs.parentId, name: partyOrgs.name, shortName: partyOrgs.shortName, type: partyOrgs.type }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function findMember(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: members.id, courtId: members.courtId, orgId: members.orgId, orgPath: members.orgPath, name: members.name, status: members.status, joinedOn: members.joinedOn, isRetired: members.isRetired })
      .from(members)
      .where(eq(members.id, id))
  )[0];
}

export type LedgerMember = Awaited<ReturnType<typeof listLedgerMembers>>[number];

/** Members of an org subtree who may owe dues (预备/正式党员, and those who left, with their day of leaving). */
export async function listLedgerMembers(db: DbOrTx, courtId: string, path: string, memberId?: string) {
  const rows = await db
    .select({ id: members.id, name: members.name, status: members.status, joinedOn: members.joinedOn, isRetired: members.isRetired, orgId: members.orgId, orgName: partyOrgs.name, orgShortName: partyOrgs.shortName, orgSort: partyOrgs.sortOrder, orgPath: members.orgPath })
    .from(members)
    .innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .where(and(eq(members.courtId, courtId), like(members.orgPath, `${path}%`), inArray(members.status, ledgerStatuses), memberId ? eq(members.id, memberId) : undefined))
    .orderBy(asc(partyOrgs.sortOrder), asc(members.orgPath), asc(members.name));
  const leftIds = rows.filter((r) => leftStatuses.includes(r.status)).map((r) => r.id);
  const history = leftIds.length
    ? await db.select({ memberId: memberStatusHistory.memberId, toStatus: memberStatusHistory.toStatus, changedOn: memberStatusHistory.changedOn }).from(memberStatusHistory).where(inArray(memberStatusHistory.memberId, leftIds))
    : [];
  const leftOn = new Map<string, string>();
  for (const h of history) if (leftStatuses.includes(h.toStatus) && (!leftOn.has(h.memberId) || h.changedOn > leftOn.get(h.memberId)!)) leftOn.set(h.memberId, h.changedOn);
  // A member who left without a recorded day cannot be placed in time: left out of the ledger.
  return rows.filter((r) => !leftStatuses.includes(r.status) || leftOn.has(r.id)).map((r) => ({ ...r, leftOn: leftOn.get(r.id) ?? null }));
}

export async function basesOf(db: DbOrTx, memberIds: string[]) {
  if (!memberIds.length) return [];
  return db.select().from(duesBases).where(inArray(duesBases.memberId, memberIds)).orderBy(asc(duesBases.effectiveMonth));
}

export async function paymentsOf(db: DbOrTx, memberIds: string[], fromMonth: string) {
  if (!memberIds.length) return [];
  return db.select().from(duesPayments).where(and(inArray(duesPayments.memberId, memberIds), gte(duesPayments.month, fromMonth)));
}

export async function approvedAdjustmentsOf(db: DbOrTx, memberIds: string[]) {
  if (!memberIds.length) return [];
  return db.select().from(duesAdjustments).where(and(inArray(duesAdjustments.memberId, memberIds), eq(duesAdjustments.state, 'approved')));
}

export async function findPayment(db: DbOrTx, id: string) {
  return (await db.select().from(duesPayments).where(eq(duesPayments.id, id)))[0];
}

export async function findPaymentOf(db: DbOrTx, memberId: string, month: string) {
  return (await db.select().from(duesPayments).where(and(eq(duesPayments.memberId, memberId), eq(duesPayments.month, month))))[0];
}

export async function findBaseOf(db: DbOrTx, memberId: string, month: string) {
  return (await db.select().from(duesBases).where(and(eq(duesBases.memberId, memberId), eq(duesBases.effectiveMonth, month))))[0];
}

export async function findAdjustment(db: DbOrTx, id: string) {
  return (await db.select().from(duesAdjustments).where(eq(duesAdjustments.id, id)))[0];
}

export async function listAdjustments(db: DbOrTx, where: SQL) {
  return db
    .select({ row: duesAdjustments, memberName: members.name, orgName: partyOrgs.name, orgPath: partyOrgs.path, parentId: partyOrgs.parentId, courtId: partyOrgs.courtId })
    .from(duesAdjustments)
    .innerJoin(members, eq(members.id, duesAdjustments.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, duesAdjustments.orgId))
    .where(where)
    .orderBy(asc(duesAdjustments.state), asc(duesAdjustments.fromMonth))
    .limit(500);
}
