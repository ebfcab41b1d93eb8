// 一支部一品牌 (issue 4): the five steps 申报→认定→培育→宣传→选树 (brand-lifecycle.ts), the 认定 panel
// scoring the four standards (brand-review.ts), cultivation milestones and their overdue reminders,
// evidence tagged to a brand, the court's "1+N" cluster and the brand report. Every write is one
// transaction with its audit entry; a stale version answers 409.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from '@zhibu/contracts';
import type {
  BrandShowcase,
  BrandCluster,
  BrandDetail,
  BrandReview,
  BrandSummary,
  brandListQuery,
  brandPanelRequest,
  brandScoreRequest,
  brandTransitionRequest,
  createBrandRequest,
  createEvidenceRequest,
  createMilestoneRequest,
  createProgressReportRequest,
  updateBrandRequest,
  updateMilestoneRequest,
} from '@zhibu/contracts';
import {
  availableBrandActions,
  brandActionLabels,
  brandEvidenceKindLabels,
  brandStandardLabels,
  brandStateLabels,
  brandStates,
  checkBrandTransition,
  checkBrandWeights,
  countEvidenceByYear,
  defaultBrandWeights,
  formatChineseDate,
  honorLevelLabels,
  isApplicationEditable,
  isBrandEditable,
  isMilestoneOverdue,
  isReviewerConflicted,
  milestoneDaysOverdue,
  roleLabels,
  summarizeBrandReview,
  todayInShanghai,
  type BrandAction,
  type BrandEvidenceKind,
  type BrandState,
  type BrandWeights,
  type HonorLevel,
  type Role,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { readableCourtIds } from '../../policy/scope';
import { brandsPolicy as policy, isInsider, isOffice, type BrandTarget } from './brands.policy';
import * as repo from './brands.repository';
import { honorsFor, recordHonor } from './honors.service';
import { renderBrandReport } from './brand-docx';
import { selectionsOfBrand } from './brand-selection.service';

const { brands, brandReviewers, brandScores, brandMilestones, brandEvidence, brandEvents, brandProgressReports, partyOrgs } = schema;

type Found = NonNullable<Awaited<ReturnType<typeof repo.findBrand>>>;
const targetOf = (b: { row: { courtId: string; isMaster: boolean }; orgPath: string }): BrandTarget => ({ courtId: b.row.courtId, orgPath: b.orgPath, isMaster: b.row.isMaster });

/** The brand, if the caller may see it; otherwise 404 (no probing by id). */
async function readable(db: DbOrTx, actor: Actor, id: string): Promise<Found> {
  const b = found(await repo.findBrand(db, id));
  if (!policy.read(actor, targetOf(b))) throw new AppError('NOT_FOUND');
  return b;
}

type Listed = Awaited<ReturnType<typeof repo.listBrands>>[number];
function toSummary(x: Listed): BrandSummary {
  const state = x.row.state as BrandState;
  return {
    id: x.row.id,
    courtId: x.row.courtId,
    courtName: x.courtName,
    orgId: x.row.orgId,
    orgName: x.orgName,
    isMaster: x.row.isMaster,
    name: x.row.name,
    slogan: x.row.slogan,
    state,
    stateLabel: brandStateLabels[state],
    round: x.row.round,
    honorCount: Number(x.honorCount),
    evidenceCount: Number(x.evidenceCount),
    overdueCount: Number(x.overdueCount),
    hasLogo: !!x.row.logoFileId,
    published: x.row.published,
    selectedYear: x.row.selectedYear,
    awaitingMyScore: !!x.awaitingMyScore,
    updatedAt: x.row.updatedAt.toISOString(),
    version: x.row.version,
  };
}

/** SQL for the brands the caller may list: those of their readable courts (brandsPolicy.read). */
function scopeWhere(actor: Actor): SQL | undefined {
  const courtIds = readableCourtIds(actor);
  if (!courtIds.length) return undefined;
  return inArray(brands.courtId, courtIds);
}

export async function listBrands(deps: Deps, actor: Actor, q: z.infer<typeof brandListQuery>) {
  const scope = scopeWhere(actor);
  if (!scope) return { items: [], total: 0 };
  const where = and(
    scope,
    q.courtId ? eq(brands.courtId, q.courtId) : undefined,
    q.orgId ? eq(brands.orgId, q.orgId) : undefined,
    q.state ? eq(brands.state, q.state) : undefined,
    q.reviewer === 'me' ? repo.isOnPanelSql(actor.userId) : undefined,
  );
  const today = todayInShanghai(deps.now());
  const rows = await repo.listBrands(deps.db, where, actor.userId, today, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const items = rows.map(toSummary);
  return { items, total: rows[0] ? Number(rows[0].total) : 0 };
}

function weightsOf(row: { weights: Record<string, number> | null }): BrandWeights {
  return (row.weights as BrandWeights | null) ?? defaultBrandWeights;
}

async function reviewOf(db: DbOrTx, actor: Actor, b: Found): Promise<BrandReview | null> {
  const row = b.row;
  if (row.round === 0) return null;
  const panel = await repo.panelOf(db, row.id, row.round);
  const onPanel = panel.some((p) => p.userId === actor.userId);
  if (!isInsider(actor, row.courtId) || !policy.seeReview(actor, targetOf(b), onPanel)) return null;
  const all = await repo.scoresOf(db, row.id, row.round);
  // Blind while under review: until the office decides, a reviewer sees only their own score and
  // the branch sees only who has scored — nobody is swayed by, or leans on, the others' scores.
  const blind = row.state === 'submitted' && !isOffice(actor, row.courtId);
  const scores = blind ? all.filter((x) => x.s.reviewerId === actor.userId) : all;
  const weights = weightsOf(row);
  const sum = summarizeBrandReview(scores.map((x) => x.s), weights, blind ? Math.max(scores.length, 1) : panel.length);
  const view = (x: (typeof scores)[number]) => ({
    reviewerId: x.s.reviewerId,
    reviewerName: x.name,
    theme: x.s.theme,
    substance: x.s.substance,
    distinctiveness: x.s.distinctiveness,
    integration: x.s.integration,
    comment: x.s.comment,
    updatedAt: x.s.updatedAt.toISOString(),
  });
  const mine = scores.find((x) => x.s.reviewerId === actor.userId);
  return {
    round: row.round,
    weights,
    panel: panel.map((p) => ({ userId: p.userId, name: p.name, scored: all.some((s) => s.s.reviewerId === p.userId) })),
    scores: scores.map(view),
    means: sum.means,
    total: sum.total,
    complete: panel.length >= 2 && all.length >= panel.length,
    lowStandards: sum.lowStandards,
    lowStandardLabels: sum.lowStandards.map((s) => brandStandardLabels[s]),
    recommendation: blind ? 'pending' : sum.recommendation,
    canScore: onPanel && row.state === 'submitted',
    myScore: mine ? view(mine) : null,
  };
}

async function detail(deps: Deps, db: DbOrTx, actor: Actor, id: string): Promise<BrandDetail> {
  const b = await readable(db, actor, id);
  const today = todayInShanghai(deps.now());
  const [listed] = await repo.listBrands(db, eq(brands.id, id), actor.userId, today);
  const row = b.row;
  const state = row.state as BrandState;
  const t = targetOf(b);
  const insider = isInsider(actor, row.courtId);
  const [review, milestones, evidence, events, progress, honorList, selections] = await Promise.all([
    reviewOf(db, actor, b),
    repo.milestonesOf(db, id),
    repo.evidenceOf(db, id),
    repo.eventsOf(db, id),
    repo.progressOf(db, id),
    honorsFor(db, actor, eq(schema.honors.brandId, id)),
    selectionsOfBrand(db, actor, { id, courtId: row.courtId, orgPath: b.orgPath }),
  ]);
  const canEdit = policy.edit(actor, t) && isBrandEditable(state);
  // Photos of the tagged activities: their image attachments (served by the activities module to
  // those who may read the activity — readers inside the court).
  const activityIds = evidence.flatMap((e) => (e.activityId ? [e.activityId] : []));
  const photos =
    insider && activityIds.length
      ? await db
          .select({ id: schema.files.id, fileName: schema.files.fileName, ownerId: schema.files.ownerId })
          .from(schema.files)
          .where(and(eq(schema.files.ownerType, 'activity'), inArray(schema.files.ownerId, activityIds), sql`${schema.files.mimeType} like 'image/%'`))
          .orderBy(sql`${schema.files.createdAt} desc`)
          .limit(12)
      : [];
  return {
    ...toSummary(found(listed)),
    concept: row.concept,
    substance: row.substance,
    distinctiveness: row.distinctiveness,
    integration: row.integration,
    carriers: row.carriers,
    team: insider ? row.team : null,
    story: row.story,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    review,
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, owner: insider ? m.owner : '—', dueOn: m.dueOn, doneOn: m.doneOn, note: m.note, overdue: isMilestoneOverdue(m, today), daysOverdue: milestoneDaysOverdue(m, today), version: m.version })),
    progressReports: progress.map((p) => ({ id: p.id, period: p.period, content: p.content, createdAt: p.createdAt.toISOString() })),
    evidence: evidence.map((e) => ({ id: e.id, kind: e.kind as BrandEvidenceKind, kindLabel: brandEvidenceKindLabels[e.kind as BrandEvidenceKind] ?? e.kind, activityId: e.activityId, title: e.title, occurredOn: e.occurredOn, note: e.note })),
    evidenceByYear: countEvidenceByYear(evidence.map((e) => ({ kind: e.kind as BrandEvidenceKind, occurredOn: e.occurredOn }))),
    photos: photos.map((p) => ({ id: p.id, fileName: p.fileName, url: `/api/v1/attachments/${p.id}`, activityTitle: evidence.find((e) => e.activityId === p.ownerId)?.title ?? '' })),
    honors: honorList,
    selections,
    events: events.map((e) => ({
      action: e.action,
      actionLabel: brandActionLabels[e.action as BrandAction] ?? e.action,
      fromState: e.fromState,
      toState: e.toState,
      toStateLabel: brandStateLabels[e.toState as BrandState] ?? e.toState,
      reason: e.reason,
      actorName: insider ? e.actorName : '—',
      at: e.at.toISOString(),
    })),
    actions: availableBrandActions(state, policy.kinds(actor, t)),
    canEdit,
    canEditApplication: canEdit && isApplicationEditable(state),
    canFormPanel: policy.formPanel(actor, t) && state === 'submitted',
    canPublish: isOffice(actor, row.courtId),
  };
}

