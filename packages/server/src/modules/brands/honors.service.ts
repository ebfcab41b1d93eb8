// 荣誉 registry shared by the whole platform: collective honors (an org, optionally for a brand) and
// individual ones (a member). Other modules write here through recordHonor, inside their own
// transaction, so the honor and their own change land together (or not at all).
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Honor, honorListQuery, createHonorRequest, updateHonorRequest, z } from '@zhibu/contracts';
import { honorKindLabels, honorLevelLabels, type HonorKind, type HonorLevel } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { readableCourtIds } from '../../policy/scope';
import { honorsPolicy as policy, isInsider } from './brands.policy';
import * as repo from './brands.repository';

const { honors } = schema;

export type HonorInput = {
  courtId: string;
  kind: HonorKind;
  name: string;
  level: HonorLevel;
  issuer: string;
  awardedOn: string;
  /** The honored org, or the honored member's org. */
  orgId: string;
  brandId: string | null;
  memberId: string | null;
  /** As on the certificate: the org's or the person's name. */
  recipientName: string;
  /** The module recording it: 'brands', 'development', … */
  source: string;
};

/**
 * Records an honor inside the caller's transaction, with its audit entry; returns its id. The caller
 * has checked that the actor may do so (and that org, brand and member belong to `courtId`).
 */
export async function recordHonor(tx: DbOrTx, actor: Actor, input: HonorInput): Promise<string> {
  const id = newId();
  const row = { id, ...input, createdBy: actor.userId };
  await tx.insert(honors).values(row);
  await appendAudit(tx, auditActorOf(actor), { action: 'honor.create', entity: 'honor', entityId: id, courtId: input.courtId, after: row });
  return id;
}

type Listed = Awaited<ReturnType<typeof repo.listHonors>>[number];
function toView(actor: Actor, x: Listed): Honor {
  const kind = x.row.kind as HonorKind;
  const level = x.row.level as HonorLevel;
  // An individual honor seen from another court carries no name (no personal data across courts).
  const hidePerson = kind === 'individual' && !isInsider(actor, x.row.courtId);
  return {
    id: x.row.id,
    courtId: x.row.courtId,
    courtName: x.courtName,
    kind,
    kindLabel: honorKindLabels[kind],
    name: x.row.name,
    level,
    levelLabel: honorLevelLabels[level],
    issuer: x.row.issuer,
    awardedOn: x.row.awardedOn,
    orgId: x.row.orgId,
    orgName: x.orgName,
    brandId: x.row.brandId,
    brandName: x.brandName,
    memberId: hidePerson ? null : x.row.memberId,
    recipientName: hidePerson ? '（个人）' : x.row.recipientName,
    hasCertificate: !!x.row.certificateFileId,
    source: x.row.source,
    canEdit: policy.manage(actor, { courtId: x.row.courtId, orgPath: x.orgPath }),
    version: x.row.version,
  };
}

/** Honors matching `where` that the caller may see. */
export async function honorsFor(db: DbOrTx, actor: Actor, where: SQL): Promise<Honor[]> {
  const rows = await repo.listHonors(db, where);
  return rows.filter((x) => policy.read(actor, { courtId: x.row.courtId, orgPath: x.orgPath })).map((x) => toView(actor, x));
}

export async function listHonors(deps: Deps, actor: Actor, q: z.infer<typeof honorListQuery>) {
  const courtIds = readableCourtIds(actor);
  if (!courtIds.length) return { items: [], total: 0 };
  const where = and(
    inArray(honors.courtId, courtIds),
    q.courtId ? eq(honors.courtId, q.courtId) : undefined,
    q.level ? eq(honors.level, q.level) : undefined,
    q.kind ? eq(honors.kind, q.kind) : undefined,
    q.brandId ? eq(honors.brandId, q.brandId) : undefined,
    q.year ? sql`extract(year from ${honors.awardedOn}) = ${q.year}` : undefined,
  );
  const rows = await repo.listHonors(deps.db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map((x) => toView(actor, x)), total: rows[0] ? Number(rows[0].total) : 0 };
}

async function viewById(db: DbOrTx, actor: Actor, id: string): Promise<Honor> {
  const [x] = await repo.listHonors(db, eq(honors.id, id));
  return toView(actor, found(x));
}

