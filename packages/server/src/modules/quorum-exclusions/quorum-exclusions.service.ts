// 不计入应到会人数: the branch requests (with the situation, reason and period), the higher-level org
// approves or rejects, the branch ends it when the situation ends. Only approved periods change a
// meeting's 应到会 (activities' quorum reads them through exclusionsInForceOn). @see RULES.md §1.2
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from '@zhibu/contracts';
import type { createQuorumExclusionRequest, decideQuorumExclusionRequest, endQuorumExclusionRequest, QuorumExclusion } from '@zhibu/contracts';
import {
  checkQuorumExclusionPeriod,
  isExcludedFromQuorumOn,
  isActiveMember,
  quorumExclusionCategoryLabels,
  quorumExclusionRule,
  quorumExclusionStateLabels,
  type IsoDate,
  type MemberStatus,
  type QuorumExclusionCategory,
  type QuorumExclusionState,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { quorumExclusionsPolicy as policy } from './quorum-exclusions.policy';
import * as repo from './quorum-exclusions.repository';

const { quorumExclusions } = schema;

type Listed = Awaited<ReturnType<typeof repo.listExclusions>>[number];

async function parentOf(db: DbOrTx, parentId: string | null) {
  return parentId ? await repo.findOrg(db, parentId) : undefined;
}

async function toView(db: DbOrTx, actor: Actor, x: Listed): Promise<QuorumExclusion> {
  const branch = { courtId: x.row.courtId, path: x.orgPath };
  const parent = await parentOf(db, x.parentId);
  const state = x.row.state as QuorumExclusionState;
  return {
    id: x.row.id,
    memberId: x.row.memberId,
    memberName: x.memberName,
    orgId: x.row.orgId,
    orgName: x.orgName,
    category: x.row.category as QuorumExclusionCategory,
    categoryLabel: quorumExclusionCategoryLabels[x.row.category as QuorumExclusionCategory] ?? x.row.category,
    reason: x.row.reason,
    validFrom: x.row.validFrom,
    validTo: x.row.validTo,
    state,
    stateLabel: quorumExclusionStateLabels[state],
    decisionReason: x.row.decisionReason,
    decidedAt: x.row.decidedAt ? x.row.decidedAt.toISOString() : null,
    canDecide: state === 'pending' && policy.decide(actor, parent),
    canEnd: state === 'approved' && policy.request(actor, branch),
    rule: quorumExclusionRule,
    version: x.row.version,
  };
}

async function viewById(db: DbOrTx, actor: Actor, id: string): Promise<QuorumExclusion> {
  const [x] = await repo.listExclusions(db, eq(quorumExclusions.id, id));
  return toView(db, actor, found(x));
}

/** A member's exclusions: for the member, their branch's managers and the approving org. */
export async function listForMember(deps: Deps, actor: Actor, memberId: string) {
  const member = found(await repo.findMember(deps.db, memberId));
  const branch = found(await repo.findOrg(deps.db, member.orgId));
  if (!policy.read(actor, member.id, branch, await parentOf(deps.db, branch.parentId))) throw new AppError('NOT_FOUND');
  const rows = await repo.listExclusions(deps.db, eq(quorumExclusions.memberId, memberId));
  const items = await Promise.all(rows.map((x) => toView(deps.db, actor, x)));
  return { items, total: items.length };
}

/** Requests waiting for the caller's approval (or every state, with `state`), in the caller's courts. */
export async function listForApprover(deps: Deps, actor: Actor, q: { state?: QuorumExclusionState }) {
  const courtIds = [...new Set(actor.grants.filter((g) => g.courtId && (g.role === 'courtAdmin' || g.role === 'branchSecretary')).map((g) => g.courtId!))];
  if (!courtIds.length) return { items: [], total: 0 };
  const where = and(inArray(quorumExclusions.courtId, courtIds), q.state ? eq(quorumExclusions.state, q.state) : undefined) as SQL;
  const rows = await repo.listExclusions(deps.db, where);
  const visible: QuorumExclusion[] = [];
  for (const x of rows) {
    const parent = await parentOf(deps.db, x.parentId);
    if (policy.decide(actor, parent)) visible.push(await toView(deps.db, actor, x));
  }
  return { items: visible, total: visible.length };
}

export async function requestExclusion(deps: Deps, actor: Actor, memberId: string, input: z.infer<typeof createQuorumExclusionRequest>) {
  const member = found(await repo.findMember(deps.db, memberId));
  const branch = found(await repo.findOrg(deps.db, member.orgId));
  if (!policy.read(actor, member.id, branch, await parentOf(deps.db, branch.parentId))) throw new AppError('NOT_FOUND');
  forbidIf(!policy.request(actor, branch));
  if (!isActiveMember(member.status as MemberStatus)) throw invalidField('memberId', `${member.name}不是在册党员，无需登记`);
  const problem = checkQuorumExclusionPeriod(input.validFrom, input.validTo ?? null)[0];
  if (problem) throw invalidField(problem.field, problem.message);
  if (!branch.parentId) throw invalidField('memberId', `${branch.name}没有上级党组织，无法报批`);
  return deps.db.transaction(async (tx) => {
    const row = {
      id: newId(),
      courtId: member.courtId,
      memberId: member.id,
      orgId: branch.id,
      category: input.category,
      reason: input.reason,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      state: 'pending',
      requestedBy: actor.userId,
    };
    await tx.insert(quorumExclusions).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'quorumExclusion.request', entity: 'quorumExclusion', entityId: row.id, courtId: member.courtId, after: { ...row, memberName: member.name } });
    return viewById(tx, actor, row.id);
  });
}

