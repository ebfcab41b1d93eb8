// 选树 (issue 4, the fifth step): annual selection rounds of a court. The party office opens a round
// (quota [U], deadline, criteria, weights of the four standards, the honor it confers) and forms the
// panel; the brand's branch (or the office for it) nominates brands that are 培育中 or 宣传推广 with a
// statement and the year's evidence counts; panel members score every nomination except those of
// their own branch line; the office selects within the quota — the brand moves to 已选树 through
// the lifecycle machine and the honor is recorded, in one transaction — or records why not; then
// publishes. Rules: brand-selection.ts; scoring: brand-review.ts.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from '@zhibu/contracts';
import type {
  createSelectionRoundRequest,
  nominateRequest,
  brandScoreRequest,
  selectionDecisionRequest,
  selectionRoundListQuery,
  selectionRoundMoveRequest,
  SelectionNomination,
  SelectionRoundDetail,
  SelectionRoundSummary,
  updateSelectionRoundRequest,
} from '@zhibu/contracts';
import {
  brandStandardLabels,
  brandStandards,
  brandStateLabels,
  checkBrandTransition,
  checkBrandWeights,
  checkNominationEligibility,
  checkRoundMove,
  checkSelectionQuota,
  countEvidenceByYear,
  defaultBrandWeights,
  defaultSelectionHonorName,
  honorLevelLabels,
  isReviewerConflicted,
  nominationResultLabels,
  rankNominations,
  roleLabels,
  roundMoveLabels,
  selectionRoundStatusLabels,
  summarizeNomination,
  todayInShanghai,
  type BrandEvidenceKind,
  type BrandState,
  type BrandWeights,
  type HonorLevel,
  type NominationResult,
  type Role,
  type SelectionRoundStatus,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { canManageOrg, readableCourtIds } from '../../policy/scope';
import { brandsPolicy, isInsider, isOffice } from './brands.policy';
import * as brandRepo from './brands.repository';
import * as repo from './brand-selection.repository';
import { recordHonor } from './honors.service';

const { brandSelectionRounds: rounds, brandSelectionReviewers: reviewers, brandSelectionNominations: nominations, brandSelectionScores: scores, brands, brandEvents, brandEvidence } = schema;

type RoundListed = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;
type NominationRow = Awaited<ReturnType<typeof repo.nominationsOf>>[number];

function weightsOf(row: { weights: Record<string, number> }): BrandWeights {
  return row.weights as BrandWeights;
}

function toSummary(x: RoundListed): SelectionRoundSummary {
  const r = x.row;
  const status = r.status as SelectionRoundStatus;
  return {
    id: r.id,
    courtId: r.courtId,
    courtName: x.courtName,
    year: r.year,
    name: r.name,
    quota: r.quota,
    deadline: r.deadline,
    criteria: r.criteria,
    status,
    statusLabel: selectionRoundStatusLabels[status],
    weights: weightsOf(r),
    honorName: r.honorName,
    honorLevel: r.honorLevel as HonorLevel,
    honorLevelLabel: honorLevelLabels[r.honorLevel as HonorLevel] ?? r.honorLevel,
    honorIssuer: r.honorIssuer,
    nominationCount: Number(x.nominationCount),
    selectedCount: Number(x.selectedCount),
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    version: r.version,
  };
}

/** The round, if the caller may read its court (everyone of the court, higher courts' viewers); else 404. */
async function readableRound(db: DbOrTx, actor: Actor, id: string): Promise<RoundListed> {
  const r = await repo.findRound(db, id);
  if (!r || !readableCourtIds(actor).includes(r.row.courtId)) throw new AppError('NOT_FOUND');
  return r;
}

async function managedRound(db: DbOrTx, actor: Actor, id: string): Promise<RoundListed> {
  const r = await readableRound(db, actor, id);
  if (!isOffice(actor, r.row.courtId)) throw new AppError('FORBIDDEN', '选树由院机关党委（党建办）组织');
  return r;
}

export async function listRounds(deps: Deps, actor: Actor, q: z.infer<typeof selectionRoundListQuery>) {
  const courtIds = readableCourtIds(actor);
  if (!courtIds.length) return { items: [], total: 0 };
  const rows = await repo.listRounds(
    deps.db,
    and(inArray(rounds.courtId, courtIds), q.courtId ? eq(rounds.courtId, q.courtId) : undefined, q.year ? eq(rounds.year, q.year) : undefined),
  );
  const items = rows.map(toSummary);
  return { items, total: items.length };
}

type Line = Awaited<ReturnType<typeof brandRepo.reviewerLines>>[number];
const conflictedWith = (orgPath: string, line: Line | undefined) => !!line && isReviewerConflicted(orgPath, line.paths);

/** The brand's branch managers (the secretary's line) — not the office. */
const isBranchOf = (actor: Actor, courtId: string, orgPath: string) =>
  actor.grants.some((g) => g.role === 'branchSecretary' && g.courtId === courtId && !!g.orgPath && orgPath.startsWith(g.orgPath));

/** The year's evidence (activities, publicity, projects tagged to the brand), as brands count it. */
async function evidenceOfYear(db: DbOrTx, brandId: string, year: number) {
  const rows = await db
    .select({ kind: brandEvidence.kind, occurredOn: brandEvidence.occurredOn })
    .from(brandEvidence)
    .where(and(eq(brandEvidence.brandId, brandId), sql`${brandEvidence.occurredOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`));
  const row = countEvidenceByYear(rows.map((r) => ({ kind: r.kind as BrandEvidenceKind, occurredOn: r.occurredOn }))).find((y) => y.year === year);
  return { activity: row?.activity ?? 0, publicity: row?.publicity ?? 0, project: row?.project ?? 0, total: row?.total ?? 0 };
}

async function detail(deps: Deps, db: DbOrTx, actor: Actor, id: string): Promise<SelectionRoundDetail> {
  const r = await readableRound(db, actor, id);
  const row = r.row;
  const status = row.status as SelectionRoundStatus;
  const office = isOffice(actor, row.courtId);
  const insider = isInsider(actor, row.courtId);
  const published = status === 'published';
  const panel = await repo.panelOf(db, id);
  const onPanel = panel.some((p) => p.userId === actor.userId);
  const lines = await brandRepo.reviewerLines(db, panel.map((p) => p.userId));
  const all = await repo.nominationsOf(db, eq(nominations.roundId, id));
  const allScores = await repo.scoresOf(db, all.map((n) => n.n.id));
  const weights = weightsOf(row);

  // Who sees which nominations: the office and the panel all of them, a branch its own, and once
  // published everyone who may read the court (the results are the court's public record).
  const mayManageBrand = (n: NominationRow) => isBranchOf(actor, row.courtId, n.orgPath);
  const visible = all.filter((n) => office || onPanel || published || mayManageBrand(n));

  const summaries = all.map((n) => {
    const eligible = panel.filter((p) => !conflictedWith(n.orgPath, lines.find((l) => l.userId === p.userId)));
    const mine = allScores.filter((s) => s.s.nominationId === n.n.id && eligible.some((p) => p.userId === s.s.reviewerId));
    return { n, eligible, mine, sum: summarizeNomination({ eligibleReviewers: eligible.length, scores: mine.map((s) => s.s) }, weights) };
  });
  const ranked = rankNominations(summaries.map((x) => ({ id: x.n.n.id, total: x.sum.total, evidenceTotal: x.n.n.evidence.total, nominatedAt: x.n.n.nominatedAt.toISOString() })));
  const scoreView = (s: (typeof allScores)[number]) => ({
    reviewerId: s.s.reviewerId,
    reviewerName: s.name,
    theme: s.s.theme,
    substance: s.s.substance,
    distinctiveness: s.s.distinctiveness,
    integration: s.s.integration,
    comment: s.s.comment,
    updatedAt: s.s.updatedAt.toISOString(),
  });

  const nominationViews: SelectionNomination[] = visible.map((n) => {
    const x = summaries.find((s) => s.n.n.id === n.n.id)!;
    const own = mayManageBrand(n);
    // Blind until published: a reviewer sees only their own scores; the branch sees none; the
    // office sees everything. After publishing, totals and ranks for all; reviewers' names and
    // their scores for the office, the panel and the brand's branch (inside the court).
    const seeTotals = office || published;
    const seeEach = office || (published && insider && (onPanel || own || canManageOrg(actor, { courtId: row.courtId, path: n.orgPath })));
    const myLine = lines.find((l) => l.userId === actor.userId);
    const conflicted = onPanel && conflictedWith(n.orgPath, myLine);
    const myScore = x.mine.find((s) => s.s.reviewerId === actor.userId);
    const result = n.n.result as NominationResult;
    return {
      id: n.n.id,
      brandId: n.n.brandId,
      brandName: n.brandName,
      orgId: n.brandOrgId,
      orgName: n.orgName,
      brandState: n.brandState as BrandState,
      brandStateLabel: brandStateLabels[n.brandState as BrandState],
      statement: n.n.statement,
      evidence: n.n.evidence,
      nominatedByName: insider ? n.n.nominatedByName : '—',
      nominatedAt: n.n.nominatedAt.toISOString(),
      result: published || office || own ? result : 'pending',
      resultLabel: nominationResultLabels[published || office || own ? result : 'pending'],
      decisionReason: office || own ? n.n.decisionReason : null,
      decidedAt: (published || office || own) && n.n.decidedAt ? n.n.decidedAt.toISOString() : null,
      eligibleReviewers: seeTotals || onPanel ? x.eligible.length : null,
      scored: seeTotals || onPanel ? x.mine.length : null,
      means: seeTotals ? x.sum.means : null,
      total: seeTotals ? x.sum.total : null,
      complete: x.sum.complete,
      rank: seeTotals ? ranked.find((k) => k.id === n.n.id)!.rank : null,
      scores: seeEach ? x.mine.map(scoreView) : [],
      myScore: myScore ? scoreView(myScore) : null,
      conflicted,
      canScore: onPanel && !conflicted && status === 'reviewing' && result === 'pending',
      canWithdraw: status === 'collecting' && (office || own),
      canDecide: office && status === 'reviewing' && result === 'pending',
      version: n.n.version,
    };
  });
  if (office || published) nominationViews.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));

  // Brands the caller may nominate: their branch's (or, for the office, the court's) branch brands.
  const today = todayInShanghai(deps.now());
  let myBrands: SelectionRoundDetail['myBrands'] = [];
  if (status === 'collecting' && insider) {
    const candidates = await db
      .select({ b: brands, orgName: schema.partyOrgs.name, orgPath: schema.partyOrgs.path })
      .from(brands)
      .innerJoin(schema.partyOrgs, eq(schema.partyOrgs.id, brands.orgId))
      .where(and(eq(brands.courtId, row.courtId), eq(brands.isMaster, false), sql`${brands.state} not in ('draft', 'rejected')`))
      .orderBy(schema.partyOrgs.sortOrder, schema.partyOrgs.path);
    myBrands = candidates
      .filter((c) => office || isBranchOf(actor, row.courtId, c.orgPath))
      .map((c) => {
        const check = checkNominationEligibility({
          roundStatus: status,
          deadline: row.deadline,
          today,
          brand: { state: c.b.state as BrandState, isMaster: c.b.isMaster, selectedYear: c.b.selectedYear, courtId: c.b.courtId },
          roundCourtId: row.courtId,
          alreadyNominated: all.some((n) => n.n.brandId === c.b.id),
        });
        return { brandId: c.b.id, name: c.b.name, orgName: c.orgName, stateLabel: brandStateLabels[c.b.state as BrandState], eligible: check.ok, reason: check.ok ? null : check.message };
      });
  }

  let reviewerCandidates: SelectionRoundDetail['reviewerCandidates'] = [];
  if (office && status !== 'published') {
    const staff = await brandRepo.reviewerLines(db, await brandRepo.courtStaffIds(db, row.courtId));
    reviewerCandidates = staff
      .filter((u) => u.active)
      .map((u) => ({ id: u.userId, name: u.name, roleLabel: [...new Set(u.grants.filter((g) => g.courtId === row.courtId).map((g) => roleLabels[g.role as Role] ?? g.role))].join('、') }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  const seePanel = insider && (office || onPanel || published || actor.grants.some((g) => g.role === 'branchSecretary' && g.courtId === row.courtId));
  return {
    ...toSummary(r),
    panel: seePanel ? panel.map((p) => ({ userId: p.userId, name: p.name, scored: allScores.filter((s) => s.s.reviewerId === p.userId).length })) : [],
    nominations: nominationViews,
    myBrands,
    reviewerCandidates,
    canManage: office && status !== 'published',
    isReviewer: onPanel,
  };
}

export async function getRound(deps: Deps, actor: Actor, id: string) {
  return detail(deps, deps.db, actor, id);
}

/** Panel members: working roles of the court, active accounts. */
async function checkPanel(db: DbOrTx, courtId: string, ids: string[]) {
  if (!ids.length) return;
  const staff = new Set(await brandRepo.courtStaffIds(db, courtId));
  const lines = await brandRepo.reviewerLines(db, ids);
  for (const uid of ids) {
    const u = lines.find((l) => l.userId === uid);
    if (!u || !staff.has(uid) || !u.active) throw invalidField('reviewerIds', '评审组成员应为本院在岗的党务工作人员');
  }
}

function checkWeights(w: BrandWeights) {
  const problems = checkBrandWeights(w);
  if (problems.length) throw invalidField(problems[0]!.field, problems[0]!.message);
}

export async function createRound(deps: Deps, actor: Actor, input: z.infer<typeof createSelectionRoundRequest>) {
  const courtId = input.courtId ?? actor.courtId;
  if (!courtId || !readableCourtIds(actor).includes(courtId)) throw invalidField('courtId', '法院不存在或不在您的管理范围内');
  forbidIf(!isOffice(actor, courtId));
  const today = todayInShanghai(deps.now());
  if (input.deadline < today) throw invalidField('deadline', '推荐截止日期不能早于今天');
  const weights = input.weights ?? defaultBrandWeights;
  checkWeights(weights);
  const ids = [...new Set(input.reviewerIds ?? [])];
  await checkPanel(deps.db, courtId, ids);
  const [top] = await deps.db.select({ name: schema.partyOrgs.name }).from(schema.partyOrgs).where(and(eq(schema.partyOrgs.courtId, courtId), isNull(schema.partyOrgs.parentId)));
  return deps.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.courtId, courtId), eq(rounds.name, input.name)));
    if (dup) throw invalidField('name', `已有名为“${input.name}”的选树`);
    const now = deps.now();
    const row = {
      id: newId(),
      courtId,
      year: input.year,
      name: input.name,
      quota: input.quota,
      deadline: input.deadline,
      criteria: input.criteria ?? null,
      status: 'collecting',
      weights,
      honorName: input.honorName || defaultSelectionHonorName(input.year),
      honorLevel: input.honorLevel ?? 'court',
      honorIssuer: input.honorIssuer || top?.name || '机关党委',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(rounds).values(row);
    if (ids.length) await tx.insert(reviewers).values(ids.map((userId) => ({ id: newId(), courtId, roundId: row.id, userId, createdAt: now })));
    await appendAudit(tx, auditActorOf(actor), { action: 'brandSelection.create', entity: 'brandSelectionRound', entityId: row.id, courtId, after: { ...row, reviewerIds: ids } });
    return detail(deps, tx, actor, row.id);
  });
}

