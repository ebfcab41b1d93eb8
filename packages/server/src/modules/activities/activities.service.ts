// Organizational life: plan → notify → hold (sign-in) → record → submit → review, or cancel.
// Records of past meetings are evidence (DESIGN.md § Data): 补录 is marked with a reason, every
// change to a held activity first keeps the earlier row in activity_revisions, nothing is deleted.
// @see RULES.md §1
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  activityTypeLabels,
  attendanceStatusLabels,
  checkQuorum,
  defaultActivityCatalogue,
  formatChineseDate,
  listActivityTypesFor,
  mergeActivityCatalogue,
  todayInShanghai,
  type ActivityCatalogue,
  type ActivityCatalogueOverrides,
  type ActivityType,
  type MemberStatus,
  type OrgType,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type {
  ActivityDetail,
  ActivitySummary,
  activityListQuery,
  cancelActivityRequest,
  createActivityRequest,
  createCaseReviewRequest,
  markAttendanceRequest,
  recordActivityRequest,
  reviewActivityRequest,
  signInRequest,
  updateActivityRequest,
  updateCaseReviewRequest,
} from '@zhibu/contracts';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import { AppError, invalid, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { storeFile } from '../../lib/stored-files';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { exclusionsInForceOn } from '../quorum-exclusions/quorum-exclusions.service';
import { auditActorOf, type Actor } from '../../policy/actor';
import {
  insertJointActivity,
  jointInfoOf,
  managesPartnerOrg,
  partnerOrgOfMember,
  partnerOrgsOf,
  prepareJointActivity,
  readsPartnerOrg,
  type PartnerOrg,
} from '../partnerships/joint-activities';
import { activitiesPolicy } from './activities.policy';
import * as repo from './activities.repository';
import { ALLOWED_TYPES_MESSAGE, detectAttachmentType } from './attachments';
import { checkSignInToken, makeSignInToken, newSignInCode, newSignInSecret, parseSignInToken, SIGN_IN_STEP_SECONDS, stepEndsAt, timeStepOf } from './sign-in-token';

const { activities, activityAttendance, activityRevisions, caseReviews, departments } = schema;

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const DEFAULT_SIGN_IN_MINUTES = 30;
const MAX_SIGN_IN_MINUTES = 240;

/** A refusal about the activity's state rather than one field. */
function stateError(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

// ---------------------------------------------------------------- catalogue and scope

async function catalogueOf(db: DbOrTx, courtId: string): Promise<ActivityCatalogue> {
  const overrides = await repo.findCatalogueOverrides(db, courtId);
  return mergeActivityCatalogue(overrides as ActivityCatalogueOverrides | undefined);
}

function allMemberTypesOf(catalogue: ActivityCatalogue): string[] {
  return Object.values(catalogue)
    .filter((d) => d.expected === 'allMembers')
    .map((d) => d.type);
}

async function isExpectedAt(db: DbOrTx, actor: Actor, activityId: string): Promise<boolean> {
  if (!actor.memberId) return false;
  return !!(await repo.findAttendance(db, activityId, actor.memberId));
}

export async function loadReadable(deps: Deps, actor: Actor, id: string) {
  const a = found(await repo.findActivity(deps.db, id));
  const catalogue = await catalogueOf(deps.db, a.courtId);
  if (!activitiesPolicy.read(actor, a, await isExpectedAt(deps.db, actor, a.id), allMemberTypesOf(catalogue))) {
    // 联建活动: the partner branch's managers and 支委 read it too.
    const partners = await partnerOrgsOf(deps.db, a.id);
    if (!partners.some((o) => readsPartnerOrg(actor, o))) throw new AppError('NOT_FOUND');
  }
  return { activity: a, catalogue };
}

/** Readable but not manageable → 403; not readable → 404 (no probing by id). */
async function loadManageable(deps: Deps, actor: Actor, id: string) {
  const loaded = await loadReadable(deps, actor, id);
  forbidIf(!activitiesPolicy.manage(actor, loaded.activity));
  return loaded;
}

// ---------------------------------------------------------------- output

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function toSummary(a: repo.ActivityRow, orgName: string, jointCategory?: string | null): ActivitySummary {
  return {
    id: a.id,
    courtId: a.courtId,
    orgId: a.orgId,
    orgName,
    type: a.type as ActivityType,
    typeLabel: activityTypeLabels[a.type as ActivityType] ?? a.type,
    title: a.title,
    status: a.status as ActivitySummary['status'],
    heldOn: a.heldOn,
    startsAt: a.startsAt.toISOString(),
    endsAt: iso(a.endsAt),
    place: a.place,
    lateEntry: a.lateEntry,
    reviewState: a.reviewState as ActivitySummary['reviewState'],
    jointCategory: (jointCategory ?? null) as ActivitySummary['jointCategory'],
    version: a.version,
  };
}

/** The row as evidence (audit, revisions): never the sign-in secret or code. */
export function snapshotOf(a: repo.ActivityRow) {
  const { signInSecret: _s, signInCode: _c, ...rest } = a;
  return rest;
}

const quorumKinds: Partial<Record<ActivityType, 'general' | 'committee'>> = { branchAssembly: 'general', committeeMeeting: 'committee' };

export async function getActivityDetail(deps: Deps, actor: Actor, id: string): Promise<ActivityDetail> {
  const { activity } = await loadReadable(deps, actor, id);
  return buildDetail(deps, actor, activity);
}

async function buildDetail(deps: Deps, actor: Actor, a: repo.ActivityRow): Promise<ActivityDetail> {
  const db = deps.db;
  const catalogue = await catalogueOf(db, a.courtId);
  const org = found(await repo.findOrg(db, a.orgId));
  const parent = org.parentId ? await repo.findOrg(db, org.parentId) : undefined;
  // One after another: inside a transaction these share one connection.
  const attendance = await repo.listAttendance(db, a.id);
  const revisionCount = await repo.countRevisions(db, a.id);
  const attachments = await repo.listAttachments(db, a.id);
  const reviews = await repo.listCaseReviews(db, a.id);
  const host = a.hostMemberId ? await repo.findMember(db, a.hostMemberId) : undefined;
  const recorder = a.recorderMemberId ? await repo.findMember(db, a.recorderMemberId) : undefined;
  const expected = attendance.filter((r) => r.row.role === 'expected');
  const countOf = (s: string) => expected.filter((r) => r.row.status === s).length;
  const def = catalogue[a.type as ActivityType];
  const kind = def?.votes ? quorumKinds[a.type as ActivityType] : undefined;
  let quorum: ActivityDetail['quorum'] = null;
  if (kind) {
    const config = await getRuleConfig(db, a.courtId);
    const expectedIds = expected.filter((r) => r.row.memberId).map((r) => r.row.memberId!);
    // 经上级批准不计入应到会 on the meeting's day (RULES.md §1.2).
    const excluded = await exclusionsInForceOn(db, expectedIds, a.heldOn);
    const q = checkQuorum(
      {
        kind,
        expected: expected
          .filter((r) => r.row.memberId)
          .map((r) => ({ memberId: r.row.memberId!, status: (r.memberStatus ?? 'fullMember') as MemberStatus, excludedFromQuorum: excluded.has(r.row.memberId!) })),
        present: expected.filter((r) => r.row.status === 'present' && r.row.memberId).map((r) => r.row.memberId!),
      },
      config.quorum,
    );
    quorum = { kind: q.kind, eligible: q.eligible, attending: q.attending, required: q.required, met: q.met, presentWithoutVote: q.presentWithoutVote, excluded: q.excluded, message: q.message, rule: q.rule };
  }
  // A member who reads only as an attendee sees names and statuses, not why others were away
  // (reasons can be health matters).
  const seesReasons = activitiesPolicy.readByRole(actor, a, allMemberTypesOf(catalogue));
  const canManage = activitiesPolicy.manage(actor, a);
  // 联建活动: each side sees the other's members by name only (no leave reasons) and marks its own.
  const partners = await partnerOrgsOf(db, a.id);
  const jointSide = canManage || seesReasons ? 'host' : partners.some((o) => readsPartnerOrg(actor, o)) ? 'partner' : 'none';
  const joint = await jointInfoOf(db, a, jointSide);
  const sideOf = (r: (typeof attendance)[number]): { partner: PartnerOrg | null } => ({ partner: joint ? partnerOrgOfMember(partners, { courtId: r.memberCourtId, orgPath: r.memberOrgPath }) : null });
  const seesReasonOf = (r: (typeof attendance)[number]) => {
    if (!joint) return seesReasons;
    const { partner } = sideOf(r);
    return partner ? readsPartnerOrg(actor, partner) : seesReasons;
  };
  const canMarkOf = (r: (typeof attendance)[number]) => {
    if (a.status === 'cancelled' || r.row.role !== 'expected') return false;
    const { partner } = sideOf(r);
    return partner ? managesPartnerOrg(actor, partner) : canManage;
  };
  return {
    ...toSummary(a, org.name),
    hostMemberId: a.hostMemberId,
    hostName: host?.name ?? null,
    recorderMemberId: a.recorderMemberId,
    recorderName: recorder?.name ?? null,
    agenda: a.agenda,
    firstAgendaItem: a.firstAgendaItem,
    requiresFirstAgenda: def?.requiresFirstAgenda ?? false,
    minutes: a.minutes,
    resolutions: a.resolutions,
    lateEntryReason: a.lateEntryReason,
    cancelReason: a.cancelReason,
    notifiedAt: iso(a.notifiedAt),
    recordedAt: iso(a.recordedAt),
    reviewReason: a.reviewReason,
    reviewedAt: iso(a.reviewedAt),
    signInOpensAt: iso(a.signInOpensAt),
    signInClosesAt: iso(a.signInClosesAt),
    attendance: attendance.map((r) => ({ r, ...r })).map(({ r, row, memberName }) => ({
      id: row.id,
      memberId: row.memberId,
      name: memberName ?? row.guestName ?? '',
      guestUnit: row.guestUnit,
      role: row.role,
      status: row.status,
      statusLabel: row.status === 'pending' ? '待签到' : (attendanceStatusLabels[row.status as keyof typeof attendanceStatusLabels] ?? row.status),
      reason: seesReasonOf(r) || (!!actor.memberId && row.memberId === actor.memberId) ? row.reason : null,
      signedInAt: iso(row.signedInAt),
      signInMethod: row.signInMethod,
      ...(joint ? { side: sideOf(r).partner ? ('partner' as const) : ('host' as const) } : {}),
      canMark: canMarkOf(r),
    })),
    counts: {
      expected: expected.length,
      present: countOf('present'),
      onLeave: countOf('onLeave'),
      absent: countOf('absent'),
      exempt: countOf('exempt'),
      pending: countOf('pending'),
      guests: attendance.length - expected.length,
    },
    quorum,
    revisionCount,
    attachments: attachments.map((f) => ({ ...f, createdAt: f.createdAt.toISOString(), url: `/api/v1/attachments/${f.id}` })),
    caseReviews: reviews.map(({ review, presenterName }) => ({
      id: review.id,
      activityId: review.activityId,
      caseNumber: review.caseNumber,
      title: review.title,
      departmentId: review.departmentId,
      presenterMemberId: review.presenterMemberId,
      presenterName: presenterName ?? null,
      comments: review.comments,
      recommendedTypical: review.recommendedTypical,
      version: review.version,
    })),
    canManage,
    canReview: a.reviewState === 'submitted' && activitiesPolicy.review(actor, parent),
    joint,
  };
}

// ---------------------------------------------------------------- list

export async function listActivities(deps: Deps, actor: Actor, q: z.infer<typeof activityListQuery>) {
  if (q.from && q.to && q.from > q.to) throw invalidField('to', '结束日期不能早于开始日期');
  // Who is expected (all members / committee / group) is not a court override, so the default
  // catalogue's all-member types serve the SQL scope for every court.
  const allMemberTypes = allMemberTypesOf(defaultActivityCatalogue);
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(deps.db, q.orgId);
    if (!org) return { items: [], total: 0 };
    orgPath = org.path;
  }
  const { rows, total } = await repo.listActivities(deps.db, {
    scope: activitiesPolicy.listCondition(actor, allMemberTypes),
    orgPath,
    type: q.type,
    status: q.status,
    from: q.from,
    to: q.to,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map((r) => toSummary(r.a, r.orgName, r.jointCategory)), total };
}

// ---------------------------------------------------------------- plan

async function checkOrgMember(db: DbOrTx, org: repo.OrgRow, memberId: string | null | undefined, field: string) {
  if (!memberId) return;
  const m = await repo.findMember(db, memberId);
  const inOrg = !!m && m.courtId === org.courtId && (m.orgPath.startsWith(org.path) || m.groupId === org.id || org.path.startsWith(m.orgPath));
  if (!inOrg) throw invalidField(field, '该党员不在本组织');
}

async function computeExpected(db: DbOrTx, org: repo.OrgRow, expected: string, heldOn: string) {
  if (expected === 'committee') return repo.listCommitteeOn(db, org.id, heldOn);
  if (expected === 'group' || org.type === 'partyGroup') return repo.listRosterMembers(db, repo.groupMembers(org.id), heldOn);
  return repo.listRosterMembers(db, repo.subtreeMembers(org.courtId, org.path), heldOn);
}

function parseInstant(field: string, value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw invalidField(field, '时间格式不正确');
  return d;
}

export async function createActivity(deps: Deps, actor: Actor, input: z.infer<typeof createActivityRequest>): Promise<ActivityDetail> {
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || org.dissolvedOn) throw invalidField('orgId', '党组织不存在');
  forbidIf(!activitiesPolicy.manage(actor, { courtId: org.courtId, orgPath: org.path }));
  const catalogue = await catalogueOf(deps.db, org.courtId);
  const def = catalogue[input.type];
  if (!listActivityTypesFor(org.type as OrgType, catalogue).some((d) => d.type === input.type)) {
    throw invalidField('type', def.enabled ? `${org.name}不开展${def.label}（${def.rule}）` : `本院已停用活动类型“${def.label}”`);
  }
  const startsAt = parseInstant('startsAt', input.startsAt);
  const endsAt = input.endsAt ? parseInstant('endsAt', input.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw invalidField('endsAt', '结束时间须晚于开始时间');
  const heldOn = todayInShanghai(startsAt);
  const today = todayInShanghai(deps.now());
  // A start on an earlier day is 补录: allowed, but marked with its reason (留痕).
  const lateEntry = heldOn < today;
  if (lateEntry && !input.lateEntryReason) {
    throw invalidField('lateEntryReason', `开始日期${formatChineseDate(heldOn)}早于今天，属于补录，请填写补录原因`);
  }
  await checkOrgMember(deps.db, org, input.hostMemberId, 'hostMemberId');
  await checkOrgMember(deps.db, org, input.recorderMemberId, 'recorderMemberId');
  const expected = await computeExpected(deps.db, org, def.expected, heldOn);
  if (def.expected === 'committee' && expected.length === 0) {
    throw invalidField('type', `${org.name}在${formatChineseDate(heldOn)}没有在任的支部委员，请先在组织页面登记支委`);
  }
  // 联建活动: the partner branch's members are expected too (their side records their attendance).
  const joint = await prepareJointActivity(deps.db, org, input, heldOn, def);
  const partnerOrg = joint?.partnerOrg ? await repo.findOrg(deps.db, joint.partnerOrg.id) : undefined;
  const partnerExpected = partnerOrg ? await computeExpected(deps.db, partnerOrg, def.expected, heldOn) : [];
  return deps.db.transaction(async (tx) => {
    const row = {
      id: newId(),
      courtId: org.courtId,
      orgId: org.id,
      orgPath: org.path,
      type: input.type,
      title: input.title,
      status: 'planned',
      heldOn,
      startsAt,
      endsAt,
      place: input.place ?? null,
      hostMemberId: input.hostMemberId ?? null,
      recorderMemberId: input.recorderMemberId ?? null,
      agenda: input.agenda ?? null,
      firstAgendaItem: input.firstAgendaItem ?? null,
      lateEntry,
      lateEntryReason: lateEntry ? (input.lateEntryReason ?? null) : null,
      signInSecret: newSignInSecret(),
      signInCode: newSignInCode(),
      createdBy: actor.userId,
    };
    await tx.insert(activities).values(row);
    if (expected.length) {
      await tx.insert(activityAttendance).values(
        expected.map((m) => ({ id: newId(), courtId: org.courtId, activityId: row.id, memberId: m.id, role: 'expected', status: 'pending' })),
      );
    }
    if (joint) await insertJointActivity(tx, row, joint, partnerExpected);
    const { signInSecret: _s, signInCode: _c, ...evidence } = row;
    await appendAudit(tx, auditActorOf(actor), {
      action: lateEntry ? 'activity.create.lateEntry' : 'activity.create',
      entity: 'activity',
      entityId: row.id,
      courtId: org.courtId,
      after: { ...evidence, expected: expected.map((m) => m.name), ...(joint ? { joint: { partnershipId: joint.partnershipId, category: joint.category, partnerOrgId: joint.partnerOrg?.id ?? null, partnerExpected: partnerExpected.map((m) => m.name) } } : {}) },
    });
    return buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, row.id)));
  });
}