export async function getBrand(deps: Deps, actor: Actor, id: string) {
  return detail(deps, deps.db, actor, id);
}

export async function createBrand(deps: Deps, actor: Actor, input: z.infer<typeof createBrandRequest>) {
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || !policy.read(actor, { courtId: org.courtId, orgPath: org.path, isMaster: false })) throw invalidField('orgId', '党组织不存在或不在您的管理范围内');
  const isMaster = !!input.isMaster;
  if (isMaster && org.parentId) throw invalidField('isMaster', '院级品牌应属于本院机关党委（党总支），不能属于支部');
  if (!isMaster && !['branch', 'generalBranch'].includes(org.type)) throw invalidField('orgId', '支部品牌应由党支部创建');
  forbidIf(!policy.create(actor, { courtId: org.courtId, orgPath: org.path, isMaster }));
  return deps.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: brands.id, name: brands.name })
      .from(brands)
      .where(and(eq(brands.orgId, org.id), eq(brands.isMaster, isMaster), sql`${brands.state} <> 'rejected'`));
    if (existing[0]) throw invalidField('orgId', `${org.name}已有党建品牌“${existing[0].name}”，一个支部一个品牌`);
    const now = deps.now();
    const row = {
      id: newId(),
      courtId: org.courtId,
      orgId: org.id,
      isMaster,
      name: input.name,
      slogan: input.slogan ?? null,
      concept: input.concept ?? null,
      substance: input.substance ?? null,
      distinctiveness: input.distinctiveness ?? null,
      integration: input.integration ?? null,
      carriers: input.carriers ?? null,
      team: input.team ?? null,
      story: input.story ?? null,
      state: 'draft',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(brands).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.create', entity: 'brand', entityId: row.id, courtId: row.courtId, after: { ...row, orgName: org.name } });
    return detail(deps, tx, actor, row.id);
  });
}