export async function updateRound(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateSelectionRoundRequest>) {
  const r = await managedRound(deps.db, actor, id);
  const courtId = r.row.courtId;
  const weights = input.weights ?? weightsOf(r.row);
  checkWeights(weights);
  const ids = input.reviewerIds ? [...new Set(input.reviewerIds)] : undefined;
  if (ids) await checkPanel(deps.db, courtId, ids);
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.lockRound(tx, id));
    assertVersion(current.version, input.version);
    if (current.status === 'published') throw new AppError('VALIDATION_FAILED', '选树结果已公布，不能再修改');
    const all = await repo.nominationsOf(tx, eq(nominations.roundId, id));
    const given = await repo.scoresOf(tx, all.map((n) => n.n.id));
    if (given.length && brandStandards.some((k) => weights[k] !== weightsOf(current)[k])) throw invalidField('weights', '已有评审打分，不能再修改评分权重');
    const selected = all.filter((n) => n.n.result === 'selected').length;
    if (input.quota < selected) throw invalidField('quota', `本轮已选树${selected}个品牌，名额不能少于${selected}个`);
    const [dup] = await tx.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.courtId, courtId), eq(rounds.name, input.name), sql`${rounds.id} <> ${id}`));
    if (dup) throw invalidField('name', `已有名为“${input.name}”的选树`);
    const before = await repo.panelOf(tx, id);
    if (ids) {
      const dropped = given.find((s) => !ids.includes(s.s.reviewerId));
      if (dropped) throw invalidField('reviewerIds', `${dropped.name}已评分，不能移出评审组`);
      const removed = before.filter((p) => !ids.includes(p.userId)).map((p) => p.userId);
      if (removed.length) await tx.delete(reviewers).where(and(eq(reviewers.roundId, id), inArray(reviewers.userId, removed)));
      const added = ids.filter((uid) => !before.some((p) => p.userId === uid));
      if (added.length) await tx.insert(reviewers).values(added.map((userId) => ({ id: newId(), courtId, roundId: id, userId })));
    }
    const set = {
      name: input.name,
      quota: input.quota,
      deadline: input.deadline,
      criteria: input.criteria ?? null,
      weights,
      honorName: input.honorName || current.honorName,
      honorLevel: input.honorLevel ?? current.honorLevel,
      honorIssuer: input.honorIssuer || current.honorIssuer,
    };
    const { before: b, after: a } = diffFields(current as unknown as Record<string, unknown>, set);
    await tx.update(rounds).set({ ...set, version: current.version + 1, updatedAt: deps.now() }).where(eq(rounds.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'brandSelection.update',
      entity: 'brandSelectionRound',
      entityId: id,
      courtId,
      before: { ...b, panel: before.map((p) => p.name) },
      after: { ...a, ...(ids ? { reviewerIds: ids } : {}) },
    });
    return detail(deps, tx, actor, id);
  });
}

