// 谈心谈话: recording talks (谈心谈话, 提醒谈话, 谈话提醒) with participants and follow-up, the branch's
// talks of a year (restricted kinds and 谈话要点 filtered by talks.policy.ts), the yearly coverage of
// 支委↔支委、支委↔党员、党员↔党员 (domain/talk-coverage.ts) per branch with the missing pairs paged, the
// per-branch summary (home card, the office's view of every branch) and the .xlsx ledger.
// @see RULES.md §1.1
import { eq } from 'drizzle-orm';
import type { createTalkRequest, Talk, TalkCoverageSummaryItem, TalkCoverageView, updateTalkRequest, z } from '@zhibu/contracts';
import {
  computeTalkCoverage,
  isRestrictedTalkKind,
  talkCoverageCategoryLabels,
  talkCoverageLevel,
  talkCoverageRule,
  talkFollowUpStateLabels,
  talkKindLabels,
  todayInShanghai,
  type TalkCoverage,
  type TalkCoverageCategory,
  type TalkFollowUpState,
  type TalkKind,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { getCourtSettings, getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { talksPolicy as policy, type TalkTarget } from './talks.policy';
import * as repo from './talks.repository';

const { talks, talkParticipants } = schema;

type Org = NonNullable<Awaited<ReturnType<typeof repo.findOrg>>>;
const orgLabel = (o: { name: string; shortName: string | null }) => o.shortName ?? o.name;
const peerCoverageLabels = { eachMemberOnce: '党员↔党员：每名党员至少与一名其他党员谈一次', allPairs: '党员↔党员：逐对谈话' } as const;

async function readableOrg(deps: Deps, actor: Actor, orgId: string): Promise<Org> {
  const org = await repo.findOrg(deps.db, orgId);
  if (!org || !policy.readBranch(actor, org)) throw new AppError('NOT_FOUND');
  return org;
}

function targetOf(row: repo.TalkRow, parts: repo.ParticipantRow[]): TalkTarget {
  return { kind: row.kind as TalkKind, participantIds: parts.map((p) => p.memberId), createdBy: row.createdBy };
}

function toView(actor: Actor, org: Org, row: repo.TalkRow, parts: repo.ParticipantRow[]): Talk {
  const t = targetOf(row, parts);
  const kind = row.kind as TalkKind;
  const seeSummary = policy.readSummary(actor, org, t);
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: orgLabel(org),
    talkedOn: row.talkedOn,
    kind,
    kindLabel: talkKindLabels[kind],
    restricted: isRestrictedTalkKind(kind),
    topic: row.topic,
    summary: seeSummary ? row.summary : null,
    summaryHidden: !seeSummary && !!row.summary,
    participants: parts.map((p) => ({ memberId: p.memberId, name: p.memberName, isInitiator: p.isInitiator })),
    followUpState: row.followUpState as TalkFollowUpState,
    followUpStateLabel: talkFollowUpStateLabels[row.followUpState as TalkFollowUpState],
    followUpNote: row.followUpNote,
    followUpOn: row.followUpOn,
    createdByName: row.createdByName,
    canEdit: policy.edit(actor, org, t),
    version: row.version,
  };
}

async function withParticipants(db: DbOrTx, rows: repo.TalkRow[]) {
  const parts = await repo.participantsOf(db, rows.map((r) => r.id));
  const by = new Map<string, repo.ParticipantRow[]>();
  for (const p of parts) by.set(p.talkId, [...(by.get(p.talkId) ?? []), p]);
  return rows.map((row) => ({ row, parts: by.get(row.id) ?? [] }));
}

/** The branch's talks of a year the caller may see (or, without orgId, the talks the caller took part in). */
export async function listTalks(deps: Deps, actor: Actor, q: { orgId?: string; year?: number; kind?: TalkKind; memberId?: string; page: number; pageSize: number }) {
  let visible: Talk[];
  if (q.orgId) {
    const org = await readableOrg(deps, actor, q.orgId);
    const year = q.year ?? Number(todayInShanghai(deps.now()).slice(0, 4));
    const rows = await withParticipants(deps.db, await repo.talksOf(deps.db, [org.id], `${year}-01-01`, `${year}-12-31`));
    visible = rows.filter(({ row, parts }) => policy.readTalk(actor, org, targetOf(row, parts))).map(({ row, parts }) => toView(actor, org, row, parts));
  } else {
    if (!actor.memberId) return { items: [], total: 0 };
    const rows = await withParticipants(deps.db, await repo.talksWithMember(deps.db, actor.memberId));
    const orgs = new Map<string, Org>();
    visible = [];
    for (const { row, parts } of rows) {
      if (q.year && !row.talkedOn.startsWith(String(q.year))) continue;
      const org = orgs.get(row.orgId) ?? found(await repo.findOrg(deps.db, row.orgId));
      orgs.set(org.id, org);
      visible.push(toView(actor, org, row, parts));
    }
  }
  if (q.kind) visible = visible.filter((t) => t.kind === q.kind);
  if (q.memberId) visible = visible.filter((t) => t.participants.some((p) => p.memberId === q.memberId));
  return { items: visible.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: visible.length };
}

async function loadTalk(deps: Deps, db: DbOrTx, actor: Actor, id: string) {
  const row = found(await repo.findTalk(db, id));
  const org = found(await repo.findOrg(db, row.orgId));
  const parts = await repo.participantsOf(db, [row.id]);
  if (!policy.readTalk(actor, org, targetOf(row, parts))) throw new AppError('NOT_FOUND');
  return { row, org, parts };
}

export async function getTalk(deps: Deps, actor: Actor, id: string): Promise<Talk> {
  const { row, org, parts } = await loadTalk(deps, deps.db, actor, id);
  return toView(actor, org, row, parts);
}

type TalkInput = z.infer<typeof createTalkRequest> | z.infer<typeof updateTalkRequest>;

/** Checks the talk's fields against the branch: participants on its roster, the initiator among them, dates. */
async function checkInput(deps: Deps, org: Org, input: TalkInput) {
  const today = todayInShanghai(deps.now());
  if (input.talkedOn > today) throw invalidField('talkedOn', '谈话日期不能晚于今天');
  const ids = [...new Set(input.participantIds)];
  if (ids.length < 2) throw invalidField('participantIds', '谈心谈话至少要有两名本支部党员参加');
  if (!ids.includes(input.initiatorId)) throw invalidField('initiatorId', '谈话发起人应是参加谈话的人之一');
  const found = await repo.activeMembersOf(deps.db, org.id, ids);
  if (found.length !== ids.length) throw invalidField('participantIds', `谈话对象应是${orgLabel(org)}的在册党员`);
  const state = input.followUpState ?? 'none';
  if (state === 'done' && !input.followUpOn) throw invalidField('followUpOn', '已落实的跟进事项请填写落实日期');
  if (input.followUpOn && input.followUpOn < input.talkedOn) throw invalidField('followUpOn', '落实日期不能早于谈话日期');
  if (state !== 'none' && !input.followUpNote?.trim()) throw invalidField('followUpNote', '请写明需要跟进的事项');
  const names = new Map(found.map((m) => [m.id, m.name]));
  return { ids, names, kind: input.kind ?? 'talk', state };
}

function restrictedCheck(actor: Actor, org: Org, kind: TalkKind) {
  // 提醒谈话 is the secretary's: 党组织负责人发现苗头性问题时应及时提醒谈话 (教育管理条例 第二十八条).
  if (isRestrictedTalkKind(kind) && !policy.manageBranch(actor, org)) throw invalidField('kind', `${talkKindLabels[kind]}由党支部书记（或机关党委）进行和记录`);
}

export async function createTalk(deps: Deps, actor: Actor, input: z.infer<typeof createTalkRequest>): Promise<Talk> {
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || !policy.readBranch(actor, org)) throw invalidField('orgId', '找不到该党支部，或无权在该支部记录谈话');
  const kind = input.kind ?? 'talk';
  restrictedCheck(actor, org, kind);
  const checked = await checkInput(deps, org, input);
  if (!policy.record(actor, org, { kind, participantIds: checked.ids, createdBy: actor.userId })) throw invalidField('participantIds', '支部委员只能记录本人参加的谈心谈话');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      courtId: org.courtId,
      orgId: org.id,
      talkedOn: input.talkedOn,
      kind,
      topic: input.topic,
      summary: input.summary ?? null,
      followUpState: checked.state,
      followUpNote: input.followUpNote ?? null,
      followUpOn: input.followUpOn ?? null,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    };
    await tx.insert(talks).values(row);
    await tx.insert(talkParticipants).values(checked.ids.map((m) => ({ id: newId(), courtId: org.courtId, talkId: id, memberId: m, memberName: checked.names.get(m)!, isInitiator: m === input.initiatorId })));
    // The 谈话要点 is not copied into the audit log (it is restricted); the record of who talked when is.
    await appendAudit(tx, auditActorOf(actor), {
      action: 'talk.create',
      entity: 'talk',
      entityId: id,
      courtId: org.courtId,
      after: { orgId: org.id, talkedOn: row.talkedOn, kind, topic: row.topic, participants: checked.ids.map((m) => checked.names.get(m)), followUpState: row.followUpState },
    });
  });
  return getTalk(deps, actor, id);
}

