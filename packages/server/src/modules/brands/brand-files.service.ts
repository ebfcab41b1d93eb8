// Files of the brands module, stored in `files` (ADR 0004): a brand's logo (JPG/PNG, ≤2MB) and an
// honor's certificate (JPG/PNG/PDF, ≤10MB). The type is decided by bytes and extension agreeing
// (activities/attachments.ts). Replacing one keeps the old row (files are never deleted: audit).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { newId, schema } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { detectAttachmentType } from '../activities/attachments';
import { brandsPolicy, honorsPolicy, isInsider } from './brands.policy';
import * as repo from './brands.repository';

const { files, brands, honors } = schema;
type Upload = { fileName: string; content: Buffer };

function checkFile(file: Upload, maxBytes: number, allowed: string[], allowedMessage: string): string {
  if (!file.content.length) throw invalidField('file', '文件是空的');
  if (file.content.length > maxBytes) throw new AppError('FILE_TOO_LARGE', `文件过大：不能超过${maxBytes / 1024 / 1024}MB`, [{ field: 'file', message: `不能超过${maxBytes / 1024 / 1024}MB` }]);
  const mime = detectAttachmentType(file.fileName, file.content);
  if (!mime || !allowed.includes(mime)) throw invalidField('file', allowedMessage);
  return mime;
}

function fileRow(courtId: string, ownerType: string, ownerId: string, file: Upload, mimeType: string, actor: Actor) {
  return { id: newId(), courtId, ownerType, ownerId, fileName: file.fileName.slice(0, 200), mimeType, size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content, uploadedBy: actor.userId };
}

export async function uploadLogo(deps: Deps, actor: Actor, brandId: string, file: Upload) {
  const b = found(await repo.findBrand(deps.db, brandId));
  const target = { courtId: b.row.courtId, orgPath: b.orgPath, isMaster: b.row.isMaster };
  if (!brandsPolicy.read(actor, target)) throw new AppError('NOT_FOUND');
  forbidIf(!brandsPolicy.edit(actor, target));
  const mime = checkFile(file, 2 * 1024 * 1024, ['image/png', 'image/jpeg'], '品牌标识仅支持 JPG/PNG 图片');
  await deps.db.transaction(async (tx) => {
    const row = fileRow(b.row.courtId, 'brandLogo', brandId, file, mime, actor);
    await tx.insert(files).values(row);
    await tx.update(brands).set({ logoFileId: row.id, updatedAt: deps.now() }).where(eq(brands.id, brandId));
    const { content: _c, ...evidence } = row;
    await appendAudit(tx, auditActorOf(actor), { action: 'brand.logo', entity: 'brand', entityId: brandId, courtId: b.row.courtId, before: { logoFileId: b.row.logoFileId }, after: evidence });
  });
  return { ok: true as const };
}

export async function getLogo(deps: Deps, actor: Actor, brandId: string) {
  const b = found(await repo.findBrand(deps.db, brandId));
  if (!brandsPolicy.read(actor, { courtId: b.row.courtId, orgPath: b.orgPath, isMaster: b.row.isMaster }) || !b.row.logoFileId) throw new AppError('NOT_FOUND');
  return found((await deps.db.select().from(files).where(eq(files.id, b.row.logoFileId)))[0]);
}

async function honorOf(deps: Deps, actor: Actor, honorId: string) {
  const [x] = await repo.listHonors(deps.db, eq(honors.id, honorId));
  if (!x || !honorsPolicy.read(actor, { courtId: x.row.courtId, orgPath: x.orgPath })) throw new AppError('NOT_FOUND');
  return x;
}

export async function uploadCertificate(deps: Deps, actor: Actor, honorId: string, file: Upload) {
  const x = await honorOf(deps, actor, honorId);
  forbidIf(!honorsPolicy.manage(actor, { courtId: x.row.courtId, orgPath: x.orgPath }));
  const mime = checkFile(file, 10 * 1024 * 1024, ['image/png', 'image/jpeg', 'application/pdf'], '证书仅支持 JPG/PNG 图片或 PDF');
  await deps.db.transaction(async (tx) => {
    const row = fileRow(x.row.courtId, 'honorCertificate', honorId, file, mime, actor);
    await tx.insert(files).values(row);
    await tx.update(honors).set({ certificateFileId: row.id, updatedAt: deps.now() }).where(eq(honors.id, honorId));
    const { content: _c, ...evidence } = row;
    await appendAudit(tx, auditActorOf(actor), { action: 'honor.certificate', entity: 'honor', entityId: honorId, courtId: x.row.courtId, before: { certificateFileId: x.row.certificateFileId }, after: evidence });
  });
  return { ok: true as const };
}

/** An individual's certificate carries their name: not shown outside their court. */
export async function getCertificate(deps: Deps, actor: Actor, honorId: string) {
  const x = await honorOf(deps, actor, honorId);
  if (!x.row.certificateFileId || (x.row.kind === 'individual' && !isInsider(actor, x.row.courtId))) throw new AppError('NOT_FOUND');
  return found((await deps.db.select().from(files).where(eq(files.id, x.row.certificateFileId)))[0]);
}
