// 党费台账: the branch's monthly ledger computed from bases, approved 少交/免交 and payments (the rules
// are in domain/dues-ledger.ts); recording and undoing payments (代交, 补交 within 6 months); bases per
// member from a month; 少交/免交 requested by the branch and approved by the higher-level org; the
// member's own dues; the yearly 收缴情况公布 (totals only) and its Excel export. @see RULES.md §4.1
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from '@zhibu/contracts';
import type {
  createDuesAdjustmentRequest,
  decideDuesAdjustmentRequest,
  DuesLedger,
  DuesLedgerRow,
  DuesMonthCellView,
  DuesReport,
  MyDues,
  recordDuesPaymentRequest,
  saveDuesBaseRequest,
} from '@zhibu/contracts';
import {
  computeMonthlyDues,
  duesMemberTypeLabels,
  duesTypeUsesBase,
  memberStatusLabels,
  todayInShanghai,
  type DuesMemberType,
  type MemberStatus,
  type RuleConfig,
  addYearMonths,
  buildDuesMonths,
  checkDuesAdjustment,
  checkDuesPaymentMonth,
  computeDuesArrears,
  computeDuesBaseFen,
  defaultDuesBaseComponents,
  dueFor,
  duesAdjustmentKindLabels,
  duesAdjustmentRule,
  duesAdjustmentStateLabels,
  duesArrearsRule,
  duesBackPayRule,
  duesMonthStateLabels,
  formatYearMonth,
  monthOfDate,
  sumDuesCells,
  yearMonths,
  type DuesAdjustmentKind,
  type DuesAdjustmentState,
  type DuesMonthCell,
  type MemberDuesInput,
  type YearMonth,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { duesPolicy as policy } from './dues.policy';
import * as repo from './dues.repository';

const { duesBases, duesPayments, duesAdjustments } = schema;

const currentMonthOf = (deps: Deps): YearMonth => monthOfDate(todayInShanghai(deps.now()));

type Loaded = {
  member: repo.LedgerMember;
  input: MemberDuesInput;
  paymentVersions: Map<string, number>;
  latest: { memberType: DuesMemberType; monthlyFen: number } | null;
};

/** Everything the ledger needs for the members of a subtree, in four queries (not one per member). */
async function loadDues(db: DbOrTx, courtId: string, path: string, fromMonth: YearMonth, memberId?: string): Promise<Loaded[]> {
  const members = await repo.listLedgerMembers(db, courtId, path, memberId);
  const ids = members.map((m) => m.id);
  const [bases, payments, adjustments] = await Promise.all([repo.basesOf(db, ids), repo.paymentsOf(db, ids, fromMonth), repo.approvedAdjustmentsOf(db, ids)]);
  return members.map((member) => {
    const own = bases.filter((b) => b.memberId === member.id);
    const paid = payments.filter((p) => p.memberId === member.id);
    const last = own[own.length - 1];
    return {
      member,
      input: {
        joinedOn: member.joinedOn,
        leftOn: member.leftOn,
        bases: own.map((b) => ({ effectiveMonth: b.effectiveMonth, monthlyFen: b.monthlyFen })),
        adjustments: adjustments.filter((a) => a.memberId === member.id).map((a) => ({ fromMonth: a.fromMonth, toMonth: a.toMonth, kind: a.kind as DuesAdjustmentKind, monthlyFen: a.monthlyFen })),
        payments: paid.map((p) => ({ id: p.id, month: p.month, amountFen: p.amountFen, paidOn: p.paidOn, paidByName: p.paidByName })),
      },
      paymentVersions: new Map(paid.map((p) => [p.id, p.version])),
      latest: last ? { memberType: last.memberType as DuesMemberType, monthlyFen: last.monthlyFen } : null,
    };
  });
}

function cellView(c: DuesMonthCell, versions: Map<string, number>): DuesMonthCellView {
  return { ...c, stateLabel: duesMonthStateLabels[c.state], paymentVersion: c.paymentId ? (versions.get(c.paymentId) ?? null) : null };
}

function monthTotals(months: YearMonth[], rows: { cells: DuesMonthCell[] }[]) {
  return months.map((month, i) => {
    const cells = rows.map((r) => r.cells[i]!).filter((c) => c.month === month);
    const s = sumDuesCells(cells);
    return { month, dueFen: s.dueFen, paidFen: s.paidFen, paidCount: s.paidCount, unpaidCount: s.unpaidCount };
  });
}

async function thresholdsOf(db: DbOrTx, courtId: string) {
  const config: RuleConfig = await getRuleConfig(db, courtId);
  return config.dues.arrears;
}

async function visibleOrg(deps: Deps, actor: Actor, orgId: string, can: (org: { courtId: string; path: string }) => boolean) {
  const org = await repo.findOrg(deps.db, orgId);
  if (!org || !can(org)) throw new AppError('NOT_FOUND');
  return org;
}

/** The monthly ledger of an org subtree (a branch) for a year. */
export async function ledger(deps: Deps, actor: Actor, q: { orgId: string; year: number }): Promise<DuesLedger> {
  const org = await visibleOrg(deps, actor, q.orgId, (o) => policy.readLedger(actor, o));
  const currentMonth = currentMonthOf(deps);
  const months = yearMonths(q.year);
  const fromMonth = [months[0]!, addYearMonths(currentMonth, -13)].sort()[0]!;
  const loaded = await loadDues(deps.db, org.courtId, org.path, fromMonth);
  const thresholds = await thresholdsOf(deps.db, org.courtId);
  const rows = loaded
    .map((l) => ({ l, cells: buildDuesMonths(l.input, months, currentMonth) }))
    // A member who was on no month of the year's roll does not belong in this year's ledger.
    .filter((r) => r.cells.some((c) => c.state !== 'notMember'));
  const items: DuesLedgerRow[] = rows.map(({ l, cells }) => {
    const s = sumDuesCells(cells);
    return {
      memberId: l.member.id,
      memberName: l.member.name,
      statusLabel: memberStatusLabels[l.member.status as MemberStatus] ?? l.member.status,
      orgName: l.member.orgShortName ?? l.member.orgName,
      memberType: l.latest?.memberType ?? null,
      memberTypeLabel: l.latest ? duesMemberTypeLabels[l.latest.memberType] : null,
      monthlyFen: l.latest?.monthlyFen ?? null,
      cells: cells.map((c) => cellView(c, l.paymentVersions)),
      arrears: computeDuesArrears(l.input, currentMonth, thresholds),
      dueFen: s.dueFen,
      paidFen: s.paidFen,
    };
  });
  return {
    orgId: org.id,
    orgName: org.name,
    year: q.year,
    currentMonth,
    canManage: policy.manage(actor, org),
    items,
    total: items.length,
    monthTotals: monthTotals(months, rows),
    arrearsRule: duesArrearsRule,
    arrearsThresholds: thresholds,
    backPayRule: duesBackPayRule,
  };
}

/** The member row as the branch may act on it: 404 outside the ledger's readers, 403 for readers who may not record. */
async function managedMember(deps: Deps, actor: Actor, memberId: string) {
  const member = await repo.findMember(deps.db, memberId);
  if (!member) throw new AppError('NOT_FOUND');
  const branch = found(await repo.findOrg(deps.db, member.orgId));
  if (!policy.readLedger(actor, branch)) throw new AppError('NOT_FOUND');
  forbidIf(!policy.manage(actor, branch));
  return { member, branch };
}

export async function recordPayment(deps: Deps, actor: Actor, input: z.infer<typeof recordDuesPaymentRequest>) {
  const { member, branch } = await managedMember(deps, actor, input.memberId);
  const today = todayInShanghai(deps.now());
  if (input.paidOn > today) throw invalidField('paidOn', '交纳日期不能晚于今天');
  // The 6-month window runs from the month the money is handed over (第十二条).
  const problem = checkDuesPaymentMonth(input.month, monthOfDate(input.paidOn));
  if (problem) throw invalidField(problem.field, problem.message);
  const [l] = await loadDues(deps.db, member.courtId, member.orgPath, input.month, member.id);
  if (!l) throw invalidField('memberId', `${member.name}不是在册党员，无需交纳党费`);
  const due = dueFor(l.input, input.month);
  if (due.state === 'notMember') throw invalidField('month', `${formatYearMonth(input.month)}${member.name}尚未入党或已不在本支部，无需交纳（预备党员自支部大会通过之日起交纳，党费规定第八条）`);
  if (due.state === 'exempt') throw invalidField('month', `${member.name}${formatYearMonth(input.month)}已经批准免交党费`);
  if (due.state === 'noBase') throw invalidField('month', `请先为${member.name}设定${formatYearMonth(input.month)}适用的党费基数和月交纳额`);
  const amountFen = input.amountFen ?? due.dueFen;
  if (amountFen < due.dueFen) throw invalidField('amountFen', `少于应交金额；少交须经党支部研究、报上一级党委批准（党费规定第七条）`);
  const paidByName = input.paidByName?.trim() || null;
  return deps.db.transaction(async (tx) => {
    if (await repo.findPaymentOf(tx, member.id, input.month)) throw invalidField('month', `${member.name}${formatYearMonth(input.month)}的党费已登记交纳`);
    const row = { id: newId(), courtId: member.courtId, memberId: member.id, orgId: branch.id, month: input.month, amountFen, paidOn: input.paidOn, paidByName, note: input.note ?? null, recordedBy: actor.userId };
    await tx.insert(duesPayments).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'dues.payment.record', entity: 'duesPayment', entityId: row.id, courtId: member.courtId, after: { ...row, memberName: member.name, dueFen: due.dueFen } });
    return { id: row.id, memberId: member.id, memberName: member.name, month: row.month, amountFen, paidOn: row.paidOn, paidByName, backPaid: monthOfDate(row.paidOn) > row.month, version: 1 };
  });
}

