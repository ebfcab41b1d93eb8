// 党员示范岗 / 党员先锋队 and 优秀党员评选 (issue 5; pioneers.ts for the rules). A designation is
// proposed by the branch, approved (挂牌) or rejected by the party office, reviewed yearly by the
// office (a 不合格 review takes the 挂牌 down, as does the end of the period) and may be revoked with a
// reason. The 优秀党员 round: the office opens it (year, quota, deadline), branches nominate their own
// 正式党员 with 事迹, the office selects or not (with a reason); a selected member's individual honor
// goes into the honors registry (recordHonor) in the same transaction. Every write is audited.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type {
  addAchievementRequest,
  createDesignationRequest,
  createExcellenceRoundRequest,
  createNominationRequest,
  decideDesignationRequest,
  decideNominationRequest,
  Designation,
  designationListQuery,
  ExcellenceRound,
  Nomination,
  reviewDesignationRequest,
  z,
} from '@zhibu/contracts';
import {
  allowedDesignationActions,
  checkDesignationPeriod,
  checkDesignationTransition,
  checkModelPostLimit,
  checkNominee,
  checkQuota,
  checkReviewYear,
  designationActionBy,
  designationActionLabels,
  designationKindLabels,
  designationPhaseLabels,
  designationPhaseOn,
  excellenceQuotaModeLabels,
  honorLevelLabels,
  isActiveMember,
  isDateBefore,
  isNominationOpen,
  lastActiveDay,
  nominationStateLabels,
  reviewGradeLabels,
  reviewRevokes,
  reviewsOwed,
  todayInShanghai,
  vanguardMissionLabels,
  type DesignationActorRole,
  type DesignationKind,
  type DesignationState,
  type ExcellenceQuotaMode,
  type HonorLevel,
  type MemberStatus,
  type NominationState,
  type ReviewGrade,
  type VanguardMission,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { isUniqueViolation } from '../members/member-record';
import { recordHonor } from '../brands/honors.service';
import { pioneersPolicy as policy, publicCourtIds } from './pioneers.policy';
import * as repo from './pioneers.repository';

const { pioneerDesignations, pioneerTeamMembers, pioneerReviews, pioneerAchievements, excellenceRounds, excellenceNominations } = schema;
const orgLabel = (o: repo.OrgInfo | undefined) => (o ? (o.shortName ?? o.name) : '');
const today = (deps: Deps) => todayInShanghai(deps.now());

/** The caller's role on a designation: the office, the proposing branch, or none. */
function roleOn(actor: Actor, org: repo.OrgInfo): DesignationActorRole | null {
  if (policy.isOffice(actor, org.courtId)) return 'office';
  return policy.manage(actor, org) ? 'branch' : null;
}

// ── 示范岗 / 先锋队 ──

async function toViews(db: DbOrTx, actor: Actor, rows: repo.DesignationRow[], day: string, dueMonthOf: (courtId: string) => Promise<number>): Promise<Designation[]> {
  const orgs = await repo.orgsById(db, rows.map((r) => r.orgId));
  const names = await repo.memberNames(db, rows.map((r) => r.memberId));
  const details = await repo.designationDetails(db, rows.map((r) => r.id));
  const out: Designation[] = [];
  for (const r of rows) {
    const org = orgs.get(r.orgId)!;
    const state = r.state as DesignationState;
    const term = { state, startOn: r.startOn, endOn: r.endOn, revokedOn: r.revokedOn };
    const phase = designationPhaseOn(term, day);
    const full = policy.readAll(actor, org);
    const role = roleOn(actor, org);
    const reviews = details.reviews.get(r.id) ?? [];
    const isOffice = role === 'office';
    out.push({
      id: r.id,
      courtId: r.courtId,
      kind: r.kind as DesignationKind,
      kindLabel: designationKindLabels[r.kind as DesignationKind],
      orgId: r.orgId,
      orgName: orgLabel(org),
      name: r.name,
      postName: r.postName,
      memberId: r.memberId,
      memberName: names.get(r.memberId) ?? '',
      mission: (r.mission as VanguardMission | null) ?? null,
      missionLabel: r.mission ? vanguardMissionLabels[r.mission as VanguardMission] : null,
      commitment: r.commitment,
      teamMembers: details.team.get(r.id) ?? [],
      startOn: r.startOn,
      endOn: r.endOn,
      state,
      phase,
      phaseLabel: designationPhaseLabels[phase],
      revokedOn: r.revokedOn,
      decisionReason: full ? r.decisionReason : null,
      decidedByName: r.decidedByName,
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
      proposedByName: r.proposedByName,
      reviews: reviews.map((x) => ({ id: x.id, year: x.year, grade: x.grade as ReviewGrade, gradeLabel: reviewGradeLabels[x.grade as ReviewGrade], comment: x.comment, reviewedOn: x.reviewedOn, reviewedByName: x.reviewedByName })),
      achievements: (details.achievements.get(r.id) ?? []).map((x) => ({ id: x.id, occurredOn: x.occurredOn, content: x.content, createdByName: x.createdByName })),
      reviewsOwed: full ? reviewsOwed(term, reviews.map((x) => x.year), day, await dueMonthOf(r.courtId)) : [],
      actions: role ? allowedDesignationActions(state, role) : [],
      canReview: isOffice && state === 'approved' && !isDateBefore(day, r.startOn),
      canAddAchievement: !!role && state === 'approved' && phase !== 'expired',
      version: r.version,
    });
  }
  return out;
}

function dueMonthLoader(db: DbOrTx) {
  const cache = new Map<string, Promise<number>>();
  return (courtId: string) => {
    if (!cache.has(courtId)) cache.set(courtId, getRuleConfig(db, courtId).then((c) => c.pioneers.reviewDueMonth));
    return cache.get(courtId)!;
  };
}

/** What the caller sees: everything of the orgs whose committee they are on; elsewhere in their court, what stands today. */
async function visibleDesignations(deps: Deps, actor: Actor, q: Omit<z.infer<typeof designationListQuery>, 'page' | 'pageSize'>): Promise<Designation[]> {
  const courtIds = publicCourtIds(actor);
  if (!courtIds.length) return [];
  const rows = await repo.listDesignationRows(
    deps.db,
    and(inArray(pioneerDesignations.courtId, courtIds), q.kind ? eq(pioneerDesignations.kind, q.kind) : undefined, q.orgId ? eq(pioneerDesignations.orgId, q.orgId) : undefined),
  );
  const day = today(deps);
  const orgs = await repo.orgsById(deps.db, rows.map((r) => r.orgId));
  const kept = rows.filter((r) => {
    const phase = designationPhaseOn({ state: r.state as DesignationState, startOn: r.startOn, endOn: r.endOn, revokedOn: r.revokedOn }, day);
    if (q.activeOnly === 'true' && phase !== 'active') return false;
    if (q.phase && phase !== q.phase) return false;
    return phase === 'active' || policy.readAll(actor, orgs.get(r.orgId)!);
  });
  return toViews(deps.db, actor, kept, day, dueMonthLoader(deps.db));
}

export async function listDesignations(deps: Deps, actor: Actor, q: z.infer<typeof designationListQuery>) {
  const all = await visibleDesignations(deps, actor, q);
  const start = (q.page - 1) * q.pageSize;
  return { items: all.slice(start, start + q.pageSize), total: all.length };
}

/** A designation the caller may see (404 otherwise), with its org. */
async function loadDesignation(db: DbOrTx, actor: Actor, id: string, day: string) {
  const row = found((await db.select().from(pioneerDesignations).where(eq(pioneerDesignations.id, id)))[0]);
  const org = found(await repo.findOrg(db, row.orgId));
  const phase = designationPhaseOn({ state: row.state as DesignationState, startOn: row.startOn, endOn: row.endOn, revokedOn: row.revokedOn }, day);
  if (!policy.readAll(actor, org) && !(phase === 'active' && policy.readPublic(actor, row.courtId))) throw new AppError('NOT_FOUND');
  return { row, org };
}

export async function getDesignation(deps: Deps, actor: Actor, id: string): Promise<Designation> {
  const day = today(deps);
  const { row } = await loadDesignation(deps.db, actor, id, day);
  return (await toViews(deps.db, actor, [row], day, dueMonthLoader(deps.db)))[0]!;
}

/** The member's other model posts that stand or may stand, as spans to their last active day. */
async function otherModelPostSpans(db: DbOrTx, memberId: string, exceptId: string | null, onlyApproved: boolean) {
  const rows = await db
    .select()
    .from(pioneerDesignations)
    .where(and(eq(pioneerDesignations.memberId, memberId), eq(pioneerDesignations.kind, 'modelPost'), inArray(pioneerDesignations.state, onlyApproved ? ['approved'] : ['approved', 'proposed'])));
  return rows.filter((r) => r.id !== exceptId).map((r) => ({ startOn: r.startOn, endOn: lastActiveDay({ endOn: r.endOn, revokedOn: r.revokedOn }) }));
}

export async function proposeDesignation(deps: Deps, actor: Actor, input: z.infer<typeof createDesignationRequest>): Promise<Designation> {
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || !policy.manage(actor, org)) throw invalidField('orgId', '党组织不存在或不在您的管理范围内');
  if (org.type === 'partyGroup' || org.type === 'youthStudyGroup') throw invalidField('orgId', '示范岗、先锋队由党支部或机关党委（党总支）申报');
  const periodProblem = checkDesignationPeriod(input.startOn, input.endOn);
  // Not through invalidField: the shared label of endOn reads 离任日期 (committee terms).
  if (periodProblem) throw new AppError('VALIDATION_FAILED', periodProblem, [{ field: 'endOn', message: periodProblem }]);
  const ids = [input.memberId, ...(input.kind === 'vanguardTeam' ? (input.teamMemberIds ?? []) : [])];
  const people = new Map((await repo.findMembers(deps.db, ids)).map((m) => [m.id, m]));
  const inOrg = (id: string) => {
    const m = people.get(id);
    return !!m && m.courtId === org.courtId && m.orgPath.startsWith(org.path) && isActiveMember(m.status as MemberStatus);
  };
  const holder = people.get(input.memberId);
  if (!inOrg(input.memberId)) throw invalidField('memberId', holder && holder.courtId === org.courtId ? `${holder.name}不是${orgLabel(org)}的在册党员` : '党员不存在或不在您的管理范围内');
  const config = (await getRuleConfig(deps.db, org.courtId)).pioneers;
  let team: string[] = [];
  if (input.kind === 'modelPost') {
    if (input.mission) throw invalidField('mission', '任务方向只用于党员先锋队');
    const limit = checkModelPostLimit(input, await otherModelPostSpans(deps.db, input.memberId, null, false), config.maxActiveModelPostsPerMember);
    if (limit) throw invalidField('memberId', `${holder!.name}：${limit}`);
  } else {
    if (!input.mission) throw invalidField('mission', '请选择先锋队的任务方向（如执行攻坚、诉源治理、志愿服务）');
    const bad = (input.teamMemberIds ?? []).find((id) => !inOrg(id));
    if (bad) throw invalidField('teamMemberIds', `${people.get(bad)?.name ?? '所选党员'}不是${orgLabel(org)}的在册党员`);
    team = [...new Set([input.memberId, ...(input.teamMemberIds ?? [])])];
  }
  const row = {
    id: newId(),
    courtId: org.courtId,
    kind: input.kind,
    orgId: org.id,
    name: input.name,
    postName: input.kind === 'modelPost' ? (input.postName ?? null) : null,
    memberId: input.memberId,
    mission: input.kind === 'vanguardTeam' ? input.mission! : null,
    commitment: input.commitment,
    startOn: input.startOn,
    endOn: input.endOn,
    proposedBy: actor.userId,
    proposedByName: actor.displayName,
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(pioneerDesignations).values(row);
    if (team.length) await tx.insert(pioneerTeamMembers).values(team.map((memberId) => ({ id: newId(), courtId: org.courtId, designationId: row.id, memberId })));
    await appendAudit(tx, auditActorOf(actor), { action: 'pioneer.propose', entity: 'pioneerDesignation', entityId: row.id, courtId: row.courtId, after: { ...row, teamMemberIds: team } });
  });
  return getDesignation(deps, actor, row.id);
}

