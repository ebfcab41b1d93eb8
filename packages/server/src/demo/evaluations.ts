// Demo data of 民主评议党员 (RULES.md §6): last year's completed round in every 安顺中院 branch — a few
// 优秀 (within ⌊⅓⌋), mostly 合格, in 第一支部 one 基本合格 with the gap named, 预备党员 taking part
// without a grade, old and sick members of the retired branch not taking part, most results
// confirmed; 第一支部 voted online (anonymous ballots), the other branches on paper (tallies). This
// year 第一支部's round is in 个人自评 with part of the self-assessments in (小李's not yet).
import { randomUUID } from 'node:crypto';
import { and, inArray } from 'drizzle-orm';
import { addDays, defaultEvaluationSettings, isDateAfter, isGradedParticipant, maxExcellentCount, type EvaluationGrade, type IsoDate } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';

const selfTexts = [
  '对照合格党员标准和入党誓词，本人能坚定理想信念，认真学习习近平法治思想，按时参加“三会一课”。不足是理论学习系统性不够，联系审判实际不够紧密。今后将制定学习计划，每月撰写学习笔记。',
  '一年来，本人严守政治纪律和政治规矩，公正司法、廉洁自律，较好完成审判任务。存在的问题是服务群众的主动性有待加强，调解工作方法单一。下一步将多向身边优秀法官请教，提升群众工作能力。',
  '本人能够按时足额交纳党费，积极参加主题党日和志愿服务活动。对照先进，在攻坚克难的担当精神上还有差距，工作中有时满足于完成任务。今后将主动承担疑难复杂案件，在急难险重任务中发挥党员作用。',
  '对照党章党规，本人在遵规守纪方面没有违规违纪问题，但在批评与自我批评上存在“老好人”思想，开展批评不够大胆。今后将严肃党内政治生活，敢于较真碰硬。',
];
const excellentComments = ['办案质效突出，带头攻坚，群众满意度高', '理论学习扎实，积极承担支部宣传工作', '服务大局意识强，执行攻坚中发挥先锋作用', '敢于担当，带领团队完成专项审判任务'];

type Person = { id: string; name: string; status: string; joinedOn: string | null; fullMemberSince: string | null; isRetired: boolean; courtId: string; orgId: string };

function statusOn(m: Person, day: IsoDate): 'fullMember' | 'probationaryMember' | null {
  if (m.status !== 'fullMember' && m.status !== 'probationaryMember') return null;
  if (m.joinedOn && isDateAfter(m.joinedOn, day)) return null;
  if (m.status === 'fullMember' && (!m.fullMemberSince || !isDateAfter(m.fullMemberSince, day))) return 'fullMember';
  return 'probationaryMember';
}

