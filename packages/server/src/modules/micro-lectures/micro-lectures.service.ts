// 一刻钟微党课: propose a rotation (generateRotation, not saved), save the future schedule, read it.
// @see RULES.md §1.1 Notes (courts' own programmes), issue 3 § rotation
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { activityTypes, addDays, countDaysBetween, generateRotation, getIsoWeekday, rotationTierLabels, todayInShanghai, type IsoDate, type MemberStatus } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { z } from 'zod';
import type { generateMicroLecturesRequest, generateMicroLecturesResponse, microLecturesResponse, saveMicroLecturesRequest, MicroLectureSlot } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { forbidIf, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { lastOrgLifeByMember } from '../reminders/reminders.repository';
import { microLecturesPolicy } from './micro-lectures.policy';
import * as repo from './micro-lectures.repository';

const { members, microLectureSlots } = schema;

async function loadOrg(deps: Deps, actor: Actor, orgId: string, need: 'manage' | 'read') {
  const org = await repo.findOrg(deps.db, orgId);
  if (!org) throw new AppError('NOT_FOUND');
  const me = actor.memberId ? ((await repo.findMember(deps.db, actor.memberId)) ?? null) : null;
  if (!microLecturesPolicy.read(actor, org, me)) throw new AppError('NOT_FOUND');
  if (need === 'manage') forbidIf(!microLecturesPolicy.manage(actor, org));
  if (org.type !== 'branch') throw invalidField('orgId', '一刻钟微党课由党支部安排，请选择党支部');
  return org;
}

function listSessionDates(input: z.infer<typeof generateMicroLecturesRequest>): IsoDate[] {
  if (input.dates?.length) return [...new Set(input.dates)].sort();
  if (!input.from || !input.to || !input.weekday) throw invalidField('dates', '请填写场次日期，或开始日期、结束日期和星期几');
  if (input.to < input.from) throw invalidField('to', '结束日期不能早于开始日期');
  if (countDaysBetween(input.from, input.to) > 366) throw invalidField('to', '排期范围不能超过一年');
  const dates: IsoDate[] = [];
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) if (getIsoWeekday(d) === input.weekday) dates.push(d);
  if (!dates.length) throw invalidField('weekday', '所选范围内没有这一天');
  return dates;
}

export async function generate(deps: Deps, actor: Actor, input: z.infer<typeof generateMicroLecturesRequest>): Promise<z.infer<typeof generateMicroLecturesResponse>> {
  const org = await loadOrg(deps, actor, input.orgId, 'manage');
  const dates = listSessionDates(input);
  const today = todayInShanghai(deps.now());
  if (dates[0]! < today) throw invalidField('dates', '场次日期不能早于今天');
  const [roster, committee, history, config] = await Promise.all([
    repo.listOrgMembers(deps.db, org.id),
    repo.listCommittee(deps.db, org.id, dates[0]!),
    repo.listHistory(deps.db, org.id, dates[0]!),
    getRuleConfig(deps.db, org.courtId),
  ]);
  // 免于参加 at the latest attendance record: not scheduled (教育管理条例 第二十三条).
  const exempt = new Set(
    (await lastOrgLifeByMember(deps.db, eq(members.orgId, org.id) as SQL, [...activityTypes], today))
      .filter((r) => r.lastExempt && (!r.lastPresent || r.lastExempt >= r.lastPresent))
      .map((r) => r.id),
  );
  const result = generateRotation({
    members: roster.map((m) => ({
      id: m.id,
      name: m.name,
      status: m.status as MemberStatus,
      birthDate: m.birthDate,
      isSecretary: committee.secretaries.has(m.id),
      isCommittee: committee.committee.has(m.id),
      exempt: exempt.has(m.id),
    })),
    sessionDates: dates,
    history,
    youngAgeMax: config.orgLife.youngAgeMax,
  });
  const nameOf = new Map(roster.map((m) => [m.id, m.name]));
  return {
    orgId: org.id,
    slots: result.schedule.map((s) => ({
      id: null,
      orgId: org.id,
      slotDate: s.date,
      memberId: s.memberId,
      memberName: nameOf.get(s.memberId) ?? '',
      tier: s.tier,
      tierLabel: rotationTierLabels[s.tier],
      topic: null,
      activityId: null,
    })),
    unscheduled: result.unscheduled.map((u) => ({ ...u, memberName: nameOf.get(u.memberId) ?? '' })),
    unfilledDates: result.unfilledDates,
  };
}

function toSlot(r: { slot: typeof microLectureSlots.$inferSelect; memberName: string }): MicroLectureSlot {
  return {
    id: r.slot.id,
    orgId: r.slot.orgId,
    slotDate: r.slot.slotDate,
    memberId: r.slot.memberId,
    memberName: r.memberName,
    tier: null,
    tierLabel: null,
    topic: r.slot.topic,
    activityId: r.slot.activityId,
  };
}

/** Replaces the branch's slots from today on with the given schedule, in one audited transaction. */
export async function save(deps: Deps, actor: Actor, input: z.infer<typeof saveMicroLecturesRequest>): Promise<z.infer<typeof microLecturesResponse>> {
  const org = await loadOrg(deps, actor, input.orgId, 'manage');
  const today = todayInShanghai(deps.now());
  const seen = new Set<string>();
  for (const [i, s] of input.slots.entries()) {
    if (s.slotDate < today) throw invalidField(`slots.${i}.slotDate`, '只能安排今天及以后的场次');
    if (seen.has(s.slotDate)) throw invalidField(`slots.${i}.slotDate`, `${s.slotDate}重复安排`);
    seen.add(s.slotDate);
  }
  const memberIds = [...new Set(input.slots.map((s) => s.memberId))];
  const valid = memberIds.length
    ? await deps.db
        .select({ id: members.id })
        .from(members)
        .where(and(inArray(members.id, memberIds), eq(members.orgId, org.id), inArray(members.status, ['probationaryMember', 'fullMember'])))
    : [];
  const validIds = new Set(valid.map((v) => v.id));
  const bad = input.slots.findIndex((s) => !validIds.has(s.memberId));
  if (bad >= 0) throw invalidField(`slots.${bad}.memberId`, '该党员不在本支部或不是在册党员');
  await deps.db.transaction(async (tx) => {
    const removed = await repo.deleteFutureSlots(tx, org.id, today);
    const rows = input.slots.map((s) => ({ id: newId(), courtId: org.courtId, orgId: org.id, slotDate: s.slotDate, memberId: s.memberId, topic: s.topic ?? null }));
    if (rows.length) await tx.insert(microLectureSlots).values(rows);
    await appendAudit(tx, auditActorOf(actor), {
      action: 'microLecture.schedule.save',
      entity: 'partyOrg',
      entityId: org.id,
      courtId: org.courtId,
      before: removed.map((r) => ({ slotDate: r.slotDate, memberId: r.memberId, topic: r.topic })),
      after: rows.map((r) => ({ slotDate: r.slotDate, memberId: r.memberId, topic: r.topic })),
    });
  });
  return list(deps, actor, { orgId: org.id, from: today });
}

export async function list(deps: Deps, actor: Actor, q: { orgId: string; from?: IsoDate; to?: IsoDate }): Promise<z.infer<typeof microLecturesResponse>> {
  const org = found(await loadOrg(deps, actor, q.orgId, 'read'));
  if (q.from && q.to && q.to < q.from) throw invalidField('to', '结束日期不能早于开始日期');
  const items = (await repo.listSlots(deps.db, org.id, q.from, q.to)).map(toSlot);
  return { items, total: items.length };
}
