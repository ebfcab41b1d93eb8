// Files kept in the database (ADR 0004): one row in `files` per upload, owned by a record of a module
// (an activity, a room, a development step, a shared material …), with its SHA-256 and size. Every
// upload is written together with its audit entry, which records the file's evidence but never its
// bytes. The modules check the caller, the size and the type before they store.
import { createHash } from 'node:crypto';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import { appendAudit } from './audit';
import { auditActorOf, type Actor } from '../policy/actor';

export type UploadedFile = { fileName: string; content: Buffer };
export type StoredFile = { id: string; fileName: string; mimeType: string; size: number };

/** The `files` row of an upload (names cut to 200 characters). */
export function fileRowOf(owner: { courtId: string; ownerType: string; ownerId: string }, file: UploadedFile, mimeType: string, uploadedBy: string | null) {
  return {
    id: newId(),
    courtId: owner.courtId,
    ownerType: owner.ownerType,
    ownerId: owner.ownerId,
    fileName: file.fileName.slice(0, 200),
    mimeType,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy,
  };
}

/**
 * Stores an upload and, in the same transaction, its audit entry (`action`, entity 'file'; `context`
 * is added to the evidence, e.g. the case and step a document belongs to).
 */
export async function storeFile(
  tx: DbOrTx,
  actor: Actor,
  owner: { courtId: string; ownerType: string; ownerId: string },
  file: UploadedFile,
  mimeType: string,
  audit: { action: string; context?: Record<string, unknown> },
): Promise<StoredFile> {
  const row = fileRowOf(owner, file, mimeType, actor.userId);
  await tx.insert(schema.files).values(row);
  const { content: _c, ...evidence } = row;
  await appendAudit(tx, auditActorOf(actor), { action: audit.action, entity: 'file', entityId: row.id, courtId: owner.courtId, after: { ...evidence, ...audit.context } });
  return { id: row.id, fileName: row.fileName, mimeType, size: row.size };
}