export async function updateBrand(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateBrandRequest>) {
  const b = await readable(deps.db, actor, id);
  forbidIf(!policy.edit(actor, targetOf(b)));
  if (input.published !== undefined && input.published !== b.row.published) forbidIf(!isOffice(actor, b.row.courtId));
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findBrand(tx, id)).row;
    assertVersion(current.version, input.version);
    const state = current.state as BrandState;
    if (!isBrandEditable(state)) throw new AppError('VALIDATION_FAILED', state === 'submitted' ? '品牌正在认定评审中，评审结束前不能修改' : '不予认定的品牌不能修改');
    const { version: _v, ...fields } = input;
    const application = ['name', 'slogan', 'concept', 'substance', 'distinctiveness', 'integration'] as const;
    const changedApplication = application.filter((f) => fields[f] !== undefined && (fields[f] ?? null) !== current[f]);
    if (changedApplication.length && !isApplicationEditable(state)) throw invalidField(changedApplication[0]!, '品牌认定后名称、口号、理念、内涵、特色和融合点不再修改');
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v ?? null]));
    const { before, after } = diffFields(current as unknown as Record<string, unknown>, set);
    await tx.update(brands).set({ ...set, version: current.version + 1, updatedAt: deps.now() }).where(eq(brands.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.update', entity: 'brand', entityId: id, courtId: current.courtId, before, after });
    return detail(deps, tx, actor, id);
  });
}