export async function moveRound(deps: Deps, actor: Actor, id: string, input: z.infer<typeof selectionRoundMoveRequest>) {
  await managedRound(deps.db, actor, id);
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.lockRound(tx, id));
    assertVersion(current.version, input.version);
    const all = await repo.nominationsOf(tx, eq(nominations.roundId, id));
    const panel = await repo.panelOf(tx, id);
    const status = current.status as SelectionRoundStatus;
    const check = checkRoundMove({ status, move: input.move, nominations: all.length, panelSize: panel.length, pending: all.filter((n) => n.n.result === 'pending').length });
    if (!check.ok) throw new AppError('VALIDATION_FAILED', check.message);
    const now = deps.now();
    const to: SelectionRoundStatus = input.move === 'review' ? 'reviewing' : 'published';
    await tx
      .update(rounds)
      .set({ status: to, version: current.version + 1, updatedAt: now, ...(to === 'published' ? { publishedAt: now, publishedBy: actor.userId } : {}) })
      .where(eq(rounds.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: `brandSelection.${input.move}`,
      entity: 'brandSelectionRound',
      entityId: id,
      courtId: current.courtId,
      before: { status },
      after: { status: to, label: roundMoveLabels[input.move], ...(to === 'published' ? { selected: all.filter((n) => n.n.result === 'selected').map((n) => n.brandName) } : {}) },
    });
    return detail(deps, tx, actor, id);
  });
}

