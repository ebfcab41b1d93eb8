// 发展党员: the 5 stages and 25 steps, the gates a step must pass, the dates derived from the steps
// and the deadlines that become reminders. Pure: the server loads the case and the people, this
// module decides. Hard gates refuse; soft ones (and T12 可特批) warn and need a recorded reason.
// @see RULES.md §3.1 (the 25 steps), §3.2 T1–T29, §1.2 (the 支部大会 vote)
import { addDays, addMonths, addYears, ageOn, compareDates, countDaysBetween, formatChineseDate, parseIsoDate, type IsoDate } from './dates';
import type { MemberStatus } from './enums';
import { checkQuorum, checkVote } from './quorum';
import type { RuleConfig } from './rule-config';

export const developmentStages = ['application', 'activist', 'candidate', 'admission', 'probation'] as const;
export type DevelopmentStage = (typeof developmentStages)[number];
export const developmentStageLabels: Record<DevelopmentStage, string> = {
  application: '申请入党',
  activist: '入党积极分子的确定和培养教育',
  candidate: '发展对象的确定和考察',
  admission: '预备党员的接收',
  probation: '预备党员的教育考察和转正',
};

export type DevelopmentStepDef = {
  no: number;
  stage: DevelopmentStage;
  label: string;
  /** Done by the higher-level Party committee (上级党委): a branch never approves its own. */
  superior: boolean;
  /** May be recorded more than once (half-yearly 考察, continued education). */
  repeatable?: boolean;
};

const step = (no: number, stage: DevelopmentStage, label: string, superior = false, repeatable = false): DevelopmentStepDef => ({ no, stage, label, superior, repeatable });

/** The official flow chart. @see RULES.md §3.1 */
export const developmentSteps: readonly DevelopmentStepDef[] = [
  step(1, 'application', '递交入党申请书'),
  step(2, 'application', '党组织派人谈话'),
  step(3, 'activist', '推荐和确定入党积极分子'),
  step(4, 'activist', '上级党委备案', true),
  step(5, 'activist', '指定培养联系人'),
  step(6, 'activist', '培养教育考察', false, true),
  step(7, 'candidate', '确定发展对象'),
  step(8, 'candidate', '报上级党委备案', true),
  step(9, 'candidate', '确定入党介绍人'),
  step(10, 'candidate', '进行政治审查'),
  step(11, 'candidate', '开展集中培训'),
  step(12, 'admission', '支部委员会审查'),
  step(13, 'admission', '上级党委预审', true),
  step(14, 'admission', '填写入党志愿书'),
  step(15, 'admission', '支部大会讨论'),
  step(16, 'admission', '上级党委派人谈话', true),
  step(17, 'admission', '上级党委审批', true),
  step(18, 'admission', '再上一级党委组织部门备案', true),
  step(19, 'probation', '编入党支部和党小组'),
  step(20, 'probation', '入党宣誓'),
  step(21, 'probation', '继续教育考察', false, true),
  step(22, 'probation', '提出转正申请'),
  step(23, 'probation', '支部大会讨论转正'),
  step(24, 'probation', '上级党委审批转正', true),
  step(25, 'probation', '材料归档'),
];

export const developmentStepCount = developmentSteps.length;

export function getDevelopmentStep(no: number): DevelopmentStepDef | undefined {
  return developmentSteps[no - 1];
}

/** Minimum 短期集中培训: 3天 or 24学时 (细则 第十七条). @see RULES.md §3.2 T12 */
export const trainingMinDays = 3;
export const trainingMinHours = 24;
/** 延长预备期不少于半年、不超过1年，只能1次 (细则 第三十二条). @see RULES.md §3.2 T24 */
export const probationExtensionMinMonths = 6;
/** 基层党委3个月内审批；特殊情况可延长，不超过6个月. @see RULES.md §3.2 T17, T25 */
export const approvalMonths = 3;
export const approvalMaxMonths = 6;
/** 收到申请书后1个月内派人谈话. @see RULES.md §3.2 T3 */
export const talkWithinMonths = 1;
/** 每半年考察1次. @see RULES.md §3.2 T7 */
export const activistReviewMonths = 6;
/** 积极分子经一年以上培养考察. @see RULES.md §3.2 T9 */
export const activistToCandidateYears = 1;
/** 发展对象未来3个月内将离开工作单位的，一般不办理接收. @see RULES.md §3.2 T14 */
export const leavingSoonMonths = 3;

