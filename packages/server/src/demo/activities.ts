// A year of organizational life for the demo branches (issue 3 § Demo data): 三会一课, 主题党日,
// 组织生活会 and 民主评议 at the catalogue's default frequency, the courts' own programmes (集中研讨,
// 专题党课, 警示教育, 一刻钟微党课, 案例讲评会 with cases, 每周政治理论集中学习, 志愿服务, 红色教育),
// with minutes, attendance (leave with reasons, a few absences, 年老体弱 exempt in the retired
// branch), a few 补录, records submitted to and approved or returned by the upper org, and next
// month's meetings planned. Every date is relative to today, and some branches are behind on purpose
// so that the 党建工作提示 shows red, amber and green on any day:
// - 'missedLastPeriod': last month's 支委会 and last quarter's 党课 were never held → red;
// - 'nothingThisPeriod': nothing of the current month/quarter/year yet → amber when a period is
//   within its dueSoonDays (most days; early in a month with a far quarter end it is still green).
// Two members are shown drifting away from 组织生活 (absent 4 and 7 months: 党章第九条 warn/critical).
import { addDays, addMonths, defaultActivityCatalogue, listPeriods, periodOf, type ActivityType, type IsoDate, type PeriodUnit } from '@zhibu/domain';
import { newId } from '@zhibu/db';
import { newSignInCode, newSignInSecret } from '../modules/activities/sign-in-token';
import type { DemoRows, MemberRow, OrgRow } from './builder';
import type { Random } from './random';

export type OrgLifeRows = Pick<DemoRows, 'activities' | 'activityAttendance' | 'caseReviews'>;

export type BranchPace = 'onTrack' | 'missedLastPeriod' | 'nothingThisPeriod';

export type BranchLife = {
  branch: OrgRow;
  /** Active members of the branch (their groupId places them in a 党小组). */
  members: readonly MemberRow[];
  committee: readonly { member: MemberRow; post: string }[];
  groups: readonly OrgRow[];
  profile: 'trial' | 'enforcement' | 'admin' | 'tribunal' | 'retired';
  pace: BranchPace;
  /** Place of the branch's meetings (its activity room). */
  room: string;
  /** Prefix of case numbers for 案例讲评会, e.g. '黔04' (fictional numbering). */
  caseCode?: string;
  departments?: readonly { id: string; name: string }[];
  /** Members who stopped coming: months without organizational life. */
  drifting?: readonly { member: MemberRow; months: number }[];
  /** Members excused as 年老体弱/长期患病 (教育管理条例 第二十三条). */
  exempt?: readonly MemberRow[];
  /** Holds the court's 每周政治理论集中学习 (安顺: "每周一次政治理论集中学习"). */
  weeklyStudy?: boolean;
};

export type BranchLifeSpec = Omit<BranchLife, 'members' | 'committee' | 'groups' | 'drifting' | 'exempt'> & {
  /** How many members (not on the committee) drift away, and for how many months each. */
  driftingMonths?: readonly number[];
  /** How many of the oldest members are excused (年老体弱). */
  exemptOldest?: number;
};

const activeStatuses = new Set(['fullMember', 'probationaryMember']);

/** A branch's people as the builder holds them: active members, its committee and its 党小组. */
export function describeBranchLife(rows: Pick<DemoRows, 'members' | 'committeePositions' | 'partyOrgs'>, spec: BranchLifeSpec): BranchLife {
  const { driftingMonths = [], exemptOldest = 0, ...rest } = spec;
  const members = rows.members.filter((m) => m.orgId === spec.branch.id && activeStatuses.has(m.status));
  const byId = new Map(members.map((m) => [m.id, m]));
  const committee = rows.committeePositions
    .filter((c) => c.orgId === spec.branch.id && byId.has(c.memberId))
    .map((c) => ({ member: byId.get(c.memberId)!, post: c.post }));
  const onCommittee = new Set(committee.map((c) => c.member.id));
  const ordinary = members.filter((m) => !onCommittee.has(m.id));
  const oldestFirst = [...ordinary].sort((x, y) => (x.birthDate ?? '').localeCompare(y.birthDate ?? ''));
  return {
    ...rest,
    members,
    committee,
    groups: rows.partyOrgs.filter((o) => o.parentId === spec.branch.id && o.type === 'partyGroup'),
    drifting: driftingMonths.map((months, i) => ({ member: ordinary[ordinary.length - 1 - i]!, months })),
    exempt: oldestFirst.slice(0, exemptOldest),
  };
}