export async function nominate(deps: Deps, actor: Actor, roundId: string, input: z.infer<typeof nominateRequest>) {
  const r = await readableRound(deps.db, actor, roundId);
  const b = await brandRepo.findBrand(deps.db, input.brandId);
  if (!b || !brandsPolicy.read(actor, { courtId: b.row.courtId, orgPath: b.orgPath, isMaster: b.row.isMaster }) || b.row.courtId !== r.row.courtId) throw invalidField('brandId', '品牌不存在或不属于本院');
  // The brand's own branch nominates; the office may do it on the branch's behalf.
  forbidIf(!isOffice(actor, b.row.courtId) && !isBranchOf(actor, b.row.courtId, b.orgPath));
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.lockRound(tx, roundId));
    const [dup] = await tx.select({ id: nominations.id }).from(nominations).where(and(eq(nominations.roundId, roundId), eq(nominations.brandId, b.row.id)));
    const brand = found(await brandRepo.findBrand(tx, b.row.id)).row;
    const check = checkNominationEligibility({
      roundStatus: current.status as SelectionRoundStatus,
      deadline: current.deadline,
      today: todayInShanghai(deps.now()),
      brand: { state: brand.state as BrandState, isMaster: brand.isMaster, selectedYear: brand.selectedYear, courtId: brand.courtId },
      roundCourtId: current.courtId,
      alreadyNominated: !!dup,
    });
    if (!check.ok) throw invalidField('brandId', check.message);
    const now = deps.now();
    const evidence = await evidenceOfYear(tx, brand.id, current.year);
    const row = {
      id: newId(),
      courtId: current.courtId,
      roundId,
      brandId: brand.id,
      statement: input.statement,
      evidence,
      nominatedBy: actor.userId,
      nominatedByName: actor.displayName,
      nominatedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(nominations).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'brandSelection.nominate', entity: 'brandSelectionRound', entityId: roundId, courtId: current.courtId, after: { ...row, brandName: brand.name, roundName: current.name } });
    return detail(deps, tx, actor, roundId);
  });
}