export async function deletePayment(deps: Deps, actor: Actor, id: string, version: number) {
  const payment = found(await repo.findPayment(deps.db, id));
  await managedMember(deps, actor, payment.memberId);
  await deps.db.transaction(async (tx) => {
    const current = found(await repo.findPayment(tx, id));
    assertVersion(current.version, version);
    await tx.delete(duesPayments).where(eq(duesPayments.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'dues.payment.delete', entity: 'duesPayment', entityId: id, courtId: current.courtId, before: current });
  });
  return { ok: true as const };
}

type BaseRow = typeof duesBases.$inferSelect;

function baseView(b: BaseRow, config: RuleConfig) {
  const memberType = b.memberType as DuesMemberType;
  const calc = computeMonthlyDues({ baseFen: b.baseFen, memberType, config });
  return {
    id: b.id,
    memberId: b.memberId,
    effectiveMonth: b.effectiveMonth,
    memberType,
    memberTypeLabel: duesMemberTypeLabels[memberType],
    components: b.components,
    baseFen: b.baseFen,
    monthlyFen: b.monthlyFen,
    rate: calc.rate,
    bandLabel: calc.bandLabel,
    rule: calc.rule,
    version: b.version,
  };
}

export async function listBases(deps: Deps, actor: Actor, memberId: string) {
  const member = found(await repo.findMember(deps.db, memberId));
  const branch = found(await repo.findOrg(deps.db, member.orgId));
  if (!policy.readLedger(actor, branch) && actor.memberId !== member.id) throw new AppError('NOT_FOUND');
  const config = await getRuleConfig(deps.db, member.courtId);
  const rows = await repo.basesOf(deps.db, [member.id]);
  return { items: rows.map((b) => baseView(b, config)), total: rows.length, defaultComponents: (await courtComponents(deps.db, member.courtId)).components };
}