export async function decideDesignation(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decideDesignationRequest>): Promise<Designation> {
  const day = today(deps);
  const { row, org } = await loadDesignation(deps.db, actor, id, day);
  const role = roleOn(actor, org);
  const by = designationActionBy(input.action);
  // The branch never approves its own; the office does not withdraw a branch's proposal.
  if (role !== by) {
    throw new AppError('FORBIDDEN', by === 'office' ? `${designationActionLabels[input.action]}须由机关党委办理，党支部不能批准本支部的申报` : '撤回申报由申报的党支部办理');
  }
  const t = checkDesignationTransition(row.state as DesignationState, input.action, by);
  if (!t.ok) throw new AppError(row.version !== input.version ? 'VERSION_CONFLICT' : 'VALIDATION_FAILED', t.reason, [{ field: 'action', message: t.reason }]);
  if ((input.action === 'reject' || input.action === 'revoke') && !input.reason) throw invalidField('reason', input.action === 'reject' ? '不予批准须说明理由' : '撤销（摘牌）须说明理由');
  assertVersion(row.version, input.version);
  if (input.action === 'approve' && row.kind === 'modelPost') {
    const max = (await getRuleConfig(deps.db, row.courtId)).pioneers.maxActiveModelPostsPerMember;
    const limit = checkModelPostLimit(row, await otherModelPostSpans(deps.db, row.memberId, row.id, true), max);
    if (limit) throw invalidField('memberId', limit);
  }
  const now = deps.now();
  // Revoked from today; one not yet started never stands.
  const revokedOn = input.action === 'revoke' ? (isDateBefore(day, row.startOn) ? row.startOn : day) : null;
  await deps.db.transaction(async (tx) => {
    const moved = await tx
      .update(pioneerDesignations)
      .set({ state: t.next, revokedOn, decisionReason: input.reason ?? null, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now, version: row.version + 1, updatedAt: now })
      .where(and(eq(pioneerDesignations.id, id), eq(pioneerDesignations.version, row.version)))
      .returning({ id: pioneerDesignations.id });
    if (!moved.length) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, auditActorOf(actor), {
      action: `pioneer.${input.action}`,
      entity: 'pioneerDesignation',
      entityId: id,
      courtId: row.courtId,
      before: { state: row.state },
      after: { state: t.next, reason: input.reason ?? null, revokedOn },
    });
  });
  return getDesignation(deps, actor, id);
}

