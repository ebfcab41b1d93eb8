import { and, eq, like, sql } from 'drizzle-orm';
import {
  buildOrgPath,
  checkOrgParent,
  checkOrgStructure,
  checkTerm,
  checkRuleConfig,
  computeTermEnd,
  defaultRuleConfig,
  mergeRuleConfig,
  formatChineseDate,
  todayInShanghai,
  type OrgType,
} from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { OrgDetail } from '@zhibu/contracts';
import type { z } from 'zod';
import type { CourtRuleOverrides, createCommitteePositionRequest, createCourtRequest, createDepartmentRequest, createOrgRequest, createTermRequest, updateCourtRequest, updateOrgRequest } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { getCourtRuleOverrides, getRuleConfig, saveCourtRuleOverrides } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { orgsPolicy } from './orgs.policy';
import * as repo from './orgs.repository';

const { courts, partyOrgs, departments, orgTerms, committeePositions, members } = schema;

export async function listCourts(deps: Deps, actor: Actor) {
  const ids = orgsPolicy.manageCourts(actor)
    ? (await deps.db.select({ id: courts.id }).from(courts)).map((c) => c.id)
    : orgsPolicy.readableCourtIds(actor);
  return repo.listCourts(deps.db, ids);
}

export async function createCourt(deps: Deps, actor: Actor, input: z.infer<typeof createCourtRequest>) {
  forbidIf(!orgsPolicy.manageCourts(actor));
  if (input.parentId) found(await repo.findCourt(deps.db, input.parentId));
  return deps.db.transaction(async (tx) => {
    const exists = await tx.select({ id: courts.id }).from(courts).where(eq(courts.name, input.name));
    if (exists.length) throw new AppError('DUPLICATE', `法院“${input.name}”已存在`, [{ field: 'name', message: '已存在' }]);
    const row = { id: newId(), name: input.name, shortName: input.shortName, level: input.level, parentId: input.parentId ?? null, region: input.region ?? null };
    await tx.insert(courts).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'court.create', entity: 'court', entityId: row.id, courtId: row.id, after: row });
    return found(await repo.findCourt(tx, row.id));
  });
}

export async function updateCourt(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateCourtRequest>) {
  forbidIf(!orgsPolicy.manageCourts(actor));
  return deps.db.transaction(async (tx) => {
    const court = found(await repo.findCourt(tx, id));
    assertVersion(court.version, input.version);
    if (input.parentId === id) throw invalidField('parentId', '上级法院不能是自己');
    const { version: _v, ...changes } = input;
    const diff = diffFields(court, changes);
    await tx.update(courts).set({ ...changes, version: court.version + 1, updatedAt: deps.now() }).where(eq(courts.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'court.update', entity: 'court', entityId: id, courtId: id, ...diff });
    return found(await repo.findCourt(tx, id));
  });
}

export async function listDepartments(deps: Deps, actor: Actor, courtId?: string) {
  const readable = orgsPolicy.readableCourtIds(actor);
  return repo.listDepartments(deps.db, courtId ? readable.filter((c) => c === courtId) : readable);
}

export async function createDepartment(deps: Deps, actor: Actor, input: z.infer<typeof createDepartmentRequest>) {
  forbidIf(!orgsPolicy.manageDepartments(actor, input.courtId));
  if (input.parentId) {
    const parent = await repo.findDepartment(deps.db, input.parentId);
    if (!parent || parent.courtId !== input.courtId) throw invalidField('parentId', '上级部门不存在');
  }
  if (input.kind === 'trialTeam' && !input.parentId) throw invalidField('parentId', '审判团队须归属一个庭室');
  return deps.db.transaction(async (tx) => {
    const row = { id: newId(), courtId: input.courtId, parentId: input.parentId ?? null, kind: input.kind, name: input.name };
    await tx.insert(departments).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'department.create', entity: 'department', entityId: row.id, courtId: row.courtId, after: row });
    return found(await repo.findDepartment(tx, row.id));
  });
}

export async function listOrgs(deps: Deps, actor: Actor, q: { courtId?: string; rootId?: string; type?: string }) {
  let courtIds = orgsPolicy.readableCourtIds(actor);
  if (q.courtId) courtIds = courtIds.filter((c) => c === q.courtId);
  let rootPath: string | undefined;
  if (q.rootId) {
    const root = await repo.findOrg(deps.db, q.rootId);
    if (!root || !courtIds.includes(root.courtId)) return [];
    rootPath = root.path;
  }
  return repo.listOrgs(deps.db, { courtIds, rootPath, type: q.type });
}

async function loadReadableOrg(deps: Deps, actor: Actor, id: string) {
  const org = found(await repo.findOrg(deps.db, id));
  if (!orgsPolicy.readOrg(actor, org)) throw new AppError('NOT_FOUND');
  return org;
}