export async function seedEvaluationDemo(ctx: DemoContext): Promise<void> {
  const { tx, today, anshun } = ctx;
  const year = Number(today.slice(0, 4));
  const branches = anshun.branches;
  if (!branches.length) return;
  const people = (await tx
    .select({ id: schema.members.id, name: schema.members.name, status: schema.members.status, joinedOn: schema.members.joinedOn, fullMemberSince: schema.members.fullMemberSince, isRetired: schema.members.isRetired, courtId: schema.members.courtId, orgId: schema.members.orgId })
    .from(schema.members)
    .where(and(inArray(schema.members.orgId, branches.map((b) => b.id)), inArray(schema.members.status, ['fullMember', 'probationaryMember'])))) as Person[];
  const settings = { excellentRatio: { ...defaultEvaluationSettings.excellentRatio }, gradeProbationaryMembers: defaultEvaluationSettings.gradeProbationaryMembers };
  const secretaryName = anshun.named.secretary1?.name ?? '第一党支部书记';
  const xiaoli = anshun.named.xiaoli;
  const rounds: (typeof schema.evaluationRounds.$inferInsert)[] = [];
  const participants: (typeof schema.evaluationParticipants.$inferInsert)[] = [];
  const ballots: (typeof schema.evaluationBallots.$inferInsert)[] = [];
  const votes: (typeof schema.evaluationVotes.$inferInsert)[] = [];

  // ── Last year: completed everywhere ──
  const heldOn = `${year - 1}-12-18`;
  const doneAt = new Date(`${year - 1}-12-28T10:00:00+08:00`);
  branches.forEach((branch, bi) => {
    const roster = people
      .filter((m) => m.orgId === branch.id)
      .map((m) => ({ ...m, on: statusOn(m, heldOn) }))
      .filter((m): m is Person & { on: 'fullMember' | 'probationaryMember' } => !!m.on)
      .sort((a, b) => (a.on === b.on ? a.name.localeCompare(b.name, 'zh-CN') : a.on === 'fullMember' ? -1 : 1));
    if (!roster.length) return;
    const roundId = newId();
    const retired = roster.every((m) => m.isRetired) || bi === branches.length - 1;
    rounds.push({ id: roundId, courtId: branch.courtId, orgId: branch.id, orgPath: branch.path, year: year - 1, heldOn, stage: 'completed', settings, createdByName: bi === 0 ? secretaryName : '机关党办', completedAt: doneAt });
    // the retired branch: three old or sick members do not take part (教育管理条例 第二十三条)
    const exempt = new Set(retired ? roster.filter((m) => m.on === 'fullMember').slice(-3).map((m) => m.id) : []);
    const graded = roster.filter((m) => isGradedParticipant(m.on, settings) && !exempt.has(m.id));
    const nExcellent = Math.min(maxExcellentCount(graded.length, settings.excellentRatio), Math.max(1, Math.round(graded.length * 0.18)));
    // the named secretary of 第一支部 and people spread through the list get 优秀; one 基本合格 in 第一支部 and 第三支部
    const order = [...graded].sort((a, b) => ((a.id === anshun.named.secretary1?.id ? -1 : 0) - (b.id === anshun.named.secretary1?.id ? -1 : 0)) || ((a.name.charCodeAt(0) * 7 + bi) % 11) - ((b.name.charCodeAt(0) * 7 + bi) % 11));
    const gradeOf = new Map<string, EvaluationGrade>();
    order.slice(0, nExcellent).forEach((m) => gradeOf.set(m.id, 'excellent'));
    const basic = bi === 0 || bi === 2 ? order.filter((m) => !gradeOf.has(m.id) && m.id !== xiaoli?.id).at(-1) : undefined;
    if (basic) gradeOf.set(basic.id, 'basicallyQualified');
    const ids = new Map(roster.map((m) => [m.id, newId()]));
    const online = bi === 0;
    roster.forEach((m, i) => {
      const g = graded.includes(m) ? (gradeOf.get(m.id) ?? 'qualified') : null;
      const voters = roster.length - exempt.size;
      const paper = !online && !exempt.has(m.id)
        ? g === 'excellent'
          ? { excellent: Math.round(voters * 0.7), qualified: Math.max(0, voters - Math.round(voters * 0.7) - 1), basicallyQualified: 0, unqualified: 0 }
          : g === 'basicallyQualified'
            ? { excellent: 0, qualified: Math.round(voters * 0.5), basicallyQualified: Math.max(0, voters - Math.round(voters * 0.5) - 1), unqualified: 0 }
            : { excellent: i % 4, qualified: Math.max(0, voters - 1 - (i % 4)), basicallyQualified: 0, unqualified: 0 }
        : null;
      participants.push({
        id: ids.get(m.id)!,
        roundId,
        courtId: m.courtId,
        memberId: m.id,
        memberName: m.name,
        memberStatus: m.on,
        graded: isGradedParticipant(m.on, settings),
        sortOrder: i,
        exempt: exempt.has(m.id),
        exemptReason: exempt.has(m.id) ? (i % 2 ? '年老体弱，长期卧床' : '长期患病住院治疗') : null,
        selfAssessment: exempt.has(m.id) ? null : selfTexts[(i + bi) % selfTexts.length]!,
        selfAssessmentSource: exempt.has(m.id) ? null : online || i % 3 ? 'self' : 'secretary',
        selfAssessmentAt: exempt.has(m.id) ? null : new Date(`${year - 1}-12-${String(8 + (i % 8)).padStart(2, '0')}T20:00:00+08:00`),
        paperVotes: paper,
        grade: g,
        gradeReason: g === 'basicallyQualified' ? '全年有4次无故缺席支部组织生活，理论学习笔记未按要求完成；请按时参加“三会一课”，每月提交学习笔记，由党小组长跟进帮助' : null,
        committeeComment: g === 'excellent' ? excellentComments[i % excellentComments.length]! : g === 'basicallyQualified' ? '希望正视差距，支部将安排党员结对帮助改进' : null,
        gradedByName: g ? (bi === 0 ? secretaryName : '支部书记') : null,
        gradedAt: g ? new Date(`${year - 1}-12-22T15:00:00+08:00`) : null,
        acknowledgedAt: g && i % 9 !== 5 ? new Date(`${year - 1}-12-${String(24 + (i % 4)).padStart(2, '0')}T09:30:00+08:00`) : null,
      });
    });
    if (online) {
      // every taking-part member cast one anonymous ballot; the votes follow the grades
      const taking = roster.filter((m) => !exempt.has(m.id));
      taking.forEach((voter, vi) => {
        ballots.push({ id: newId(), roundId, voterParticipantId: ids.get(voter.id)!, castAt: new Date(`${year - 1}-12-18T10:${String(vi % 60).padStart(2, '0')}:00+08:00`) });
        for (const target of taking) {
          if (target.id === voter.id) continue;
          const g = gradeOf.get(target.id);
          const grade: EvaluationGrade = g === 'excellent' ? (vi % 4 ? 'excellent' : 'qualified') : g === 'basicallyQualified' ? (vi % 2 ? 'basicallyQualified' : 'qualified') : vi % 9 === 0 ? 'excellent' : 'qualified';
          votes.push({ id: randomUUID(), roundId, targetParticipantId: ids.get(target.id)!, grade });
        }
      });
    }
  });

  // ── This year: 第一支部 in 个人自评, part of the self-assessments in ──
  const branch1 = branches[0]!;
  const openedOn = isDateAfter(`${year}-01-01`, addDays(today, -6)) ? `${year}-01-01` : addDays(today, -6);
  const roster = people
    .filter((m) => m.orgId === branch1.id)
    .map((m) => ({ ...m, on: statusOn(m, openedOn) }))
    .filter((m): m is Person & { on: 'fullMember' | 'probationaryMember' } => !!m.on)
    .sort((a, b) => (a.on === b.on ? a.name.localeCompare(b.name, 'zh-CN') : a.on === 'fullMember' ? -1 : 1));
  if (roster.length) {
    const roundId = newId();
    rounds.push({ id: roundId, courtId: branch1.courtId, orgId: branch1.id, orgPath: branch1.path, year, heldOn: openedOn, stage: 'selfAssessment', settings, createdByName: secretaryName });
    roster.forEach((m, i) => {
      const wrote = m.id !== xiaoli?.id && i % 5 < 2;
      participants.push({
        id: newId(),
        roundId,
        courtId: m.courtId,
        memberId: m.id,
        memberName: m.name,
        memberStatus: m.on,
        graded: isGradedParticipant(m.on, settings),
        sortOrder: i,
        selfAssessment: wrote ? selfTexts[i % selfTexts.length]! : null,
        selfAssessmentSource: wrote ? 'self' : null,
        selfAssessmentAt: wrote ? ctx.now : null,
      });
    });
  }

  if (rounds.length) await tx.insert(schema.evaluationRounds).values(rounds);
  for (let i = 0; i < participants.length; i += 500) await tx.insert(schema.evaluationParticipants).values(participants.slice(i, i + 500));
  if (ballots.length) await tx.insert(schema.evaluationBallots).values(ballots);
  for (let i = 0; i < votes.length; i += 1000) await tx.insert(schema.evaluationVotes).values(votes.slice(i, i + 1000));
}