export async function transitionBrand(deps: Deps, actor: Actor, id: string, input: z.infer<typeof brandTransitionRequest>) {
  const b = await readable(deps.db, actor, id);
  const kinds = policy.kinds(actor, targetOf(b));
  if (!kinds.length) throw new AppError('FORBIDDEN');
  return deps.db.transaction(async (tx) => {
    const cur = found(await repo.findBrand(tx, id));
    const current = cur.row;
    assertVersion(current.version, input.version);
    const from = current.state as BrandState;
    const check = checkBrandTransition(from, input.action, kinds, input.reason);
    if (!check.ok) {
      if (check.code === 'actor') throw new AppError('FORBIDDEN', check.message);
      if (check.code === 'reason') throw invalidField('reason', check.message);
      throw new AppError('VALIDATION_FAILED', check.message);
    }
    const now = deps.now();
    const set: Partial<typeof brands.$inferInsert> = { state: check.to, version: current.version + 1, updatedAt: now };
    let detailJson: Record<string, unknown> | null = null;
    if (input.action === 'submit') {
      if (!current.concept || !current.substance || !current.distinctiveness || !current.integration) {
        const missing = (['concept', 'substance', 'distinctiveness', 'integration'] as const).find((f) => !current[f])!;
        throw invalidField(missing, '申报前请填写品牌理念、内涵、特色和融合点（认定按有主题、有内涵、有特色、有融合评分）');
      }
      // A new round: the panel and scores of the last one stay as history.
      Object.assign(set, { round: current.round + 1, weights: null, submittedAt: now, decisionReason: null, decidedAt: null, decidedBy: null });
    }
    if (input.action === 'recognize' || input.action === 'return' || input.action === 'reject') {
      const panel = await repo.panelOf(tx, id, current.round);
      const scores = await repo.scoresOf(tx, id, current.round);
      const sum = summarizeBrandReview(scores.map((x) => x.s), weightsOf(current), panel.length);
      if (input.action !== 'reject' && !sum.complete) {
        throw new AppError('VALIDATION_FAILED', panel.length < 2 ? '请先组成不少于2人的评审组' : `评审组尚未全部评分（已评${scores.length}/${panel.length}人）`);
      }
      detailJson = { round: current.round, panel: panel.map((p) => p.name), means: sum.means, total: sum.total, lowStandards: sum.lowStandards.map((s) => brandStandardLabels[s]), weights: weightsOf(current) };
      Object.assign(set, { decidedAt: now, decidedBy: actor.userId, decisionReason: input.reason ?? null });
    }
    if (input.action === 'select') {
      const year = input.year ?? Number(todayInShanghai(now).slice(0, 4));
      Object.assign(set, { selectedYear: year });
      detailJson = { year };
      if (input.honor) {
        const honorId = await recordHonor(tx, actor, {
          courtId: current.courtId,
          kind: 'collective',
          name: input.honor.name,
          level: input.honor.level,
          issuer: input.honor.issuer,
          awardedOn: input.honor.awardedOn,
          orgId: current.orgId,
          brandId: current.id,
          memberId: null,
          recipientName: input.honor.recipientName ?? cur.orgName,
          source: 'brands',
        });
        detailJson.honorId = honorId;
      }
    }
    await tx.update(brands).set(set).where(eq(brands.id, id));
    await tx.insert(brandEvents).values({ id: newId(), courtId: current.courtId, brandId: id, action: input.action, fromState: from, toState: check.to, reason: input.reason ?? null, detail: detailJson, actorId: actor.userId, actorName: actor.displayName, at: now });
    await appendAudit(tx, auditActorOf(actor), { action: `brand.${input.action}`, entity: 'brand', entityId: id, courtId: current.courtId, before: { state: from }, after: { state: check.to, reason: input.reason ?? null, ...(detailJson ?? {}) } });
    return detail(deps, tx, actor, id);
  });
}

