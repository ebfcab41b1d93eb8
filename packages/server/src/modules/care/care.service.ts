// 关心关爱困难党员和长期病患党员: the branch's 关怀对象 (care records with a review date), visits with the
// help given (慰问金 in fen, 送学上门, other), and the yearly 慰问金 total per branch (it feeds the 党费
// 使用 reporting: 补助生活困难的党员, 党费规定 第十九条). Sensitive: care.policy.ts decides who; every
// read of a record's details appends an audit entry (care.record.read) in the same transaction.
import { and, eq, like, type SQL } from 'drizzle-orm';
import {
  careHelpKindLabels,
  careKindLabels,
  type addCareVisitRequest,
  type CareHelpKind,
  type CareKind,
  type CareRecord,
  type CareRecordSummary,
  type createCareRecordRequest,
  type updateCareRecordRequest,
  type z,
} from '@zhibu/contracts';
import { todayInShanghai } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { carePolicy as policy } from './care.policy';
import * as repo from './care.repository';

const { careRecords, careVisits, members } = schema;
const activeStatuses = ['probationaryMember', 'fullMember'];

type Row = NonNullable<Awaited<ReturnType<typeof repo.findRecord>>>;

function summaryOf(r: Row, stats: { n: number; last: string | null } | undefined, today: string): CareRecordSummary {
  const kind = r.record.kind as CareKind;
  return {
    id: r.record.id,
    memberId: r.record.memberId,
    memberName: r.memberName,
    orgId: r.memberOrgId,
    orgName: r.orgShortName ?? r.orgName,
    kind,
    kindLabel: careKindLabels[kind],
    active: r.record.active,
    reviewOn: r.record.reviewOn,
    reviewDue: r.record.active && !!r.record.reviewOn && r.record.reviewOn <= today,
    visitCount: stats?.n ?? 0,
    lastVisitOn: stats?.last ?? null,
    version: r.record.version,
  };
}

const targetOf = (r: Row) => ({ courtId: r.memberCourtId, path: r.memberOrgPath });

/** A record the caller holds (404 otherwise: no probing whether someone has a care record). */
async function heldRecord(deps: Deps, actor: Actor, id: string) {
  const r = await repo.findRecord(deps.db, id);
  if (!r || !policy.read(actor, targetOf(r))) throw new AppError('NOT_FOUND');
  return r;
}

export async function listRecords(deps: Deps, actor: Actor, q: { orgId?: string; state: 'active' | 'closed' | 'all'; page: number; pageSize: number }) {
  const scope = repo.memberScopeSql(policy.scopeOf(actor));
  if (!scope) return { items: [], total: 0 };
  const conds: (SQL | undefined)[] = [scope];
  if (q.orgId) {
    const org = await repo.findOrg(deps.db, q.orgId);
    if (!org || !policy.read(actor, org)) throw invalidField('orgId', '找不到该党组织，或无权查看其关怀对象');
    conds.push(like(members.orgPath, `${org.path}%`));
  }
  if (q.state !== 'all') conds.push(eq(careRecords.active, q.state === 'active'));
  const { rows, total } = await repo.listRecords(deps.db, and(...conds)!, q.page, q.pageSize);
  const stats = await repo.visitStats(deps.db, rows.map((r) => r.record.id));
  const today = todayInShanghai(deps.now());
  return { items: rows.map((r) => summaryOf(r, stats.get(r.record.id), today)), total };
}

/** A record with its situation and visits. Reading it is audited (who read whose record, when). */
export async function getRecord(deps: Deps, actor: Actor, id: string): Promise<CareRecord> {
  const r = await heldRecord(deps, actor, id);
  return deps.db.transaction(async (tx) => {
    const visits = await repo.visitsOf(tx, id);
    await appendAudit(tx, auditActorOf(actor), { action: 'care.record.read', entity: 'careRecord', entityId: id, courtId: r.record.courtId, after: { memberId: r.record.memberId, memberName: r.memberName } });
    const stats = { n: visits.length, last: visits[0]?.visitedOn ?? null };
    return {
      ...summaryOf(r, stats, todayInShanghai(deps.now())),
      situation: r.record.situation,
      followUp: r.record.followUp,
      visits: visits.map((v) => ({
        id: v.id,
        visitedOn: v.visitedOn,
        visitors: v.visitors,
        helpKinds: v.helpKinds as CareHelpKind[],
        helpLabels: (v.helpKinds as CareHelpKind[]).map((k) => careHelpKindLabels[k]),
        amountFen: v.amountFen,
        note: v.note,
        version: v.version,
      })),
      moneyTotalFen: visits.reduce((s, v) => s + v.amountFen, 0),
    };
  });
}