export async function getOrgDetail(deps: Deps, actor: Actor, id: string): Promise<OrgDetail> {
  const org = await loadReadableOrg(deps, actor, id);
  const today = todayInShanghai(deps.now());
  const config = await getRuleConfig(deps.db, org.courtId);
  const counts = org.type === 'partyGroup' ? await repo.countGroupMembers(deps.db, org.id) : await repo.countSubtreeMembers(deps.db, org.path);
  const terms = await repo.listTerms(deps.db, org.id);
  const committee = (await repo.listCommittee(deps.db, org.id)).filter((c) => !c.position.endOn || c.position.endOn >= today);
  const currentTerm = terms[0] ?? null;
  const parent = org.parentId ? await repo.findOrg(deps.db, org.parentId) : undefined;
  const department = org.departmentId ? await repo.findDepartment(deps.db, org.departmentId) : undefined;
  const findings = checkOrgStructure(
    {
      org: { type: org.type as OrgType, branchKind: (org.branchKind ?? undefined) as never, name: org.name },
      fullMemberCount: counts.full,
      probationaryMemberCount: counts.probationary,
      memberCount: counts.full + counts.probationary,
      committee: committee.map((c) => ({ post: c.position.post as never })),
      currentTerm: currentTerm ? { termStart: currentTerm.termStart, termEnd: currentTerm.termEnd } : undefined,
    },
    config,
    today,
  );
  return {
    ...toOrg(org, counts.full + counts.probationary),
    path: org.path,
    parentName: parent?.name ?? null,
    departmentName: department?.name ?? null,
    fullMemberCount: counts.full,
    probationaryMemberCount: counts.probationary,
    currentTerm: currentTerm ? toTerm(currentTerm) : null,
    terms: terms.map(toTerm),
    committee: committee.map((c) => ({
      id: c.position.id,
      orgId: c.position.orgId,
      memberId: c.position.memberId,
      memberName: c.memberName,
      post: c.position.post as never,
      startOn: c.position.startOn,
      endOn: c.position.endOn,
      version: c.position.version,
    })),
    findings,
  };
}

export function toOrg(o: typeof partyOrgs.$inferSelect, memberCount: number) {
  return {
    id: o.id,
    courtId: o.courtId,
    parentId: o.parentId,
    type: o.type as never,
    branchKind: (o.branchKind ?? null) as never,
    name: o.name,
    shortName: o.shortName,
    departmentId: o.departmentId,
    establishedOn: o.establishedOn,
    sortOrder: o.sortOrder,
    version: o.version,
    memberCount,
  };
}

function toTerm(t: typeof orgTerms.$inferSelect) {
  return { id: t.id, orgId: t.orgId, termStart: t.termStart, termEnd: t.termEnd, electedOn: t.electedOn, note: t.note, version: t.version };
}

async function checkDepartment(deps: Deps, courtId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const d = await repo.findDepartment(deps.db, departmentId);
  if (!d || d.courtId !== courtId) throw invalidField('departmentId', '部门不存在或不属于本院');
}

export async function createOrg(deps: Deps, actor: Actor, input: z.infer<typeof createOrgRequest>) {
  const court = await repo.findCourt(deps.db, input.courtId);
  if (!court) throw invalidField('courtId', '法院不存在');
  let parent: Awaited<ReturnType<typeof repo.findOrg>>;
  if (input.parentId) {
    parent = await repo.findOrg(deps.db, input.parentId);
    if (!parent || parent.courtId !== input.courtId) throw invalidField('parentId', '上级党组织不存在或不属于该法院');
    forbidIf(!orgsPolicy.manageOrg(actor, parent));
  } else {
    forbidIf(!orgsPolicy.createRootOrg(actor, input.courtId));
  }
  const parentProblem = checkOrgParent(input.type, (parent?.type ?? null) as OrgType | null);
  if (parentProblem) throw invalidField(input.parentId ? 'parentId' : 'type', parentProblem);
  if (input.branchKind && input.type !== 'branch') throw invalidField('branchKind', '只有党支部需要填写支部类别');
  await checkDepartment(deps, input.courtId, input.departmentId);
  const today = todayInShanghai(deps.now());
  if (input.establishedOn && input.establishedOn > today) throw invalidField('establishedOn', '成立日期不能晚于今天');
  return deps.db.transaction(async (tx) => {
    const id = newId();
    const row = {
      id,
      courtId: input.courtId,
      parentId: parent?.id ?? null,
      path: buildOrgPath(parent?.path ?? null, id),
      type: input.type,
      branchKind: input.type === 'branch' ? (input.branchKind ?? 'regular') : null,
      name: input.name,
      shortName: input.shortName ?? null,
      departmentId: input.departmentId ?? null,
      establishedOn: input.establishedOn ?? null,
      sortOrder: input.sortOrder ?? 0,
    };
    await tx.insert(partyOrgs).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'org.create', entity: 'partyOrg', entityId: id, courtId: row.courtId, after: row });
    return toOrg(found(await repo.findOrg(tx, id)), 0);
  });
}