/** A base from a month (the year's base from January; a wage change from its month, 第十条). */
export async function saveBase(deps: Deps, actor: Actor, memberId: string, input: z.infer<typeof saveDuesBaseRequest>) {
  const { member } = await managedMember(deps, actor, memberId);
  const config = await getRuleConfig(deps.db, member.courtId);
  const usesBase = duesTypeUsesBase(input.memberType);
  if (usesBase && !input.components.length) throw invalidField('components', '在职、离退休党员须填写基数构成（税后相对固定的经常性工资收入，党费规定第一条）');
  const baseFen = usesBase ? computeDuesBaseFen(input.components) : null;
  const monthlyFen = computeMonthlyDues({ baseFen, memberType: input.memberType, config }).amountFen;
  return deps.db.transaction(async (tx) => {
    const existing = await repo.findBaseOf(tx, member.id, input.effectiveMonth);
    const values = { memberType: input.memberType, components: usesBase ? input.components : [], baseFen, monthlyFen, note: input.note ?? null, updatedBy: actor.userId };
    let id: string;
    if (existing) {
      if (!input.version) throw new AppError('VERSION_CONFLICT', `${formatYearMonth(input.effectiveMonth)}起的基数已存在，请刷新后修改`);
      assertVersion(existing.version, input.version);
      id = existing.id;
      await tx.update(duesBases).set({ ...values, version: existing.version + 1, updatedAt: deps.now() }).where(eq(duesBases.id, id));
      await appendAudit(tx, auditActorOf(actor), { action: 'dues.base.update', entity: 'duesBase', entityId: id, courtId: member.courtId, before: { memberType: existing.memberType, baseFen: existing.baseFen, monthlyFen: existing.monthlyFen }, after: { ...values, memberName: member.name } });
    } else {
      id = newId();
      await tx.insert(duesBases).values({ id, courtId: member.courtId, memberId: member.id, effectiveMonth: input.effectiveMonth, ...values });
      await appendAudit(tx, auditActorOf(actor), { action: 'dues.base.create', entity: 'duesBase', entityId: id, courtId: member.courtId, after: { ...values, effectiveMonth: input.effectiveMonth, memberName: member.name } });
    }
    return baseView(found(await repo.findBaseOf(tx, member.id, input.effectiveMonth)), config);
  });
}