const firstTopics = [
  '学习习近平总书记关于全面依法治国的重要论述',
  '学习习近平总书记在中央政法工作会议上的重要讲话精神',
  '学习党的二十届四中全会精神',
  '学习《中国共产党纪律处分条例》有关条款',
  '学习习近平总书记关于加强新时代人民法院工作的重要指示',
  '学习习近平总书记关于党的建设的重要思想',
  '学习最高人民法院党组关于深入推进“如我在诉”意识的部署',
  '学习习近平总书记给“时代楷模”的回信精神',
];
const themedDayTopics = ['重温入党誓词', '“如我在诉”主题讨论', '走进社区开展普法宣传', '参观廉政教育基地', '“从政治上看、从法治上办”专题研讨', '党员示范岗承诺践诺'];
const lectureTopics = ['坚定理想信念 做新时代合格法院党员', '以高质量党建引领审判执行工作高质量发展', '从典型案例看“三个规定”', '传承红色基因 践行司法为民'];
const leaveReasons = ['外出开庭', '参加上级法院业务培训', '病假', '休年假', '下乡巡回审判', '出差（异地执行财产查控）', '借调省法院参与专项工作'];
const caseTitles = [
  ['刑初', '张某某盗窃案'],
  ['刑初', '李某某危险驾驶案'],
  ['民初', '王某与某物业公司物业服务合同纠纷案'],
  ['民初', '赵某某离婚纠纷案'],
  ['民终', '某建筑公司与陈某劳务合同纠纷上诉案'],
  ['行初', '刘某诉某县人民政府行政协议纠纷案'],
  ['执', '某银行申请执行某商贸公司金融借款合同纠纷案'],
  ['民初', '某村民委员会与周某土地承包经营权纠纷案'],
] as const;

/** 15:00 Beijing time on the day (07:00Z), lasting `hours`. */
function sessionTimes(day: IsoDate, hours = 2, startHourUtc = 7): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(`${day}T${String(startHourUtc).padStart(2, '0')}:00:00Z`);
  return { startsAt, endsAt: new Date(startsAt.getTime() + hours * 3600_000) };
}

type Plan = { type: ActivityType; org: OrgRow; day: IsoDate; title: string; expected: readonly MemberRow[]; firstAgendaItem?: string; future?: boolean };