export async function decideExclusion(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decideQuorumExclusionRequest>) {
  const x = found(await repo.findExclusion(deps.db, id));
  const branch = found(await repo.findOrg(deps.db, x.orgId));
  const parent = await parentOf(deps.db, branch.parentId);
  if (!policy.read(actor, x.memberId, branch, parent)) throw new AppError('NOT_FOUND');
  // The higher-level org decides; the branch never approves its own request.
  forbidIf(!policy.decide(actor, parent));
  if (input.decision === 'reject' && !input.reason) throw invalidField('reason', '不予批准须填写原因');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findExclusion(tx, id));
    assertVersion(current.version, input.version);
    if (current.state !== 'pending') throw new AppError('VALIDATION_FAILED', '该申请已审批');
    const now = deps.now();
    const state = input.decision === 'approve' ? 'approved' : 'rejected';
    await tx.update(quorumExclusions).set({ state, decidedBy: actor.userId, decidedAt: now, decisionReason: input.reason ?? null, version: current.version + 1, updatedAt: now }).where(eq(quorumExclusions.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: `quorumExclusion.${input.decision}`, entity: 'quorumExclusion', entityId: id, courtId: current.courtId, before: { state: current.state }, after: { state, decisionReason: input.reason ?? null, approverOrgId: parent!.id } });
    return viewById(tx, actor, id);
  });
}

export async function endExclusion(deps: Deps, actor: Actor, id: string, input: z.infer<typeof endQuorumExclusionRequest>) {
  const x = found(await repo.findExclusion(deps.db, id));
  const branch = found(await repo.findOrg(deps.db, x.orgId));
  if (!policy.read(actor, x.memberId, branch, await parentOf(deps.db, branch.parentId))) throw new AppError('NOT_FOUND');
  forbidIf(!policy.request(actor, branch));
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findExclusion(tx, id));
    assertVersion(current.version, input.version);
    if (current.state !== 'approved') throw new AppError('VALIDATION_FAILED', '只有已批准的可以终止');
    if (input.validTo < current.validFrom) throw invalidField('validTo', '终止日期不能早于开始日期');
    if (current.validTo && input.validTo > current.validTo) throw invalidField('validTo', '终止日期不能晚于原定结束日期');
    await tx.update(quorumExclusions).set({ state: 'ended', validTo: input.validTo, decisionReason: input.reason, version: current.version + 1, updatedAt: deps.now() }).where(eq(quorumExclusions.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'quorumExclusion.end', entity: 'quorumExclusion', entityId: id, courtId: current.courtId, before: { state: current.state, validTo: current.validTo }, after: { state: 'ended', validTo: input.validTo, reason: input.reason } });
    return viewById(tx, actor, id);
  });
}

/** Members (of these) out of 应到会 at a meeting held on `date`: approved, in force that day. */
export async function exclusionsInForceOn(db: DbOrTx, memberIds: string[], date: IsoDate): Promise<Set<string>> {
  const rows = await repo.listInForce(db, memberIds);
  return new Set(rows.filter((r) => isExcludedFromQuorumOn({ state: r.state as QuorumExclusionState, validFrom: r.validFrom, validTo: r.validTo }, date)).map((r) => r.memberId));
}
