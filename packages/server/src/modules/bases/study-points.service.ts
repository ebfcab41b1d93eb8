// 月度政治学习要点: the court's party office records the month's points (RULES/USERS: 郑主任 drafts
// them on Thursday and every branch sees them); they show on every room's screen of the court.
import { and, eq } from 'drizzle-orm';
import type { saveStudyPointsRequest, z } from '@zhibu/contracts';
import { newId, schema } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { basesPolicy as policy } from './bases.policy';
import * as repo from './bases.repository';

const { studyPoints } = schema;

async function view(deps: Deps, actor: Actor, courtId: string, month: string) {
  const court = found(await repo.findCourt(deps.db, courtId));
  const row = (await deps.db.select().from(studyPoints).where(and(eq(studyPoints.courtId, courtId), eq(studyPoints.month, month))))[0];
  return {
    courtId,
    courtName: court.name,
    month,
    items: row?.items ?? [],
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    canEdit: policy.manageCourt(actor, courtId),
  };
}

export async function getStudyPoints(deps: Deps, actor: Actor, q: { courtId?: string; month: string }) {
  const courtId = q.courtId ?? actor.courtId;
  if (!courtId || !policy.readCourt(actor, courtId)) throw new AppError('NOT_FOUND');
  return view(deps, actor, courtId, q.month);
}

export async function saveStudyPoints(deps: Deps, actor: Actor, q: { courtId?: string; month: string }, input: z.infer<typeof saveStudyPointsRequest>) {
  const courtId = q.courtId ?? actor.courtId;
  if (!courtId || !policy.readCourt(actor, courtId)) throw invalidField('courtId', '法院不存在或不在您的管理范围内');
  forbidIf(!policy.manageCourt(actor, courtId));
  try {
  await deps.db.transaction(async (tx) => {
    const current = (await tx.select().from(studyPoints).where(and(eq(studyPoints.courtId, courtId), eq(studyPoints.month, q.month))).for('update'))[0];
    assertVersion(current?.version ?? 0, input.version);
    if (current) await tx.update(studyPoints).set({ items: input.items, updatedBy: actor.userId, version: current.version + 1, updatedAt: deps.now() }).where(eq(studyPoints.id, current.id));
    else await tx.insert(studyPoints).values({ id: newId(), courtId, month: q.month, items: input.items, updatedBy: actor.userId });
    await appendAudit(tx, auditActorOf(actor), { action: 'studyPoints.save', entity: 'studyPoints', entityId: `${courtId}:${q.month}`, courtId, before: current ? { items: current.items } : null, after: { month: q.month, items: input.items } });
  });
  } catch (err) {
    // Two first saves of the same month at once: the second is a stale write, not a 500.
    const e = err as { code?: string; cause?: { code?: string } };
    if (e?.code === '23505' || e?.cause?.code === '23505') throw new AppError('VERSION_CONFLICT');
    throw err;
  }
  return view(deps, actor, courtId, q.month);
}