/** Users of the brand's court the office may put on the panel: working roles, not on the brand's line. */
export async function reviewerCandidates(deps: Deps, actor: Actor, id: string) {
  const b = await readable(deps.db, actor, id);
  forbidIf(!policy.formPanel(actor, targetOf(b)));
  const ids = await repo.courtStaffIds(deps.db, b.row.courtId);
  const lines = await repo.reviewerLines(deps.db, ids);
  const items = lines
    .filter((u) => u.active && !conflicted(b, u))
    .map((u) => ({ id: u.userId, name: u.name, roleLabel: [...new Set(u.grants.filter((g) => g.courtId === b.row.courtId).map((g) => roleLabels[g.role as Role] ?? g.role))].join('、') }))
    .sort((a, c) => a.name.localeCompare(c.name, 'zh'));
  return { items, total: items.length };
}

type Line = Awaited<ReturnType<typeof repo.reviewerLines>>[number];
function conflicted(b: Found, u: Line): boolean {
  // For the master brand the party office (courtAdmin) is the applicant: it sits on the top org's line.
  const paths = b.row.isMaster && u.grants.some((g) => g.role === 'courtAdmin' && g.courtId === b.row.courtId) ? [...u.paths, b.orgPath] : u.paths;
  return isReviewerConflicted(b.orgPath, paths, b.row.isMaster);
}

export async function setPanel(deps: Deps, actor: Actor, id: string, input: z.infer<typeof brandPanelRequest>) {
  const b = await readable(deps.db, actor, id);
  forbidIf(!policy.formPanel(actor, targetOf(b)));
  const weightProblems = checkBrandWeights(input.weights);
  if (weightProblems.length) throw invalidField(weightProblems[0]!.field, weightProblems[0]!.message);
  const ids = [...new Set(input.reviewerIds)];
  if (ids.length < 2) throw invalidField('reviewerIds', '评审组不少于2人');
  const staff = new Set(await repo.courtStaffIds(deps.db, b.row.courtId));
  const lines = await repo.reviewerLines(deps.db, ids);
  for (const uid of ids) {
    const u = lines.find((l) => l.userId === uid);
    if (!u || !staff.has(uid) || !u.active) throw invalidField('reviewerIds', '评审组成员应为本院在岗的党务工作人员');
    if (conflicted(b, u)) throw invalidField('reviewerIds', `${u.name}属于本品牌所在支部，应当回避，不能担任评审`);
  }
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findBrand(tx, id)).row;
    assertVersion(current.version, input.version);
    if (current.state !== 'submitted') throw new AppError('VALIDATION_FAILED', `品牌当前为“${brandStateLabels[current.state as BrandState]}”，只有已申报的品牌可以组成评审组`);
    const before = await repo.panelOf(tx, id, current.round);
    const scored = await repo.scoresOf(tx, id, current.round);
    const dropped = scored.find((s) => !ids.includes(s.s.reviewerId));
    if (dropped) throw invalidField('reviewerIds', `${dropped.name}已评分，不能移出评审组`);
    const removed = before.filter((p) => !ids.includes(p.userId)).map((p) => p.userId);
    if (removed.length) await tx.delete(brandReviewers).where(and(eq(brandReviewers.brandId, id), eq(brandReviewers.round, current.round), inArray(brandReviewers.userId, removed)));
    const added = ids.filter((uid) => !before.some((p) => p.userId === uid));
    if (added.length) await tx.insert(brandReviewers).values(added.map((userId) => ({ id: newId(), courtId: current.courtId, brandId: id, round: current.round, userId })));
    await tx.update(brands).set({ weights: input.weights, version: current.version + 1, updatedAt: deps.now() }).where(eq(brands.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'brand.panel',
      entity: 'brand',
      entityId: id,
      courtId: current.courtId,
      before: { panel: before.map((p) => p.name), weights: current.weights },
      after: { round: current.round, panel: ids.map((uid) => lines.find((l) => l.userId === uid)!.name), weights: input.weights },
    });
    return detail(deps, tx, actor, id);
  });
}

