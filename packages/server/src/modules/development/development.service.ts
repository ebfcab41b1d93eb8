// 发展党员: a case per person through the 25 steps. Every step passes the gates of the domain
// (checkDevelopmentStep), soft ones only with a recorded reason; a step that moves the person's
// status (申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员) does it through the members service in
// the same transaction, with 入党时间/转正时间 derived from the steps (T20, T26).
// @see RULES.md §3.1, §3.2
import { and, eq, like } from 'drizzle-orm';
import type { z } from '@zhibu/contracts';
import type { createDevelopmentCaseRequest, DevelopmentCase, DevelopmentCaseSummary, DevelopmentReminderItem, developmentListQuery, recordDevelopmentStepRequest } from '@zhibu/contracts';
import {
  checkDevelopmentStep,
  deriveDevelopmentDates,
  developmentReminderLabels,
  developmentReminderOf,
  developmentStageLabels,
  developmentStageOf,
  getDevelopmentStep,
  memberStatusLabels,
  nextDevelopmentSteps,
  statusAfterStep,
  todayInShanghai,
  type DevelopmentFinding,
  type DevelopmentStage,
  type IsoDate,
  type MemberStatus,
  type RecordedStep,
  type RuleConfig,
  type StepDetails,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { storeFile } from '../../lib/stored-files';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { getCourtSettings, getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import type { OrgTarget } from '../../policy/scope';
import { ALLOWED_TYPES_MESSAGE, detectAttachmentType } from '../activities/attachments';
import { updateMember } from '../members/members.service';
import { exclusionsInForceOn } from '../quorum-exclusions/quorum-exclusions.service';
import { developmentPolicy as policy } from './development.policy';
import * as repo from './development.repository';

const { developmentCases, developmentSteps } = schema;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** A gate refused the step: the message is the rule's own sentence (it cites the rule), every field named. */
function refused(errors: DevelopmentFinding[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), errors.map((e) => ({ field: e.field, message: e.message })));
}

function recordedOf(rows: repo.StepRow[]): RecordedStep[] {
  return rows.map((r) => ({ step: r.step.step, doneOn: r.step.doneOn, details: (r.step.details ?? {}) as StepDetails }));
}

function branchOf(row: { courtId: string; orgPath: string }): OrgTarget {
  return { courtId: row.courtId, path: row.orgPath };
}

function summaryOf(actor: Actor, c: repo.CaseRow, steps: repo.StepRow[], config: RuleConfig, today: IsoDate): DevelopmentCaseSummary {
  const recorded = recordedOf(steps);
  const branch = branchOf(c.row);
  const stage = c.row.stage as DevelopmentStage;
  const last = steps.reduce<repo.StepRow | null>((acc, s) => (!acc || s.step.step > acc.step.step || (s.step.step === acc.step.step && s.step.doneOn >= acc.step.doneOn) ? s : acc), null);
  const reminder = c.row.state === 'active' ? developmentReminderOf(recorded, today, config) : null;
  return {
    id: c.row.id,
    memberId: c.row.memberId,
    memberName: c.memberName,
    gender: c.gender,
    orgId: c.row.orgId,
    orgName: c.orgName,
    stage,
    stageLabel: developmentStageLabels[stage],
    state: c.row.state as 'active' | 'completed',
    lastStep: c.row.lastStep,
    lastStepLabel: getDevelopmentStep(c.row.lastStep)?.label ?? '',
    lastStepOn: last?.step.doneOn ?? c.row.applicationDate,
    applicationDate: c.row.applicationDate,
    nextSteps: nextDevelopmentSteps(recorded).map((no) => {
      const def = getDevelopmentStep(no)!;
      return { no, label: def.label, superior: def.superior, canRecord: policy.recordStep(actor, branch, def.superior) };
    }),
    reminder: reminder ? { ...reminder, label: developmentReminderLabels[reminder.kind] } : null,
    version: c.row.version,
  };
}

function scopeAndFilters(actor: Actor, q: { orgPath?: string; stage?: DevelopmentStage; q?: string }) {
  const scope = repo.caseScopeCondition(actor);
  if (!scope) return null;
  return and(
    scope,
    q.orgPath ? like(developmentCases.orgPath, `${q.orgPath}%`) : undefined,
    q.stage ? eq(developmentCases.stage, q.stage) : undefined,
    q.q ? like(schema.members.name, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  )!;
}

async function orgPathFilter(deps: Deps, actor: Actor, orgId: string | undefined): Promise<string | undefined> {
  if (!orgId) return undefined;
  const org = await repo.findOrg(deps.db, orgId);
  // An org the caller cannot see is unknown to them (400 naming orgId, like the member list).
  if (!org || !policy.read(actor, { courtId: org.courtId, path: org.path })) {
    // A court admin's or secretary's own org always passes; a higher org of a secretary does not.
    throw invalidField('orgId', '党组织不存在或不在您的管理范围内');
  }
  return org.path;
}

/** The board: cases in scope (filtered by org subtree and stage), each with its next step and deadline. */
export async function listCases(deps: Deps, actor: Actor, q: z.infer<typeof developmentListQuery>) {
  const orgPath = await orgPathFilter(deps, actor, q.orgId);
  const where = scopeAndFilters(actor, { orgPath, stage: q.stage, q: q.q });
  if (!where) return { items: [], total: 0 };
  const rows = await repo.listCases(deps.db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const steps = await repo.stepsOf(deps.db, rows.map((r) => r.row.id));
  const settings = await getCourtSettings(deps.db, [...new Set(rows.map((r) => r.row.courtId))]);
  const today = todayInShanghai(deps.now());
  const byCase = groupBy(steps, (s) => s.step.caseId);
  return {
    items: rows.map((r) => summaryOf(actor, r, byCase.get(r.row.id) ?? [], settings.get(r.row.courtId)!.config, today)),
    total: rows[0]?.total ?? 0,
  };
}

/** Deadlines due within the court's reminder window or past, earliest first. @see RULES.md §3.2 T3, T7, T17, T19, T25 */
export async function listReminders(deps: Deps, actor: Actor, q: { orgId?: string }) {
  const orgPath = await orgPathFilter(deps, actor, q.orgId);
  const where = scopeAndFilters(actor, { orgPath });
  if (!where) return { items: [], total: 0 };
  const rows = await repo.listCases(deps.db, and(where, eq(developmentCases.state, 'active'))!, { limit: 2000, offset: 0 });
  const steps = await repo.stepsOf(deps.db, rows.map((r) => r.row.id));
  const settings = await getCourtSettings(deps.db, [...new Set(rows.map((r) => r.row.courtId))]);
  const today = todayInShanghai(deps.now());
  const byCase = groupBy(steps, (s) => s.step.caseId);
  const items: DevelopmentReminderItem[] = [];
  for (const r of rows) {
    const reminder = developmentReminderOf(recordedOf(byCase.get(r.row.id) ?? []), today, settings.get(r.row.courtId)!.config);
    if (!reminder) continue;
    items.push({ ...reminder, label: developmentReminderLabels[reminder.kind], caseId: r.row.id, memberName: r.memberName, orgName: r.orgName, stageLabel: developmentStageLabels[r.row.stage as DevelopmentStage] });
  }
  items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return { items, total: items.length };
}

async function loadReadable(db: DbOrTx, actor: Actor, id: string) {
  const c = found(await repo.findCase(db, id));
  if (!policy.read(actor, branchOf(c.row))) throw new AppError('NOT_FOUND');
  return c;
}

async function caseView(db: DbOrTx, actor: Actor, id: string, today: IsoDate): Promise<DevelopmentCase> {
  const c = await loadReadable(db, actor, id);
  const steps = await repo.stepsOf(db, [id]);
  const config = await getRuleConfig(db, c.row.courtId);
  const personIds = [...new Set(steps.flatMap((s) => [...((s.step.details as StepDetails).mentorIds ?? []), ...((s.step.details as StepDetails).sponsorIds ?? [])]))];
  const people = new Map((await repo.peopleByIds(db, personIds)).map((p) => [p.id, p.name]));
  const stepFiles = groupBy(await repo.filesOf(db, steps.map((s) => s.step.id)), (f) => f.ownerId);
  const dates = deriveDevelopmentDates(recordedOf(steps), config);
  const named = (ids: string[] | undefined) => (ids ?? []).map((pid) => ({ id: pid, name: people.get(pid) ?? '（已删除）' }));
  return {
    ...summaryOf(actor, c, steps, config, today),
    idNumberMasked: c.idNumberMasked,
    birthDate: c.birthDate,
    memberStatus: memberStatusLabels[c.memberStatus as MemberStatus] ?? c.memberStatus,
    dates: {
      applicationDate: dates.applicationDate,
      talkDate: dates.talkDate,
      activistDate: dates.activistDate,
      candidateDate: dates.candidateDate,
      admissionDate: dates.admissionDate,
      approvalDate: dates.approvalDate,
      extensionMonths: dates.extensionMonths,
      probationEnd: dates.probationEnd,
      fullMemberSince: dates.fullMemberSince,
      archivedDate: dates.archivedDate,
    },
    steps: steps.map((s) => {
      const def = getDevelopmentStep(s.step.step)!;
      const details = s.step.details as StepDetails;
      return {
        id: s.step.id,
        step: s.step.step,
        label: def.label,
        stage: def.stage,
        doneOn: s.step.doneOn,
        approvingOrgName: s.approvingOrgName,
        details: details as Record<string, unknown>,
        mentors: named(details.mentorIds),
        sponsors: named(details.sponsorIds),
        note: s.step.note,
        overrides: (s.step.overrides ?? []) as { rule: string; message: string; reason: string }[],
        files: (stepFiles.get(s.step.id) ?? []).map((f) => ({ id: f.id, fileName: f.fileName, size: f.size })),
        recordedAt: s.step.createdAt.toISOString(),
      };
    }),
    canManage: policy.manage(actor, branchOf(c.row)) || policy.superior(actor, branchOf(c.row)),
    ...(await votingCounts(db, c.row.courtId, c.row.orgPath, today)),
  };
}

/**
 * The 应到会有表决权 a 支部大会 vote starts from (RULES.md §1.2): the branch's 正式党员, less those
 * whose exclusion from 应到会 (出国出境、长期病休 …) the higher org approved and is in force today.
 */
async function votingCounts(db: DbOrTx, courtId: string, orgPath: string, today: IsoDate) {
  const ids = await repo.votingMemberIds(db, courtId, orgPath);
  const excluded = (await exclusionsInForceOn(db, ids, today)).size;
  return { votingMembers: ids.length - excluded, excludedFromQuorum: excluded };
}

export async function getCase(deps: Deps, actor: Actor, id: string) {
  return caseView(deps.db, actor, id, todayInShanghai(deps.now()));
}

/** The due date the board sorts by: that of the current deadline, whether or not it is near yet. */
function nextDueOf(recorded: RecordedStep[], config: RuleConfig): IsoDate | null {
  const far = { ...config, development: { ...config.development, reminderDays: 100_000 } };
  return developmentReminderOf(recorded, '1900-01-01', far)?.dueOn ?? null;
}

/** 建立发展档案 with step 1 (递交入党申请书). The person is on the roster as 入党申请人 first. */
export async function createCase(deps: Deps, actor: Actor, input: z.infer<typeof createDevelopmentCaseRequest>) {
  const member = await repo.findMember(deps.db, input.memberId);
  const branch = member ? { courtId: member.courtId, path: member.orgPath } : null;
  if (!member || !branch || !policy.read(actor, branch)) throw invalidField('memberId', '人员不存在或不在您的管理范围内');
  forbidIf(!policy.manage(actor, branch));
  const today = todayInShanghai(deps.now());
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findMember(tx, input.memberId));
    if (current.status !== 'applicant') {
      throw invalidField('memberId', `${current.name}当前为${memberStatusLabels[current.status as MemberStatus] ?? current.status}，只有入党申请人可以建立发展档案`);
    }
    if (await repo.findCaseByMember(tx, current.id)) throw invalidField('memberId', `${current.name}已有发展档案`);
    const config = await getRuleConfig(tx, current.courtId);
    const check = checkDevelopmentStep({ step: 1, doneOn: input.applicationDate, details: {}, recorded: [], birthDate: current.birthDate, today, config });
    if (check.errors.length) throw refused(check.errors.map((e) => ({ ...e, field: e.field === 'doneOn' ? 'applicationDate' : e.field })));
    const recorded: RecordedStep[] = [{ step: 1, doneOn: input.applicationDate, details: {} }];
    const caseRow = {
      id: newId(),
      courtId: current.courtId,
      memberId: current.id,
      orgId: current.orgId,
      orgPath: current.orgPath,
      state: 'active',
      lastStep: 1,
      stage: developmentStageOf(recorded),
      applicationDate: input.applicationDate,
      nextDueOn: nextDueOf(recorded, config),
    };
    await tx.insert(developmentCases).values(caseRow);
    const stepRow = { id: newId(), courtId: current.courtId, caseId: caseRow.id, step: 1, doneOn: input.applicationDate, approvingOrgId: current.orgId, details: {}, note: input.note ?? null, overrides: [], recordedBy: actor.userId };
    await tx.insert(developmentSteps).values(stepRow);
    await appendAudit(tx, auditActorOf(actor), {
      action: 'development.case.create',
      entity: 'developmentCase',
      entityId: caseRow.id,
      courtId: current.courtId,
      after: { memberId: current.id, memberName: current.name, orgId: current.orgId, applicationDate: input.applicationDate },
    });
    return caseView(tx, actor, caseRow.id, today);
  });
}