// ---------------------------------------------------------------- edit (留痕)

export async function updateActivity(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateActivityRequest>): Promise<ActivityDetail> {
  const { activity: a } = await loadManageable(deps, actor, id);
  if (a.status === 'cancelled') throw stateError('已取消的活动不能修改');
  if (a.status === 'held' && !input.changeReason) throw invalidField('changeReason', '已记录的活动修改须填写修改原因（修改前的内容将留存）');
  const org = found(await repo.findOrg(deps.db, a.orgId));
  await checkOrgMember(deps.db, org, input.hostMemberId, 'hostMemberId');
  await checkOrgMember(deps.db, org, input.recorderMemberId, 'recorderMemberId');
  const { version, changeReason, lateEntryReason, ...changes } = input;
  const set: Partial<typeof activities.$inferInsert> = {};
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && k !== 'startsAt' && k !== 'endsAt') (set as Record<string, unknown>)[k] = v;
  const startsAt = input.startsAt ? parseInstant('startsAt', input.startsAt) : a.startsAt;
  const endsAt = input.endsAt === undefined ? a.endsAt : input.endsAt ? parseInstant('endsAt', input.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw invalidField('endsAt', '结束时间须晚于开始时间');
  if (input.startsAt) {
    set.startsAt = startsAt;
    set.heldOn = todayInShanghai(startsAt);
    if (a.status === 'planned' && set.heldOn < todayInShanghai(deps.now()) && !a.lateEntry) {
      if (!lateEntryReason) throw invalidField('lateEntryReason', `开始日期${formatChineseDate(set.heldOn)}早于今天，属于补录，请填写补录原因`);
      set.lateEntry = true;
      set.lateEntryReason = lateEntryReason;
    }
  }
  if (input.endsAt !== undefined) set.endsAt = endsAt;
  if (lateEntryReason && a.lateEntry) set.lateEntryReason = lateEntryReason;
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findActivity(tx, id));
    assertVersion(current.version, version);
    if (current.status === 'held') {
      // The earlier state stays as evidence before anything changes.
      await tx.insert(activityRevisions).values({
        id: newId(),
        courtId: current.courtId,
        activityId: id,
        version: current.version,
        snapshot: JSON.parse(JSON.stringify(snapshotOf(current))) as Record<string, unknown>,
        reason: changeReason ?? null,
        changedBy: actor.userId,
        changedAt: deps.now(),
      });
    }
    await tx.update(activities).set({ ...set, version: current.version + 1, updatedAt: deps.now() }).where(eq(activities.id, id));
    const diff = diffFields(snapshotOf(current) as Record<string, unknown>, set as Record<string, unknown>);
    await appendAudit(tx, auditActorOf(actor), {
      action: current.status === 'held' ? 'activity.update.recorded' : 'activity.update',
      entity: 'activity',
      entityId: id,
      courtId: current.courtId,
      before: diff.before,
      after: { ...diff.after, ...(changeReason ? { changeReason } : {}) },
    });
    return buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id)));
  });
}

