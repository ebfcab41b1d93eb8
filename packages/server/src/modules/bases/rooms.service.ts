// 党员活动室: each branch's room (floor, area, capacity, devices, photos, the 标准化规范化建设
// checklist), the court's checklist items ([U], configurable per court — RULES.md §3 标准化规范化建设),
// and the room display's token. Every write is audited in its own transaction.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { createRoomRequest, Room, updateRoomChecklistRequest, updateRoomRequest, z } from '@zhibu/contracts';
import { applyChecklist, defaultRoomChecklist } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { storeFile } from '../../lib/stored-files';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { basesPolicy as policy, type RoomTarget } from './bases.policy';
import * as repo from './bases.repository';

const { activityRooms, settings } = schema;

export const targetOf = (x: repo.ListedRoom): RoomTarget => ({ courtId: x.row.courtId, orgPath: x.orgPath, shared: x.row.shared });

/** The court's checklist items: its own list, or the default one [U]. */
export async function checklistItemsOf(db: DbOrTx, courtIds: string[]): Promise<Map<string, { items: string[]; isDefault: boolean; version: number }>> {
  const rows = await repo.getChecklistSettings(db, courtIds);
  const out = new Map<string, { items: string[]; isDefault: boolean; version: number }>();
  for (const id of courtIds) out.set(id, { items: [...defaultRoomChecklist], isDefault: true, version: 0 });
  for (const r of rows) if (r.courtId && Array.isArray(r.value)) out.set(r.courtId, { items: r.value as string[], isDefault: false, version: r.version });
  return out;
}

async function toViews(db: DbOrTx, actor: Actor, rows: repo.ListedRoom[]): Promise<Room[]> {
  const photos = await repo.listRoomPhotos(db, rows.map((r) => r.row.id));
  const checklists = await checklistItemsOf(db, [...new Set(rows.map((r) => r.row.courtId))]);
  return rows.map((x) => {
    const c = applyChecklist(checklists.get(x.row.courtId)!.items, x.row.checklist ?? {});
    const t = targetOf(x);
    return {
      id: x.row.id,
      courtId: x.row.courtId,
      orgId: x.row.orgId,
      orgName: x.orgName,
      name: x.row.name,
      floor: x.row.floor,
      areaSqm: x.row.areaSqm,
      capacity: x.row.capacity,
      devices: x.row.devices ?? [],
      checklist: c.items,
      checklistDone: c.done,
      checklistTotal: c.total,
      shared: x.row.shared,
      notes: x.row.notes,
      photos: photos.filter((p) => p.ownerId === x.row.id).map((p) => ({ id: p.id, fileName: p.fileName })),
      hasDisplayToken: !!x.row.displayTokenHash,
      displayTokenCreatedAt: x.row.displayTokenCreatedAt ? x.row.displayTokenCreatedAt.toISOString() : null,
      canManage: policy.manageRoom(actor, t),
      canBook: actor.grants.some((g) => (g.role === 'courtAdmin' || g.role === 'branchSecretary') && g.courtId === x.row.courtId && (x.row.shared || (!!g.orgPath && g.orgPath.startsWith(x.orgPath)) || policy.manageRoom(actor, t))),
      version: x.row.version,
    };
  });
}

/** A room the caller may read, else 404. */
export async function loadReadableRoom(deps: Deps, actor: Actor, id: string, db: DbOrTx = deps.db) {
  const x = found(await repo.findRoom(db, id));
  if (!policy.readRoom(actor, targetOf(x))) throw new AppError('NOT_FOUND');
  return x;
}

export async function listRooms(deps: Deps, actor: Actor, q: { courtId?: string; orgId?: string }) {
  const courtIds = q.courtId ? [q.courtId] : [...new Set(actor.grants.map((g) => g.courtId).filter((c): c is string => !!c).concat(actor.courtId ? [actor.courtId] : []))];
  const readable = courtIds.filter((c) => policy.readCourt(actor, c));
  if (!readable.length) return { items: [], total: 0 };
  const where = and(inArray(activityRooms.courtId, readable), q.orgId ? eq(activityRooms.orgId, q.orgId) : undefined) as SQL;
  const rows = (await repo.listRooms(deps.db, where)).filter((x) => policy.readRoom(actor, targetOf(x)));
  const items = await toViews(deps.db, actor, rows);
  return { items, total: items.length };
}