type AdjustmentListed = Awaited<ReturnType<typeof repo.listAdjustments>>[number];

type OrgCache = Map<string, Promise<Awaited<ReturnType<typeof repo.findOrg>>>>;

async function adjustmentView(db: DbOrTx, actor: Actor, x: AdjustmentListed, parents: OrgCache = new Map()) {
  // Branches share a few parents: one lookup per parent, not one per request.
  if (x.parentId && !parents.has(x.parentId)) parents.set(x.parentId, repo.findOrg(db, x.parentId));
  const parent = x.parentId ? await parents.get(x.parentId) : undefined;
  const state = x.row.state as DuesAdjustmentState;
  const kind = x.row.kind as DuesAdjustmentKind;
  return {
    id: x.row.id,
    memberId: x.row.memberId,
    memberName: x.memberName,
    orgName: x.orgName,
    kind,
    kindLabel: duesAdjustmentKindLabels[kind],
    fromMonth: x.row.fromMonth,
    toMonth: x.row.toMonth,
    monthlyFen: x.row.monthlyFen,
    reason: x.row.reason,
    state,
    stateLabel: duesAdjustmentStateLabels[state],
    decisionReason: x.row.decisionReason,
    canDecide: state === 'pending' && policy.decide(actor, parent),
    rule: duesAdjustmentRule,
    version: x.row.version,
  };
}

export async function requestAdjustment(deps: Deps, actor: Actor, input: z.infer<typeof createDuesAdjustmentRequest>) {
  const { member, branch } = await managedMember(deps, actor, input.memberId);
  const problem = checkDuesAdjustment({ kind: input.kind, fromMonth: input.fromMonth, toMonth: input.toMonth ?? null, monthlyFen: input.monthlyFen ?? null });
  if (problem) throw invalidField(problem.field, problem.message);
  if (!branch.parentId) throw invalidField('memberId', `${branch.name}没有上级党组织，无法报批`);
  return deps.db.transaction(async (tx) => {
    const row = {
      id: newId(),
      courtId: member.courtId,
      memberId: member.id,
      orgId: branch.id,
      kind: input.kind,
      fromMonth: input.fromMonth,
      toMonth: input.toMonth ?? null,
      monthlyFen: input.kind === 'reduce' ? input.monthlyFen! : 0,
      reason: input.reason,
      state: 'pending',
      requestedBy: actor.userId,
    };
    await tx.insert(duesAdjustments).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'dues.adjustment.request', entity: 'duesAdjustment', entityId: row.id, courtId: member.courtId, after: { ...row, memberName: member.name } });
    const [x] = await repo.listAdjustments(tx, eq(duesAdjustments.id, row.id));
    return adjustmentView(tx, actor, found(x));
  });
}

/** 少交/免交 the caller's branches requested, or that wait for the caller's approval, in their courts. */
export async function listAdjustments(deps: Deps, actor: Actor, q: { orgId?: string; state?: DuesAdjustmentState }) {
  const courtIds = [...new Set(actor.grants.filter((g) => g.courtId && (g.role === 'courtAdmin' || g.role === 'branchSecretary' || g.role === 'committeeMember')).map((g) => g.courtId!))];
  if (!courtIds.length) return { items: [], total: 0 };
  const org = q.orgId ? await visibleOrg(deps, actor, q.orgId, (o) => policy.readLedger(actor, o)) : null;
  const where = and(inArray(duesAdjustments.courtId, courtIds), q.state ? eq(duesAdjustments.state, q.state) : undefined) as SQL;
  const rows = await repo.listAdjustments(deps.db, where);
  const items = [];
  const parents: OrgCache = new Map();
  for (const x of rows) {
    if (org && !x.orgPath.startsWith(org.path)) continue;
    const view = await adjustmentView(deps.db, actor, x, parents);
    if (view.canDecide || policy.readLedger(actor, { courtId: x.courtId, path: x.orgPath })) items.push(view);
  }
  return { items, total: items.length };
}