export async function updateTalk(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateTalkRequest>): Promise<Talk> {
  const { row, org, parts } = await loadTalk(deps, deps.db, actor, id);
  forbidIf(!policy.edit(actor, org, targetOf(row, parts)));
  const kind = input.kind ?? 'talk';
  restrictedCheck(actor, org, kind);
  const checked = await checkInput(deps, org, input);
  if (!policy.record(actor, org, { kind, participantIds: checked.ids, createdBy: row.createdBy })) throw invalidField('participantIds', '支部委员只能记录本人参加的谈心谈话');
  await deps.db.transaction(async (tx) => {
    const current = found(await repo.findTalk(tx, id));
    assertVersion(current.version, input.version);
    const next = { talkedOn: input.talkedOn, kind, topic: input.topic, summary: input.summary ?? null, followUpState: checked.state, followUpNote: input.followUpNote ?? null, followUpOn: input.followUpOn ?? null };
    await tx.update(talks).set({ ...next, version: current.version + 1, updatedAt: deps.now() }).where(eq(talks.id, id));
    await tx.delete(talkParticipants).where(eq(talkParticipants.talkId, id));
    await tx.insert(talkParticipants).values(checked.ids.map((m) => ({ id: newId(), courtId: org.courtId, talkId: id, memberId: m, memberName: checked.names.get(m)!, isInitiator: m === input.initiatorId })));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'talk.update',
      entity: 'talk',
      entityId: id,
      courtId: org.courtId,
      before: { talkedOn: current.talkedOn, kind: current.kind, topic: current.topic, followUpState: current.followUpState, participants: parts.map((p) => p.memberName) },
      after: { talkedOn: next.talkedOn, kind, topic: next.topic, followUpState: next.followUpState, participants: checked.ids.map((m) => checked.names.get(m)) },
    });
  });
  return getTalk(deps, actor, id);
}

