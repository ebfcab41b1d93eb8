// Every write appends who, when, what, before and after to the hash-chained audit log, in the
// same transaction as the write (DESIGN.md § Data). hash = sha256(prevHash + canonical JSON).
import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { newId, schema, type DbOrTx } from '@zhibu/db';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { userId: string | null; name: string; ip?: string | null };

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | null;
  courtId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON with sorted keys, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JSON (dates → ISO strings, secrets never included by callers). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

type HashFields = {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  courtId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export function computeAuditHash(prevHash: string, e: HashFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString() });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export async function appendAudit(tx: DbOrTx, actor: AuditActor, input: AuditInput): Promise<void> {
  // Serialize writers of the chain: each entry links to the one before it.
  await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
  const last = await tx
    .select({ hash: schema.auditLog.hash })
    .from(schema.auditLog)
    .orderBy(sql`${schema.auditLog.seq} desc`)
    .limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const entry: HashFields = {
    id: newId(),
    at: new Date(),
    actorId: actor.userId,
    actorName: actor.name,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    courtId: input.courtId ?? null,
    before: toJson(input.before),
    after: toJson(input.after),
    ip: actor.ip ?? null,
  };
  await tx.insert(schema.auditLog).values({ ...entry, prevHash, hash: computeAuditHash(prevHash, entry) });
}

export type AuditVerifyResult = { ok: boolean; checked: number; firstBrokenSeq: number | null; message: string };

/** Walks the whole chain in order; reports the first entry whose link or content does not match. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 1000): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(schema.auditLog)
      .where(gt(schema.auditLog.seq, lastSeq))
      .orderBy(asc(schema.auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      const expected = computeAuditHash(prevHash, {
        id: r.id,
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        courtId: r.courtId,
        before: r.before,
        after: r.after,
        ip: r.ip,
      });
      if (r.prevHash !== prevHash || r.hash !== expected) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: r.seq,
          message: `审计日志第 ${r.seq} 条记录与链不符：${r.prevHash !== prevHash ? '前序哈希断开' : '内容被改动'}`,
        };
      }
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, message: `审计日志完整，共校验 ${checked} 条记录` };
}
