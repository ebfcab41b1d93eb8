// 联建: propose a pairing (in force at once with an outside unit or a branch the proposer also
// manages; otherwise waiting for the partner's manager), accept or decline it, edit the agreement,
// end it; list within scope; the joint activities under it; the network of a court's pairings with
// counts per branch and per 四联 category. Every write in one transaction with its audit entry.
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { z } from '@zhibu/contracts';
import type {
  counterpartQuery,
  createPartnershipRequest,
  decidePartnershipRequest,
  endPartnershipRequest,
  networkQuery,
  Partnership,
  PartnershipNetwork,
  partnershipListQuery,
  updatePartnershipRequest,
} from '@zhibu/contracts';
import {
  activityTypeLabels,
  checkPartnershipPeriod,
  initialPartnershipStatus,
  jointCategories,
  jointCategoryLabels,
  nextPartnershipStatus,
  partnershipStatusLabels,
  tallyJointCategories,
  todayInShanghai,
  type ActivityType,
  type JointCategory,
  type PartnerKind,
  type PartnershipStatus,
  type PartnerUnitType,
} from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { canManageOrg } from '../../policy/scope';
import { partnerLabelOf } from './joint-activities';
import { lowerCourtIdsOf, partnershipsPolicy as policy, type Sides } from './partnerships.policy';
import * as repo from './partnerships.repository';

const { partnerships } = schema;

function sidesOf(row: repo.PartnershipRow): Sides {
  return {
    own: { courtId: row.courtId, path: row.orgPath },
    partner: row.partnerKind === 'branch' && row.partnerCourtId && row.partnerOrgPath ? { courtId: row.partnerCourtId, path: row.partnerOrgPath } : null,
  };
}

function toView(actor: Actor, x: repo.ListedPartnership): Partnership {
  const r = x.row;
  const s = sidesOf(r);
  const status = r.status as PartnershipStatus;
  const categories = (r.categories as JointCategory[]).filter((c) => (jointCategories as readonly string[]).includes(c));
  const canManage = status === 'active' && policy.manage(actor, s);
  const hostable: string[] = [];
  if (canManage) {
    if (canManageOrg(actor, s.own)) hostable.push(r.orgId);
    if (s.partner && canManageOrg(actor, s.partner) && r.partnerOrgId) hostable.push(r.partnerOrgId);
  }
  return {
    id: r.id,
    courtId: r.courtId,
    courtName: x.courtName,
    orgId: r.orgId,
    orgName: x.orgName,
    orgShortName: x.orgShortName ?? x.orgName,
    ownLabel: `${x.courtShortName} · ${x.orgShortName ?? x.orgName}`,
    partnerKind: r.partnerKind as PartnerKind,
    partnerCourtId: r.partnerCourtId,
    partnerCourtName: x.partnerCourtName,
    partnerOrgId: r.partnerOrgId,
    partnerOrgName: x.partnerOrgName,
    partnerUnitName: r.partnerUnitName,
    partnerUnitType: (r.partnerUnitType as PartnerUnitType | null) ?? null,
    partnerLabel: partnerLabelOf(x),
    title: r.title,
    goals: r.goals,
    categories,
    categoryLabels: categories.map((c) => jointCategoryLabels[c]),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    contact: policy.seesContacts(actor, s) ? r.contact : null,
    partnerContact: policy.seesContacts(actor, s) ? r.partnerContact : null,
    status,
    statusLabel: partnershipStatusLabels[status] ?? status,
    decisionReason: r.decisionReason,
    endedOn: r.endedOn,
    endReason: r.endReason,
    jointActivityCount: x.jointActivityCount,
    canDecide: status === 'proposed' && policy.decide(actor, s),
    canManage: (status === 'active' || status === 'proposed') && policy.manage(actor, s),
    hostableOrgIds: hostable,
    version: r.version,
  };
}

async function viewById(deps: Deps, actor: Actor, id: string) {
  return toView(actor, found(await repo.findListed(deps.db, id)));
}

async function loadReadable(deps: Deps, actor: Actor, id: string) {
  const row = found(await repo.findPartnership(deps.db, id));
  if (!policy.read(actor, sidesOf(row))) throw new AppError('NOT_FOUND');
  return row;
}

export async function listPartnerships(deps: Deps, actor: Actor, q: z.infer<typeof partnershipListQuery>) {
  let orgFilter: SQL | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(deps.db, q.orgId);
    if (!org) return { items: [], total: 0 };
    orgFilter = or(eq(partnerships.orgId, org.id), eq(partnerships.partnerOrgId, org.id));
  }
  const courtFilter = q.courtId ? or(eq(partnerships.courtId, q.courtId), eq(partnerships.partnerCourtId, q.courtId)) : undefined;
  const where = and(policy.listCondition(actor), orgFilter, courtFilter, q.status ? eq(partnerships.status, q.status) : undefined) as SQL;
  const { rows, total } = await repo.listPartnerships(deps.db, where, q);
  return { items: rows.map((x) => toView(actor, x)), total };
}