export async function reviewDesignation(deps: Deps, actor: Actor, id: string, input: z.infer<typeof reviewDesignationRequest>): Promise<Designation> {
  const day = today(deps);
  const { row, org } = await loadDesignation(deps.db, actor, id, day);
  if (!policy.isOffice(actor, org.courtId)) throw new AppError('FORBIDDEN', '年度考评由机关党委进行，党支部不能考评本支部的示范岗、先锋队');
  const problem = checkReviewYear({ state: row.state as DesignationState, startOn: row.startOn, endOn: row.endOn, revokedOn: row.revokedOn }, input.year, day);
  if (problem) throw invalidField('year', problem);
  assertVersion(row.version, input.version);
  const grade = input.grade;
  const revokes = reviewRevokes(grade);
  const now = deps.now();
  try {
    await deps.db.transaction(async (tx) => {
      const review = { id: newId(), courtId: row.courtId, designationId: id, year: input.year, grade, comment: input.comment ?? null, reviewedOn: day, reviewedBy: actor.userId, reviewedByName: actor.displayName };
      await tx.insert(pioneerReviews).values(review);
      // A 不合格 review takes the 挂牌 down from today.
      const set = revokes
        ? { state: 'revoked', revokedOn: day, decisionReason: `${input.year}年度考评不合格${input.comment ? `：${input.comment}` : ''}`, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now }
        : {};
      const moved = await tx
        .update(pioneerDesignations)
        .set({ ...set, version: row.version + 1, updatedAt: now })
        .where(and(eq(pioneerDesignations.id, id), eq(pioneerDesignations.version, row.version)))
        .returning({ id: pioneerDesignations.id });
      if (!moved.length) throw new AppError('VERSION_CONFLICT');
      await appendAudit(tx, auditActorOf(actor), {
        action: 'pioneer.review',
        entity: 'pioneerDesignation',
        entityId: id,
        courtId: row.courtId,
        before: { state: row.state },
        after: { year: input.year, grade, comment: review.comment, state: revokes ? 'revoked' : row.state },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE', `${input.year}年度已考评，不能重复考评`, [{ field: 'year', message: '该年度已考评' }]);
    throw err;
  }
  return getDesignation(deps, actor, id);
}

export async function addAchievement(deps: Deps, actor: Actor, id: string, input: z.infer<typeof addAchievementRequest>): Promise<Designation> {
  const day = today(deps);
  const { row, org } = await loadDesignation(deps.db, actor, id, day);
  forbidIf(!policy.manage(actor, org));
  if (row.state !== 'approved') throw invalidField('content', '只有已批准挂牌的示范岗、先锋队才能记录工作成效');
  if (input.occurredOn > day) throw invalidField('occurredOn', '日期不能晚于今天');
  if (input.occurredOn < row.startOn) throw invalidField('occurredOn', '日期不能早于挂牌起始日期');
  await deps.db.transaction(async (tx) => {
    const entry = { id: newId(), courtId: row.courtId, designationId: id, occurredOn: input.occurredOn, content: input.content, createdBy: actor.userId, createdByName: actor.displayName };
    await tx.insert(pioneerAchievements).values(entry);
    await appendAudit(tx, auditActorOf(actor), { action: 'pioneer.achievement', entity: 'pioneerDesignation', entityId: id, courtId: row.courtId, after: entry });
  });
  return getDesignation(deps, actor, id);
}

export async function designationsWorkbook(deps: Deps, actor: Actor, q: Omit<z.infer<typeof designationListQuery>, 'page' | 'pageSize'>) {
  const items = await visibleDesignations(deps, actor, q);
  const { renderDesignationsWorkbook } = await import('./pioneers-xlsx');
  const buffer = await renderDesignationsWorkbook(items, today(deps));
  const what = q.kind ? designationKindLabels[q.kind] : '党员示范岗和党员先锋队';
  return { buffer, fileName: `${what}名单-${today(deps)}.xlsx`, asciiName: `pioneers-${today(deps)}.xlsx` };
}

// ── 优秀党员评选 ──

async function roundViews(db: DbOrTx, actor: Actor, rounds: repo.RoundRow[], day: string): Promise<ExcellenceRound[]> {
  const noms = await repo.nominationsOf(db, rounds.map((r) => r.id));
  const orgs = await repo.orgsById(db, noms.map((n) => n.orgId));
  return rounds.map((r) => {
    const isOffice = policy.isOffice(actor, r.courtId);
    const mine = noms.filter((n) => n.roundId === r.id && n.state !== 'withdrawn');
    const open = r.state === 'open' && isNominationOpen(day, r.deadline);
    const visible = mine.filter((n) => n.state === 'selected' || policy.readAll(actor, orgs.get(n.orgId)!));
    const nominations: Nomination[] = visible.map((n) => {
      const org = orgs.get(n.orgId)!;
      const full = policy.readAll(actor, org);
      return {
        id: n.id,
        roundId: n.roundId,
        orgId: n.orgId,
        orgName: orgLabel(org),
        memberId: n.memberId,
        memberName: n.memberName,
        deeds: n.deeds,
        state: n.state as NominationState,
        stateLabel: nominationStateLabels[n.state as NominationState],
        decisionReason: full ? n.decisionReason : null,
        decidedOn: n.decidedOn,
        decidedByName: n.decidedByName,
        honorId: n.honorId,
        nominatedByName: n.nominatedByName,
        canDecide: isOffice && r.state === 'open' && n.state === 'nominated',
        canWithdraw: policy.manage(actor, org) && !isOffice && open && n.state === 'nominated',
        version: n.version,
      };
    });
    return {
      id: r.id,
      courtId: r.courtId,
      year: r.year,
      honorName: r.honorName,
      honorLevel: r.honorLevel as HonorLevel,
      honorLevelLabel: honorLevelLabels[r.honorLevel as HonorLevel],
      issuer: r.issuer,
      quotaMode: r.quotaMode as ExcellenceQuotaMode,
      quotaModeLabel: excellenceQuotaModeLabels[r.quotaMode as ExcellenceQuotaMode],
      quota: r.quota,
      deadline: r.deadline,
      note: r.note,
      state: r.state as 'open' | 'closed',
      nominationOpen: open,
      nominatedCount: mine.length,
      selectedCount: mine.filter((n) => n.state === 'selected').length,
      nominations,
      canManage: isOffice,
      canNominate: open && actor.grants.some((g) => (g.role === 'courtAdmin' || g.role === 'branchSecretary') && g.courtId === r.courtId),
      version: r.version,
    };
  });
}

export async function listRounds(deps: Deps, actor: Actor) {
  const rows = await repo.listRoundRows(deps.db, publicCourtIds(actor));
  const items = await roundViews(deps.db, actor, rows, today(deps));
  return { items, total: items.length };
}

async function loadRound(db: DbOrTx, actor: Actor, id: string) {
  const row = found((await db.select().from(excellenceRounds).where(eq(excellenceRounds.id, id)))[0]);
  if (!policy.readPublic(actor, row.courtId)) throw new AppError('NOT_FOUND');
  return row;
}

export async function getRound(deps: Deps, actor: Actor, id: string): Promise<ExcellenceRound> {
  const row = await loadRound(deps.db, actor, id);
  return (await roundViews(deps.db, actor, [row], today(deps)))[0]!;
}

export async function createRound(deps: Deps, actor: Actor, input: z.infer<typeof createExcellenceRoundRequest>): Promise<ExcellenceRound> {
  const courtId = input.courtId;
  if (!policy.readPublic(actor, courtId)) throw new AppError('NOT_FOUND');
  if (!policy.isOffice(actor, courtId)) throw new AppError('FORBIDDEN', '优秀党员评选由机关党委发起');
  if (input.deadline < today(deps)) throw invalidField('deadline', '推荐截止日期不能早于今天');
  const config = (await getRuleConfig(deps.db, courtId)).pioneers;
  const issuer = input.issuer ?? (await repo.topOrgName(deps.db, courtId)) ?? '机关党委';
  const row = {
    id: newId(),
    courtId,
    year: input.year,
    honorName: input.honorName ?? `${input.year}年度优秀共产党员`,
    honorLevel: input.honorLevel,
    issuer,
    quotaMode: input.quotaMode ?? config.excellenceQuota.mode,
    quota: input.quota ?? config.excellenceQuota.count,
    deadline: input.deadline,
    note: input.note ?? null,
    createdBy: actor.userId,
  };
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(excellenceRounds).values(row);
      await appendAudit(tx, auditActorOf(actor), { action: 'excellence.round.create', entity: 'excellenceRound', entityId: row.id, courtId, after: row });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE', `${input.year}年度的优秀党员评选已经发起`, [{ field: 'year', message: '该年度已有评选' }]);
    throw err;
  }
  return getRound(deps, actor, row.id);
}

export async function closeRound(deps: Deps, actor: Actor, id: string, version: number): Promise<ExcellenceRound> {
  const row = await loadRound(deps.db, actor, id);
  if (!policy.isOffice(actor, row.courtId)) throw new AppError('FORBIDDEN', '评选由机关党委结束');
  if (row.state !== 'open') throw invalidField('version', '该评选已经结束');
  assertVersion(row.version, version);
  const pending = (await repo.nominationsOf(deps.db, [id])).filter((n) => n.state === 'nominated');
  if (pending.length) throw invalidField('version', `还有${pending.length}名被推荐人未作决定（${pending.map((n) => n.memberName).join('、')}），请先逐一决定`);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const moved = await tx.update(excellenceRounds).set({ state: 'closed', closedAt: now, version: row.version + 1, updatedAt: now }).where(and(eq(excellenceRounds.id, id), eq(excellenceRounds.version, row.version))).returning({ id: excellenceRounds.id });
    if (!moved.length) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, auditActorOf(actor), { action: 'excellence.round.close', entity: 'excellenceRound', entityId: id, courtId: row.courtId, before: { state: 'open' }, after: { state: 'closed' } });
  });
  return getRound(deps, actor, id);
}