async function nominationFor(db: DbOrTx, actor: Actor, id: string) {
  const n = await repo.findNomination(db, id);
  if (!n) throw new AppError('NOT_FOUND');
  const r = await readableRound(db, actor, n.n.roundId);
  return { n, r };
}

export async function withdraw(deps: Deps, actor: Actor, id: string) {
  const { n, r } = await nominationFor(deps.db, actor, id);
  forbidIf(!isOffice(actor, r.row.courtId) && !isBranchOf(actor, r.row.courtId, n.orgPath));
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.lockRound(tx, r.row.id));
    if (current.status !== 'collecting') throw new AppError('VALIDATION_FAILED', `本轮选树已进入“${selectionRoundStatusLabels[current.status as SelectionRoundStatus]}”阶段，不能撤回推荐`);
    await tx.delete(nominations).where(eq(nominations.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'brandSelection.withdraw', entity: 'brandSelectionRound', entityId: r.row.id, courtId: current.courtId, before: { ...n.n, brandName: n.brandName } });
    return detail(deps, tx, actor, r.row.id);
  });
}

export async function score(deps: Deps, actor: Actor, id: string, input: z.infer<typeof brandScoreRequest>) {
  const { n, r } = await nominationFor(deps.db, actor, id);
  const panel = await repo.panelOf(deps.db, r.row.id);
  if (!panel.some((p) => p.userId === actor.userId)) throw new AppError('FORBIDDEN', '您不在本轮选树的评审组中');
  if (!(await brandRepo.courtStaffIds(deps.db, r.row.courtId)).includes(actor.userId)) throw new AppError('FORBIDDEN', '评审组成员应为本院在岗的党务工作人员');
  const [me] = await brandRepo.reviewerLines(deps.db, [actor.userId]);
  if (conflictedWith(n.orgPath, me)) throw new AppError('FORBIDDEN', '评审不能为本支部的品牌打分（应当回避）');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.lockRound(tx, r.row.id));
    if (current.status !== 'reviewing') throw new AppError('VALIDATION_FAILED', `本轮选树当前为“${selectionRoundStatusLabels[current.status as SelectionRoundStatus]}”，评审阶段才能评分`);
    const [nom] = await tx.select().from(nominations).where(eq(nominations.id, id));
    if (found(nom).result !== 'pending') throw new AppError('VALIDATION_FAILED', '该品牌已作出选树决定，不能再评分');
    const now = deps.now();
    const [existing] = await tx.select().from(scores).where(and(eq(scores.nominationId, id), eq(scores.reviewerId, actor.userId)));
    const values = { theme: input.theme, substance: input.substance, distinctiveness: input.distinctiveness, integration: input.integration, comment: input.comment ?? null };
    if (existing) await tx.update(scores).set({ ...values, version: existing.version + 1, updatedAt: now }).where(eq(scores.id, existing.id));
    else await tx.insert(scores).values({ id: newId(), courtId: current.courtId, nominationId: id, reviewerId: actor.userId, ...values, createdAt: now, updatedAt: now });
    await appendAudit(tx, auditActorOf(actor), {
      action: 'brandSelection.score',
      entity: 'brandSelectionRound',
      entityId: current.id,
      courtId: current.courtId,
      before: existing ? { theme: existing.theme, substance: existing.substance, distinctiveness: existing.distinctiveness, integration: existing.integration } : null,
      after: { brandName: n.brandName, ...values },
    });
    return detail(deps, tx, actor, current.id);
  });
}

