// 共享学习资料 (远程连线、云上共学): a branch keeps a library of files and links and shares each item
// read-only with chosen orgs of any court (partner branches — named directly, so this does not
// depend on the partnerships module). Everyone of the owner's court (and the courts above) sees it; in a court it is
// shared with, the shared org's subtree (and that court's party office) see it.
import { and, asc, desc, eq, ilike, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { createMaterialRequest, Material, updateMaterialRequest, withdrawMaterialRequest, z } from '@zhibu/contracts';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { fileRowOf } from '../../lib/stored-files';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { basesPolicy as policy } from './bases.policy';
import * as repo from './bases.repository';

const { sharedMaterials, materialShares, partyOrgs, courts, files, members } = schema;

/** Paths the caller stands in: their grants' orgs and their own branch. */
async function actorPaths(db: DbOrTx, actor: Actor): Promise<string[]> {
  const paths = actor.grants.map((g) => g.orgPath).filter((p): p is string => !!p);
  if (actor.memberId) {
    const m = (await db.select({ path: partyOrgs.path }).from(members).innerJoin(partyOrgs, eq(partyOrgs.id, members.orgId)).where(eq(members.id, actor.memberId)))[0];
    if (m) paths.push(m.path);
  }
  return paths;
}

/** Is a share with org (court, path) visible to the caller? Their org is in its subtree, their grant covers it, or they run its court. */
function shareVisible(actor: Actor, paths: string[], share: { courtId: string; path: string }): boolean {
  if (actor.grants.some((g) => g.role === 'courtAdmin' && g.courtId === share.courtId)) return true;
  return paths.some((p) => p.startsWith(share.path) || share.path.startsWith(p));
}

async function sharesOf(db: DbOrTx, materialIds: string[]) {
  if (!materialIds.length) return [];
  return db
    .select({ materialId: materialShares.materialId, orgId: materialShares.orgId, orgName: partyOrgs.name, courtName: courts.name })
    .from(materialShares)
    .innerJoin(partyOrgs, eq(partyOrgs.id, materialShares.orgId))
    .innerJoin(courts, eq(courts.id, materialShares.courtId))
    .where(inArray(materialShares.materialId, materialIds))
    .orderBy(asc(courts.name), asc(partyOrgs.name));
}

async function listRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ row: sharedMaterials, orgName: partyOrgs.name, orgPath: partyOrgs.path, courtName: courts.name, fileName: files.fileName })
    .from(sharedMaterials)
    .innerJoin(partyOrgs, eq(partyOrgs.id, sharedMaterials.orgId))
    .innerJoin(courts, eq(courts.id, sharedMaterials.courtId))
    .leftJoin(files, eq(files.id, sharedMaterials.fileId))
    .where(where)
    .orderBy(desc(sharedMaterials.createdAt))
    .limit(1000);
}
type Row = Awaited<ReturnType<typeof listRows>>[number];

async function toViews(db: DbOrTx, actor: Actor, rows: Row[]): Promise<Material[]> {
  const shares = await sharesOf(db, rows.map((r) => r.row.id));
  return rows.map((x) => ({
    id: x.row.id,
    courtId: x.row.courtId,
    courtName: x.courtName,
    orgId: x.row.orgId,
    orgName: x.orgName,
    title: x.row.title,
    kind: x.row.kind as Material['kind'],
    url: x.row.kind === 'file' ? `/api/v1/materials/${x.row.id}/file` : x.row.url,
    fileName: x.fileName,
    description: x.row.description,
    sharedWith: shares.filter((s) => s.materialId === x.row.id).map((s) => ({ orgId: s.orgId, orgName: s.orgName, courtName: s.courtName })),
    canManage: policy.manageMaterial(actor, { courtId: x.row.courtId, path: x.orgPath }),
    createdAt: x.row.createdAt.toISOString(),
    version: x.row.version,
  }));
}

/** Which materials the caller may read: the owner's readers, or a share's org (see shareVisible). */
async function visibleIds(db: DbOrTx, actor: Actor): Promise<{ ownCourtIds: string[]; sharedIds: string[] }> {
  const paths = await actorPaths(db, actor);
  const courtIds = [...new Set([actor.courtId, ...actor.grants.map((g) => g.courtId)].filter((c): c is string => !!c))];
  const shares = courtIds.length
    ? await db
        .select({ materialId: materialShares.materialId, courtId: materialShares.courtId, path: partyOrgs.path })
        .from(materialShares)
        .innerJoin(partyOrgs, eq(partyOrgs.id, materialShares.orgId))
        .where(inArray(materialShares.courtId, courtIds))
    : [];
  return {
    ownCourtIds: courtIds.concat(actor.viewableCourtIds).filter((c) => policy.readCourt(actor, c)),
    sharedIds: [...new Set(shares.filter((s) => shareVisible(actor, paths, s)).map((s) => s.materialId))],
  };
}

