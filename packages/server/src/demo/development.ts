// Demo data: a 发展档案 for every person the roster has at a development status (入党申请人, 积极分子,
// 发展对象) and for the 预备党员, with dated steps relative to today that pass the gates of RULES.md
// §3.2 (T3, T5, T9, T10, T12, T18, T19 …). The status history of these people is rewritten from the
// case, so the two always agree. Chosen on purpose: one 谈话 overdue (T3), one 积极分子 half-yearly
// review due (T7), one 预备期 ending within the month (T19), someone in each of the five stages.
import { eq, inArray } from 'drizzle-orm';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  developmentReminderOf,
  developmentStageOf,
  defaultRuleConfig,
  type IsoDate,
  type MemberStatus,
  type RecordedStep,
  type StepDetails,
} from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { MemberRow } from './builder';
import type { DemoContext } from './context';

type Plan = { steps: RecordedStep[]; status: MemberStatus; joinedOn?: IsoDate };

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export async function seedDevelopmentDemo(ctx: DemoContext): Promise<void> {
  const { tx, today } = ctx;
  const courtIds = new Set([ctx.anshun.court.id, ctx.lukou.court.id]);
  const people = ctx.rows.members.filter((m) => courtIds.has(m.courtId) && ['applicant', 'activist', 'developmentCandidate', 'probationaryMember'].includes(m.status));
  if (!people.length) return;
  const fullByOrg = new Map<string, MemberRow[]>();
  for (const m of ctx.rows.members) if (m.status === 'fullMember') fullByOrg.set(m.orgId, [...(fullByOrg.get(m.orgId) ?? []), m]);
  const counters: Record<string, number> = {};
  const nth = (status: string) => (counters[status] = (counters[status] ?? -1) + 1);
  // The 预备党员 admitted earliest gets a 预备期 ending in 20 days (T19 reminder).
  const probationary = people.filter((m) => m.status === 'probationaryMember').sort((a, b) => String(a.joinedOn).localeCompare(String(b.joinedOn)));
  const endingSoonId = probationary[0]?.id;

  const plans = new Map<string, Plan>();
  for (const m of people) {
    const full = fullByOrg.get(m.orgId) ?? [];
    const mentor = full.find((f) => f.id !== m.id);
    const sponsors = full.filter((f) => f.id !== m.id).slice(1, 3);
    const secretaryName = full[0]?.name ?? '支部书记';
    const expected = Math.max(full.length, 3);
    const vote = { expected, attending: expected - 1, yes: expected - 1, writtenYes: 0 };
    const steps: RecordedStep[] = [];
    const add = (step: number, doneOn: IsoDate, details: StepDetails = {}) => steps.push({ step, doneOn, details });

    /** Steps 1–6 from an application date and an activist date, with reviews every 6 months up to `until`. */
    const early = (app: IsoDate, activist: IsoDate, until: IsoDate) => {
      add(1, app);
      add(2, addDays(app, 12), { talker: secretaryName });
      add(3, activist, { youthLeagueRecommended: true });
      add(4, addDays(activist, 8));
      add(5, addDays(activist, 15), { mentorIds: mentor ? [mentor.id] : [] });
      for (let r = addMonths(activist, 6); compareDates(r, until) <= 0; r = addMonths(r, 6)) add(6, r);
    };
    /** Steps 7–11 from the 发展对象 date (≥ activist + 1 year, T9). */
    const candidate = (on: IsoDate, upTo: number) => {
      add(7, on);
      if (upTo >= 8) add(8, addDays(on, 6));
      if (upTo >= 9) add(9, addDays(on, 14), { sponsorIds: sponsors.map((s) => s.id) });
      if (upTo >= 10) add(10, addDays(on, 35), { politicalReview: { qualified: true, conclusion: '本人及直系亲属、主要社会关系政治历史清楚，现实表现良好，政审合格' } });
      if (upTo >= 11) add(11, addDays(on, 45), { training: { days: 3, hours: 24 } });
    };

    if (m.status === 'applicant') {
      const i = nth('applicant');
      if (i === 0) add(1, addDays(today, -45)); // 谈话已逾期 (T3)
      else if (i === 1) {
        add(1, addDays(today, -80));
        add(2, addDays(today, -70), { talker: secretaryName });
      } else add(1, addDays(today, -12 - i));
      plans.set(m.id, { steps, status: 'applicant' });
    } else if (m.status === 'activist') {
      const i = nth('activist');
      // The first is due for its half-yearly review in 10 days (T7).
      const activist = i === 0 ? addDays(addMonths(today, -6), 10) : addDays(addMonths(today, -9), -i * 9);
      early(addMonths(activist, -7), activist, today);
      plans.set(m.id, { steps, status: 'activist' });
    } else if (m.status === 'developmentCandidate') {
      const i = nth('developmentCandidate');
      const activist = addMonths(today, i % 2 === 0 ? -17 : -14);
      const on = addDays(addYears(activist, 1), 5);
      early(addMonths(activist, -8), activist, addDays(on, -1));
      candidate(on, i % 2 === 0 ? 11 : 9);
      plans.set(m.id, { steps, status: 'developmentCandidate' });
    } else {
      const joinedOn = m.id === endingSoonId ? addDays(addYears(today, -1), 20) : (m.joinedOn as IsoDate);
      const candidateOn = addMonths(joinedOn, -5);
      const activist = addDays(addYears(candidateOn, -1), -10);
      early(addMonths(activist, -7), activist, addDays(candidateOn, -1));
      candidate(candidateOn, 11);
      add(12, addDays(joinedOn, -30), { publicity: { from: addDays(joinedOn, -45), to: addDays(joinedOn, -35) } });
      add(13, addDays(joinedOn, -22));
      add(14, addDays(joinedOn, -15));
      add(15, joinedOn, { vote });
      const approval = minDate(addDays(joinedOn, 18), today);
      add(16, minDate(addDays(joinedOn, 8), approval), { talker: '机关党委组织员' });
      add(17, approval);
      const later = (days: number) => minDate(addDays(approval, days), today);
      add(18, later(5));
      add(19, later(7));
      add(20, later(10));
      for (let r = addMonths(joinedOn, 6); compareDates(r, today) <= 0; r = addMonths(r, 6)) add(21, r);
      plans.set(m.id, { steps, status: 'probationaryMember', joinedOn });
    }
  }

  const caseRows: (typeof schema.developmentCases.$inferInsert)[] = [];
  const stepRows: (typeof schema.developmentSteps.$inferInsert)[] = [];
  const history: (typeof schema.memberStatusHistory.$inferInsert)[] = [];
  const statusSteps: [number, MemberStatus, MemberStatus | null, string][] = [
    [1, 'applicant', null, '递交入党申请书'],
    [3, 'activist', 'applicant', '发展党员：确定为入党积极分子'],
    [7, 'developmentCandidate', 'activist', '发展党员：确定为发展对象'],
    [15, 'probationaryMember', 'developmentCandidate', '发展党员：支部党员大会讨论通过，上级党委审批，接收为预备党员'],
  ];
  for (const m of people) {
    const plan = plans.get(m.id)!;
    const parentId = m.orgPath.split('/').filter(Boolean).slice(-2, -1)[0] ?? m.orgId;
    const caseId = newId();
    const last = Math.max(...plan.steps.map((s) => s.step));
    caseRows.push({
      id: caseId,
      courtId: m.courtId,
      memberId: m.id,
      orgId: m.orgId,
      orgPath: m.orgPath,
      state: 'active',
      lastStep: last,
      stage: developmentStageOf(plan.steps),
      applicationDate: plan.steps[0]!.doneOn,
      nextDueOn: developmentReminderOf(plan.steps, '1900-01-01', { ...defaultRuleConfig, development: { ...defaultRuleConfig.development, reminderDays: 100_000 } })?.dueOn ?? null,
    });
    for (const s of plan.steps) {
      const superior = [4, 8, 13, 16, 17, 18, 24].includes(s.step);
      stepRows.push({ id: newId(), courtId: m.courtId, caseId, step: s.step, doneOn: s.doneOn, approvingOrgId: superior ? parentId : m.orgId, details: s.details, overrides: [], note: s.step === 2 ? '谈话中了解了申请人的入党动机，介绍了党的基本知识和入党条件，申请人态度端正。' : null });
    }
    for (const [no, to, from, reason] of statusSteps) {
      const s = plan.steps.find((x) => x.step === no);
      if (s) history.push({ id: newId(), courtId: m.courtId, memberId: m.id, fromStatus: from, toStatus: to, changedOn: s.doneOn, reason });
    }
  }
  const ids = people.map((m) => m.id);
  // The case is the record of how these people got here: their status history follows it.
  await tx.delete(schema.memberStatusHistory).where(inArray(schema.memberStatusHistory.memberId, ids));
  await tx.insert(schema.memberStatusHistory).values(history);
  if (endingSoonId) {
    await tx.update(schema.members).set({ joinedOn: plans.get(endingSoonId)!.joinedOn }).where(eq(schema.members.id, endingSoonId));
  }
  await tx.insert(schema.developmentCases).values(caseRows);
  for (let i = 0; i < stepRows.length; i += 500) await tx.insert(schema.developmentSteps).values(stepRows.slice(i, i + 500));
}