export async function decide(deps: Deps, actor: Actor, id: string, input: z.infer<typeof selectionDecisionRequest>) {
  const { r } = await nominationFor(deps.db, actor, id);
  if (!isOffice(actor, r.row.courtId)) throw new AppError('FORBIDDEN', '选树由院机关党委（党建办）决定，支部不能自行决定');
  if (input.result === 'notSelected' && !input.reason?.trim()) throw invalidField('reason', '未选树须写明理由');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.lockRound(tx, r.row.id));
    if (current.status !== 'reviewing') throw new AppError('VALIDATION_FAILED', `本轮选树当前为“${selectionRoundStatusLabels[current.status as SelectionRoundStatus]}”，评审阶段才能作出决定`);
    const n = found(await repo.findNomination(tx, id));
    assertVersion(n.n.version, input.version);
    if (n.n.result !== 'pending') throw new AppError('VALIDATION_FAILED', `该品牌已${nominationResultLabels[n.n.result as NominationResult]}，不能重复决定`);
    // The panel's result: every reviewer outside the brand's line has scored.
    const panel = await repo.panelOf(tx, current.id);
    const lines = await brandRepo.reviewerLines(tx, panel.map((p) => p.userId));
    const eligible = panel.filter((p) => !conflictedWith(n.orgPath, lines.find((l) => l.userId === p.userId)));
    const given = (await repo.scoresOf(tx, [id])).filter((s) => eligible.some((p) => p.userId === s.s.reviewerId));
    const sum = summarizeNomination({ eligibleReviewers: eligible.length, scores: given.map((s) => s.s) }, weightsOf(current));
    if (!sum.complete) throw new AppError('VALIDATION_FAILED', eligible.length < 2 ? `应评评审不足2人（本支部人员回避后仅${eligible.length}人），请调整评审组` : `评审尚未全部评分（已评${given.length}/${eligible.length}人）`);
    const now = deps.now();
    const today = todayInShanghai(now);
    const scoreDetail = { means: sum.means, total: sum.total, panel: eligible.map((p) => p.name), weights: weightsOf(current) };
    let honorId: string | null = null;
    if (input.result === 'selected') {
      const selected = (await tx.select({ id: nominations.id }).from(nominations).where(and(eq(nominations.roundId, current.id), eq(nominations.result, 'selected')))).length;
      const quota = checkSelectionQuota(selected, current.quota);
      if (!quota.ok) throw new AppError('VALIDATION_FAILED', quota.message);
      const b = found(await brandRepo.findBrand(tx, n.n.brandId));
      const from = b.row.state as BrandState;
      const move = checkBrandTransition(from, 'select', ['office']);
      if (!move.ok) throw new AppError('VALIDATION_FAILED', move.message);
      honorId = await recordHonor(tx, actor, {
        courtId: current.courtId,
        kind: 'collective',
        name: current.honorName,
        level: current.honorLevel as HonorLevel,
        issuer: current.honorIssuer,
        awardedOn: today,
        orgId: b.row.orgId,
        brandId: b.row.id,
        memberId: null,
        recipientName: b.orgName,
        source: 'brands',
      });
      await tx.update(brands).set({ state: move.to, selectedYear: current.year, version: b.row.version + 1, updatedAt: now }).where(eq(brands.id, b.row.id));
      const eventDetail = { year: current.year, roundId: current.id, roundName: current.name, honorId, ...scoreDetail };
      await tx.insert(brandEvents).values({ id: newId(), courtId: current.courtId, brandId: b.row.id, action: 'select', fromState: from, toState: move.to, reason: `${current.name}：${input.reason?.trim() || '经评审选树'}`, detail: eventDetail, actorId: actor.userId, actorName: actor.displayName, at: now });
      await appendAudit(tx, auditActorOf(actor), { action: 'brand.select', entity: 'brand', entityId: b.row.id, courtId: current.courtId, before: { state: from }, after: { state: move.to, ...eventDetail } });
    }
    await tx
      .update(nominations)
      .set({ result: input.result, decisionReason: input.reason ?? null, decidedBy: actor.userId, decidedAt: now, honorId, version: n.n.version + 1, updatedAt: now })
      .where(eq(nominations.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'brandSelection.decide',
      entity: 'brandSelectionRound',
      entityId: current.id,
      courtId: current.courtId,
      before: { result: 'pending' },
      after: { brandName: n.brandName, result: input.result, reason: input.reason ?? null, honorId, lowStandards: sum.lowStandards.map((s) => brandStandardLabels[s]), ...scoreDetail },
    });
    return detail(deps, tx, actor, current.id);
  });
}

/** The rounds a brand was nominated to, for its page: results once published (or for the office and its branch). */
export async function selectionsOfBrand(db: DbOrTx, actor: Actor, brand: { id: string; courtId: string; orgPath: string }) {
  const rows = await repo.selectionsOfBrand(db, brand.id);
  const seeAll = isOffice(actor, brand.courtId) || isBranchOf(actor, brand.courtId, brand.orgPath);
  return rows.map((x) => {
    const status = x.status as SelectionRoundStatus;
    const result = (seeAll || status === 'published' ? x.result : 'pending') as NominationResult;
    return { roundId: x.roundId, roundName: x.roundName, year: x.year, roundStatusLabel: selectionRoundStatusLabels[status], resultLabel: nominationResultLabels[result] };
  });
}