/** Adds the year before `today` to `out` (the builder's rows). */
export function buildOrgLifeYear(out: OrgLifeRows, rng: Random, today: IsoDate, branches: readonly BranchLife[]): void {
  const yearAgo = addMonths(today, -12);
  const yesterday = addDays(today, -1);
  const catalogue = defaultActivityCatalogue;
  const currentKey = (unit: PeriodUnit) => periodOf(today, unit).key;
  const previousKey = (unit: PeriodUnit) => periodOf(addDays(periodOf(today, unit).start, -1), unit).key;

  /** A day in the period, before today; null when the period has no such day. */
  const dayIn = (start: IsoDate, end: IsoDate): IsoDate | null => {
    const from = start < yearAgo ? yearAgo : start;
    const to = end > yesterday ? yesterday : end;
    return from > to ? null : rng.date(from, to);
  };

  const emit = (b: BranchLife | null, plan: Plan) => {
    const id = newId();
    // Weekly study at 08:00 before work; meetings at 15:00 (Beijing time).
    const { startsAt, endsAt } = plan.type === 'weeklyPoliticalStudy' ? sessionTimes(plan.day, 1, 0) : sessionTimes(plan.day);
    const held = !plan.future;
    const secretary = b?.committee.find((c) => c.post === 'secretary')?.member ?? plan.expected[0];
    const recorder = b?.committee.find((c) => c.post === 'organizationMember' || c.post === 'publicityMember')?.member ?? null;
    // A few records entered after the day (补录), always with the reason users would give.
    const late = held && rng.chance(0.03);
    const recordedAt = held ? new Date(endsAt.getTime() + (late ? rng.int(2, 6) * 86400_000 : 2 * 3600_000)) : null;
    const label = catalogue[plan.type].label;
    out.activities.push({
      id,
      courtId: plan.org.courtId,
      orgId: plan.org.id,
      orgPath: plan.org.path,
      type: plan.type,
      title: plan.title,
      status: held ? 'held' : 'planned',
      heldOn: plan.day,
      startsAt,
      endsAt,
      place: b?.room ?? '机关党员活动室',
      hostMemberId: secretary?.id ?? null,
      recorderMemberId: recorder?.id ?? null,
      agenda: plan.firstAgendaItem ? `一、第一议题：${plan.firstAgendaItem}\n二、${plan.title}\n三、其他事项` : `一、${plan.title}\n二、交流发言`,
      firstAgendaItem: plan.firstAgendaItem ?? null,
      minutes: held
        ? `${secretary?.name ?? '书记'}主持${label}。${plan.firstAgendaItem ? `会议首先${plan.firstAgendaItem}。` : ''}围绕“${plan.title}”逐一发言，结合审判执行工作谈认识、谈打算。会议要求把学习成果转化为推动工作的实际举措。`
        : null,
      resolutions: held && catalogue[plan.type].votes ? '与会人员一致同意会议议定事项，由支部委员会抓好落实。' : null,
      lateEntry: late,
      lateEntryReason: late ? rng.pick(['活动在乡镇法庭开展，现场无网络，返院后补录', '当日系统停机维护，会后补录', '记录人出差，返院后补录']) : null,
      notifiedAt: new Date(startsAt.getTime() - 3 * 86400_000),
      recordedAt,
      // Branch records of 支部党员大会 go to the 机关党委/党总支; most are approved, one returned.
      reviewState: held && plan.type === 'branchAssembly' ? rng.pick(['approved', 'approved', 'approved', 'submitted', 'returned'] as const) : 'none',
      reviewReason: null,
      signInSecret: newSignInSecret(),
      signInCode: newSignInCode(),
      createdAt: late ? recordedAt! : new Date(startsAt.getTime() - 7 * 86400_000),
      updatedAt: recordedAt ?? startsAt,
    });
    const row = out.activities[out.activities.length - 1]!;
    if (row.reviewState === 'returned') row.reviewReason = '会议记录未附签到表扫描件，请补充后重新报送';

    const drifting = new Map((b?.drifting ?? []).map((d) => [d.member.id, addMonths(today, -d.months)]));
    const exempt = new Set((b?.exempt ?? []).map((m) => m.id));
    for (const m of plan.expected) {
      let status: 'pending' | 'present' | 'onLeave' | 'absent' | 'exempt' = 'pending';
      let reason: string | null = null;
      if (held) {
        const driftFrom = drifting.get(m.id);
        if (exempt.has(m.id)) [status, reason] = ['exempt', '年老体弱，本人申请并经支部同意不参加集体活动'];
        else if (driftFrom && plan.day >= driftFrom) [status, reason] = rng.chance(0.5) ? ['absent', null] : ['onLeave', '个人事务'];
        else {
          const roll = rng.next();
          if (roll < 0.88) status = 'present';
          else if (roll < 0.97) [status, reason] = ['onLeave', rng.pick(leaveReasons)];
          else status = 'absent';
        }
      }
      const signed = status === 'present' && rng.chance(0.6);
      out.activityAttendance.push({
        id: newId(),
        courtId: plan.org.courtId,
        activityId: id,
        memberId: m.id,
        role: 'expected',
        status,
        reason,
        signedInAt: signed ? new Date(startsAt.getTime() - rng.int(1, 15) * 60_000) : null,
        signInMethod: signed ? (rng.chance(0.85) ? 'qr' : 'code') : null,
      });
    }
    if (held && plan.type === 'caseReviewSession' && b) {
      const year = plan.day.slice(0, 4);
      for (let i = rng.int(2, 3); i > 0; i--) {
        const [kind, title] = rng.pick(caseTitles);
        const presenter = rng.pick(b.members);
        out.caseReviews.push({
          id: newId(),
          courtId: plan.org.courtId,
          activityId: id,
          caseNumber: `（${year}）${b.caseCode ?? '黔04'}${kind}${rng.int(11, 980)}号`,
          title,
          departmentId: b.departments?.length ? rng.pick(b.departments).id : null,
          presenterMemberId: presenter.id,
          comments: '从政治上看、从法治上办：事实认定清楚，释法说理充分，兼顾法律效果与社会效果。',
          recommendedTypical: rng.chance(0.2),
        });
      }
    }
  };

  for (const b of branches) {
    const committee = b.committee.map((c) => c.member);
    const skip = (type: ActivityType, unit: PeriodUnit, key: string) => {
      if (b.pace === 'missedLastPeriod') return (type === 'committeeMeeting' || type === 'partyLecture') && key === previousKey(unit);
      if (b.pace === 'nothingThisPeriod') return key === currentKey(unit) && catalogue[type].minFrequency !== null;
      return false;
    };
    const each = (type: ActivityType, unit: PeriodUnit, title: (i: number, start: IsoDate) => string, opts: { org?: OrgRow; expected?: readonly MemberRow[]; quarter?: number } = {}) => {
      listPeriods(yearAgo, today, unit).forEach((p, i) => {
        if (skip(type, unit, p.key)) return;
        // 组织生活会/民主评议 are held in the fourth quarter (一般安排在第四季度).
        const start = opts.quarter ? periodOf(`${p.key.slice(0, 4)}-${String(opts.quarter * 3 - 2).padStart(2, '0')}-01`, 'quarter').start : p.start;
        const day = dayIn(start, p.end);
        if (!day) return;
        const def = catalogue[type];
        emit(b, {
          type,
          org: opts.org ?? b.branch,
          day,
          title: title(i, p.start),
          expected: opts.expected ?? b.members,
          ...(def.requiresFirstAgenda ? { firstAgendaItem: rng.pick(firstTopics) } : {}),
        });
      });
    };
    if (b.weeklyStudy) each('weeklyPoliticalStudy', 'week', () => `每周政治理论集中学习：${rng.pick(firstTopics).replace(/^学习/, '')}`);
    if (committee.length) each('committeeMeeting', 'month', (_i, s) => `${s.slice(5, 7).replace(/^0/, '')}月支部委员会会议：研究支部当月工作`, { expected: committee });
    each('themedPartyDay', 'month', () => `主题党日：${rng.pick(themedDayTopics)}`);
    each('branchAssembly', 'quarter', (_i, s) => `${s.slice(0, 4)}年第${Math.ceil(Number(s.slice(5, 7)) / 3)}季度支部党员大会`);
    each('partyLecture', 'quarter', () => `党课：${rng.pick(lectureTopics)}`);
    each('organizationalLifeMeeting', 'year', (_i, s) => `${s.slice(0, 4)}年度组织生活会`, { quarter: 4 });
    each('democraticEvaluation', 'year', (_i, s) => `${s.slice(0, 4)}年度民主评议党员`, { quarter: 4 });
    for (const g of b.groups) {
      const groupMembers = b.members.filter((m) => m.groupId === g.id);
      if (groupMembers.length) each('groupMeeting', 'month', () => `党小组会：${rng.pick(['学习交流', '案件质效分析', '廉政谈心'])}`, { org: g, expected: groupMembers });
    }
    // The courts' own programmes: no minimum frequency, so a few at random across the year.
    const programmes: [ActivityType, number, () => string][] = [
      ['groupStudy', 4, () => `集中研讨：${rng.pick(firstTopics).replace(/^学习/, '')}`],
      ['thematicLecture', 3, () => `专题党课：${rng.pick(lectureTopics)}`],
      ['warningEducation', 4, () => rng.pick(['警示教育：观看警示教育片《迷途》', '警示教育：通报法院系统违纪违法典型案例', '警示教育：旁听职务犯罪案件庭审'])],
      ['microLecture', 6, () => `一刻钟微党课：${rng.pick(['我的入党故事', '一个案件里的初心', '身边的榜样', '读《习近平法治思想学习纲要》'])}`],
      ['volunteerService', 2, () => rng.pick(['志愿服务：进社区开展法律咨询', '志愿服务：“法治进校园”宣讲'])],
      ['redEducation', 1, () => '红色教育：参观王若飞故居'],
    ];
    if (b.profile === 'trial' || b.profile === 'enforcement' || b.profile === 'tribunal') programmes.push(['caseReviewSession', 4, () => '案例讲评会：“从政治上看、从法治上办”']);
    if (b.profile === 'retired') programmes.splice(0, programmes.length, ['groupStudy', 4, () => '集中学习：老干部读书会'], ['redEducation', 1, () => '红色教育：重温入党初心']);
    for (const [type, times, title] of programmes) {
      for (let i = 0; i < times; i++) emit(b, { type, org: b.branch, day: rng.date(yearAgo, yesterday), title: title(), expected: b.members });
    }
    // Next month's 支委会, planned and notified.
    if (committee.length && b.pace === 'onTrack') {
      const next = periodOf(addMonths(today, 1), 'month');
      emit(b, { type: 'committeeMeeting', org: b.branch, day: rng.date(next.start, addDays(next.start, 9)), title: `${next.start.slice(5, 7).replace(/^0/, '')}月支部委员会会议（计划）`, expected: committee, firstAgendaItem: rng.pick(firstTopics), future: true });
    }
  }

}