// ---------------------------------------------------------------- notify, cancel

export async function notifyActivity(deps: Deps, actor: Actor, id: string) {
  const { activity: a } = await loadManageable(deps, actor, id);
  if (a.status !== 'planned') throw stateError(a.status === 'cancelled' ? '已取消的活动不能发送通知' : '活动已开展，无需通知');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findActivity(tx, id));
    const now = deps.now();
    await tx.update(activities).set({ notifiedAt: now, version: current.version + 1, updatedAt: now }).where(eq(activities.id, id));
    const expectedCount = (await repo.listAttendance(tx, id)).filter((r) => r.row.role === 'expected').length;
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.notify', entity: 'activity', entityId: id, courtId: a.courtId, before: { notifiedAt: current.notifiedAt }, after: { notifiedAt: now, expectedCount } });
    return {
      ok: true as const,
      message: `已标记为已通知（应到${expectedCount}人）。站内消息、短信等实际通知功能将在后续版本提供，目前请通过其他方式告知参会人员`,
      activity: await buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id))),
    };
  });
}

export async function cancelActivity(deps: Deps, actor: Actor, id: string, input: z.infer<typeof cancelActivityRequest>) {
  const { activity: a } = await loadManageable(deps, actor, id);
  if (a.status === 'cancelled') throw stateError('活动已取消');
  if (a.status === 'held') throw stateError('已开展并记录的活动不能取消；如记录有误，请编辑并填写修改原因');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findActivity(tx, id));
    assertVersion(current.version, input.version);
    await tx.update(activities).set({ status: 'cancelled', cancelReason: input.reason, signInClosesAt: current.signInOpensAt ? deps.now() : null, version: current.version + 1, updatedAt: deps.now() }).where(eq(activities.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.cancel', entity: 'activity', entityId: id, courtId: a.courtId, before: { status: current.status }, after: { status: 'cancelled', cancelReason: input.reason } });
    return { ok: true as const, message: '活动已取消，记录保留', activity: await buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id))) };
  });
}