export const developmentRuleCitations: Record<string, string> = {
  T1: '党章第一条；发展党员工作细则第五条',
  T3: '发展党员工作细则第七条',
  T5: '地方口径（本院规则设置）',
  T6: '发展党员工作细则第九条',
  T7: '发展党员工作细则第十一条',
  T9: '发展党员工作细则第十三条',
  T10: '党章第五条；发展党员工作细则',
  T11: '发展党员工作细则第十六条',
  T12: '发展党员工作细则第十七条',
  T14: '发展党员工作细则第十九条',
  T15: '发展党员工作细则第二十条',
  T16: '党章第五条',
  T17: '发展党员工作细则（基层党委审批）',
  T18: '地方口径（本院规则设置）',
  T19: '党章第七条；发展党员工作细则第三十二条',
  T23: '党章第七条；发展党员工作细则第三十二条',
  T24: '党章第七条；发展党员工作细则第三十二条',
  T25: '发展党员工作细则（转正审批）',
  T29: '地方口径（本院规则设置）',
  ORDER: '发展党员工作细则（程序）',
};

/** 「（依据：…，RULES.md §3.2 T9）」 — every gate message ends with the rule it applies. */
export function citeRule(rule: string): string {
  const source = developmentRuleCitations[rule];
  return `（${rule}：${source ?? '发展党员工作细则'}）`;
}

export type VoteRecord = {
  /** 应到会有表决权的正式党员 (after approved exclusions). */
  expected: number;
  /** 实到会有表决权的正式党员. */
  attending: number;
  /** 赞成 at the meeting. */
  yes: number;
  /** 因故不到会、会前提交书面意见赞成的. */
  writtenYes: number;
};

export type StepDetails = {
  /** 谈话人 (steps 2, 16). */
  talker?: string | null;
  /** 培养联系人 member ids (step 5). */
  mentorIds?: string[];
  /** 入党介绍人 member ids (step 9). */
  sponsorIds?: string[];
  /** 政治审查 (step 10). */
  politicalReview?: { qualified: boolean; conclusion: string } | null;
  /** 集中培训 (step 11). */
  training?: { days: number; hours: number } | null;
  /** 团组织推优 (step 3, T29). */
  youthLeagueRecommended?: boolean;
  /** Will leave the unit within 3 months (step 12, T14). */
  leavingSoon?: boolean;
  /** 公示 of the 发展对象 (step 12, T18). */
  publicity?: { from: IsoDate; to: IsoDate } | null;
  /** 支部大会表决 (steps 15, 23). */
  vote?: VoteRecord | null;
  /** 转正大会的结论 (step 23): 按期转正 or 延长预备期. */
  outcome?: 'full' | 'extend' | null;
  /** 延长预备期的月数 (step 23 with outcome 'extend'). */
  extensionMonths?: number | null;
};

export type RecordedStep = { step: number; doneOn: IsoDate; details: StepDetails };

/** A rule that stopped (error) or questions (warning) a step. `field` names the request field. */
export type DevelopmentFinding = { rule: string; field: string; message: string };

export type DevelopmentPerson = { id: string; name: string; status: MemberStatus; sameCourt: boolean };

export type StepCheckInput = {
  step: number;
  doneOn: IsoDate;
  details: StepDetails;
  /** Steps already recorded, in any order. */
  recorded: readonly RecordedStep[];
  birthDate: IsoDate;
  today: IsoDate;
  config: RuleConfig;
  /** The people named by mentorIds / sponsorIds, as loaded. */
  people?: readonly DevelopmentPerson[];
};

export type StepCheckResult = { errors: DevelopmentFinding[]; warnings: DevelopmentFinding[] };

function lastOf(recorded: readonly RecordedStep[], no: number): RecordedStep | undefined {
  let found: RecordedStep | undefined;
  for (const r of recorded) if (r.step === no && (!found || compareDates(r.doneOn, found.doneOn) >= 0)) found = r;
  return found;
}