export async function deleteTalk(deps: Deps, actor: Actor, id: string, version: number) {
  const { row, org, parts } = await loadTalk(deps, deps.db, actor, id);
  forbidIf(!policy.edit(actor, org, targetOf(row, parts)));
  await deps.db.transaction(async (tx) => {
    const current = found(await repo.findTalk(tx, id));
    assertVersion(current.version, version);
    await tx.delete(talks).where(eq(talks.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'talk.delete',
      entity: 'talk',
      entityId: id,
      courtId: org.courtId,
      before: { orgId: org.id, talkedOn: current.talkedOn, kind: current.kind, topic: current.topic, participants: parts.map((p) => p.memberName) },
    });
  });
  return { ok: true as const };
}

const referenceDateOf = (year: number, today: string) => (today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today);

/** Coverage of many branches of one court in a year, in one set of queries. */
async function coverageOf(db: DbOrTx, orgIds: string[], year: number, today: string, peerCoverage: 'eachMemberOnce' | 'allPairs'): Promise<Map<string, TalkCoverage>> {
  const [rosters, rows] = await Promise.all([repo.rostersOf(db, orgIds, referenceDateOf(year, today)), repo.talksOf(db, orgIds, `${year}-01-01`, `${year}-12-31`)]);
  const withParts = await withParticipants(db, rows);
  const out = new Map<string, TalkCoverage>();
  for (const orgId of orgIds) {
    const own = withParts.filter((t) => t.row.orgId === orgId).map((t) => ({ talkedOn: t.row.talkedOn, kind: t.row.kind as TalkKind, participantIds: t.parts.map((p) => p.memberId) }));
    out.set(orgId, computeTalkCoverage({ year, asOf: today, roster: rosters.get(orgId) ?? [], talks: own, peerCoverage }));
  }
  return out;
}