export async function scoreBrand(deps: Deps, actor: Actor, id: string, input: z.infer<typeof brandScoreRequest>) {
  const b = await readable(deps.db, actor, id);
  const panel = await repo.panelOf(deps.db, id, b.row.round);
  if (!panel.some((p) => p.userId === actor.userId)) throw new AppError('FORBIDDEN', '您不在本品牌的评审组中');
  if (!(await repo.courtStaffIds(deps.db, b.row.courtId)).includes(actor.userId)) throw new AppError('FORBIDDEN', '评审组成员应为本院在岗的党务工作人员');
  const [me] = await repo.reviewerLines(deps.db, [actor.userId]);
  if (me && conflicted(b, me)) throw new AppError('FORBIDDEN', '评审不能为本支部的品牌打分');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findBrand(tx, id)).row;
    if (current.state !== 'submitted' || current.round !== b.row.round) throw new AppError('VALIDATION_FAILED', '该品牌的认定评审已结束，不能再评分');
    const now = deps.now();
    const [existing] = await tx.select().from(brandScores).where(and(eq(brandScores.brandId, id), eq(brandScores.round, current.round), eq(brandScores.reviewerId, actor.userId)));
    const values = { theme: input.theme, substance: input.substance, distinctiveness: input.distinctiveness, integration: input.integration, comment: input.comment ?? null };
    if (existing) {
      await tx.update(brandScores).set({ ...values, version: existing.version + 1, updatedAt: now }).where(eq(brandScores.id, existing.id));
    } else {
      await tx.insert(brandScores).values({ id: newId(), courtId: current.courtId, brandId: id, round: current.round, reviewerId: actor.userId, ...values, createdAt: now, updatedAt: now });
    }
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.score', entity: 'brand', entityId: id, courtId: current.courtId, before: existing ? { theme: existing.theme, substance: existing.substance, distinctiveness: existing.distinctiveness, integration: existing.integration } : null, after: { round: current.round, ...values } });
    return detail(deps, tx, actor, id);
  });
}

async function editable(deps: Deps, actor: Actor, id: string) {
  const b = await readable(deps.db, actor, id);
  forbidIf(!policy.edit(actor, targetOf(b)));
  if (b.row.state === 'rejected') throw new AppError('VALIDATION_FAILED', '不予认定的品牌不能再培育');
  return b;
}

export async function addMilestone(deps: Deps, actor: Actor, id: string, input: z.infer<typeof createMilestoneRequest>) {
  const b = await editable(deps, actor, id);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = { id: newId(), courtId: b.row.courtId, brandId: id, title: input.title, owner: input.owner, dueOn: input.dueOn, createdAt: now, updatedAt: now };
    await tx.insert(brandMilestones).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.milestone.create', entity: 'brandMilestone', entityId: row.id, courtId: row.courtId, after: { ...row, brandName: b.row.name } });
    return detail(deps, tx, actor, id);
  });
}

export async function updateMilestone(deps: Deps, actor: Actor, milestoneId: string, input: z.infer<typeof updateMilestoneRequest>) {
  const [m] = await deps.db.select().from(brandMilestones).where(eq(brandMilestones.id, milestoneId));
  const b = await editable(deps, actor, found(m).brandId);
  const today = todayInShanghai(deps.now());
  if (input.doneOn && input.doneOn > today) throw invalidField('doneOn', '完成日期不能晚于今天');
  return deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(brandMilestones).where(eq(brandMilestones.id, milestoneId));
    assertVersion(found(current).version, input.version);
    const set = { title: input.title, owner: input.owner, dueOn: input.dueOn, doneOn: input.doneOn ?? null, note: input.note ?? null };
    const { before, after } = diffFields(current as unknown as Record<string, unknown>, set);
    await tx.update(brandMilestones).set({ ...set, version: current!.version + 1, updatedAt: deps.now() }).where(eq(brandMilestones.id, milestoneId));
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.milestone.update', entity: 'brandMilestone', entityId: milestoneId, courtId: current!.courtId, before, after });
    return detail(deps, tx, actor, b.row.id);
  });
}

export async function addProgressReport(deps: Deps, actor: Actor, id: string, input: z.infer<typeof createProgressReportRequest>) {
  const b = await editable(deps, actor, id);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = { id: newId(), courtId: b.row.courtId, brandId: id, period: input.period, content: input.content, authorId: actor.userId, createdAt: now, updatedAt: now };
    await tx.insert(brandProgressReports).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.progress', entity: 'brand', entityId: id, courtId: row.courtId, after: { period: row.period, content: row.content } });
    return detail(deps, tx, actor, id);
  });
}

