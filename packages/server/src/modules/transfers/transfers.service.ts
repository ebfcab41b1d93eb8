// 组织关系转接 (RULES.md §5). A transfer is sent by the member's branch; while in transit the member
// stays where they are and the sending branch stays responsible (教育管理条例 第二十五条). The
// receiving branch accepts — in the same transaction the member moves: within the court the record
// moves to the new branch; across courts the old court's record becomes 已转出 (its history stays
// with it) and the receiving court gets the member's record — or returns it with a reason. A letter
// out of the platform ends with its 回执. The transfer row is updated first, conditionally on its
// version and state, so two people accepting at once end in one move and one conflict.
import { and, asc, desc, eq, ilike, inArray, max, or, sql } from 'drizzle-orm';
import type { createTransferRequest, decideTransferRequest, Transfer, transferListQuery, z } from '@zhibu/contracts';
import {
  checkTransferDecision,
  formatLetterNumber,
  isActiveMember,
  isDateAfter,
  letterValidUntil,
  todayInShanghai,
  transferKindLabels,
  transferKindOf,
  transferRule,
  transferStateLabels,
  type MemberStatus,
  type TransferKind,
  type TransferState,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { escapeLike } from '../../lib/like';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { isUniqueViolation } from '../members/member-record';
import { transfersPolicy as policy } from './transfers.policy';

const { memberTransfers, members, partyOrgs, courts, memberStatusHistory, committeePositions } = schema;
type Row = typeof memberTransfers.$inferSelect;
type OrgInfo = { id: string; courtId: string; path: string; name: string; shortName: string | null; type: string };

async function orgsById(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, OrgInfo>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName, type: partyOrgs.type })
    .from(partyOrgs)
    .where(inArray(partyOrgs.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

async function courtNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: courts.id, name: courts.name }).from(courts).where(inArray(courts.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const orgLabel = (o: OrgInfo | undefined) => (o ? (o.shortName ?? o.name) : '');

async function toViews(db: DbOrTx, actor: Actor, rows: Row[], today: string): Promise<Transfer[]> {
  const orgs = await orgsById(db, rows.flatMap((r) => [r.fromOrgId, r.toOrgId]));
  const names = await courtNames(db, rows.flatMap((r) => [r.courtId, r.toCourtId]));
  return rows.map((r) => {
    const from = orgs.get(r.fromOrgId);
    const to = r.toOrgId ? orgs.get(r.toOrgId) : undefined;
    const state = r.state as TransferState;
    return {
      id: r.id,
      kind: r.kind as TransferKind,
      kindLabel: transferKindLabels[r.kind as TransferKind],
      state,
      stateLabel: transferStateLabels[state],
      memberId: r.memberId,
      memberName: r.memberName,
      fromCourtId: r.courtId,
      fromCourtName: names.get(r.courtId) ?? '',
      fromOrgId: r.fromOrgId,
      fromOrgName: orgLabel(from),
      toCourtId: r.toCourtId,
      toCourtName: r.toCourtId ? (names.get(r.toCourtId) ?? '') : null,
      toOrgId: r.toOrgId,
      toOrgName: to ? orgLabel(to) : null,
      toUnitName: r.toUnitName,
      reason: r.reason,
      duesPaidTo: r.duesPaidTo,
      letterNo: r.letterNo,
      issuedOn: r.issuedOn,
      validUntil: r.validUntil,
      expired: state === 'inTransit' && isDateAfter(today, r.validUntil),
      sentByName: r.sentByName,
      sentAt: r.createdAt.toISOString(),
      decidedByName: r.decidedByName,
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
      decisionNote: r.decisionNote,
      isSender: !!from && policy.isSender(actor, from),
      isReceiver: policy.isReceiver(actor, to),
      rule: transferRule,
      version: r.version,
    };
  });
}

/** A transfer the caller handles on either side; anyone else gets 404 (it carries personal data). */
async function loadHandled(db: DbOrTx, actor: Actor, id: string) {
  const row = found((await db.select().from(memberTransfers).where(eq(memberTransfers.id, id)))[0]);
  const orgs = await orgsById(db, [row.fromOrgId, row.toOrgId]);
  const from = orgs.get(row.fromOrgId)!;
  const to = row.toOrgId ? orgs.get(row.toOrgId) : undefined;
  const isSender = policy.isSender(actor, from);
  const isReceiver = policy.isReceiver(actor, to);
  if (!isSender && !isReceiver) throw new AppError('NOT_FOUND');
  return { row, from, to, isSender, isReceiver };
}

export async function getTransfer(deps: Deps, actor: Actor, id: string): Promise<Transfer> {
  const { row } = await loadHandled(deps.db, actor, id);
  return (await toViews(deps.db, actor, [row], todayInShanghai(deps.now())))[0]!;
}

export async function listTransfers(deps: Deps, actor: Actor, q: z.infer<typeof transferListQuery>): Promise<{ items: Transfer[]; total: number }> {
  const courtIds = [...new Set(actor.grants.filter((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary').map((g) => g.courtId).filter((x): x is string => !!x))];
  if (!courtIds.length) return { items: [], total: 0 };
  const conds = [or(inArray(memberTransfers.courtId, courtIds), inArray(memberTransfers.toCourtId, courtIds))!];
  if (q.state) conds.push(eq(memberTransfers.state, q.state));
  // A court sends and receives a few dozen transfers a year: load them, keep what the caller handles.
  const rows = await deps.db.select().from(memberTransfers).where(and(...conds)).orderBy(desc(memberTransfers.createdAt));
  const views = await toViews(deps.db, actor, rows, todayInShanghai(deps.now()));
  const kept = views.filter((v) => (q.box === 'outbox' ? v.isSender : q.box === 'inbox' ? v.isReceiver : v.isSender || v.isReceiver));
  const start = (q.page - 1) * q.pageSize;
  return { items: kept.slice(start, start + q.pageSize), total: kept.length };
}

/** Branches on the platform by name (any court), for choosing where a member goes. Names only. */
export async function listDestinations(deps: Deps, actor: Actor, q: string) {
  forbidIf(!actor.grants.some((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary'));
  const like = `%${escapeLike(q)}%`;
  const rows = await deps.db
    .select({ id: partyOrgs.id, name: partyOrgs.name, shortName: partyOrgs.shortName, courtId: partyOrgs.courtId, courtName: courts.name })
    .from(partyOrgs)
    .innerJoin(courts, eq(courts.id, partyOrgs.courtId))
    .where(and(inArray(partyOrgs.type, ['branch', 'generalBranch']), or(ilike(partyOrgs.name, like), ilike(partyOrgs.shortName, like), ilike(courts.name, like))))
    .orderBy(asc(courts.sortOrder), asc(courts.name), asc(partyOrgs.path))
    .limit(30);
  return { items: rows, total: rows.length };
}

export async function sendTransfer(deps: Deps, actor: Actor, input: z.infer<typeof createTransferRequest>): Promise<Transfer> {
  const member = (await deps.db.select().from(members).where(eq(members.id, input.memberId)))[0];
  const fromOrg = member ? (await orgsById(deps.db, [member.orgId])).get(member.orgId) : undefined;
  // A member the caller does not manage is unknown to them.
  if (!member || !fromOrg || !policy.send(actor, fromOrg)) throw invalidField('memberId', '党员不存在或不在您的管理范围内');
  if (!isActiveMember(member.status as MemberStatus)) throw invalidField('memberId', '该党员当前不在册（已转出、停止党籍或已去世），不能转接');
  let toOrg: OrgInfo | undefined;
  if (input.toOrgId) {
    toOrg = (await orgsById(deps.db, [input.toOrgId])).get(input.toOrgId);
    if (!toOrg || (toOrg.type !== 'branch' && toOrg.type !== 'generalBranch')) throw invalidField('toOrgId', '接收党组织应为平台内的党支部或党总支');
    if (toOrg.id === member.orgId) throw invalidField('toOrgId', '接收党组织与所在党组织相同');
  } else if (!input.toUnitName) {
    throw invalidField('toUnitName', '转出平台时请填写接收单位党组织名称');
  }
  const kind = transferKindOf(member.courtId, toOrg?.courtId ?? null);
  const today = todayInShanghai(deps.now());
  const settings = (await getRuleConfig(deps.db, member.courtId)).transfer;
  const year = Number(today.slice(0, 4));
  try {
    const id = await deps.db.transaction(async (tx) => {
      // The next number of the year; the unique index refuses a number taken meanwhile.
      const last = (await tx.select({ n: max(memberTransfers.letterSeq) }).from(memberTransfers).where(and(eq(memberTransfers.courtId, member.courtId), eq(memberTransfers.letterYear, year))))[0]?.n ?? 0;
      const seq = Number(last) + 1;
      const row = {
        id: newId(),
        courtId: member.courtId,
        memberId: member.id,
        memberName: member.name,
        fromOrgId: member.orgId,
        kind,
        toCourtId: toOrg?.courtId ?? null,
        toOrgId: toOrg?.id ?? null,
        toUnitName: toOrg ? null : (input.toUnitName ?? null),
        reason: input.reason,
        duesPaidTo: input.duesPaidTo,
        letterNo: formatLetterNumber(settings.letterPrefix, year, seq),
        letterYear: year,
        letterSeq: seq,
        issuedOn: today,
        validUntil: letterValidUntil(today, settings.letterValidityDays),
        sentBy: actor.userId,
        sentByName: actor.displayName,
      };
      await tx.insert(memberTransfers).values(row);
      await appendAudit(tx, auditActorOf(actor), {
        action: 'transfer.send',
        entity: 'transfer',
        entityId: row.id,
        courtId: row.courtId,
        after: { memberId: row.memberId, memberName: row.memberName, kind, fromOrgId: row.fromOrgId, toOrgId: row.toOrgId, toUnitName: row.toUnitName, letterNo: row.letterNo, validUntil: row.validUntil },
      });
      return row.id;
    });
    return getTransfer(deps, actor, id);
  } catch (err) {
    if (isUniqueViolation(err)) {
      const open = (await deps.db.select({ id: memberTransfers.id }).from(memberTransfers).where(and(eq(memberTransfers.memberId, member.id), eq(memberTransfers.state, 'inTransit'))))[0];
      if (open) throw new AppError('DUPLICATE', `${member.name}已有在途的组织关系转接，须接收、退回或撤回后才能再次转接`, [{ field: 'memberId', message: '已有在途的转接' }]);
      throw new AppError('VERSION_CONFLICT', '介绍信编号被同时占用，请重试');
    }
    throw err;
  }
}

export async function decideTransfer(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decideTransferRequest>): Promise<Transfer> {
  const { row, to, isSender, isReceiver } = await loadHandled(deps.db, actor, id);
  const { decision } = input;
  // The sending side withdraws and records the 回执; the receiving side accepts or returns.
  forbidIf((decision === 'cancel' || decision === 'complete') && !isSender);
  forbidIf((decision === 'accept' || decision === 'return') && !isReceiver);
  const today = todayInShanghai(deps.now());
  const problem = checkTransferDecision({ state: row.state as TransferState, kind: row.kind as TransferKind, decision, today, validUntil: row.validUntil });
  // Someone handled it first (accepted, returned, withdrawn): a conflict, like a stale version.
  if (problem && row.state !== 'inTransit') throw new AppError('VERSION_CONFLICT', problem);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ field: 'decision', message: problem }]);
  if (decision === 'return' && !input.note) throw invalidField('note', '退回须说明理由（不得无故拒接）');
  assertVersion(row.version, input.version);
  const now = deps.now();
  const nextState: TransferState = decision === 'accept' ? 'accepted' : decision === 'return' ? 'returned' : decision === 'cancel' ? 'cancelled' : 'completed';
  const who = auditActorOf(actor);
  try {
    await deps.db.transaction(async (tx) => {
      const moved = await tx
        .update(memberTransfers)
        .set({ state: nextState, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now, decisionNote: input.note ?? null, version: row.version + 1, updatedAt: now })
        .where(and(eq(memberTransfers.id, id), eq(memberTransfers.version, row.version), eq(memberTransfers.state, 'inTransit')))
        .returning({ id: memberTransfers.id });
      if (!moved.length) throw new AppError('VERSION_CONFLICT', '该转接已被他人办理，请刷新后查看');
      let receivedMemberId: string | null = null;
      let endedPosts: string[] = [];
      if (decision === 'accept' || decision === 'complete') endedPosts = await endCommitteePosts(tx, row.memberId, today);
      if (decision === 'accept') receivedMemberId = await moveMember(tx, row, to!, today, actor.userId);
      if (decision === 'complete') await markTransferredOut(tx, row, today, actor.userId, `组织关系转出至${row.toUnitName ?? ''}（${row.letterNo}，回执已收）`);
      if (receivedMemberId) await tx.update(memberTransfers).set({ receivedMemberId }).where(eq(memberTransfers.id, id));
      await appendAudit(tx, who, {
        action: `transfer.${decision}`,
        entity: 'transfer',
        entityId: id,
        courtId: decision === 'accept' || decision === 'return' ? (row.toCourtId ?? row.courtId) : row.courtId,
        before: { state: row.state },
        after: { state: nextState, note: input.note ?? null, receivedMemberId, endedCommitteePosts: endedPosts },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE', '接收法院的名册中已有该党员（在册），不能重复接收；请退回并说明情况');
    throw err;
  }
  return getTransfer(deps, actor, id);
}

/**
 * A member who leaves the branch leaves its committee: their posts there end on the day the move
 * takes effect (the branch then sees the vacancy and holds a 补选, RULES.md §2). Every post the
 * moving record holds is in the sending court's orgs, since a member sits on committees of the court
 * they are in. Returns the posts ended, for the transfer's audit entry.
 */
async function endCommitteePosts(tx: DbOrTx, memberId: string, today: string): Promise<string[]> {
  const ended = await tx
    .update(committeePositions)
    .set({ endOn: today, version: sql`${committeePositions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(committeePositions.memberId, memberId), sql`(${committeePositions.endOn} is null or ${committeePositions.endOn} > ${today})`))
    .returning({ id: committeePositions.id, post: committeePositions.post });
  return ended.map((p) => p.post);
}

async function markTransferredOut(tx: DbOrTx, row: Row, today: string, userId: string, reason: string) {
  const m = found((await tx.select().from(members).where(eq(members.id, row.memberId)))[0]);
  await tx.update(members).set({ status: 'transferredOut', groupId: null, version: m.version + 1, updatedAt: sql`now()` }).where(eq(members.id, m.id));
  await tx.insert(memberStatusHistory).values({ id: newId(), courtId: m.courtId, memberId: m.id, fromStatus: m.status, toStatus: 'transferredOut', changedOn: today, reason, changedBy: userId });
}

/**
 * Moves the member to the receiving branch (RULES.md §5: a member is in exactly one branch). Within
 * the court the record moves; across courts the old record becomes 已转出 and the receiving court
 * gets the member (a former record of the same person there, 已转出 earlier, is taken up again).
 * Returns the member's id in the receiving court.
 */
async function moveMember(tx: DbOrTx, row: Row, to: OrgInfo, today: string, userId: string): Promise<string> {
  const m = found((await tx.select().from(members).where(eq(members.id, row.memberId)))[0]);
  if (row.kind === 'withinCourt') {
    await tx.update(members).set({ orgId: to.id, orgPath: to.path, groupId: null, version: m.version + 1, updatedAt: sql`now()` }).where(eq(members.id, m.id));
    return m.id;
  }
  const fromCourt = (await courtNames(tx, [m.courtId])).get(m.courtId) ?? '';
  await markTransferredOut(tx, row, today, userId, `组织关系转往${(await courtNames(tx, [to.courtId])).get(to.courtId) ?? ''}${to.shortName ?? to.name}（${row.letterNo}）`);
  const carried = {
    orgId: to.id,
    orgPath: to.path,
    groupId: null,
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    idNumberEnc: m.idNumberEnc,
    idNumberHash: m.idNumberHash,
    idNumberMasked: m.idNumberMasked,
    phoneEnc: m.phoneEnc,
    phoneHash: m.phoneHash,
    phoneMasked: m.phoneMasked,
    education: m.education,
    // 庭室 and post belong to the old court.
    departmentId: null,
    position: m.position,
    jobTitle: null,
    joinedOn: m.joinedOn,
    fullMemberSince: m.fullMemberSince,
    status: m.status,
    isRetired: m.isRetired,
  };
  const former = (await tx.select().from(members).where(and(eq(members.courtId, to.courtId), eq(members.idNumberHash, m.idNumberHash))))[0];
  const reason = `自${fromCourt}转入（${row.letterNo}）`;
  if (former) {
    if (isActiveMember(former.status as MemberStatus)) throw new AppError('DUPLICATE', '接收法院的名册中已有该党员（在册），不能重复接收；请退回并说明情况');
    await tx.update(members).set({ ...carried, version: former.version + 1, updatedAt: sql`now()` }).where(eq(members.id, former.id));
    await tx.insert(memberStatusHistory).values({ id: newId(), courtId: to.courtId, memberId: former.id, fromStatus: former.status, toStatus: m.status, changedOn: today, reason, changedBy: userId });
    return former.id;
  }
  const id = newId();
  await tx.insert(members).values({ id, courtId: to.courtId, ...carried, note: null });
  await tx.insert(memberStatusHistory).values({ id: newId(), courtId: to.courtId, memberId: id, fromStatus: null, toStatus: m.status, changedOn: today, reason, changedBy: userId });
  return id;
}

/** The 介绍信 (.docx) with its 回执, for the sending side; it carries the full 身份证号, so it is audited. */
export async function transferLetter(deps: Deps, actor: Actor, id: string) {
  const { row, isSender } = await loadHandled(deps.db, actor, id);
  forbidIf(!isSender);
  const m = found((await deps.db.select().from(members).where(eq(members.id, row.memberId)))[0]);
  const view = (await toViews(deps.db, actor, [row], todayInShanghai(deps.now())))[0]!;
  const idNumber = deps.crypto.decrypt(m.idNumberEnc);
  const { renderTransferLetter } = await import('./transfer-letter');
  const buffer = await renderTransferLetter({ transfer: view, member: { name: m.name, gender: m.gender, birthDate: m.birthDate, ethnicity: m.ethnicity, idNumber, status: m.status } });
  await deps.db.transaction(async (tx) => {
    await appendAudit(tx, auditActorOf(actor), { action: 'transfer.letter', entity: 'transfer', entityId: id, courtId: row.courtId, after: { letterNo: row.letterNo, memberId: row.memberId, idNumber: m.idNumberMasked } });
  });
  return { buffer, fileName: `组织关系介绍信-${m.name}-${row.letterNo}.docx`, asciiName: `transfer-letter-${row.letterYear}-${row.letterSeq}.docx` };
}