// ---------------------------------------------------------------- record, attendance

const reasonNeeded: Record<string, string> = {
  onLeave: '请假须填写原因',
  exempt: '免于参加须填写原因（年老体弱、长期患病等，《中国共产党党员教育管理工作条例》第二十三条：不作硬性要求）',
};

export async function recordActivity(deps: Deps, actor: Actor, id: string, input: z.infer<typeof recordActivityRequest>): Promise<ActivityDetail> {
  const { activity: a, catalogue } = await loadManageable(deps, actor, id);
  if (a.status === 'cancelled') throw stateError('已取消的活动不能记录');
  if (a.status === 'held') throw stateError('该活动已记录；如需修改，请编辑并填写修改原因（修改前的内容将留存）');
  if (a.startsAt > deps.now()) throw invalidField('startsAt', `活动尚未开始（${formatChineseDate(a.heldOn)}），不能记录`);
  const def = catalogue[a.type as ActivityType];
  const firstAgendaItem = input.firstAgendaItem ?? a.firstAgendaItem;
  // 第一议题 where the court's catalogue asks for it ([U] local practice, configurable). @see RULES.md §1.1
  if (def?.requiresFirstAgenda && !firstAgendaItem) throw invalidField('firstAgendaItem', `${def.label}须记录第一议题`);
  // 联建活动: the host records its own members; the partner side's rows are theirs to mark.
  const partners = await partnerOrgsOf(deps.db, id);
  const all = (await repo.listAttendance(deps.db, id)).filter((r) => r.row.role === 'expected');
  const rows = all.filter((r) => !partnerOrgOfMember(partners, { courtId: r.memberCourtId, orgPath: r.memberOrgPath }));
  const byMember = new Map(rows.map((r) => [r.row.memberId, r]));
  const seen = new Set<string>();
  for (const entry of input.attendance) {
    const row = byMember.get(entry.memberId);
    const partnerRow = all.find((r) => r.row.memberId === entry.memberId && !byMember.has(entry.memberId));
    if (partnerRow) throw invalidField('attendance', `${partnerRow.memberName}是联建对方支部的党员，其出席情况由对方支部登记`);
    if (!row) {
      const m = await repo.findMember(deps.db, entry.memberId);
      const who = m && m.courtId === a.courtId ? m.name : `编号为${entry.memberId}的人员`;
      throw invalidField('attendance', `${who}不在本次活动的应到人员名单中（列席人员请填在“列席与来宾”中）`);
    }
    if (seen.has(entry.memberId)) throw invalidField('attendance', `${row.memberName}重复填写`);
    seen.add(entry.memberId);
    const need = reasonNeeded[entry.status];
    if (need && !entry.reason) throw invalidField('attendance', `${row.memberName}：${need}`);
  }
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findActivity(tx, id));
    assertVersion(current.version, input.version);
    const now = deps.now();
    const given = new Map(input.attendance.map((e) => [e.memberId, e]));
    for (const { row } of rows) {
      const entry = given.get(row.memberId!);
      // Not listed: whoever signed in stays present; whoever did not is absent.
      const status = entry ? entry.status : row.status === 'pending' ? 'absent' : row.status;
      const reason = entry ? (entry.reason ?? null) : row.reason;
      if (status === row.status && reason === row.reason) continue;
      await tx
        .update(activityAttendance)
        .set({ status, reason, signInMethod: entry && entry.status === 'present' && !row.signedInAt ? 'manual' : row.signInMethod, version: row.version + 1, updatedAt: now })
        .where(eq(activityAttendance.id, row.id));
    }
    if (input.guests?.length) {
      await tx.insert(activityAttendance).values(
        input.guests.map((g) => ({ id: newId(), courtId: a.courtId, activityId: id, memberId: null, guestName: g.guestName, guestUnit: g.guestUnit ?? null, role: g.role, status: 'observer' })),
      );
    }
    await tx
      .update(activities)
      .set({ status: 'held', minutes: input.minutes, resolutions: input.resolutions ?? null, firstAgendaItem: firstAgendaItem ?? null, recordedAt: now, version: current.version + 1, updatedAt: now })
      .where(eq(activities.id, id));
    const detail = await buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id)));
    await appendAudit(tx, auditActorOf(actor), {
      action: current.lateEntry ? 'activity.record.lateEntry' : 'activity.record',
      entity: 'activity',
      entityId: id,
      courtId: a.courtId,
      before: { status: current.status },
      after: {
        status: 'held',
        lateEntry: current.lateEntry,
        lateEntryReason: current.lateEntryReason,
        firstAgendaItem,
        minutesSha256: createHash('sha256').update(input.minutes).digest('hex'),
        resolutions: input.resolutions ?? null,
        counts: detail.counts,
        attendance: detail.attendance.map((x) => ({ name: x.name, role: x.role, status: x.status, reason: x.reason })),
        quorum: detail.quorum?.message ?? null,
      },
    });
    return detail;
  });
}