export async function decideAdjustment(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decideDuesAdjustmentRequest>) {
  const x = found(await repo.findAdjustment(deps.db, id));
  const branch = found(await repo.findOrg(deps.db, x.orgId));
  const parent = branch.parentId ? await repo.findOrg(deps.db, branch.parentId) : undefined;
  if (!policy.readLedger(actor, branch) && !policy.decide(actor, parent)) throw new AppError('NOT_FOUND');
  // 第七条: the higher-level 党委 approves; the branch never approves its own request.
  forbidIf(!policy.decide(actor, parent));
  if (input.decision === 'reject' && !input.reason) throw invalidField('reason', '不予批准须填写原因');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findAdjustment(tx, id));
    assertVersion(current.version, input.version);
    if (current.state !== 'pending') throw new AppError('VALIDATION_FAILED', '该申请已审批');
    const now = deps.now();
    const state = input.decision === 'approve' ? 'approved' : 'rejected';
    await tx.update(duesAdjustments).set({ state, decidedBy: actor.userId, decidedAt: now, decisionReason: input.reason ?? null, version: current.version + 1, updatedAt: now }).where(eq(duesAdjustments.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: `dues.adjustment.${input.decision}`, entity: 'duesAdjustment', entityId: id, courtId: current.courtId, before: { state: current.state }, after: { state, decisionReason: input.reason ?? null, approverOrgId: parent!.id } });
    const [row] = await repo.listAdjustments(tx, eq(duesAdjustments.id, id));
    return adjustmentView(tx, actor, found(row));
  });
}

/** The member's own dues this year (USERS.md 小李): this month's amount and whether it is paid. */
export async function mine(deps: Deps, actor: Actor): Promise<MyDues> {
  if (!actor.memberId) throw new AppError('NOT_FOUND', '当前账号未关联党员');
  const member = found(await repo.findMember(deps.db, actor.memberId));
  const branch = found(await repo.findOrg(deps.db, member.orgId));
  const currentMonth = currentMonthOf(deps);
  const months = yearMonths(Number(currentMonth.slice(0, 4)));
  const [l] = await loadDues(deps.db, member.courtId, member.orgPath, addYearMonths(currentMonth, -13), member.id);
  const input: MemberDuesInput = l?.input ?? { joinedOn: member.joinedOn, leftOn: null, bases: [], adjustments: [], payments: [] };
  const versions = l?.paymentVersions ?? new Map<string, number>();
  const cells = buildDuesMonths(input, months, currentMonth);
  const current = cells.find((c) => c.month === currentMonth)!;
  return {
    memberName: member.name,
    orgName: branch.shortName ?? branch.name,
    currentMonth,
    monthlyFen: l?.latest?.monthlyFen ?? null,
    current: cellView(current, versions),
    cells: cells.map((c) => cellView(c, versions)),
    arrears: computeDuesArrears(input, currentMonth, await thresholdsOf(deps.db, member.courtId)),
    paidFen: sumDuesCells(cells).paidFen,
  };
}