/** Record the next step: order, gates, overrides with reasons, the person's status, the audit entry. */
export async function recordStep(deps: Deps, actor: Actor, id: string, input: z.infer<typeof recordDevelopmentStepRequest>) {
  const c = await loadReadable(deps.db, actor, id);
  const def = getDevelopmentStep(input.step)!;
  const branch = branchOf(c.row);
  if (!policy.recordStep(actor, branch, def.superior)) {
    if (def.superior && policy.manage(actor, branch)) {
      throw new AppError('FORBIDDEN', `第${def.no}步「${def.label}」由上级党委办理，党支部不能自行办理`);
    }
    throw new AppError('FORBIDDEN');
  }
  const today = todayInShanghai(deps.now());
  return deps.db.transaction(async (tx) => {
    const current = found(await repo.findCase(tx, id));
    assertVersion(current.row.version, input.version);
    const stepRows = await repo.stepsOf(tx, [id]);
    const recorded = recordedOf(stepRows);
    const member = found(await repo.findMember(tx, current.row.memberId));
    const config = await getRuleConfig(tx, current.row.courtId);
    const details = input.details as StepDetails;
    const personIds = [...new Set([...(details.mentorIds ?? []), ...(details.sponsorIds ?? [])])];
    const people = (await repo.peopleByIds(tx, personIds)).map((p) => ({ id: p.id, name: p.name, status: p.status as MemberStatus, sameCourt: p.courtId === current.row.courtId }));
    const check = checkDevelopmentStep({ step: input.step, doneOn: input.doneOn, details, recorded, birthDate: member.birthDate, today, config, people });
    if (check.errors.length) throw refused(check.errors);
    // Soft rules (and T12 特批) pass only with a reason, which is kept with the step and audited.
    const overrides: { rule: string; message: string; reason: string }[] = [];
    const missing: { field: string; message: string }[] = [];
    for (const w of check.warnings) {
      const given = input.overrides.find((o) => o.rule === w.rule);
      if (given) overrides.push({ rule: w.rule, message: w.message, reason: given.reason });
      else missing.push({ field: `overrides.${w.rule}`, message: w.message });
    }
    if (missing.length) {
      throw new AppError('VALIDATION_FAILED', `须说明理由：${missing.map((m) => m.message).join('；')}`, missing);
    }

    const parent = c.row.orgPath.split('/').filter(Boolean).slice(-2, -1)[0] ?? null;
    const stepRow = {
      id: newId(),
      courtId: current.row.courtId,
      caseId: id,
      step: input.step,
      doneOn: input.doneOn,
      approvingOrgId: def.superior ? parent : current.row.orgId,
      details,
      note: input.note ?? null,
      overrides,
      recordedBy: actor.userId,
    };
    await tx.insert(developmentSteps).values(stepRow);
    const after = [...recorded, { step: input.step, doneOn: input.doneOn, details }];
    const dates = deriveDevelopmentDates(after, config);

    // The person's status follows the case, through the members service (its checks, history, audit).
    const nextStatus = statusAfterStep(input.step, details);
    if (nextStatus && nextStatus !== member.status) {
      const changedOn = nextStatus === 'probationaryMember' ? dates.admissionDate! : nextStatus === 'fullMember' ? dates.fullMemberSince! : input.doneOn;
      await updateMember({ ...deps, db: tx }, actor, member.id, {
        version: member.version,
        status: nextStatus,
        statusChangedOn: changedOn,
        statusReason: `发展党员：第${def.no}步「${def.label}」`,
        ...(nextStatus === 'probationaryMember' ? { joinedOn: dates.admissionDate! } : {}),
        ...(nextStatus === 'fullMember' ? { fullMemberSince: dates.fullMemberSince! } : {}),
      });
    }

    const completed = input.step === 25;
    const updated = await tx
      .update(developmentCases)
      .set({
        lastStep: Math.max(current.row.lastStep, input.step),
        stage: developmentStageOf(after),
        state: completed ? 'completed' : 'active',
        nextDueOn: completed ? null : nextDueOf(after, config),
        version: current.row.version + 1,
        updatedAt: deps.now(),
      })
      .where(and(eq(developmentCases.id, id), eq(developmentCases.version, current.row.version)))
      .returning({ id: developmentCases.id });
    // Two people recording a step at once: the second one's version is stale.
    if (!updated.length) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, auditActorOf(actor), {
      action: 'development.step.record',
      entity: 'developmentCase',
      entityId: id,
      courtId: current.row.courtId,
      after: { memberName: current.memberName, step: input.step, label: def.label, doneOn: input.doneOn, details, overrides, statusChangedTo: nextStatus && nextStatus !== member.status ? nextStatus : null },
    });
    return caseView(tx, actor, id, today);
  });
}