async function loadReadable(deps: Deps, actor: Actor, id: string) {
  const x = found((await listRows(deps.db, eq(sharedMaterials.id, id)))[0]);
  if (policy.readCourt(actor, x.row.courtId)) return x;
  const { sharedIds } = await visibleIds(deps.db, actor);
  if (x.row.state === 'active' && sharedIds.includes(id)) return x;
  throw new AppError('NOT_FOUND');
}

export async function listMaterials(deps: Deps, actor: Actor, q: { scope?: 'all' | 'own' | 'shared'; page: number; pageSize: number }) {
  const { ownCourtIds, sharedIds } = await visibleIds(deps.db, actor);
  const own = ownCourtIds.length ? inArray(sharedMaterials.courtId, ownCourtIds) : undefined;
  const shared = sharedIds.length ? inArray(sharedMaterials.id, sharedIds) : undefined;
  const scoped = q.scope === 'own' ? own : q.scope === 'shared' ? (shared && own ? and(shared, ne(sharedMaterials.courtId, actor.courtId ?? '')) : shared) : own && shared ? or(own, shared) : (own ?? shared);
  if (!scoped) return { items: [], total: 0 };
  const rows = (await listRows(deps.db, and(scoped, eq(sharedMaterials.state, 'active')))).filter(
    (x) => policy.readCourt(actor, x.row.courtId) || sharedIds.includes(x.row.id),
  );
  const pageRows = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return { items: await toViews(deps.db, actor, pageRows), total: rows.length };
}

/** Orgs of the share list: they must exist (any court) and not be dissolved. */
async function checkShareTargets(db: DbOrTx, orgIds: string[]) {
  const ids = [...new Set(orgIds)];
  if (!ids.length) return [];
  const rows = await db.select({ id: partyOrgs.id, courtId: partyOrgs.courtId, dissolvedOn: partyOrgs.dissolvedOn }).from(partyOrgs).where(inArray(partyOrgs.id, ids));
  if (rows.length !== ids.length || rows.some((r) => r.dissolvedOn)) throw invalidField('sharedOrgIds', '共享对象中有不存在或已撤销的党组织');
  return rows;
}

async function loadOwnerOrg(deps: Deps, actor: Actor, orgId: string) {
  const org = await repo.findOrg(deps.db, orgId);
  if (!org || !policy.readCourt(actor, org.courtId)) throw invalidField('orgId', '所选党组织不存在或不在您的管理范围内');
  forbidIf(!policy.manageMaterial(actor, { courtId: org.courtId, path: org.path }));
  return org;
}

async function insertMaterial(deps: Deps, actor: Actor, org: { id: string; courtId: string }, input: { title: string; description?: string | null; sharedOrgIds?: string[]; url?: string; file?: { fileName: string; content: Buffer; mimeType: string } }) {
  const targets = await checkShareTargets(deps.db, (input.sharedOrgIds ?? []).filter((id) => id !== org.id));
  return deps.db.transaction(async (tx) => {
    const id = newId();
    let fileId: string | null = null;
    if (input.file) {
      const row = fileRowOf({ courtId: org.courtId, ownerType: repo.MATERIAL_FILE_OWNER, ownerId: id }, input.file, input.file.mimeType, actor.userId);
      fileId = row.id;
      // audited with the material below ('material.create')
      await tx.insert(files).values(row);
    }
    const row = { id, courtId: org.courtId, orgId: org.id, title: input.title, kind: input.file ? 'file' : 'link', url: input.url ?? null, fileId, description: input.description ?? null, createdBy: actor.userId };
    await tx.insert(sharedMaterials).values(row);
    if (targets.length) await tx.insert(materialShares).values(targets.map((t) => ({ id: newId(), materialId: id, courtId: t.courtId, orgId: t.id })));
    await appendAudit(tx, auditActorOf(actor), { action: 'material.create', entity: 'sharedMaterial', entityId: id, courtId: org.courtId, after: { ...row, fileName: input.file?.fileName ?? null, sharedOrgIds: targets.map((t) => t.id) } });
    return (await toViews(tx, actor, await listRows(tx, eq(sharedMaterials.id, id))))[0]!;
  });
}

export async function createLinkMaterial(deps: Deps, actor: Actor, input: z.infer<typeof createMaterialRequest>) {
  const org = await loadOwnerOrg(deps, actor, input.orgId);
  return insertMaterial(deps, actor, org, { title: input.title, description: input.description, sharedOrgIds: input.sharedOrgIds, url: input.url });
}