export async function updateOrg(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateOrgRequest>) {
  const org = found(await repo.findOrg(deps.db, id));
  forbidIf(!orgsPolicy.manageOrg(actor, org));
  await checkDepartment(deps, org.courtId, input.departmentId);
  if (input.branchKind && org.type !== 'branch') throw invalidField('branchKind', '只有党支部需要填写支部类别');
  let newParent: Awaited<ReturnType<typeof repo.findOrg>>;
  const moving = input.parentId !== undefined && (input.parentId ?? null) !== org.parentId;
  if (moving) {
    if (input.parentId) {
      newParent = await repo.findOrg(deps.db, input.parentId);
      if (!newParent || newParent.courtId !== org.courtId) throw invalidField('parentId', '上级党组织不存在或不属于该法院');
      if (newParent.path.startsWith(org.path)) throw invalidField('parentId', '不能把党组织移到它自己的下级');
      forbidIf(!orgsPolicy.manageOrg(actor, newParent));
    } else {
      forbidIf(!orgsPolicy.createRootOrg(actor, org.courtId));
    }
    const problem = checkOrgParent(org.type as OrgType, (newParent?.type ?? null) as OrgType | null);
    if (problem) throw invalidField('parentId', problem);
  }
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findOrg(tx, id));
    assertVersion(current.version, input.version);
    const { version: _v, ...changes } = input;
    const set: Partial<typeof partyOrgs.$inferInsert> = {
      ...changes,
      parentId: moving ? (newParent?.id ?? null) : current.parentId,
      version: current.version + 1,
      updatedAt: deps.now(),
    };
    if (moving) {
      const newPath = buildOrgPath(newParent?.path ?? null, id);
      // Re-root the whole subtree, and the members' denormalized paths with it.
      await tx
        .update(partyOrgs)
        .set({ path: sql`${newPath} || substr(${partyOrgs.path}, ${current.path.length + 1})` })
        .where(like(partyOrgs.path, `${current.path}%`));
      await tx
        .update(members)
        .set({ orgPath: sql`${newPath} || substr(${members.orgPath}, ${current.path.length + 1})` })
        .where(and(eq(members.courtId, current.courtId), like(members.orgPath, `${current.path}%`)));
    }
    await tx.update(partyOrgs).set(set).where(eq(partyOrgs.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'org.update', entity: 'partyOrg', entityId: id, courtId: current.courtId, ...diffFields(current, changes) });
    return toOrg(found(await repo.findOrg(tx, id)), 0);
  });
}

export async function createTerm(deps: Deps, actor: Actor, orgId: string, input: z.infer<typeof createTermRequest>) {
  const org = found(await repo.findOrg(deps.db, orgId));
  forbidIf(!orgsPolicy.manageOrg(actor, org));
  const config = await getRuleConfig(deps.db, org.courtId);
  const termEnd = input.termEnd ?? computeTermEnd(input.termStart, org.type as OrgType, config);
  if (!termEnd) throw invalidField('termEnd', `${org.name}没有规定任期，请填写任期届满日期`);
  if (termEnd <= input.termStart) throw invalidField('termEnd', '任期届满日期须晚于任期开始日期');
  if (input.electedOn && input.electedOn > input.termStart) throw invalidField('electedOn', '选举日期不能晚于任期开始日期');
  return deps.db.transaction(async (tx) => {
    const row = { id: newId(), courtId: org.courtId, orgId, termStart: input.termStart, termEnd, electedOn: input.electedOn ?? null, note: input.note ?? null };
    await tx.insert(orgTerms).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'org.term.create', entity: 'orgTerm', entityId: row.id, courtId: org.courtId, after: row });
    return toTerm((await tx.select().from(orgTerms).where(eq(orgTerms.id, row.id)))[0]!);
  });
}