/** A document of a step (申请书, 谈话记录, 政审材料…), stored in `files`. */
export async function addStepFile(deps: Deps, actor: Actor, caseId: string, stepId: string, file: { fileName: string; content: Buffer }) {
  const c = await loadReadable(deps.db, actor, caseId);
  const s = await repo.findStep(deps.db, stepId);
  if (!s || s.caseId !== caseId) throw new AppError('NOT_FOUND');
  const superiorStep = getDevelopmentStep(s.step)?.superior ?? false;
  forbidIf(!policy.recordStep(actor, branchOf(c.row), superiorStep) && !policy.manage(actor, branchOf(c.row)));
  if (file.content.length > MAX_FILE_BYTES) throw new AppError('FILE_TOO_LARGE', '文件过大：单个文件不能超过20MB', [{ field: 'file', message: '不能超过20MB' }]);
  if (!file.content.length) throw invalidField('file', '文件是空的');
  const mimeType = detectAttachmentType(file.fileName, file.content);
  if (!mimeType) throw invalidField('file', ALLOWED_TYPES_MESSAGE);
  return deps.db.transaction(async (tx) => {
    const stored = await storeFile(tx, actor, { courtId: c.row.courtId, ownerType: 'developmentStep', ownerId: stepId }, file, mimeType, { action: 'development.file.add', context: { caseId, step: s.step } });
    return { id: stored.id, fileName: stored.fileName, size: stored.size };
  });
}

export async function getStepFile(deps: Deps, actor: Actor, fileId: string) {
  const f = found(await repo.findFile(deps.db, fileId));
  if (f.ownerType !== 'developmentStep') throw new AppError('NOT_FOUND');
  const s = found(await repo.findStep(deps.db, f.ownerId));
  await loadReadable(deps.db, actor, s.caseId);
  return f;
}