export async function createRecord(deps: Deps, actor: Actor, input: z.infer<typeof createCareRecordRequest>) {
  const m = await repo.findMember(deps.db, input.memberId);
  // A member outside the caller's care scope is unknown to them (400 naming the field, not a hint).
  if (!m || !policy.manage(actor, { courtId: m.courtId, path: m.orgPath })) throw invalidField('memberId', '找不到该党员，或无权为其登记关怀');
  if (!activeStatuses.includes(m.status)) throw invalidField('memberId', `${m.name}不是在册党员`);
  const today = todayInShanghai(deps.now());
  if (input.reviewOn && input.reviewOn < today) throw invalidField('reviewOn', '复核日期不能早于今天');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const existing = await tx.select({ id: careRecords.id }).from(careRecords).where(and(eq(careRecords.memberId, m.id), eq(careRecords.active, true), eq(careRecords.kind, input.kind)));
    if (existing.length) throw invalidField('kind', `${m.name}已在关怀对象名单中（${careKindLabels[input.kind]}），请在原记录中登记走访`);
    const row = { id, courtId: m.courtId, memberId: m.id, orgId: m.orgId, kind: input.kind, situation: input.situation, reviewOn: input.reviewOn ?? null, followUp: input.followUp ?? null, createdBy: actor.userId };
    await tx.insert(careRecords).values(row);
    // The situation itself stays out of the audit log: the log is read by the 审计员, not the branch.
    await appendAudit(tx, auditActorOf(actor), { action: 'care.record.create', entity: 'careRecord', entityId: id, courtId: m.courtId, after: { memberId: m.id, memberName: m.name, kind: input.kind, reviewOn: row.reviewOn } });
  });
  return getRecord(deps, actor, id);
}

export async function updateRecord(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateCareRecordRequest>) {
  const r = await heldRecord(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    const current = found((await tx.select().from(careRecords).where(eq(careRecords.id, id)))[0]);
    assertVersion(current.version, input.version);
    const next = { kind: input.kind, situation: input.situation, reviewOn: input.reviewOn ?? null, followUp: input.followUp ?? null, active: input.active };
    await tx.update(careRecords).set({ ...next, version: current.version + 1, updatedAt: deps.now() }).where(eq(careRecords.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'care.record.update',
      entity: 'careRecord',
      entityId: id,
      courtId: r.record.courtId,
      before: { kind: current.kind, active: current.active, reviewOn: current.reviewOn },
      after: { kind: next.kind, active: next.active, reviewOn: next.reviewOn, memberName: r.memberName },
    });
  });
  return getRecord(deps, actor, id);
}

export async function addVisit(deps: Deps, actor: Actor, recordId: string, input: z.infer<typeof addCareVisitRequest>) {
  const r = await heldRecord(deps, actor, recordId);
  if (input.visitedOn > todayInShanghai(deps.now())) throw invalidField('visitedOn', '走访日期不能晚于今天');
  const money = input.helpKinds.includes('money');
  const amountFen = input.amountFen ?? 0;
  if (money && amountFen <= 0) throw invalidField('amountFen', '选择了慰问金，请填写金额');
  if (!money && amountFen > 0) throw invalidField('helpKinds', '填写了金额，请在帮扶内容中选择“慰问金”');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = { id, courtId: r.record.courtId, recordId, visitedOn: input.visitedOn, visitors: input.visitors, helpKinds: [...new Set(input.helpKinds)], amountFen, note: input.note ?? null, createdBy: actor.userId };
    await tx.insert(careVisits).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'care.visit.create', entity: 'careVisit', entityId: id, courtId: r.record.courtId, after: { recordId, memberName: r.memberName, visitedOn: row.visitedOn, helpKinds: row.helpKinds, amountFen } });
  });
  return getRecord(deps, actor, recordId);
}

export async function deleteVisit(deps: Deps, actor: Actor, visitId: string, version: number) {
  const v = found(await repo.findVisit(deps.db, visitId));
  const r = await heldRecord(deps, actor, v.recordId);
  await deps.db.transaction(async (tx) => {
    const current = found(await repo.findVisit(tx, visitId));
    assertVersion(current.version, version);
    await tx.delete(careVisits).where(eq(careVisits.id, visitId));
    await appendAudit(tx, auditActorOf(actor), { action: 'care.visit.delete', entity: 'careVisit', entityId: visitId, courtId: r.record.courtId, before: { recordId: v.recordId, memberName: r.memberName, visitedOn: current.visitedOn, amountFen: current.amountFen } });
  });
  return { ok: true as const };
}

/** 慰问金 of a year: per branch in the caller's scope (or under one org), and the total. */
export async function moneyTotals(deps: Deps, actor: Actor, q: { year: number; orgId?: string }) {
  const scope = repo.memberScopeSql(policy.scopeOf(actor));
  if (!scope) throw new AppError('NOT_FOUND');
  let path: string | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(deps.db, q.orgId);
    if (!org || !policy.read(actor, org)) throw new AppError('NOT_FOUND');
    path = org.path;
  }
  const rows = await repo.moneyByBranch(deps.db, scope, q.year, path);
  const items = rows.map((r) => ({ orgId: r.orgId, orgName: r.orgShortName ?? r.orgName, totalFen: Number(r.totalFen), visitCount: Number(r.visitCount) }));
  return { year: q.year, totalFen: items.reduce((s, i) => s + i.totalFen, 0), items };
}