export async function markAttendance(deps: Deps, actor: Actor, id: string, input: z.infer<typeof markAttendanceRequest>): Promise<ActivityDetail> {
  const { activity: a } = await loadReadable(deps, actor, id);
  // 联建活动: each side marks its own members; otherwise the activity's managers mark everyone.
  const partners = await partnerOrgsOf(deps.db, id);
  const who = partners.length ? await repo.findMember(deps.db, input.memberId) : undefined;
  const partner = who ? partnerOrgOfMember(partners, { courtId: who.courtId, orgPath: who.orgPath }) : null;
  if (partner) {
    if (!managesPartnerOrg(actor, partner)) throw new AppError('FORBIDDEN', '联建对方支部党员的出席情况由对方支部登记');
  } else if (!activitiesPolicy.manage(actor, a)) {
    throw new AppError('FORBIDDEN', partners.some((o) => managesPartnerOrg(actor, o)) ? '联建主办支部党员的出席情况由主办支部登记' : undefined);
  }
  if (a.status === 'cancelled') throw stateError('已取消的活动不能登记出席情况');
  const row = await repo.findAttendance(deps.db, id, input.memberId);
  if (!row || row.role !== 'expected') throw invalidField('memberId', '该党员不在本次活动的应到人员名单中');
  const need = reasonNeeded[input.status];
  if (need && !input.reason) throw invalidField('reason', need);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const current = found(await repo.findAttendance(tx, id, input.memberId));
    await tx
      .update(activityAttendance)
      .set({
        status: input.status,
        reason: input.reason ?? null,
        signInMethod: input.status === 'present' ? (current.signedInAt ? current.signInMethod : 'manual') : current.signInMethod,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(activityAttendance.id, current.id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'activity.attendance.mark',
      entity: 'activityAttendance',
      entityId: current.id,
      courtId: current.courtId,
      before: { status: current.status, reason: current.reason },
      after: { activityId: id, memberId: input.memberId, status: input.status, reason: input.reason ?? null, activityStatus: a.status },
    });
    return buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id)));
  });
}