export async function nominate(deps: Deps, actor: Actor, input: z.infer<typeof createNominationRequest>): Promise<ExcellenceRound> {
  const round = (await deps.db.select().from(excellenceRounds).where(eq(excellenceRounds.id, input.roundId)))[0];
  if (!round || !policy.readPublic(actor, round.courtId)) throw invalidField('roundId', '评选不存在');
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || org.courtId !== round.courtId || !policy.manage(actor, org)) throw invalidField('orgId', '党组织不存在或不在您的管理范围内');
  if (org.type !== 'branch' && org.type !== 'generalBranch') throw invalidField('orgId', '优秀党员由党支部推荐');
  const day = today(deps);
  if (round.state !== 'open' || !isNominationOpen(day, round.deadline)) throw invalidField('roundId', `推荐已截止（截止日期${round.deadline}）`);
  const [member] = await repo.findMembers(deps.db, [input.memberId]);
  if (!member || member.courtId !== round.courtId) throw invalidField('memberId', '党员不存在或不在您的管理范围内');
  const problem = checkNominee({ status: member.status as MemberStatus, inBranch: member.orgPath.startsWith(org.path), branchName: orgLabel(org), memberName: member.name });
  if (problem) throw invalidField('memberId', problem);
  const row = { id: newId(), courtId: round.courtId, roundId: round.id, orgId: org.id, memberId: member.id, memberName: member.name, deeds: input.deeds, nominatedBy: actor.userId, nominatedByName: actor.displayName };
  try {
    await deps.db.transaction(async (tx) => {
      // The round row is locked while counting, so two nominations at once cannot both take the last place.
      await tx.select({ id: excellenceRounds.id }).from(excellenceRounds).where(eq(excellenceRounds.id, round.id)).for('update');
      if (round.quotaMode === 'perBranch') {
        const taken = (await tx.select({ id: excellenceNominations.id }).from(excellenceNominations).where(and(eq(excellenceNominations.roundId, round.id), eq(excellenceNominations.orgId, org.id), ne(excellenceNominations.state, 'withdrawn')))).length;
        const full = checkQuota('perBranch', round.quota, taken, 'nominate');
        if (full) throw invalidField('memberId', full);
      }
      await tx.insert(excellenceNominations).values(row);
      await appendAudit(tx, auditActorOf(actor), { action: 'excellence.nominate', entity: 'excellenceNomination', entityId: row.id, courtId: row.courtId, after: row });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE', `${member.name}已被推荐，不能重复推荐`, [{ field: 'memberId', message: '已被推荐' }]);
    throw err;
  }
  return getRound(deps, actor, round.id);
}

export async function decideNomination(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decideNominationRequest>): Promise<ExcellenceRound> {
  const n = found((await deps.db.select().from(excellenceNominations).where(eq(excellenceNominations.id, id)))[0]);
  const round = found((await deps.db.select().from(excellenceRounds).where(eq(excellenceRounds.id, n.roundId)))[0]);
  const org = found(await repo.findOrg(deps.db, n.orgId));
  const isOffice = policy.isOffice(actor, round.courtId);
  if (!isOffice && !policy.readAll(actor, org) && !(n.state === 'selected' && policy.readPublic(actor, round.courtId))) throw new AppError('NOT_FOUND');
  const day = today(deps);
  if (input.decision === 'withdraw') {
    forbidIf(!policy.manage(actor, org) || isOffice);
    if (n.state !== 'nominated') throw invalidField('decision', `该推荐${nominationStateLabels[n.state as NominationState]}，不能撤回`);
    if (round.state !== 'open' || !isNominationOpen(day, round.deadline)) throw invalidField('decision', '推荐已截止，不能撤回');
  } else {
    if (!isOffice) throw new AppError('FORBIDDEN', '是否当选由机关党委决定，党支部不能决定本支部的推荐');
    if (round.state !== 'open') throw invalidField('decision', '该评选已经结束');
    if (n.state !== 'nominated') throw new AppError(n.version !== input.version ? 'VERSION_CONFLICT' : 'VALIDATION_FAILED', `该推荐已决定（${nominationStateLabels[n.state as NominationState]}）`, [{ field: 'decision', message: '已决定' }]);
    if (input.decision === 'reject' && !input.reason) throw invalidField('reason', '未当选须说明理由');
  }
  assertVersion(n.version, input.version);
  const [member] = await repo.findMembers(deps.db, [n.memberId]);
  const next: NominationState = input.decision === 'select' ? 'selected' : input.decision === 'reject' ? 'notSelected' : 'withdrawn';
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (input.decision === 'select') {
      // Counted under the round's row lock: two selections at once cannot both take the last place.
      await tx.select({ id: excellenceRounds.id }).from(excellenceRounds).where(eq(excellenceRounds.id, round.id)).for('update');
      const selected = await tx
        .select({ id: excellenceNominations.id })
        .from(excellenceNominations)
        .where(and(eq(excellenceNominations.roundId, round.id), eq(excellenceNominations.state, 'selected'), round.quotaMode === 'perBranch' ? eq(excellenceNominations.orgId, n.orgId) : undefined));
      const full = checkQuota(round.quotaMode as ExcellenceQuotaMode, round.quota, selected.length, 'select');
      if (full) throw invalidField('decision', full);
    }
    // The honor and the decision land together, or not at all.
    const honorId =
      next === 'selected'
        ? await recordHonor(tx, actor, {
            courtId: round.courtId,
            kind: 'individual',
            name: round.honorName,
            level: round.honorLevel as HonorLevel,
            issuer: round.issuer,
            awardedOn: day,
            orgId: member?.orgId ?? n.orgId,
            brandId: null,
            memberId: n.memberId,
            recipientName: n.memberName,
            source: 'pioneers',
          })
        : null;
    const moved = await tx
      .update(excellenceNominations)
      .set({
        state: next,
        decisionReason: input.reason ?? null,
        ...(input.decision === 'withdraw' ? {} : { decidedOn: day, decidedBy: actor.userId, decidedByName: actor.displayName }),
        honorId,
        version: n.version + 1,
        updatedAt: now,
      })
      .where(and(eq(excellenceNominations.id, id), eq(excellenceNominations.version, n.version), eq(excellenceNominations.state, 'nominated')))
      .returning({ id: excellenceNominations.id });
    if (!moved.length) throw new AppError('VERSION_CONFLICT', '该推荐已被他人处理，请刷新后查看');
    await appendAudit(tx, auditActorOf(actor), {
      action: `excellence.${input.decision}`,
      entity: 'excellenceNomination',
      entityId: id,
      courtId: round.courtId,
      before: { state: n.state },
      after: { state: next, reason: input.reason ?? null, honorId },
    });
  });
  return getRound(deps, actor, round.id);
}