/** 收缴情况公布: per branch and month, totals only (no person's amount), for everyone who may see the org. */
export async function report(deps: Deps, actor: Actor, q: { orgId?: string; year: number }): Promise<DuesReport & { org: { id: string; courtId: string; path: string; name: string } }> {
  let orgId = q.orgId;
  if (!orgId && actor.memberId) orgId = (await repo.findMember(deps.db, actor.memberId))?.orgId;
  if (!orgId) throw invalidField('orgId', '请选择党组织');
  const org = await visibleOrg(deps, actor, orgId, (o) => policy.readReport(actor, o));
  const currentMonth = currentMonthOf(deps);
  const months = yearMonths(q.year);
  const loaded = await loadDues(deps.db, org.courtId, org.path, months[0]!);
  const byOrg = new Map<string, { orgId: string; orgName: string; rows: { cells: DuesMonthCell[] }[] }>();
  const all: { cells: DuesMonthCell[] }[] = [];
  for (const l of loaded) {
    const cells = buildDuesMonths(l.input, months, currentMonth);
    if (!cells.some((c) => c.state !== 'notMember')) continue;
    const g = byOrg.get(l.member.orgId) ?? { orgId: l.member.orgId, orgName: l.member.orgShortName ?? l.member.orgName, rows: [] };
    g.rows.push({ cells });
    byOrg.set(l.member.orgId, g);
    all.push({ cells });
  }
  const items = [...byOrg.values()].map((g) => {
    const totals = monthTotals(months, g.rows);
    return { orgId: g.orgId, orgName: g.orgName, memberCount: g.rows.length, months: totals, dueFen: totals.reduce((s, m) => s + m.dueFen, 0), paidFen: totals.reduce((s, m) => s + m.paidFen, 0) };
  });
  const totals = monthTotals(months, all);
  return {
    org: { id: org.id, courtId: org.courtId, path: org.path, name: org.name },
    year: q.year,
    orgName: org.name,
    items,
    total: items.length,
    months: totals,
    dueFen: totals.reduce((s, m) => s + m.dueFen, 0),
    paidFen: totals.reduce((s, m) => s + m.paidFen, 0),
  };
}

export async function reportWorkbook(deps: Deps, actor: Actor, q: { orgId?: string; year: number }) {
  const { org, ...r } = await report(deps, actor, q);
  // The per-member sheet only for the ledger's readers; members get the published totals.
  const detail = policy.readLedger(actor, org) ? await ledger(deps, actor, { orgId: org.id, year: q.year }) : null;
  const { renderDuesWorkbook } = await import('./dues-xlsx');
  const buffer = await renderDuesWorkbook(r, detail);
  return { buffer, fileName: `${r.orgName}${q.year}年党费收缴情况.xlsx`, asciiName: `dues-${q.year}.xlsx` };
}

const componentsKey = 'duesBaseComponents';

async function componentSetting(db: DbOrTx, courtId: string) {
  return (await db.select().from(schema.settings).where(and(eq(schema.settings.courtId, courtId), eq(schema.settings.key, componentsKey))))[0];
}

/** The court's base components, or the 机关 default (RULES.md §4.1 Court-specific base, [U]). */
export async function courtComponents(db: DbOrTx, courtId: string) {
  const row = await componentSetting(db, courtId);
  return row
    ? { courtId, components: row.value as { name: string; deducted: boolean }[], isDefault: false, version: row.version }
    : { courtId, components: defaultDuesBaseComponents, isDefault: true, version: 0 };
}

export async function getComponents(deps: Deps, actor: Actor, courtId: string) {
  const readable = actor.grants.some((g) => g.courtId === courtId && (g.role === 'courtAdmin' || g.role === 'branchSecretary' || g.role === 'committeeMember'));
  if (!readable) throw new AppError('NOT_FOUND');
  return courtComponents(deps.db, courtId);
}

/** Only the party office (courtAdmin) sets the court's list; branches use it for every member's base. */
export async function saveComponents(deps: Deps, actor: Actor, input: { courtId: string; components: { name: string; deducted: boolean }[]; version: number }) {
  if (!actor.grants.some((g) => g.courtId === input.courtId && (g.role === 'courtAdmin' || g.role === 'branchSecretary' || g.role === 'committeeMember'))) throw new AppError('NOT_FOUND');
  forbidIf(!actor.grants.some((g) => g.role === 'courtAdmin' && g.courtId === input.courtId));
  const names = input.components.map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw invalidField('components', `项目“${dup}”重复`);
  return deps.db.transaction(async (tx) => {
    const row = await componentSetting(tx, input.courtId);
    assertVersion(row?.version ?? 0, input.version);
    if (row) await tx.update(schema.settings).set({ value: input.components, version: row.version + 1, updatedAt: deps.now() }).where(eq(schema.settings.id, row.id));
    else await tx.insert(schema.settings).values({ id: newId(), courtId: input.courtId, key: componentsKey, value: input.components });
    await appendAudit(tx, auditActorOf(actor), { action: 'dues.components.save', entity: 'settings', entityId: row?.id ?? null, courtId: input.courtId, before: row ? { components: row.value } : null, after: { components: input.components } });
    return courtComponents(tx, input.courtId);
  });
}