// ---------------------------------------------------------------- submit and review

export async function submitActivity(deps: Deps, actor: Actor, id: string) {
  const { activity: a } = await loadManageable(deps, actor, id);
  if (a.status !== 'held') throw stateError('只有已记录的活动可以报送上级审核');
  if (a.reviewState === 'submitted') throw stateError('已报送，等待上级审核');
  if (a.reviewState === 'approved') throw stateError('上级已审核通过，无需再次报送');
  const org = found(await repo.findOrg(deps.db, a.orgId));
  if (!org.parentId) throw stateError(`${org.name}没有上级党组织，无法报送`);
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findActivity(tx, id));
    await tx.update(activities).set({ reviewState: 'submitted', version: current.version + 1, updatedAt: deps.now() }).where(eq(activities.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.submit', entity: 'activity', entityId: id, courtId: a.courtId, before: { reviewState: current.reviewState }, after: { reviewState: 'submitted', parentOrgId: org.parentId } });
    return { ok: true as const, message: '已报送上级党组织审核', activity: await buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id))) };
  });
}

export async function reviewActivity(deps: Deps, actor: Actor, id: string, input: z.infer<typeof reviewActivityRequest>) {
  const { activity: a } = await loadReadable(deps, actor, id);
  const org = found(await repo.findOrg(deps.db, a.orgId));
  const parent = org.parentId ? await repo.findOrg(deps.db, org.parentId) : undefined;
  // The upper org reviews; the branch never approves its own record.
  forbidIf(!activitiesPolicy.review(actor, parent));
  if (a.reviewState !== 'submitted') throw stateError('该活动未报送或已审核');
  if (input.decision === 'return' && !input.reason) throw invalidField('reason', '退回须填写原因');
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findActivity(tx, id));
    if (current.reviewState !== 'submitted') throw stateError('该活动未报送或已审核');
    const now = deps.now();
    const reviewState = input.decision === 'approve' ? 'approved' : 'returned';
    await tx
      .update(activities)
      .set({ reviewState, reviewReason: input.reason ?? null, reviewedBy: actor.userId, reviewedAt: now, version: current.version + 1, updatedAt: now })
      .where(eq(activities.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: `activity.review.${input.decision}`, entity: 'activity', entityId: id, courtId: a.courtId, before: { reviewState: current.reviewState }, after: { reviewState, reviewReason: input.reason ?? null, reviewerOrgId: parent!.id } });
    return {
      ok: true as const,
      message: input.decision === 'approve' ? '已审核通过' : '已退回，支部将看到退回原因',
      activity: await buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id))),
    };
  });
}

// ---------------------------------------------------------------- sign-in

function signInState(a: repo.ActivityRow, now: Date, counts: { expected: number; signedIn: number }) {
  const open = !!a.signInOpensAt && !!a.signInClosesAt && a.status !== 'cancelled' && now >= a.signInOpensAt && now <= a.signInClosesAt;
  const token = open ? makeSignInToken(a.id, a.signInSecret, timeStepOf(now)) : null;
  return {
    activityId: a.id,
    open,
    opensAt: iso(a.signInOpensAt),
    closesAt: iso(a.signInClosesAt),
    token,
    url: token ? `/sign-in?t=${encodeURIComponent(token)}` : null,
    code: open ? a.signInCode : null,
    rotateSeconds: SIGN_IN_STEP_SECONDS,
    tokenRotatesAt: open ? stepEndsAt(now).toISOString() : null,
    ...counts,
  };
}

async function signInCounts(db: DbOrTx, id: string) {
  const rows = (await repo.listAttendance(db, id)).filter((r) => r.row.role === 'expected');
  return { expected: rows.length, signedIn: rows.filter((r) => !!r.row.signedInAt).length };
}

export function parseSignInMinutes(raw: unknown): number {
  if (raw === undefined || raw === null) return DEFAULT_SIGN_IN_MINUTES;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > MAX_SIGN_IN_MINUTES) {
    throw new AppError('VALIDATION_FAILED', `签到时长：应为1至${MAX_SIGN_IN_MINUTES}分钟的整数`, [{ field: 'minutes', message: `应为1至${MAX_SIGN_IN_MINUTES}分钟的整数` }]);
  }
  return raw;
}

