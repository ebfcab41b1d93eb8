import { and, eq } from 'drizzle-orm';
import { todayInShanghai, type Gender, type IsoDate, type MemberStatus } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { CreateMemberRequest, MemberListQuery, MemberProfile, UpdateMemberRequest } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { appendAudit, type AuditActor } from '../../lib/audit';
import { assertVersion, diffFields, forbidIf, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { memberScopeConditionOrNull } from '../../policy/member-scope-sql';
import type { MemberTarget } from '../../policy/scope';
import {
  auditViewOf,
  checkDates,
  checkIdentity,
  checkPhone,
  isUniqueViolation,
  memberInvalid,
  memberInvalidField,
  sealIdNumber,
  sealPhone,
  toMember,
  type FieldProblem,
} from './member-record';
import { memberOrgTypes, membersPolicy } from './members.policy';
import * as repo from './members.repository';

const { members, memberStatusHistory } = schema;

/** Who the audit log names: the caller, or the command line acting as the system. */
export type WriteOpts = { audit?: AuditActor };

function auditorOf(actor: Actor, opts?: WriteOpts): AuditActor {
  return opts?.audit ?? auditActorOf(actor);
}

export function targetOf(m: { id: string; courtId: string; orgPath: string }, groupPath: string | null | undefined): MemberTarget {
  return { id: m.id, courtId: m.courtId, orgPath: m.orgPath, groupPath: groupPath ?? null };
}

/** The caller's scope and the filters as one condition; null when nothing can match. */
export function memberWhere(actor: Actor, q: Omit<MemberListQuery, 'page' | 'pageSize'>) {
  const scope = memberScopeConditionOrNull(actor);
  if (!scope) return null;
  // An org outside the caller's scope matches no row: the scope condition already says so.
  const filters: repo.MemberFilters = { courtId: q.courtId, orgId: q.orgId, status: q.status, position: q.position, q: q.q || undefined };
  return and(scope, repo.filterCondition(filters))!;
}

export async function listMembers(deps: Deps, actor: Actor, q: MemberListQuery) {
  forbidIf(!membersPolicy.list(actor));
  const where = memberWhere(actor, q);
  if (!where) return { items: [], total: 0 };
  const today = todayInShanghai(deps.now());
  const rows = await repo.listMembers(deps.handle, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  // Each row carries the total; only a page past the end needs to count separately.
  const total = rows[0]?.total ?? (q.page > 1 ? await repo.countMembers(deps.db, where) : 0);
  return { items: rows.map((r) => toMember(r, today)), total };
}

/** A member the caller may read, or NOT_FOUND (no probing by id). */
async function loadReadable(db: DbOrTx, actor: Actor, id: string) {
  const view = found(await repo.findMemberView(db, id));
  const target = targetOf(view, view.groupPath);
  if (!membersPolicy.read(actor, target)) throw new AppError('NOT_FOUND');
  return { view, target };
}

export async function getMemberProfile(deps: Deps, actor: Actor, id: string, db: DbOrTx = deps.db): Promise<MemberProfile> {
  const { view, target } = await loadReadable(db, actor, id);
  const today = todayInShanghai(deps.now());
  const history = await repo.listStatusHistory(db, id);
  return {
    ...toMember(view, today),
    statusHistory: history.map((h) => ({
      id: h.id,
      fromStatus: (h.fromStatus ?? null) as MemberStatus | null,
      toStatus: h.toStatus as MemberStatus,
      changedOn: h.changedOn,
      reason: h.reason,
      createdAt: h.createdAt.toISOString(),
    })),
    canReveal: membersPolicy.reveal(actor, target),
    canEdit: membersPolicy.manage(actor, target),
  };
}

/**
 * The org a member is put in: it exists in a court the caller can see (else 400 naming orgId), it is
 * a branch / general branch / committee (a 党小组 goes in groupId), and the caller manages it (403).
 */
async function loadTargetOrg(db: DbOrTx, actor: Actor, orgId: string) {
  const org = await repo.findOrg(db, orgId);
  if (!org || org.dissolvedOn || !membersPolicy.seeCourt(actor, org.courtId)) throw memberInvalidField('orgId', '党组织不存在');
  if (!(memberOrgTypes as readonly string[]).includes(org.type)) {
    throw memberInvalidField('orgId', org.type === 'partyGroup' ? `“${org.name}”是党小组，请选择其所在党支部，并在“党小组”中选择它` : `党员不能编入“${org.name}”，请选择党支部`);
  }
  forbidIf(!membersPolicy.manageOrg(actor, org));
  return org;
}

/** A 党小组 under the member's org, or a 400 naming groupId. */
async function checkGroup(db: DbOrTx, org: { id: string; path: string }, groupId: string) {
  const group = await repo.findOrg(db, groupId);
  if (!group || group.dissolvedOn || group.type !== 'partyGroup' || !group.path.startsWith(org.path)) {
    throw memberInvalidField('groupId', '党小组不存在或不属于所在党支部');
  }
  return group;
}

async function checkDepartment(db: DbOrTx, courtId: string, departmentId: string) {
  const d = await repo.findDepartment(db, departmentId);
  if (!d || d.courtId !== courtId) throw memberInvalidField('departmentId', '部门不存在或不属于本院');
}

function duplicateIdNumber(): AppError {
  return new AppError('DUPLICATE', '身份证号：本院已有该身份证号的党员，请勿重复登记', [{ field: 'idNumber', message: '本院已有该身份证号的党员' }]);
}

export async function createMember(deps: Deps, actor: Actor, input: CreateMemberRequest, opts?: WriteOpts): Promise<MemberProfile> {
  const org = await loadTargetOrg(deps.db, actor, input.orgId);
  if (input.groupId) await checkGroup(deps.db, org, input.groupId);
  if (input.departmentId) await checkDepartment(deps.db, org.courtId, input.departmentId);
  const today = todayInShanghai(deps.now());
  const config = await getRuleConfig(deps.db, org.courtId);

  const problems: FieldProblem[] = [];
  const { identity, problems: idProblems } = checkIdentity({ idNumber: input.idNumber, gender: input.gender, birthDate: input.birthDate }, today);
  problems.push(...idProblems);
  const { phone, problem: phoneProblem } = checkPhone(input.phone);
  if (phoneProblem) problems.push(phoneProblem);
  const joinedOn = input.joinedOn ?? null;
  const fullMemberSince = input.fullMemberSince ?? null;
  const birthDate = identity?.birthDate ?? input.birthDate ?? null;
  problems.push(...checkDates({ birthDate: birthDate ?? '', joinedOn, fullMemberSince, status: input.status }, today, config));
  if (problems.length || !identity) throw memberInvalid(problems);

  const who = auditorOf(actor, opts);
  try {
    return await deps.db.transaction(async (tx) => {
      const sealed = sealIdNumber(deps.crypto, identity.idNumber);
      if (await repo.findMemberIdByHash(tx, org.courtId, sealed.idNumberHash)) throw duplicateIdNumber();
      const row = {
        id: newId(),
        courtId: org.courtId,
        orgId: org.id,
        orgPath: org.path,
        groupId: input.groupId ?? null,
        name: input.name,
        gender: identity.gender,
        ethnicity: input.ethnicity ?? '汉族',
        birthDate: identity.birthDate,
        ...sealed,
        ...sealPhone(deps.crypto, phone),
        education: input.education ?? null,
        departmentId: input.departmentId ?? null,
        position: input.position ?? 'other',
        jobTitle: input.jobTitle ?? null,
        joinedOn,
        fullMemberSince,
        status: input.status,
        isRetired: input.isRetired ?? false,
        note: input.note ?? null,
      };
      await tx.insert(members).values(row);
      await appendAudit(tx, who, { action: 'member.create', entity: 'member', entityId: row.id, courtId: row.courtId, after: auditViewOf(row) });
      return getMemberProfile(deps, actor, row.id, tx);
    });
  } catch (err) {
    // Two people registering the same 身份证号 at once: the unique index decides.
    if (isUniqueViolation(err)) throw duplicateIdNumber();
    throw err;
  }
}

export async function updateMember(deps: Deps, actor: Actor, id: string, input: UpdateMemberRequest, opts?: WriteOpts): Promise<MemberProfile> {
  const today = todayInShanghai(deps.now());
  const who = auditorOf(actor, opts);
  try {
    return await deps.db.transaction(async (tx) => {
      const { target } = await loadReadable(tx, actor, id);
      forbidIf(!membersPolicy.manage(actor, target));
      const current = found(await repo.findMember(tx, id));
      assertVersion(current.version, input.version);

      let org = { id: current.orgId, path: current.orgPath, courtId: current.courtId };
      if (input.orgId && input.orgId !== current.orgId) {
        const next = await loadTargetOrg(tx, actor, input.orgId);
        // Members stay in their court: moving between courts is a 组织关系转接, not an edit.
        if (next.courtId !== current.courtId) throw memberInvalidField('orgId', '不能直接调到其他法院的党组织，请办理组织关系转接');
        org = next;
      }
      let groupId = current.groupId;
      if (input.groupId !== undefined) {
        groupId = input.groupId ?? null;
        if (groupId) await checkGroup(tx, org, groupId);
      } else if (groupId && org.id !== current.orgId) {
        // Moved to another branch: the old group stays behind unless it also lies under the new org.
        const g = await repo.findOrg(tx, groupId);
        if (!g || !g.path.startsWith(org.path)) groupId = null;
      }
      if (input.departmentId) await checkDepartment(tx, current.courtId, input.departmentId);

      const problems: FieldProblem[] = [];
      const idChanged = input.idNumber !== undefined;
      const idNumber = input.idNumber ?? deps.crypto.decrypt(current.idNumberEnc);
      // A new 身份证号 brings its own gender and birth date unless the request states them.
      const declaredGender = (input.gender ?? (idChanged ? undefined : current.gender)) as Gender | undefined;
      const declaredBirth = input.birthDate ?? (idChanged ? undefined : current.birthDate);
      const { identity, problems: idProblems } = checkIdentity({ idNumber, gender: declaredGender, birthDate: declaredBirth }, today);
      problems.push(...idProblems);
      let phone: string | null | undefined;
      if (input.phone !== undefined) {
        const r = checkPhone(input.phone);
        if (r.problem) problems.push(r.problem);
        phone = r.phone;
      }
      const status = (input.status ?? current.status) as MemberStatus;
      const joinedOn = input.joinedOn !== undefined ? input.joinedOn : current.joinedOn;
      const fullMemberSince = input.fullMemberSince !== undefined ? input.fullMemberSince : current.fullMemberSince;
      const config = await getRuleConfig(tx, current.courtId);
      problems.push(...checkDates({ birthDate: identity?.birthDate ?? current.birthDate, joinedOn, fullMemberSince, status }, today, config));
      const statusChanged = status !== current.status;
      const changedOn: IsoDate = input.statusChangedOn ?? today;
      if (statusChanged && changedOn > today) problems.push({ field: 'statusChangedOn', message: '状态变更日期不能晚于今天' });
      if (problems.length || !identity) throw memberInvalid(problems);

      const changes: Partial<typeof members.$inferInsert> = {
        orgId: org.id,
        orgPath: org.path,
        groupId,
        name: input.name,
        gender: identity.gender,
        ethnicity: input.ethnicity,
        birthDate: identity.birthDate,
        education: input.education,
        departmentId: input.departmentId,
        position: input.position,
        jobTitle: input.jobTitle,
        joinedOn,
        fullMemberSince,
        status,
        isRetired: input.isRetired,
        note: input.note,
      };
      if (idChanged) {
        const sealed = sealIdNumber(deps.crypto, identity.idNumber);
        if (sealed.idNumberHash !== current.idNumberHash) {
          const other = await repo.findMemberIdByHash(tx, current.courtId, sealed.idNumberHash);
          if (other && other !== id) throw duplicateIdNumber();
          Object.assign(changes, sealed);
        }
      }
      if (phone !== undefined) {
        const sealed = sealPhone(deps.crypto, phone);
        if (sealed.phoneHash !== current.phoneHash) Object.assign(changes, sealed);
      }
      for (const k of Object.keys(changes) as (keyof typeof changes)[]) if (changes[k] === undefined) delete changes[k];

      const updated = await tx
        .update(members)
        .set({ ...changes, version: current.version + 1, updatedAt: deps.now() })
        .where(and(eq(members.id, id), eq(members.version, current.version)))
        .returning({ id: members.id });
      if (!updated.length) throw new AppError('VERSION_CONFLICT');
      if (statusChanged) {
        await tx.insert(memberStatusHistory).values({
          id: newId(),
          courtId: current.courtId,
          memberId: id,
          fromStatus: current.status,
          toStatus: status,
          changedOn,
          reason: input.statusReason ?? null,
          changedBy: who.userId || null,
        });
      }
      const diff = diffFields(auditViewOf(current), auditViewOf(changes));
      // Two numbers can share a mask: say that the number changed even when the masks agree.
      if (changes.idNumberHash) diff.after.idNumberChanged = true;
      if (changes.phoneHash !== undefined) diff.after.phoneChanged = true;
      await appendAudit(tx, who, {
        action: 'member.update',
        entity: 'member',
        entityId: id,
        courtId: current.courtId,
        before: diff.before,
        after: statusChanged ? { ...diff.after, statusChangedOn: changedOn, statusReason: input.statusReason ?? null } : diff.after,
      });
      return getMemberProfile(deps, actor, id, tx);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateIdNumber();
    throw err;
  }
}

/**
 * The full 身份证号 or phone, for those allowed (the member's managers, the member). Every reveal is
 * audited with its reason — never with the value; a refused one is audited too.
 */
export async function revealMemberField(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { field: 'idNumber' | 'phone'; reason: string },
): Promise<{ field: 'idNumber' | 'phone'; value: string | null }> {
  const { target } = await loadReadable(deps.db, actor, id);
  const who = auditorOf(actor);
  if (!membersPolicy.reveal(actor, target)) {
    await deps.db.transaction((tx) =>
      appendAudit(tx, who, { action: 'member.reveal.denied', entity: 'member', entityId: id, courtId: target.courtId, after: { field: input.field, reason: input.reason } }),
    );
    throw new AppError('FORBIDDEN', '您无权查看该党员的完整身份证号或手机号码');
  }
  return deps.db.transaction(async (tx) => {
    const m = found(await repo.findMember(tx, id));
    const stored = input.field === 'idNumber' ? m.idNumberEnc : m.phoneEnc;
    const value = stored ? deps.crypto.decrypt(stored) : null;
    await appendAudit(tx, who, { action: 'member.reveal', entity: 'member', entityId: id, courtId: m.courtId, after: { field: input.field, reason: input.reason } });
    return { field: input.field, value };
  });
}
