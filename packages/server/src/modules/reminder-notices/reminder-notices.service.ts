// 党建工作提示 sent and confirmed. The office sends a branch a notice (often about one computed item of
// the 党建工作提示, with its rule and due date); the branch's secretary sees it on the home page and
// confirms it; the office sees who confirmed and when. Each write is one transaction with its audit
// entry.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { acknowledgeReminderNoticeRequest, ReminderNotice, reminderNoticeListQuery, sendReminderNoticeRequest, z } from '@zhibu/contracts';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { reminderNoticesPolicy as policy } from './reminder-notices.policy';

const { reminderNotices, partyOrgs } = schema;
type Row = typeof reminderNotices.$inferSelect;
type OrgInfo = { id: string; courtId: string; path: string; name: string; shortName: string | null; parentId: string | null };

async function orgsById(db: DbOrTx, ids: string[]): Promise<Map<string, OrgInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: partyOrgs.id, courtId: partyOrgs.courtId, path: partyOrgs.path, name: partyOrgs.name, shortName: partyOrgs.shortName, parentId: partyOrgs.parentId })
    .from(partyOrgs)
    .where(inArray(partyOrgs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each org with its parent (the org whose office sends it notices). */
async function withParents(db: DbOrTx, orgIds: string[]) {
  const orgs = await orgsById(db, orgIds);
  const parents = await orgsById(db, [...orgs.values()].map((o) => o.parentId).filter((x): x is string => !!x));
  return { orgs, parentOf: (o: OrgInfo) => (o.parentId ? parents.get(o.parentId) : undefined) };
}

function toView(actor: Actor, row: Row, org: OrgInfo | undefined): ReminderNotice {
  return {
    id: row.id,
    courtId: row.courtId,
    orgId: row.orgId,
    orgName: org ? (org.shortName ?? org.name) : '',
    itemKey: row.itemKey,
    title: row.title,
    body: row.body,
    rule: row.rule,
    dueOn: row.dueOn,
    sentByName: row.sentByName,
    sentAt: row.sentAt.toISOString(),
    state: row.state as ReminderNotice['state'],
    acknowledgedByName: row.acknowledgedByName,
    acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
    ackNote: row.ackNote,
    canAcknowledge: row.state === 'sent' && !!org && policy.acknowledge(actor, { courtId: row.courtId, path: row.orgPath }, row.sentBy),
    version: row.version,
  };
}

export async function sendNotice(deps: Deps, actor: Actor, input: z.infer<typeof sendReminderNoticeRequest>): Promise<ReminderNotice> {
  const { orgs, parentOf } = await withParents(deps.db, [input.orgId]);
  const org = orgs.get(input.orgId);
  // An org the caller cannot see is unknown to them (400 naming the field, like the other modules).
  if (!org || !(policy.send(actor, parentOf(org)) || policy.read(actor, org, parentOf(org)))) throw invalidField('orgId', '党组织不存在');
  if (!policy.send(actor, parentOf(org))) throw new AppError('FORBIDDEN', '只有上级党组织可以向该党组织发送党建工作提示');
  const now = deps.now();
  const row: Row = {
    id: newId(),
    courtId: org.courtId,
    orgId: org.id,
    orgPath: org.path,
    itemKey: input.itemKey ?? null,
    title: input.title,
    body: input.body,
    rule: input.rule ?? null,
    dueOn: input.dueOn ?? null,
    sentBy: actor.userId,
    sentByName: actor.displayName,
    sentAt: now,
    state: 'sent',
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
    ackNote: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(reminderNotices).values(row);
    await appendAudit(tx, auditActorOf(actor), {
      action: 'reminderNotice.send',
      entity: 'reminderNotice',
      entityId: row.id,
      courtId: row.courtId,
      after: { orgId: row.orgId, title: row.title, itemKey: row.itemKey, dueOn: row.dueOn },
    });
  });
  return toView(actor, row, org);
}

export async function acknowledgeNotice(deps: Deps, actor: Actor, id: string, input: z.infer<typeof acknowledgeReminderNoticeRequest>): Promise<ReminderNotice> {
  const row = found((await deps.db.select().from(reminderNotices).where(eq(reminderNotices.id, id)))[0]);
  const { orgs, parentOf } = await withParents(deps.db, [row.orgId]);
  const org = orgs.get(row.orgId);
  if (!org || !policy.read(actor, org, parentOf(org))) throw new AppError('NOT_FOUND');
  forbidIf(!canAcknowledgeAtAll(actor, row));
  if (row.state === 'acknowledged') throw new AppError('DUPLICATE', `该提示已由${row.acknowledgedByName ?? '他人'}确认`);
  assertVersion(row.version, input.version);
  const now = deps.now();
  const next: Row = { ...row, state: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedByName: actor.displayName, acknowledgedAt: now, ackNote: input.note ?? null, version: row.version + 1, updatedAt: now };
  await deps.db.transaction(async (tx) => {
    // The version in the WHERE makes two confirmations at once end in one write and one conflict.
    const done = await tx
      .update(reminderNotices)
      .set({ state: next.state, acknowledgedBy: next.acknowledgedBy, acknowledgedByName: next.acknowledgedByName, acknowledgedAt: now, ackNote: next.ackNote, version: next.version, updatedAt: now })
      .where(and(eq(reminderNotices.id, id), eq(reminderNotices.version, row.version)))
      .returning({ id: reminderNotices.id });
    if (!done.length) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, auditActorOf(actor), {
      action: 'reminderNotice.acknowledge',
      entity: 'reminderNotice',
      entityId: id,
      courtId: row.courtId,
      before: { state: row.state },
      after: { state: next.state, note: next.ackNote },
    });
  });
  return toView(actor, next, org);
}

function canAcknowledgeAtAll(actor: Actor, row: Row): boolean {
  return policy.acknowledge(actor, { courtId: row.courtId, path: row.orgPath }, row.sentBy);
}

export async function listNotices(deps: Deps, actor: Actor, q: z.infer<typeof reminderNoticeListQuery>): Promise<{ items: ReminderNotice[]; total: number }> {
  const courtIds = [...new Set(actor.grants.filter((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary').map((g) => g.courtId).filter((x): x is string => !!x))];
  if (!courtIds.length) return { items: [], total: 0 };
  const conds = [inArray(reminderNotices.courtId, courtIds)];
  if (q.state) conds.push(eq(reminderNotices.state, q.state));
  if (q.orgId) conds.push(eq(reminderNotices.orgId, q.orgId));
  // A court's notices are a few hundred a year: load the court's, then keep what the caller may see.
  const rows = await deps.db.select().from(reminderNotices).where(and(...conds)).orderBy(desc(reminderNotices.sentAt));
  const { orgs, parentOf } = await withParents(deps.db, rows.map((r) => r.orgId));
  const visible = rows.filter((r) => {
    const org = orgs.get(r.orgId);
    if (!org) return false;
    if (q.box === 'inbox') return r.sentBy !== actor.userId && policy.acknowledge(actor, org, r.sentBy);
    return policy.send(actor, parentOf(org));
  });
  const start = (q.page - 1) * q.pageSize;
  return { items: visible.slice(start, start + q.pageSize).map((r) => toView(actor, r, orgs.get(r.orgId))), total: visible.length };
}