async function openWindow(deps: Deps, actor: Actor, a: repo.ActivityRow, minutes: number) {
  if (a.status === 'cancelled') throw stateError('已取消的活动不能开启签到');
  const now = deps.now();
  const closes = new Date(now.getTime() + minutes * 60_000);
  await deps.db.transaction(async (tx) => {
    await tx.update(activities).set({ signInOpensAt: now, signInClosesAt: closes, updatedAt: now }).where(eq(activities.id, a.id));
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.signIn.open', entity: 'activity', entityId: a.id, courtId: a.courtId, before: { opensAt: a.signInOpensAt, closesAt: a.signInClosesAt }, after: { opensAt: now, closesAt: closes } });
  });
  return found(await repo.findActivity(deps.db, a.id));
}

export async function openSignIn(deps: Deps, actor: Actor, id: string, rawMinutes: unknown) {
  const minutes = parseSignInMinutes(rawMinutes);
  const { activity } = await loadManageable(deps, actor, id);
  const a = await openWindow(deps, actor, activity, minutes);
  return signInState(a, deps.now(), await signInCounts(deps.db, id));
}

/** 结束签到: the secretary closes the window now (everyone is in); later scans and codes are refused. */
export async function closeSignIn(deps: Deps, actor: Actor, id: string) {
  const { activity: a } = await loadManageable(deps, actor, id);
  const now = deps.now();
  const isOpen = !!a.signInOpensAt && !!a.signInClosesAt && now >= a.signInOpensAt && now <= a.signInClosesAt;
  if (!isOpen) throw stateError('签到未开启或已结束');
  // The window's bounds are inclusive (see assertWindow): it ends the millisecond before now.
  const closesAt = new Date(now.getTime() - 1);
  await deps.db.transaction(async (tx) => {
    await tx.update(activities).set({ signInClosesAt: closesAt, updatedAt: now }).where(eq(activities.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.signIn.close', entity: 'activity', entityId: id, courtId: a.courtId, before: { closesAt: a.signInClosesAt }, after: { closesAt } });
  });
  return signInState(found(await repo.findActivity(deps.db, id)), now, await signInCounts(deps.db, id));
}

export async function getSignIn(deps: Deps, actor: Actor, id: string, open: boolean) {
  let { activity: a } = await loadManageable(deps, actor, id);
  const now = deps.now();
  const isOpen = !!a.signInOpensAt && !!a.signInClosesAt && now >= a.signInOpensAt && now <= a.signInClosesAt;
  if (open && !isOpen) a = await openWindow(deps, actor, a, DEFAULT_SIGN_IN_MINUTES);
  return signInState(a, now, await signInCounts(deps.db, id));
}

export async function signIn(deps: Deps, actor: Actor, input: z.infer<typeof signInRequest>) {
  if (!actor.memberId) throw stateError('当前账号未关联党员档案，不能签到');
  const now = deps.now();
  let a: repo.ActivityRow | undefined;
  let method: 'qr' | 'code';
  let field: 'token' | 'code';
  if (input.token) {
    method = 'qr';
    field = 'token';
    const parsed = parseSignInToken(input.token);
    if (!parsed) throw invalidField('token', '签到二维码无效，请扫描屏幕上的最新二维码');
    if (input.activityId && input.activityId !== parsed.activityId) throw invalidField('token', '该二维码不属于本次活动，请扫描本次活动现场屏幕上的二维码');
    a = await repo.findActivity(deps.db, parsed.activityId);
    if (!a) throw invalidField('token', '签到二维码无效，请扫描屏幕上的最新二维码');
    const check = checkSignInToken(parsed, a.signInSecret, now);
    if (check === 'invalid') throw invalidField('token', '签到二维码无效，请扫描屏幕上的最新二维码');
    assertWindow(a, now, field);
    if (check === 'expired') throw invalidField('token', '签到码已过期，请扫描屏幕上的最新二维码');
  } else if (input.activityId && input.code) {
    method = 'code';
    field = 'code';
    a = await repo.findActivity(deps.db, input.activityId);
    if (!a || a.signInCode !== input.code) throw invalidField('code', '签到码不正确，请核对屏幕上的6位数字');
    assertWindow(a, now, field);
  } else {
    throw invalidField('token', '请扫描签到二维码，或选择活动并输入6位签到码');
  }
  const row =
    a.courtId === actor.courtId || actor.grants.some((g) => g.courtId === a!.courtId) || (await partnerOrgsOf(deps.db, a.id)).length
      ? await repo.findAttendance(deps.db, a.id, actor.memberId)
      : undefined;
  if (!row || row.role !== 'expected') throw new AppError('FORBIDDEN', '您不在本次活动的应到人员名单中');
  if (row.signedInAt) {
    return { ok: true as const, alreadySignedIn: true, message: `您已于${formatShanghaiTime(row.signedInAt)}签到，无需重复签到`, activityId: a.id, activityTitle: a.title, signedInAt: row.signedInAt.toISOString() };
  }
  const activity = a;
  const updated = await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(activityAttendance)
      .set({ status: 'present', reason: null, signedInAt: now, signInMethod: method, version: row.version + 1, updatedAt: now })
      .where(and(eq(activityAttendance.id, row.id), eq(activityAttendance.version, row.version)))
      .returning({ id: activityAttendance.id });
    // A second scan racing the first: the first one counts.
    if (!done.length) return false;
    await appendAudit(tx, auditActorOf(actor), {
      action: 'activity.signIn',
      entity: 'activityAttendance',
      entityId: row.id,
      courtId: activity.courtId,
      before: { status: row.status },
      after: { activityId: activity.id, memberId: actor.memberId, status: 'present', method },
    });
    return true;
  });
  if (!updated) return { ok: true as const, alreadySignedIn: true, message: '您已签到，无需重复签到', activityId: activity.id, activityTitle: activity.title, signedInAt: now.toISOString() };
  return { ok: true as const, alreadySignedIn: false, message: `签到成功：${activity.title}`, activityId: activity.id, activityTitle: activity.title, signedInAt: now.toISOString() };
}