export async function coverage(deps: Deps, actor: Actor, q: { orgId: string; year: number; category?: TalkCoverageCategory; page: number; pageSize: number }): Promise<TalkCoverageView> {
  const org = await readableOrg(deps, actor, q.orgId);
  const config = (await getRuleConfig(deps.db, org.courtId)).talks;
  const today = todayInShanghai(deps.now());
  const c = (await coverageOf(deps.db, [org.id], q.year, today, config.peerCoverage)).get(org.id)!;
  const missing = q.category ? c.missing.filter((m) => m.category === q.category) : c.missing;
  return {
    orgId: org.id,
    orgName: orgLabel(org),
    year: q.year,
    referenceDate: c.referenceDate,
    peerCoverage: c.peerCoverage,
    peerCoverageLabel: peerCoverageLabels[c.peerCoverage],
    categories: c.categories.map((x) => ({ ...x, label: talkCoverageCategoryLabels[x.category] })),
    required: c.required,
    covered: c.covered,
    percent: c.percent,
    level: talkCoverageLevel(q.year, today, c.missing.length, config),
    missingTotal: missing.length,
    missing: missing.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((m) => ({ ...m, categoryLabel: talkCoverageCategoryLabels[m.category] })),
    rule: talkCoverageRule,
    warningFromMonth: config.warningFromMonth,
    canRecord: policy.recordInBranch(actor, org),
  };
}

/** Every branch the caller reads (the office: all branches of the court), with its coverage. */
export async function coverageSummary(deps: Deps, actor: Actor, q: { year?: number }) {
  const today = todayInShanghai(deps.now());
  const year = q.year ?? Number(today.slice(0, 4));
  const courtIds = [...new Set(actor.grants.filter((g) => ['courtAdmin', 'branchSecretary', 'committeeMember'].includes(g.role) && g.courtId).map((g) => g.courtId!))];
  const branches = (await repo.branchesOf(deps.db, courtIds)).filter((b) => policy.readBranch(actor, b));
  const settings = await getCourtSettings(deps.db, courtIds);
  const items: TalkCoverageSummaryItem[] = [];
  let warningFromMonth = 10;
  for (const courtId of courtIds) {
    const config = settings.get(courtId)!.config.talks;
    warningFromMonth = config.warningFromMonth;
    const own = branches.filter((b) => b.courtId === courtId);
    const cov = await coverageOf(deps.db, own.map((b) => b.id), year, today, config.peerCoverage);
    for (const b of own) {
      const c = cov.get(b.id)!;
      items.push({ orgId: b.id, orgName: orgLabel(b), courtName: b.courtName, required: c.required, covered: c.covered, percent: c.percent, missing: c.missing.length, level: talkCoverageLevel(year, today, c.missing.length, config) });
    }
  }
  return { year, warningFromMonth, items };
}

/** The branch's 谈心谈话记录 of a year (.xlsx): the talks the caller may see, and the coverage with every missing pair. */
export async function ledgerWorkbook(deps: Deps, actor: Actor, q: { orgId: string; year: number }) {
  const org = await readableOrg(deps, actor, q.orgId);
  const list = await listTalks(deps, actor, { orgId: org.id, year: q.year, page: 1, pageSize: 100_000 });
  const cov = await coverage(deps, actor, { orgId: org.id, year: q.year, page: 1, pageSize: 1_000_000 });
  const { renderTalkLedger } = await import('./talks-xlsx');
  const buffer = await renderTalkLedger({ orgName: org.name, year: q.year, talks: list.items.slice().reverse(), coverage: cov });
  await deps.db.transaction(async (tx) => {
    await appendAudit(tx, auditActorOf(actor), { action: 'talk.ledger.export', entity: 'talk', entityId: null, courtId: org.courtId, after: { orgId: org.id, year: q.year, count: list.total } });
  });
  return { buffer, fileName: `${orgLabel(org)}${q.year}年谈心谈话记录.xlsx`, asciiName: `talks-${q.year}.xlsx` };
}