export async function getPartnership(deps: Deps, actor: Actor, id: string) {
  await loadReadable(deps, actor, id);
  return viewById(deps, actor, id);
}

export async function createPartnership(deps: Deps, actor: Actor, input: z.infer<typeof createPartnershipRequest>) {
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || org.dissolvedOn || !canManageOrg(actor, { courtId: org.courtId, path: org.path })) throw invalidField('orgId', '党组织不存在或不在您的管理范围内');
  if (org.type !== 'branch') throw invalidField('orgId', '联建以党支部为单位，请选择党支部');
  const problem = checkPartnershipPeriod(input.startsOn, input.endsOn ?? null)[0];
  if (problem) throw invalidField(problem.field, problem.message);
  let partner: Awaited<ReturnType<typeof repo.findOrg>> | null = null;
  if (input.partnerKind === 'branch') {
    if (!input.partnerOrgId) throw invalidField('partnerOrgId', '请选择对口党支部');
    partner = (await repo.findOrg(deps.db, input.partnerOrgId)) ?? null;
    if (!partner || partner.dissolvedOn || partner.type !== 'branch') throw invalidField('partnerOrgId', '对口党支部不存在');
    if (partner.id === org.id) throw invalidField('partnerOrgId', '不能与本支部自己联建');
    if (await repo.findOpenPair(deps.db, org.id, partner.id)) throw invalidField('partnerOrgId', `${org.name}与${partner.name}已有联建关系（联建中或待确认）`);
  } else if (!input.partnerUnitName) {
    throw invalidField('partnerUnitName', '请填写联建单位名称');
  }
  const proposerManagesPartner = !!partner && canManageOrg(actor, { courtId: partner.courtId, path: partner.path });
  const status = initialPartnershipStatus({ partnerKind: input.partnerKind, proposerManagesPartner });
  const categories = [...new Set(input.categories)];
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const row = {
      id: newId(),
      courtId: org.courtId,
      orgId: org.id,
      orgPath: org.path,
      partnerKind: input.partnerKind,
      partnerCourtId: partner?.courtId ?? null,
      partnerOrgId: partner?.id ?? null,
      partnerOrgPath: partner?.path ?? null,
      partnerUnitName: partner ? null : (input.partnerUnitName ?? null),
      partnerUnitType: partner ? null : (input.partnerUnitType ?? 'other'),
      title: input.title,
      goals: input.goals,
      categories,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      contact: input.contact ?? null,
      partnerContact: input.partnerContact ?? null,
      status,
      proposedBy: actor.userId,
      decidedBy: status === 'active' ? actor.userId : null,
      decidedAt: status === 'active' ? now : null,
    };
    await tx.insert(partnerships).values(row);
    await appendAudit(tx, auditActorOf(actor), {
      action: status === 'active' ? 'partnership.create' : 'partnership.propose',
      entity: 'partnership',
      entityId: row.id,
      courtId: org.courtId,
      after: { ...row, orgName: org.name, partnerOrgName: partner?.name ?? null, partnerCourtName: partner?.courtName ?? null },
    });
    return viewById({ ...deps, db: tx as never }, actor, row.id);
  });
}

export async function decidePartnership(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decidePartnershipRequest>) {
  const row = await loadReadable(deps, actor, id);
  // Only the partner side answers; the proposer cannot accept its own proposal.
  forbidIf(!policy.decide(actor, sidesOf(row)));
  if (input.decision === 'decline' && !input.reason) throw invalidField('reason', '不同意联建须填写原因');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findPartnership(tx, id));
    assertVersion(current.version, input.version);
    const next = nextPartnershipStatus(current.status as PartnershipStatus, input.decision);
    if (!next.ok) throw new AppError('VALIDATION_FAILED', next.message);
    const now = deps.now();
    await tx
      .update(partnerships)
      .set({ status: next.status, decidedBy: actor.userId, decidedAt: now, decisionReason: input.reason ?? null, version: current.version + 1, updatedAt: now })
      .where(eq(partnerships.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: `partnership.${input.decision}`,
      entity: 'partnership',
      entityId: id,
      courtId: current.partnerCourtId ?? current.courtId,
      before: { status: current.status },
      after: { status: next.status, decisionReason: input.reason ?? null },
    });
    return viewById({ ...deps, db: tx as never }, actor, id);
  });
}