/** '11月23日 10:00' in Asia/Shanghai, for messages. */
function formatShanghaiTime(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000);
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${String(s.getUTCHours()).padStart(2, '0')}:${String(s.getUTCMinutes()).padStart(2, '0')}`;
}

function assertWindow(a: repo.ActivityRow, now: Date, field: 'token' | 'code') {
  if (a.status === 'cancelled') throw invalidField(field, '该活动已取消，无需签到');
  if (!a.signInOpensAt || !a.signInClosesAt || now < a.signInOpensAt) throw invalidField(field, '签到尚未开始，请等待会议组织者开启签到');
  if (now > a.signInClosesAt) throw invalidField(field, '签到已结束，如需补登请联系支部书记');
}

// ---------------------------------------------------------------- 案例讲评会

async function checkCaseReviewRefs(db: DbOrTx, a: repo.ActivityRow, input: { departmentId?: string | null; presenterMemberId?: string | null }) {
  if (input.departmentId) {
    const d = (await db.select().from(departments).where(eq(departments.id, input.departmentId)))[0];
    if (!d || d.courtId !== a.courtId) throw invalidField('departmentId', '部门不存在或不属于本院');
  }
  if (input.presenterMemberId) {
    const m = await repo.findMember(db, input.presenterMemberId);
    if (!m || m.courtId !== a.courtId) throw invalidField('presenterMemberId', '讲评人不是本院党员');
  }
}

async function loadCaseReviewSession(deps: Deps, actor: Actor, id: string) {
  const loaded = await loadManageable(deps, actor, id);
  if (loaded.activity.type !== 'caseReviewSession') throw stateError('只有案例讲评会可以登记讲评案例');
  if (loaded.activity.status === 'cancelled') throw stateError('已取消的活动不能登记讲评案例');
  return loaded.activity;
}

export async function addCaseReview(deps: Deps, actor: Actor, id: string, input: z.infer<typeof createCaseReviewRequest>) {
  const a = await loadCaseReviewSession(deps, actor, id);
  await checkCaseReviewRefs(deps.db, a, input);
  return deps.db.transaction(async (tx) => {
    const row = {
      id: newId(),
      courtId: a.courtId,
      activityId: id,
      caseNumber: input.caseNumber,
      title: input.title,
      departmentId: input.departmentId ?? null,
      presenterMemberId: input.presenterMemberId ?? null,
      comments: input.comments ?? null,
      recommendedTypical: input.recommendedTypical ?? false,
    };
    await tx.insert(caseReviews).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.caseReview.create', entity: 'caseReview', entityId: row.id, courtId: a.courtId, after: row });
    return buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id)));
  });
}

export async function updateCaseReview(deps: Deps, actor: Actor, id: string, reviewId: string, input: z.infer<typeof updateCaseReviewRequest>) {
  const a = await loadCaseReviewSession(deps, actor, id);
  await checkCaseReviewRefs(deps.db, a, input);
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findCaseReview(tx, id, reviewId));
    assertVersion(current.version, input.version);
    const { version: _v, ...changes } = input;
    const diff = diffFields(current as Record<string, unknown>, changes as Record<string, unknown>);
    await tx.update(caseReviews).set({ ...changes, version: current.version + 1, updatedAt: deps.now() }).where(eq(caseReviews.id, reviewId));
    await appendAudit(tx, auditActorOf(actor), { action: 'activity.caseReview.update', entity: 'caseReview', entityId: reviewId, courtId: a.courtId, ...diff });
    return buildDetail({ ...deps, db: tx as never }, actor, found(await repo.findActivity(tx, id)));
  });
}

// ---------------------------------------------------------------- attachments

export async function addAttachment(deps: Deps, actor: Actor, id: string, file: { fileName: string; content: Buffer }) {
  const { activity: a } = await loadManageable(deps, actor, id);
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('FILE_TOO_LARGE', '文件过大：单个附件不能超过20MB', [{ field: 'file', message: '不能超过20MB' }]);
  if (!file.content.length) throw invalidField('file', '文件是空的');
  const mimeType = detectAttachmentType(file.fileName, file.content);
  if (!mimeType) throw invalid([{ field: 'file', message: ALLOWED_TYPES_MESSAGE }]);
  return deps.db.transaction(async (tx) => {
    const stored = await storeFile(tx, actor, { courtId: a.courtId, ownerType: 'activity', ownerId: id }, file, mimeType, { action: 'activity.attachment.add' });
    return { ...stored, createdAt: deps.now().toISOString(), url: `/api/v1/attachments/${stored.id}` };
  });
}

/** A download is allowed to whoever may read its owner. */
export async function getAttachment(deps: Deps, actor: Actor, fileId: string) {
  const f = found(await repo.findFile(deps.db, fileId));
  if (f.ownerType !== 'activity') throw new AppError('NOT_FOUND');
  await loadReadable(deps, actor, f.ownerId);
  return f;
}