export async function getRoom(deps: Deps, actor: Actor, id: string) {
  const x = await loadReadableRoom(deps, actor, id);
  return (await toViews(deps.db, actor, [x]))[0]!;
}

async function viewById(db: DbOrTx, actor: Actor, id: string) {
  return (await toViews(db, actor, [found(await repo.findRoom(db, id))]))[0]!;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function createRoom(deps: Deps, actor: Actor, input: z.infer<typeof createRoomRequest>) {
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || !policy.readCourt(actor, org.courtId)) throw invalidField('orgId', '所选党组织不存在或不在您的管理范围内');
  forbidIf(!policy.manageRoom(actor, { courtId: org.courtId, orgPath: org.path, shared: false }));
  if (input.shared && !policy.setShared(actor, org.courtId)) throw new AppError('FORBIDDEN', '只有机关党委（党办）可以将活动室设为全院共享');
  const row = {
    id: newId(),
    courtId: org.courtId,
    orgId: org.id,
    name: input.name,
    floor: input.floor ?? null,
    areaSqm: input.areaSqm ?? null,
    capacity: input.capacity ?? null,
    devices: [...new Set(input.devices ?? [])],
    checklist: {},
    shared: input.shared ?? false,
    notes: input.notes ?? null,
  };
  try {
    return await deps.db.transaction(async (tx) => {
      await tx.insert(activityRooms).values(row);
      await appendAudit(tx, auditActorOf(actor), { action: 'room.create', entity: 'activityRoom', entityId: row.id, courtId: row.courtId, after: row });
      return viewById(tx, actor, row.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidField('name', `本院已有名为“${input.name}”的活动室`);
    throw err;
  }
}

export async function updateRoom(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateRoomRequest>) {
  const x = await loadReadableRoom(deps, actor, id);
  forbidIf(!policy.manageRoom(actor, targetOf(x)));
  if (input.shared !== undefined && input.shared !== x.row.shared && !policy.setShared(actor, x.row.courtId)) {
    throw new AppError('FORBIDDEN', '只有机关党委（党办）可以设置活动室是否全院共享');
  }
  let checklist: Record<string, boolean> | undefined;
  if (input.checklist) {
    const items = (await checklistItemsOf(deps.db, [x.row.courtId])).get(x.row.courtId)!.items;
    const unknown = Object.keys(input.checklist).find((k) => !items.includes(k));
    if (unknown) throw invalidField('checklist', `“${unknown}”不是本院的标准化建设项目`);
    checklist = { ...(x.row.checklist ?? {}), ...input.checklist };
  }
  const changes = {
    name: input.name,
    floor: input.floor === undefined ? undefined : input.floor ?? null,
    areaSqm: input.areaSqm === undefined ? undefined : input.areaSqm ?? null,
    capacity: input.capacity === undefined ? undefined : input.capacity ?? null,
    devices: input.devices ? [...new Set(input.devices)] : undefined,
    notes: input.notes === undefined ? undefined : input.notes ?? null,
    shared: input.shared,
    checklist,
  };
  try {
    return await deps.db.transaction(async (tx) => {
      const current = found((await tx.select().from(activityRooms).where(eq(activityRooms.id, id)))[0]);
      assertVersion(current.version, input.version);
      const diff = diffFields(current as Record<string, unknown>, changes as Record<string, unknown>);
      await tx.update(activityRooms).set({ ...changes, version: current.version + 1, updatedAt: deps.now() }).where(eq(activityRooms.id, id));
      await appendAudit(tx, auditActorOf(actor), { action: 'room.update', entity: 'activityRoom', entityId: id, courtId: current.courtId, ...diff });
      return viewById(tx, actor, id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidField('name', `本院已有名为“${input.name}”的活动室`);
    throw err;
  }
}

// ---------------------------------------------------------------- photos

export async function addRoomPhoto(deps: Deps, actor: Actor, id: string, file: { fileName: string; content: Buffer; mimeType: string | null }) {
  const x = await loadReadableRoom(deps, actor, id);
  forbidIf(!policy.manageRoom(actor, targetOf(x)));
  if (!file.content.length) throw invalidField('file', '文件是空的');
  if (!file.mimeType || !file.mimeType.startsWith('image/')) throw invalidField('file', '活动室照片仅支持 JPG、PNG 图片');
  const mimeType = file.mimeType;
  return deps.db.transaction(async (tx) => {
    await storeFile(tx, actor, { courtId: x.row.courtId, ownerType: repo.ROOM_PHOTO_OWNER, ownerId: id }, file, mimeType, { action: 'room.photo.add' });
    return viewById(tx, actor, id);
  });
}

export async function getRoomPhoto(deps: Deps, actor: Actor, id: string, fileId: string) {
  await loadReadableRoom(deps, actor, id);
  const f = found(await repo.findFile(deps.db, fileId));
  if (f.ownerType !== repo.ROOM_PHOTO_OWNER || f.ownerId !== id) throw new AppError('NOT_FOUND');
  return f;
}

// ---------------------------------------------------------------- display token

export function hashDisplayToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A long random token for the room's display: the screen URL carries it and it grants reading that
 * room's screen only. Creating a new one replaces (revokes) the old one. Only the hash is stored.
 */
export async function createDisplayToken(deps: Deps, actor: Actor, id: string) {
  const x = await loadReadableRoom(deps, actor, id);
  forbidIf(!policy.manageRoom(actor, targetOf(x)));
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(activityRooms).set({ displayTokenHash: hashDisplayToken(token), displayTokenCreatedAt: now, updatedAt: now }).where(eq(activityRooms.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'room.displayToken.create',
      entity: 'activityRoom',
      entityId: id,
      courtId: x.row.courtId,
      before: { hadToken: !!x.row.displayTokenHash },
      after: { roomName: x.row.name, createdAt: now },
    });
  });
  return { roomId: id, token, screenPath: `/room-screen?t=${token}`, createdAt: now.toISOString() };
}

export async function revokeDisplayToken(deps: Deps, actor: Actor, id: string) {
  const x = await loadReadableRoom(deps, actor, id);
  forbidIf(!policy.manageRoom(actor, targetOf(x)));
  if (!x.row.displayTokenHash) throw new AppError('VALIDATION_FAILED', '该活动室没有已发放的大屏链接');
  await deps.db.transaction(async (tx) => {
    await tx.update(activityRooms).set({ displayTokenHash: null, displayTokenCreatedAt: null, updatedAt: deps.now() }).where(eq(activityRooms.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'room.displayToken.revoke', entity: 'activityRoom', entityId: id, courtId: x.row.courtId, before: { createdAt: x.row.displayTokenCreatedAt }, after: { roomName: x.row.name } });
  });
  return viewById(deps.db, actor, id);
}

// ---------------------------------------------------------------- checklist items of the court [U]

export async function getChecklistConfig(deps: Deps, actor: Actor, courtId: string | undefined) {
  const id = courtId ?? actor.courtId;
  if (!id || !policy.readCourt(actor, id)) throw new AppError('NOT_FOUND');
  const c = (await checklistItemsOf(deps.db, [id])).get(id)!;
  return { courtId: id, ...c };
}

export async function saveChecklistConfig(deps: Deps, actor: Actor, input: z.infer<typeof updateRoomChecklistRequest>) {
  if (!policy.readCourt(actor, input.courtId)) throw invalidField('courtId', '法院不存在或不在您的管理范围内');
  forbidIf(!policy.manageCourt(actor, input.courtId));
  const items = [...new Set(input.items)];
  return deps.db.transaction(async (tx) => {
    const current = await repo.getChecklistSetting(tx, input.courtId);
    assertVersion(current?.version ?? 0, input.version);
    if (current) await tx.update(settings).set({ value: items, version: current.version + 1, updatedAt: deps.now() }).where(eq(settings.id, current.id));
    else await tx.insert(settings).values({ id: newId(), courtId: input.courtId, key: repo.CHECKLIST_SETTING, value: items });
    await appendAudit(tx, auditActorOf(actor), { action: 'room.checklist.configure', entity: 'setting', entityId: repo.CHECKLIST_SETTING, courtId: input.courtId, before: { items: current?.value ?? defaultRoomChecklist }, after: { items } });
    return { courtId: input.courtId, items, isDefault: false, version: (current?.version ?? 0) + 1 };
  });
}