export async function createFileMaterial(deps: Deps, actor: Actor, input: { orgId: string; title: string; description?: string | null; sharedOrgIds: string[] }, file: { fileName: string; content: Buffer; mimeType: string }) {
  const org = await loadOwnerOrg(deps, actor, input.orgId);
  return insertMaterial(deps, actor, org, { ...input, file });
}

export async function updateMaterial(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateMaterialRequest>) {
  const x = await loadReadable(deps, actor, id);
  forbidIf(!policy.manageMaterial(actor, { courtId: x.row.courtId, path: x.orgPath }));
  const targets = input.sharedOrgIds ? await checkShareTargets(deps.db, input.sharedOrgIds.filter((o) => o !== x.row.orgId)) : null;
  return deps.db.transaction(async (tx) => {
    const current = found((await tx.select().from(sharedMaterials).where(eq(sharedMaterials.id, id)))[0]);
    assertVersion(current.version, input.version);
    if (current.state !== 'active') throw new AppError('VALIDATION_FAILED', '该资料已撤回，不能修改');
    const changes = { title: input.title, description: input.description === undefined ? undefined : input.description ?? null };
    const diff = diffFields(current as Record<string, unknown>, changes as Record<string, unknown>);
    const before: Record<string, unknown> = { ...diff.before };
    const after: Record<string, unknown> = { ...diff.after };
    if (targets) {
      const old = await tx.select({ orgId: materialShares.orgId }).from(materialShares).where(eq(materialShares.materialId, id));
      before.sharedOrgIds = old.map((o) => o.orgId);
      after.sharedOrgIds = targets.map((t) => t.id);
      await tx.delete(materialShares).where(eq(materialShares.materialId, id));
      if (targets.length) await tx.insert(materialShares).values(targets.map((t) => ({ id: newId(), materialId: id, courtId: t.courtId, orgId: t.id })));
    }
    await tx.update(sharedMaterials).set({ ...changes, version: current.version + 1, updatedAt: deps.now() }).where(eq(sharedMaterials.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'material.update', entity: 'sharedMaterial', entityId: id, courtId: current.courtId, before, after });
    return (await toViews(tx, actor, await listRows(tx, eq(sharedMaterials.id, id))))[0]!;
  });
}

/** 撤回: partners no longer see it; the row and its file stay (the audit log refers to them). */
export async function withdrawMaterial(deps: Deps, actor: Actor, id: string, input: z.infer<typeof withdrawMaterialRequest>) {
  const x = await loadReadable(deps, actor, id);
  forbidIf(!policy.manageMaterial(actor, { courtId: x.row.courtId, path: x.orgPath }));
  await deps.db.transaction(async (tx) => {
    const current = found((await tx.select().from(sharedMaterials).where(eq(sharedMaterials.id, id)))[0]);
    assertVersion(current.version, input.version);
    if (current.state !== 'active') throw new AppError('VALIDATION_FAILED', '该资料已撤回');
    await tx.update(sharedMaterials).set({ state: 'withdrawn', version: current.version + 1, updatedAt: deps.now() }).where(eq(sharedMaterials.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'material.withdraw', entity: 'sharedMaterial', entityId: id, courtId: current.courtId, before: { state: 'active' }, after: { state: 'withdrawn', title: current.title } });
  });
  return { ok: true as const };
}

export async function getMaterialFile(deps: Deps, actor: Actor, id: string) {
  const x = await loadReadable(deps, actor, id);
  if (x.row.kind !== 'file' || !x.row.fileId) throw new AppError('NOT_FOUND');
  return found(await repo.findFile(deps.db, x.row.fileId));
}

/** Orgs a material can be shared with: 党支部/党总支/党委 of every court (names only). */
export async function listShareTargets(deps: Deps, q: { q?: string }) {
  const rows = await deps.db
    .select({ id: partyOrgs.id, name: partyOrgs.name, courtId: partyOrgs.courtId, courtName: courts.name })
    .from(partyOrgs)
    .innerJoin(courts, eq(courts.id, partyOrgs.courtId))
    .where(and(inArray(partyOrgs.type, ['branch', 'generalBranch', 'organCommittee', 'primaryCommittee']), isNull(partyOrgs.dissolvedOn), q.q ? or(ilike(partyOrgs.name, `%${q.q}%`), ilike(courts.name, `%${q.q}%`)) : undefined))
    .orderBy(asc(courts.sortOrder), asc(courts.name), asc(partyOrgs.sortOrder), asc(partyOrgs.name))
    .limit(200);
  return { items: rows, total: rows.length };
}