export async function updatePartnership(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updatePartnershipRequest>) {
  const row = await loadReadable(deps, actor, id);
  forbidIf(!policy.manage(actor, sidesOf(row)));
  if (row.status !== 'active' && row.status !== 'proposed') throw new AppError('VALIDATION_FAILED', `该联建${partnershipStatusLabels[row.status as PartnershipStatus]}，不能修改`);
  if (input.endsOn !== undefined) {
    const problem = checkPartnershipPeriod(row.startsOn, input.endsOn)[0];
    if (problem) throw invalidField(problem.field, problem.message);
  }
  const { version, ...changes } = input;
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) set[k] = k === 'categories' ? [...new Set(v as string[])] : v;
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findPartnership(tx, id));
    assertVersion(current.version, version);
    const before: Record<string, unknown> = {};
    for (const k of Object.keys(set)) before[k] = (current as Record<string, unknown>)[k];
    await tx.update(partnerships).set({ ...set, version: current.version + 1, updatedAt: deps.now() }).where(eq(partnerships.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'partnership.update', entity: 'partnership', entityId: id, courtId: current.courtId, before, after: set });
    return viewById({ ...deps, db: tx as never }, actor, id);
  });
}

export async function endPartnership(deps: Deps, actor: Actor, id: string, input: z.infer<typeof endPartnershipRequest>) {
  const row = await loadReadable(deps, actor, id);
  forbidIf(!policy.manage(actor, sidesOf(row)));
  if (input.endedOn < row.startsOn) throw invalidField('endedOn', '结束日期不能早于协议开始日期');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findPartnership(tx, id));
    assertVersion(current.version, input.version);
    const next = nextPartnershipStatus(current.status as PartnershipStatus, 'end');
    if (!next.ok) throw new AppError('VALIDATION_FAILED', next.message);
    await tx
      .update(partnerships)
      .set({ status: next.status, endedOn: input.endedOn, endReason: input.reason, version: current.version + 1, updatedAt: deps.now() })
      .where(eq(partnerships.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'partnership.end', entity: 'partnership', entityId: id, courtId: current.courtId, before: { status: current.status }, after: { status: next.status, endedOn: input.endedOn, endReason: input.reason } });
    return viewById({ ...deps, db: tx as never }, actor, id);
  });
}

export async function listJointActivities(deps: Deps, actor: Actor, id: string) {
  await loadReadable(deps, actor, id);
  const rows = await repo.listJointActivities(deps.db, id);
  const items = rows.map((r) => ({
    id: r.a.id,
    title: r.a.title,
    type: r.a.type,
    typeLabel: activityTypeLabels[r.a.type as ActivityType] ?? r.a.type,
    heldOn: r.a.heldOn,
    startsAt: r.a.startsAt.toISOString(),
    status: r.a.status,
    place: r.a.place,
    category: r.category as JointCategory,
    categoryLabel: jointCategoryLabels[r.category as JointCategory] ?? r.category,
    hostOrgName: r.hostOrgName,
    hostCourtName: r.hostCourtName,
  }));
  return { items, total: items.length };
}