export async function addCommitteePosition(deps: Deps, actor: Actor, orgId: string, input: z.infer<typeof createCommitteePositionRequest>) {
  const org = found(await repo.findOrg(deps.db, orgId));
  forbidIf(!orgsPolicy.manageOrg(actor, org));
  const member = (await deps.db.select().from(members).where(eq(members.id, input.memberId)))[0];
  if (!member || member.courtId !== org.courtId || !member.orgPath.startsWith(org.path)) {
    throw invalidField('memberId', '该党员不在本组织');
  }
  // 支部委员由党员大会选举；预备党员没有被选举权 (党章第七条, RULES.md §1.2).
  if (member.status !== 'fullMember') throw invalidField('memberId', `${member.name}不是正式党员，没有被选举权（党章第七条）`);
  if (input.endOn && input.endOn < input.startOn) throw invalidField('endOn', '离任日期不能早于任职日期');
  const terms = await repo.listTerms(deps.db, orgId);
  return deps.db.transaction(async (tx) => {
    const row = { id: newId(), courtId: org.courtId, orgId, termId: terms[0]?.id ?? null, memberId: member.id, post: input.post, startOn: input.startOn, endOn: input.endOn ?? null };
    await tx.insert(committeePositions).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'org.committee.add', entity: 'committeePosition', entityId: row.id, courtId: org.courtId, after: { ...row, memberName: member.name } });
    return { ...row, memberName: member.name, version: 1, post: row.post as never };
  });
}

export async function endCommitteePosition(deps: Deps, actor: Actor, orgId: string, positionId: string, input: { endOn: string; version: number }) {
  const org = found(await repo.findOrg(deps.db, orgId));
  forbidIf(!orgsPolicy.manageOrg(actor, org));
  return deps.db.transaction(async (tx) => {
    const pos = found((await tx.select().from(committeePositions).where(and(eq(committeePositions.id, positionId), eq(committeePositions.orgId, orgId))))[0]);
    assertVersion(pos.version, input.version);
    if (input.endOn < pos.startOn) throw invalidField('endOn', '离任日期不能早于任职日期');
    await tx.update(committeePositions).set({ endOn: input.endOn, version: pos.version + 1, updatedAt: deps.now() }).where(eq(committeePositions.id, positionId));
    await appendAudit(tx, auditActorOf(actor), { action: 'org.committee.end', entity: 'committeePosition', entityId: positionId, courtId: org.courtId, before: { endOn: pos.endOn }, after: { endOn: input.endOn } });
    return { ok: true as const };
  });
}

/** Term warnings for many orgs (home page): 换届 due within the warning window or overdue. */
export async function termWarnings(deps: Deps, orgs: { id: string; name: string; courtId: string; type: string }[]) {
  const today = todayInShanghai(deps.now());
  const terms = await repo.latestTerms(deps.db, orgs.map((o) => o.id));
  const out: { orgId: string; orgName: string; courtId: string; termEnd: string | null; state: string; message: string }[] = [];
  const configs = new Map<string, Awaited<ReturnType<typeof getRuleConfig>>>();
  for (const o of orgs) {
    if (!configs.has(o.courtId)) configs.set(o.courtId, await getRuleConfig(deps.db, o.courtId));
    const config = configs.get(o.courtId)!;
    if (config.termYears[o.type as OrgType] == null) continue;
    const t = terms.get(o.id);
    const state = checkTerm(t ? { termStart: t.termStart, termEnd: t.termEnd } : undefined, today, config);
    if (state === 'ok') continue;
    const message =
      state === 'noTerm'
        ? '未登记任期，无法提示换届'
        : state === 'dueSoon'
          ? `任期将于${formatChineseDate(t!.termEnd)}届满，请提前做好换届准备`
          : `任期已于${formatChineseDate(t!.termEnd)}届满，应按期换届（延期须报上级批准，一般不超过1年）`;
    out.push({ orgId: o.id, orgName: o.name, courtId: o.courtId, termEnd: t?.termEnd ?? null, state, message });
  }
  return out;
}

/** The court's structure rules: defaults, its overrides and the effective result. */
export async function getCourtRuleConfig(deps: Deps, actor: Actor, courtId: string) {
  if (!orgsPolicy.readCourt(actor, courtId)) throw new AppError('NOT_FOUND');
  const stored = await getCourtRuleOverrides(deps.db, courtId);
  return {
    overrides: stored.overrides as CourtRuleOverrides,
    effective: mergeRuleConfig(stored.overrides) as unknown as Record<string, unknown>,
    defaults: defaultRuleConfig as unknown as Record<string, unknown>,
    version: stored.version,
  };
}

export async function updateCourtRuleConfig(deps: Deps, actor: Actor, courtId: string, input: { overrides: CourtRuleOverrides; version: number }) {
  forbidIf(!orgsPolicy.manageRules(actor, courtId));
  const problems = checkRuleConfig(mergeRuleConfig(input.overrides as never));
  if (problems.length) throw invalidField('overrides', problems.join('；'));
  await deps.db.transaction(async (tx) => {
    const stored = await getCourtRuleOverrides(tx, courtId);
    assertVersion(stored.version, input.version);
    await saveCourtRuleOverrides(tx, courtId, input.overrides, stored);
    await appendAudit(tx, auditActorOf(actor), { action: 'court.rules.update', entity: 'settings', entityId: `rules:${courtId}`, courtId, before: stored.overrides, after: input.overrides });
  });
  return getCourtRuleConfig(deps, actor, courtId);
}