/** Resolves whom the honor is for (org, brand, member) and checks the caller manages that org. */
async function resolveTarget(db: DbOrTx, actor: Actor, input: z.infer<typeof createHonorRequest>) {
  let orgId = input.orgId ?? null;
  let brandName: string | null = null;
  if (input.brandId) {
    const b = await repo.findBrand(db, input.brandId);
    if (!b || !policy.read(actor, { courtId: b.row.courtId, orgPath: b.orgPath })) throw invalidField('brandId', '品牌不存在或不在您的管理范围内');
    if (orgId && orgId !== b.row.orgId) throw invalidField('brandId', '品牌不属于所选党组织');
    orgId = b.row.orgId;
    brandName = b.row.name;
  }
  let member: Awaited<ReturnType<typeof repo.findMember>> | undefined;
  if (input.kind === 'individual') {
    if (!input.memberId) throw invalidField('memberId', '个人荣誉请选择获奖党员');
    member = await repo.findMember(db, input.memberId);
    if (!member) throw invalidField('memberId', '党员不存在或不在您的管理范围内');
    if (orgId && orgId !== member.orgId) throw invalidField('memberId', '党员不属于所选党组织');
    orgId = member.orgId;
  }
  if (!orgId) throw invalidField('orgId', '请选择获奖的党组织');
  const org = await repo.findOrg(db, orgId);
  if (!org || !policy.read(actor, { courtId: org.courtId, orgPath: org.path })) throw invalidField(input.kind === 'individual' ? 'memberId' : 'orgId', '党组织不存在或不在您的管理范围内');
  if (member && member.courtId !== org.courtId) throw invalidField('memberId', '党员不存在或不在您的管理范围内');
  forbidIf(!policy.manage(actor, { courtId: org.courtId, orgPath: org.path }));
  const recipientName = input.recipientName ?? (member ? member.name : org.name);
  return { org, brandId: input.brandId ?? null, brandName, memberId: member?.id ?? null, recipientName };
}

export async function createHonor(deps: Deps, actor: Actor, input: z.infer<typeof createHonorRequest>) {
  const t = await resolveTarget(deps.db, actor, input);
  return deps.db.transaction(async (tx) => {
    const id = await recordHonor(tx, actor, {
      courtId: t.org.courtId,
      kind: input.kind,
      name: input.name,
      level: input.level,
      issuer: input.issuer,
      awardedOn: input.awardedOn,
      orgId: t.org.id,
      brandId: t.brandId,
      memberId: t.memberId,
      recipientName: t.recipientName,
      source: 'brands',
    });
    return viewById(tx, actor, id);
  });
}

async function manageable(db: DbOrTx, actor: Actor, id: string) {
  const [x] = await repo.listHonors(db, eq(honors.id, id));
  if (!x || !policy.read(actor, { courtId: x.row.courtId, orgPath: x.orgPath })) throw new AppError('NOT_FOUND');
  forbidIf(!policy.manage(actor, { courtId: x.row.courtId, orgPath: x.orgPath }));
  return x;
}

export async function updateHonor(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateHonorRequest>) {
  await manageable(deps.db, actor, id);
  const t = await resolveTarget(deps.db, actor, input);
  return deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(honors).where(eq(honors.id, id));
    assertVersion(found(current).version, input.version);
    if (current!.courtId !== t.org.courtId) throw invalidField('orgId', '荣誉不能移到其他法院');
    const set = { kind: input.kind, name: input.name, level: input.level, issuer: input.issuer, awardedOn: input.awardedOn, orgId: t.org.id, brandId: t.brandId, memberId: t.memberId, recipientName: t.recipientName };
    const { before, after } = diffFields(current as unknown as Record<string, unknown>, set);
    await tx.update(honors).set({ ...set, version: current!.version + 1, updatedAt: deps.now() }).where(eq(honors.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'honor.update', entity: 'honor', entityId: id, courtId: current!.courtId, before, after });
    return viewById(tx, actor, id);
  });
}

export async function deleteHonor(deps: Deps, actor: Actor, id: string) {
  const x = await manageable(deps.db, actor, id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(honors).where(eq(honors.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'honor.delete', entity: 'honor', entityId: id, courtId: x.row.courtId, before: x.row });
  });
  return { ok: true as const };
}

