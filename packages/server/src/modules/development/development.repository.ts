import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';
import type { Actor } from '../../policy/actor';

const { developmentCases, developmentSteps, members, partyOrgs, files } = schema;

/** The cases an actor may read, as one condition: court-wide for the party office, subtrees for branches. */
export function caseScopeCondition(actor: Actor): SQL | null {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (g.role === 'courtAdmin' && g.courtId) parts.push(eq(developmentCases.courtId, g.courtId));
    else if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.courtId && g.orgPath)
      parts.push(and(eq(developmentCases.courtId, g.courtId), like(developmentCases.orgPath, `${g.orgPath}%`))!);
  }
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

const caseColumns = {
  row: developmentCases,
  memberName: members.name,
  gender: members.gender,
  birthDate: members.birthDate,
  idNumberMasked: members.idNumberMasked,
  memberStatus: members.status,
  memberVersion: members.version,
  orgName: partyOrgs.name,
  total: sql<number>`count(*) over ()`.mapWith(Number),
};

export async function listCases(db: DbOrTx, where: SQL, page: { limit: number; offset: number }) {
  return db
    .select(caseColumns)
    .from(developmentCases)
    .innerJoin(members, eq(members.id, developmentCases.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, developmentCases.orgId))
    .where(where)
    .orderBy(asc(developmentCases.nextDueOn), desc(developmentCases.applicationDate), asc(members.name))
    .limit(page.limit)
    .offset(page.offset);
}
export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

export async function findCase(db: DbOrTx, id: string) {
  return (
    await db
      .select(caseColumns)
      .from(developmentCases)
      .innerJoin(members, eq(members.id, developmentCases.memberId))
      .innerJoin(partyOrgs, eq(partyOrgs.id, developmentCases.orgId))
      .where(eq(developmentCases.id, id))
  )[0];
}

export async function findCaseByMember(db: DbOrTx, memberId: string) {
  return (await db.select({ id: developmentCases.id }).from(developmentCases).where(eq(developmentCases.memberId, memberId)))[0];
}

export async function stepsOf(db: DbOrTx, caseIds: string[]) {
  if (!caseIds.length) return [];
  return db
    .select({ step: developmentSteps, approvingOrgName: partyOrgs.name })
    .from(developmentSteps)
    .leftJoin(partyOrgs, eq(partyOrgs.id, developmentSteps.approvingOrgId))
    .where(inArray(developmentSteps.caseId, caseIds))
    .orderBy(asc(developmentSteps.doneOn), asc(developmentSteps.step), asc(developmentSteps.createdAt));
}
export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

export async function findMember(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: members.id, courtId: members.courtId, orgId: members.orgId, orgPath: members.orgPath, name: members.name, status: members.status, birthDate: members.birthDate, version: members.version })
      .from(members)
      .where(eq(members.id, id))
  )[0];
}

export async function peopleByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: members.id, name: members.name, status: members.status, courtId: members.courtId }).from(members).where(inArray(members.id, ids));
}

export async function findOrg(db: DbOrTx, id: string) {
  return (await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, parentId: partyOrgs.parentId, name: partyOrgs.name }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0];
}

export async function filesOf(db: DbOrTx, stepIds: string[]) {
  if (!stepIds.length) return [];
  return db
    .select({ id: files.id, ownerId: files.ownerId, fileName: files.fileName, size: files.size })
    .from(files)
    .where(and(eq(files.ownerType, 'developmentStep'), inArray(files.ownerId, stepIds)))
    .orderBy(asc(files.createdAt));
}

export async function findFile(db: DbOrTx, id: string) {
  return (await db.select().from(files).where(eq(files.id, id)))[0];
}

export async function findStep(db: DbOrTx, id: string) {
  return (await db.select().from(developmentSteps).where(eq(developmentSteps.id, id)))[0];
}

/** 正式党员 of the branch (its subtree): who has a vote at a 支部大会 before approved exclusions. */
export async function votingMemberIds(db: DbOrTx, courtId: string, orgPath: string): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.courtId, courtId), like(members.orgPath, `${orgPath}%`), eq(members.status, 'fullMember')));
  return rows.map((r) => r.id);
}