/** The dates a case derives from its steps: never typed twice. @see RULES.md §3.2 T19, T20, T26 */
export type DevelopmentDates = {
  applicationDate: IsoDate | null;
  talkDate: IsoDate | null;
  activistDate: IsoDate | null;
  lastReviewDate: IsoDate | null;
  candidateDate: IsoDate | null;
  /** 支部大会通过之日 = 入党时间 (T20), start of the 预备期 (T19). */
  admissionDate: IsoDate | null;
  approvalDate: IsoDate | null;
  extensionMonths: number;
  /** 预备期满之日: admission + 1 year (+ extension). T19, T24 */
  probationEnd: IsoDate | null;
  fullMeetingDate: IsoDate | null;
  /** 转正时间 = 预备期满之日, set once 转正 is approved; 党龄 counts from it (T26). */
  fullMemberSince: IsoDate | null;
  archivedDate: IsoDate | null;
};

export function deriveDevelopmentDates(recorded: readonly RecordedStep[], config: RuleConfig): DevelopmentDates {
  const on = (no: number) => lastOf(recorded, no)?.doneOn ?? null;
  const admissionDate = on(15);
  const extensionMonths = recorded.filter((r) => r.step === 23 && r.details.outcome === 'extend').reduce((sum, r) => sum + (r.details.extensionMonths ?? 0), 0);
  const probationEnd = admissionDate ? addMonths(addYears(admissionDate, config.probationYears), extensionMonths) : null;
  const approvedFull = on(24);
  const lastMeeting = lastOf(recorded, 23);
  return {
    applicationDate: on(1),
    talkDate: on(2),
    activistDate: on(3),
    lastReviewDate: on(6),
    candidateDate: on(7),
    admissionDate,
    approvalDate: on(17),
    extensionMonths,
    probationEnd,
    fullMeetingDate: lastMeeting?.details.outcome === 'full' ? lastMeeting.doneOn : null,
    fullMemberSince: approvedFull ? probationEnd : null,
    archivedDate: on(25),
  };
}

/**
 * Which steps may be recorded next. Steps go in order; 6 and 21 repeat (half-yearly 考察); after a
 * 支部大会 that extended the probation, step 23 comes again when the extension ends. Empty when the
 * case is complete. @see RULES.md §3.1
 */
export function nextDevelopmentSteps(recorded: readonly RecordedStep[]): number[] {
  if (!recorded.length) return [1];
  const max = Math.max(...recorded.map((r) => r.step));
  if (max >= developmentStepCount) return [];
  const next = [max + 1];
  if (getDevelopmentStep(max)?.repeatable) next.unshift(max);
  if (max === 23 && lastOf(recorded, 23)?.details.outcome === 'extend') return [23];
  return next;
}

/** The stage a case is in: that of the next step (or the last stage when complete). */
export function developmentStageOf(recorded: readonly RecordedStep[]): DevelopmentStage {
  const next = nextDevelopmentSteps(recorded);
  const no = next.length ? next[next.length - 1]! : developmentStepCount;
  return getDevelopmentStep(no)!.stage;
}

/** The member status a step moves the person to, if any. @see RULES.md §3.1, §3.2 T20, T26 */
export function statusAfterStep(no: number, details: StepDetails): MemberStatus | null {
  if (no === 1) return 'applicant';
  if (no === 3) return 'activist';
  if (no === 7) return 'developmentCandidate';
  if (no === 17) return 'probationaryMember';
  if (no === 24) return 'fullMember';
  void details;
  return null;
}