export async function addEvidence(deps: Deps, actor: Actor, id: string, input: z.infer<typeof createEvidenceRequest>) {
  const b = await editable(deps, actor, id);
  let title = input.title ?? null;
  let occurredOn = input.occurredOn ?? null;
  let activityId: string | null = null;
  if (input.kind === 'activity' && input.activityId) {
    const a = await repo.findActivity(deps.db, input.activityId);
    // Only activities of the brand's own org line (any of the court's, for the master brand).
    if (!a || a.courtId !== b.row.courtId || (!b.row.isMaster && !a.orgPath.startsWith(b.orgPath))) throw invalidField('activityId', '只能关联本支部的组织生活和活动');
    if (a.status === 'cancelled') throw invalidField('activityId', '已取消的活动不能作为品牌佐证');
    activityId = a.id;
    title = title ?? a.title;
    occurredOn = occurredOn ?? a.heldOn;
  }
  if (!title) throw invalidField('title', '请填写标题');
  if (!occurredOn) throw invalidField('occurredOn', '请填写日期');
  return deps.db.transaction(async (tx) => {
    if (activityId) {
      const [dup] = await tx.select({ id: brandEvidence.id }).from(brandEvidence).where(and(eq(brandEvidence.brandId, id), eq(brandEvidence.activityId, activityId)));
      if (dup) throw invalidField('activityId', '该活动已关联到本品牌');
    }
    const now = deps.now();
    const row = { id: newId(), courtId: b.row.courtId, brandId: id, kind: input.kind, activityId, title: title!, occurredOn: occurredOn!, note: input.note ?? null, createdBy: actor.userId, createdAt: now, updatedAt: now };
    await tx.insert(brandEvidence).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.evidence.add', entity: 'brand', entityId: id, courtId: row.courtId, after: row });
    return detail(deps, tx, actor, id);
  });
}

export async function removeEvidence(deps: Deps, actor: Actor, evidenceId: string) {
  const [e] = await deps.db.select().from(brandEvidence).where(eq(brandEvidence.id, evidenceId));
  const b = await editable(deps, actor, found(e).brandId);
  return deps.db.transaction(async (tx) => {
    await tx.delete(brandEvidence).where(eq(brandEvidence.id, evidenceId));
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.evidence.remove', entity: 'brand', entityId: b.row.id, courtId: b.row.courtId, before: e });
    return detail(deps, tx, actor, b.row.id);
  });
}

/**
 * Overdue cultivation milestones the caller should act on: the office sees its courts' brands, a
 * branch secretary their branch's. For the brands pages and the home page's card.
 */
export async function listReminders(deps: Deps, actor: Actor) {
  const officeCourts = actor.grants.filter((g) => g.role === 'courtAdmin' && g.courtId).map((g) => g.courtId!);
  const lines = actor.grants.filter((g) => g.role === 'branchSecretary' && g.courtId && g.orgPath).map((g) => and(eq(brands.courtId, g.courtId!), sql`${partyOrgs.path} like ${`${g.orgPath}%`}`));
  const scope = [...(officeCourts.length ? [inArray(brands.courtId, officeCourts)] : []), ...lines];
  if (!scope.length) return { items: [], total: 0 };
  const today = todayInShanghai(deps.now());
  const rows = await deps.db
    .select({ m: brandMilestones, brandName: brands.name, orgName: partyOrgs.name })
    .from(brandMilestones)
    .innerJoin(brands, eq(brands.id, brandMilestones.brandId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, brands.orgId))
    .where(and(or(...scope), sql`${brandMilestones.doneOn} is null`, sql`${brandMilestones.dueOn} < ${today}`, sql`${brands.state} <> 'rejected'`))
    .orderBy(brandMilestones.dueOn)
    .limit(200);
  const items = rows.map((r) => {
    const days = milestoneDaysOverdue(r.m, today);
    return {
      milestoneId: r.m.id,
      brandId: r.m.brandId,
      brandName: r.brandName,
      orgName: r.orgName,
      title: r.m.title,
      owner: r.m.owner,
      dueOn: r.m.dueOn,
      daysOverdue: days,
      message: `“${r.brandName}”培育节点“${r.m.title}”应于${formatChineseDate(r.m.dueOn)}完成，已逾期${days}天（责任人：${r.m.owner}）`,
    };
  });
  return { items, total: items.length };
}

