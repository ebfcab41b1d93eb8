import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, gte, ilike, lt, sql } from 'drizzle-orm';
import { auditEntrySchema, auditQuery, auditVerifyResponse, z } from '@zhibu/contracts';
import { addDays } from '@zhibu/domain';
import { schema } from '@zhibu/db';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { verifyAuditChain } from '../../lib/audit';
import { forbidIf } from '../../lib/records';
import { escapeLike } from '../../lib/like';
import { auditPolicy } from './audit.policy';

const { auditLog } = schema;
const tags = ['audit'];

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-logs',
      { schema: { tags, summary: '审计日志（安全审计员）', querystring: auditQuery, response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number() }) } } },
      async (req) => {
        forbidIf(!auditPolicy.read(requireActor(req)));
        const q = req.query;
        // Dates are the users' calendar days in Asia/Shanghai.
        const where = and(
          q.actor ? ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`) : undefined,
          q.action ? ilike(auditLog.action, `${escapeLike(q.action)}%`) : undefined,
          q.entity ? eq(auditLog.entity, q.entity) : undefined,
          q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
          q.from ? gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)) : undefined,
          q.to ? lt(auditLog.at, new Date(`${addDays(q.to, 1)}T00:00:00+08:00`)) : undefined,
        );
        const [rows, count] = await Promise.all([
          deps.db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
          deps.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
        ]);
        return {
          items: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
          total: count[0]?.n ?? 0,
        };
      },
    );
    app.get('/audit-logs/verify', { schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditVerifyResponse } } }, async (req) => {
      forbidIf(!auditPolicy.read(requireActor(req)));
      return verifyAuditChain(deps.db);
    });
  };
}