/** Branches on the platform that a manager may propose as counterparts (names only). */
export async function listCounterparts(deps: Deps, actor: Actor, q: z.infer<typeof counterpartQuery>) {
  forbidIf(!actor.grants.some((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary'));
  const items = await repo.listBranches(deps.db, q);
  return { items, total: items.length };
}

/** Per lower court of a higher court's viewer: pairings touching it and their joint activities this year. */
async function perCourt(deps: Deps, courtIds: string[], rows: { id: string; courtId: string; partnerCourtId: string | null; status: string }[], counts: { partnershipId: string; category: string; n: number }[]) {
  const cats = new Map<string, JointCategory[]>();
  for (const c of counts) cats.set(c.partnershipId, [...(cats.get(c.partnershipId) ?? []), ...Array<JointCategory>(c.n).fill(c.category as JointCategory)]);
  const names = await repo.courtNames(deps.db, courtIds);
  return names.map((court) => {
    const mine = rows.filter((r) => r.courtId === court.id || r.partnerCourtId === court.id);
    const all = mine.flatMap((r) => cats.get(r.id) ?? []);
    return { courtId: court.id, courtName: court.shortName, partnerships: mine.length, active: mine.filter((r) => r.status === 'active').length, activities: all.length, byCategory: tallyJointCategories(all) };
  });
}

/**
 * The network of pairings in the caller's scope (or of one court): nodes are branches (grouped by
 * court) and outside units, links are pairings with the year's joint activities; counts per branch
 * of the court and per 四联 category.
 */
export async function network(deps: Deps, actor: Actor, q: z.infer<typeof networkQuery>): Promise<PartnershipNetwork> {
  const year = q.year ?? Number(todayInShanghai(deps.now()).slice(0, 4));
  const lowerCourtIds = lowerCourtIdsOf(actor);
  // A higher court's viewer gets the per-court table of the whole scope, so the scope is read whole
  // and the court filter applied here; everyone else reads only the filtered pairings.
  const courtFilter = q.courtId && !lowerCourtIds.length ? or(eq(partnerships.courtId, q.courtId), eq(partnerships.partnerCourtId, q.courtId)) : undefined;
  const scope = await repo.listNetwork(deps.db, and(policy.listCondition(actor), courtFilter) as SQL, year);
  const byCourt = lowerCourtIds.length ? await perCourt(deps, lowerCourtIds, scope.rows, scope.counts) : [];
  const touches = (r: (typeof scope.rows)[number]) => r.courtId === q.courtId || r.partnerCourtId === q.courtId;
  const rows = q.courtId && lowerCourtIds.length ? scope.rows.filter(touches) : scope.rows;
  const kept = new Set(rows.map((r) => r.id));
  const counts = scope.counts.filter((c) => kept.has(c.partnershipId));
  const isOwn = (courtId: string | null) => (q.courtId ? courtId === q.courtId : !!courtId && actor.grants.some((g) => g.courtId === courtId && g.role !== 'higherCourtViewer'));
  const nodes = new Map<string, PartnershipNetwork['nodes'][number]>();
  const node = (id: string, name: string, group: string, kind: 'branch' | 'external', own: boolean) => {
    const n = nodes.get(id) ?? { id, name, group, kind, own, partnerships: 0 };
    n.partnerships += 1;
    nodes.set(id, n);
  };
  const perPartnership = new Map<string, JointCategory[]>();
  for (const c of counts) for (let i = 0; i < c.n; i++) perPartnership.set(c.partnershipId, [...(perPartnership.get(c.partnershipId) ?? []), c.category as JointCategory]);
  const links: PartnershipNetwork['links'] = [];
  const branchStats = new Map<string, { orgId: string; orgName: string; courtName: string; partnerships: number; categories: JointCategory[] }>();
  const stat = (orgId: string, orgName: string, courtName: string, cats: JointCategory[]) => {
    const s = branchStats.get(orgId) ?? { orgId, orgName, courtName, partnerships: 0, categories: [] };
    s.partnerships += 1;
    s.categories.push(...cats);
    branchStats.set(orgId, s);
  };
  let externalUnits = 0;
  const courtsSeen = new Set<string>();
  for (const r of rows) {
    const cats = perPartnership.get(r.id) ?? [];
    node(r.orgId, isOwn(r.courtId) ? r.orgName : `${r.courtName}${r.orgName}`, r.courtName, 'branch', isOwn(r.courtId));
    courtsSeen.add(r.courtId);
    let target: string;
    if (r.partnerKind === 'branch' && r.partnerOrgId) {
      target = r.partnerOrgId;
      node(target, isOwn(r.partnerCourtId) ? (r.partnerOrgName ?? '') : `${r.partnerCourtName ?? ''}${r.partnerOrgName ?? ''}`, r.partnerCourtName ?? '', 'branch', isOwn(r.partnerCourtId));
      if (r.partnerCourtId) courtsSeen.add(r.partnerCourtId);
      if (isOwn(r.partnerCourtId)) stat(r.partnerOrgId, r.partnerOrgName ?? '', r.partnerCourtName ?? '', cats);
    } else {
      target = `unit:${r.partnerUnitName ?? ''}`;
      if (!nodes.has(target)) externalUnits += 1;
      node(target, r.partnerUnitName ?? '', '外单位', 'external', false);
    }
    if (isOwn(r.courtId)) stat(r.orgId, r.orgName, r.courtName, cats);
    links.push({ id: r.id, source: r.orgId, target, status: r.status as PartnershipStatus, activities: cats.length });
  }
  const byBranch = [...branchStats.values()]
    .map((s) => ({ orgId: s.orgId, orgName: s.orgName, courtName: s.courtName, partnerships: s.partnerships, activities: s.categories.length, byCategory: tallyJointCategories(s.categories) }))
    .sort((a, b) => b.partnerships - a.partnerships || a.orgName.localeCompare(b.orgName, 'zh'));
  const allCats = [...perPartnership.values()].flat();
  return {
    year,
    courtId: q.courtId ?? null,
    nodes: [...nodes.values()],
    links,
    byBranch,
    byCategory: tallyJointCategories(allCats),
    byCourt,
    totals: {
      partnerships: rows.length,
      active: rows.filter((r) => r.status === 'active').length,
      activities: allCats.length,
      courts: courtsSeen.size,
      externalUnits,
    },
  };
}