/** Working days (Mon–Fri) from `from` to `to`, both included. Public holidays are not known [U]. */
export function countWorkingDays(from: IsoDate, to: IsoDate): number {
  const total = countDaysBetween(from, to) + 1;
  if (total <= 0) return 0;
  let count = 0;
  for (let i = 0; i < total; i += 1) {
    const p = parseIsoDate(addDays(from, i))!;
    const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** 公示 long enough under the court's setting (T18 [U]). */
export function publicityLength(from: IsoDate, to: IsoDate, unit: 'workday' | 'calendar'): number {
  return unit === 'workday' ? countWorkingDays(from, to) : countDaysBetween(from, to) + 1;
}

/**
 * The 支部大会 vote of steps 15 and 23 as RULES.md §1.2 says for 接收预备党员/转正: quorum
 * 到会有表决权 (op) 应到会有表决权 half, and 赞成 (at the meeting + written opinions) > half of
 * 应到会有表决权正式党员. Reuses quorum.ts with the counts as anonymous voters.
 */
export function checkAdmissionVote(vote: VoteRecord, config: RuleConfig): { passes: boolean; message: string } {
  const problems: string[] = [];
  if (vote.attending > vote.expected) problems.push('实到人数不能超过应到人数');
  if (vote.yes > vote.attending) problems.push('赞成票不能超过实到人数');
  if (vote.writtenYes > vote.expected - vote.attending) problems.push('书面意见人数不能超过未到会人数');
  if (problems.length) return { passes: false, message: problems.join('；') };
  const expected = Array.from({ length: vote.expected }, (_, i) => ({ memberId: `m${i}`, status: 'fullMember' as const }));
  const present = expected.slice(0, vote.attending).map((m) => m.memberId);
  const quorum = checkQuorum({ kind: 'admission', expected, present }, config.quorum);
  if (!quorum.met) return { passes: false, message: quorum.message };
  const result = checkVote({ kind: 'admission', eligible: quorum.eligible, yes: vote.yes, writtenYes: vote.writtenYes }, config.quorum);
  return { passes: result.passes, message: `${quorum.message}；${result.message}` };
}

/**
 * The gates of one step. Errors refuse; warnings (soft rules, T12 可特批, late deadlines) need an
 * override reason. @see RULES.md §3.2
 */
export function checkDevelopmentStep(input: StepCheckInput): StepCheckResult {
  const { step: no, doneOn, details, recorded, config, today } = input;
  const errors: DevelopmentFinding[] = [];
  const warnings: DevelopmentFinding[] = [];
  const err = (rule: string, field: string, message: string) => errors.push({ rule, field, message: `${message}${citeRule(rule)}` });
  const warn = (rule: string, field: string, message: string) => warnings.push({ rule, field, message: `${message}${citeRule(rule)}` });
  const def = getDevelopmentStep(no);
  if (!def) {
    err('ORDER', 'step', '没有这个步骤');
    return { errors, warnings };
  }
  const allowed = nextDevelopmentSteps(recorded);
  if (!allowed.includes(no)) {
    const expected = allowed.map((n) => `第${n}步「${getDevelopmentStep(n)!.label}」`).join('或');
    err('ORDER', 'step', allowed.length ? `应先办理${expected}，不能跳过步骤` : '该发展案例已办结');
    return { errors, warnings };
  }
  if (compareDates(doneOn, today) > 0) err('ORDER', 'doneOn', '日期不能晚于今天');
  const latest = recorded.reduce<IsoDate | null>((acc, r) => (!acc || compareDates(r.doneOn, acc) > 0 ? r.doneOn : acc), null);
  if (latest && compareDates(doneOn, latest) < 0) err('ORDER', 'doneOn', `日期不能早于上一步骤的日期（${formatChineseDate(latest)}）`);
  const dates = deriveDevelopmentDates(recorded, config);
  const people = new Map((input.people ?? []).map((p) => [p.id, p]));

  const checkFullMembers = (field: 'mentorIds' | 'sponsorIds', ids: string[], role: string, rule: string) => {
    for (const id of ids) {
      const p = people.get(id);
      if (!p || !p.sameCourt) err(rule, field, `${role}须为本院党员`);
      else if (p.status !== 'fullMember') err(rule, field, `${role}${p.name}不是正式党员，${role}须由正式党员担任`);
    }
  };

  switch (no) {
    case 1: {
      // 年满十八岁, judged on the day the application is handed in [U]. T1
      const age = ageOn(input.birthDate, doneOn);
      if (age < config.minApplicantAge) {
        err('T1', 'doneOn', `递交入党申请书时未满${config.minApplicantAge}周岁（${formatChineseDate(addYears(input.birthDate, config.minApplicantAge))}年满${config.minApplicantAge}周岁），不能申请入党`);
      }
      break;
    }
    case 2: {
      if (!details.talker?.trim()) err('T3', 'talker', '须填写谈话人');
      const due = addMonths(dates.applicationDate!, talkWithinMonths);
      if (compareDates(doneOn, due) > 0) warn('T3', 'doneOn', `谈话应在收到入党申请书后1个月内（${formatChineseDate(due)}前）进行，已逾期`);
      break;
    }
    case 3: {
      const earliest = addMonths(dates.applicationDate!, config.development.applicantToActivistMonths);
      if (compareDates(doneOn, earliest) < 0) {
        warn('T5', 'doneOn', `递交入党申请书满${config.development.applicantToActivistMonths}个月（${formatChineseDate(earliest)}）后方可确定为入党积极分子`);
      }
      if (ageOn(input.birthDate, doneOn) <= config.development.youthLeagueAgeMax && !details.youthLeagueRecommended) {
        warn('T29', 'youthLeagueRecommended', `${config.development.youthLeagueAgeMax}周岁以下青年入党一般须经团组织推优`);
      }
      break;
    }
    case 5: {
      const ids = [...new Set(details.mentorIds ?? [])];
      if (ids.length < 1 || ids.length > 2) err('T6', 'mentorIds', '培养联系人应为1至2名正式党员');
      checkFullMembers('mentorIds', ids, '培养联系人', 'T6');
      break;
    }
    case 7: {
      // 积极分子经一年以上培养考察: devTargetDate ≥ activistDate + 1 year. T9
      const earliest = addYears(dates.activistDate!, activistToCandidateYears);
      if (compareDates(doneOn, earliest) < 0) {
        err('T9', 'doneOn', `确定为入党积极分子（${formatChineseDate(dates.activistDate!)}）未满一年，${formatChineseDate(earliest)}前不得列为发展对象`);
      }
      break;
    }
    case 9: {
      const ids = [...new Set(details.sponsorIds ?? [])];
      if (ids.length !== 2) err('T10', 'sponsorIds', '入党介绍人须为2名正式党员');
      checkFullMembers('sponsorIds', ids, '入党介绍人', 'T10');
      break;
    }
    case 10: {
      const review = details.politicalReview;
      if (!review || !review.conclusion?.trim()) err('T11', 'politicalReview.conclusion', '政治审查须形成结论性材料，未经政审的不能发展');
      else if (!review.qualified) err('T11', 'politicalReview.qualified', '政治审查不合格的不能发展');
      break;
    }
    case 11: {
      const t = details.training;
      if (!t || (t.days < trainingMinDays && t.hours < trainingMinHours)) {
        // 未经培训的，除个别特殊情况外，不能发展: a 特批 with its reason lets it through. T12
        warn('T12', 'training', `集中培训不少于${trainingMinDays}天或${trainingMinHours}学时，未达到的须经特批并说明理由`);
      }
      break;
    }
    case 12: {
      if (details.leavingSoon) warn('T14', 'leavingSoon', `发展对象未来${leavingSoonMonths}个月内将离开工作单位的，一般不办理接收手续`);
      const p = details.publicity;
      if (!p) err('T18', 'publicity', '须填写发展对象公示的起止日期');
      else if (compareDates(p.to, p.from) < 0) err('T18', 'publicity', '公示结束日期不能早于开始日期');
      else {
        const { days, unit } = config.development.publicity;
        const length = publicityLength(p.from, p.to, unit);
        const unitLabel = unit === 'workday' ? '个工作日' : '天';
        if (length < days) warn('T18', 'publicity', `公示期${length}${unitLabel}，少于本院规定的${days}${unitLabel}`);
        if (compareDates(p.to, doneOn) > 0) err('T18', 'publicity', '公示期满后方可提交支部委员会审查');
      }
      break;
    }
    case 15:
    case 23: {
      if (no === 23) {
        // 预备期满方可讨论转正 (地方口径: 不得在期满前讨论). T23
        if (compareDates(doneOn, dates.probationEnd!) < 0) err('T23', 'doneOn', `预备期${formatChineseDate(dates.probationEnd!)}期满，期满前不得讨论转正`);
        if (details.outcome !== 'full' && details.outcome !== 'extend') err('T23', 'outcome', '须选择按期转正或延长预备期');
        if (details.outcome === 'extend') {
          if (dates.extensionMonths > 0) err('T24', 'outcome', '延长预备期只能一次');
          const m = details.extensionMonths ?? 0;
          if (!Number.isInteger(m) || m < probationExtensionMinMonths || m > config.maxProbationExtensionMonths) {
            err('T24', 'extensionMonths', `延长预备期不少于${probationExtensionMinMonths}个月、不超过${config.maxProbationExtensionMonths}个月`);
          }
        }
      }
      if (!details.vote) err('T15', 'vote', '须填写支部大会的表决情况');
      else {
        const result = checkAdmissionVote(details.vote, config);
        if (!result.passes) err('T15', 'vote', `${result.message}，表决未通过`);
      }
      break;
    }
    case 16: {
      if (!details.talker?.trim()) err('T16', 'talker', '上级党委审批前须指派党委委员或组织员谈话，须填写谈话人');
      break;
    }
    case 17:
    case 24: {
      const rule = no === 17 ? 'T17' : 'T25';
      const from = no === 17 ? dates.admissionDate! : lastOf(recorded, 23)!.doneOn;
      const due = addMonths(from, approvalMonths);
      if (no === 17 && compareDates(doneOn, addMonths(from, approvalMaxMonths)) > 0) {
        err(rule, 'doneOn', `支部大会通过后应在${approvalMonths}个月内审批，特殊情况延长不超过${approvalMaxMonths}个月（${formatChineseDate(addMonths(from, approvalMaxMonths))}前）`);
      } else if (compareDates(doneOn, due) > 0) {
        warn(rule, 'doneOn', `应在支部大会通过后${approvalMonths}个月内（${formatChineseDate(due)}前）审批，已逾期`);
      }
      break;
    }
    default:
      break;
  }
  return { errors, warnings };
}

export type DevelopmentReminderKind = 'talk' | 'review' | 'approval' | 'probationEnd' | 'fullApproval';
export const developmentReminderLabels: Record<DevelopmentReminderKind, string> = {
  talk: '入党申请人谈话',
  review: '入党积极分子半年考察',
  approval: '接收预备党员审批',
  probationEnd: '预备期满讨论转正',
  fullApproval: '转正审批',
};
export type DevelopmentReminder = {
  kind: DevelopmentReminderKind;
  rule: string;
  dueOn: IsoDate;
  level: 'overdue' | 'dueSoon';
  message: string;
};

/**
 * The deadline a case is under now, as a reminder when it is due within `dueSoonDays` or past:
 * talk within 1 month (T3), half-yearly review of an activist (T7), approval within 3 months
 * (T17/T25), probation ending (T19/T23).
 */
export function developmentReminderOf(recorded: readonly RecordedStep[], today: IsoDate, config: RuleConfig): DevelopmentReminder | null {
  const dates = deriveDevelopmentDates(recorded, config);
  const next = nextDevelopmentSteps(recorded);
  let kind: DevelopmentReminderKind | null = null;
  let dueOn: IsoDate | null = null;
  let rule = '';
  if (next.includes(2)) {
    kind = 'talk';
    rule = 'T3';
    dueOn = addMonths(dates.applicationDate!, talkWithinMonths);
  } else if (dates.activistDate && !dates.candidateDate && next.some((n) => n >= 4 && n <= 7)) {
    kind = 'review';
    rule = 'T7';
    const last = dates.lastReviewDate && compareDates(dates.lastReviewDate, dates.activistDate) > 0 ? dates.lastReviewDate : dates.activistDate;
    dueOn = addMonths(last, activistReviewMonths);
  } else if (dates.admissionDate && (next.includes(16) || next.includes(17))) {
    kind = 'approval';
    rule = 'T17';
    dueOn = addMonths(dates.admissionDate!, approvalMonths);
  } else if (dates.probationEnd && next.some((n) => n >= 18 && n <= 23)) {
    kind = 'probationEnd';
    rule = 'T19';
    dueOn = dates.probationEnd;
  } else if (next.includes(24)) {
    kind = 'fullApproval';
    rule = 'T25';
    dueOn = addMonths(lastOf(recorded, 23)!.doneOn, approvalMonths);
  }
  if (!kind || !dueOn) return null;
  const left = countDaysBetween(today, dueOn);
  if (left > config.development.reminderDays) return null;
  const level = left < 0 ? 'overdue' : 'dueSoon';
  const when = left < 0 ? `已逾期${-left}天` : left === 0 ? '今天到期' : `还有${left}天`;
  return { kind, rule, dueOn, level, message: `${developmentReminderLabels[kind]}：${formatChineseDate(dueOn)}前（${when}）${citeRule(rule)}` };
}

/** 党龄 counts from 转正 (T26) — see derivePartyStanding in member-rules. */