/** The court's "1+N": its master brand and the branch brands (not drafts, not rejected). */
export async function cluster(deps: Deps, actor: Actor, courtIdArg: string | undefined): Promise<BrandCluster> {
  const courtId = courtIdArg ?? actor.courtId;
  if (!courtId || !readableCourtIds(actor).includes(courtId)) throw new AppError('NOT_FOUND');
  const [court] = await deps.db.select({ name: schema.courts.name }).from(schema.courts).where(eq(schema.courts.id, courtId));
  const today = todayInShanghai(deps.now());
  const rows = await repo.listBrands(deps.db, and(eq(brands.courtId, courtId), sql`${brands.state} not in ('draft', 'rejected')`), actor.userId, today);
  const items = rows.map(toSummary);
  const [hc] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(schema.honors).where(eq(schema.honors.courtId, courtId));
  return {
    courtId,
    courtName: found(court).name,
    master: items.find((i) => i.isMaster) ?? null,
    branches: items.filter((i) => !i.isMaster),
    honorCount: Number(hc?.n ?? 0),
    byState: brandStates.filter((s) => s !== 'draft' && s !== 'rejected').map((s) => ({ state: s, label: brandStateLabels[s], count: items.filter((i) => i.state === s).length })),
  };
}

export async function brandReport(deps: Deps, actor: Actor, id: string) {
  const d = await detail(deps, deps.db, actor, id);
  const b = found(await repo.findBrand(deps.db, id));
  const buffer = await renderBrandReport({
    courtName: (await deps.db.select({ name: schema.courts.name }).from(schema.courts).where(eq(schema.courts.id, d.courtId)))[0]!.name,
    orgName: d.orgName,
    name: d.name,
    slogan: d.slogan,
    stateLabel: d.stateLabel,
    concept: d.concept,
    substance: d.substance,
    distinctiveness: d.distinctiveness,
    integration: d.integration,
    carriers: d.carriers,
    team: d.team,
    story: d.story,
    milestones: d.milestones,
    evidenceByYear: d.evidenceByYear,
    evidence: d.evidence,
    honors: d.honors,
    generatedOn: todayInShanghai(deps.now()),
  });
  return { buffer, fileName: `${b.row.name}党建品牌创建情况.docx`, asciiName: 'brand-report.docx' };
}


const showcaseStates = ['recognized', 'cultivating', 'promoting', 'selected'];

/**
 * The public showcase (no login): the court's published, recognized brands with their content,
 * evidence counts and collective honors — no team, reviewers, scores, owners or individual honors.
 */
export async function showcase(deps: Deps, courtId: string): Promise<BrandShowcase> {
  const [court] = await deps.db.select({ name: schema.courts.name }).from(schema.courts).where(eq(schema.courts.id, courtId));
  if (!court) throw new AppError('NOT_FOUND');
  const rows = await deps.db
    .select({ b: brands, orgName: partyOrgs.name })
    .from(brands)
    .innerJoin(partyOrgs, eq(partyOrgs.id, brands.orgId))
    .where(and(eq(brands.courtId, courtId), eq(brands.published, true), inArray(brands.state, showcaseStates)))
    .orderBy(sql`${brands.isMaster} desc`, partyOrgs.sortOrder, partyOrgs.path);
  const ids = rows.map((r) => r.b.id);
  const evidence = ids.length ? await deps.db.select({ brandId: brandEvidence.brandId, kind: brandEvidence.kind, occurredOn: brandEvidence.occurredOn }).from(brandEvidence).where(inArray(brandEvidence.brandId, ids)) : [];
  const honorRows = ids.length
    ? await deps.db.select().from(schema.honors).where(and(inArray(schema.honors.brandId, ids), eq(schema.honors.kind, 'collective'))).orderBy(sql`${schema.honors.awardedOn} desc`)
    : [];
  return {
    courtName: court.name,
    brands: rows.map(({ b, orgName }) => ({
      id: b.id,
      isMaster: b.isMaster,
      orgName,
      name: b.name,
      slogan: b.slogan,
      stateLabel: brandStateLabels[b.state as BrandState],
      selectedYear: b.state === 'selected' ? b.selectedYear : null,
      concept: b.concept,
      substance: b.substance,
      distinctiveness: b.distinctiveness,
      integration: b.integration,
      carriers: b.carriers,
      story: b.story,
      evidenceByYear: countEvidenceByYear(evidence.filter((e) => e.brandId === b.id).map((e) => ({ kind: e.kind as BrandEvidenceKind, occurredOn: e.occurredOn }))),
      honors: honorRows.filter((h) => h.brandId === b.id).map((h) => ({ name: h.name, levelLabel: honorLevelLabels[h.level as HonorLevel] ?? h.level, issuer: h.issuer, awardedOn: h.awardedOn })),
    })),
  };
}
