// Every number the rules use, in one place, so a court can override what its own practice or a newer
// text says. [U] rules must be configurable per court and never hard-coded; the [V]/[S] ones live here
// too so that the place a number comes from is always the same and always cited.
// @see DESIGN.md (rules tagged [U] → configurable), RULES.md (confidence tags)
import type { OrgType, PeriodUnit } from './enums';
import { defaultTransferSettings, type TransferSettings } from './transfer';
import { defaultEvaluationSettings, type EvaluationSettings } from './democratic-evaluation';
import { defaultPioneerSettings, excellenceQuotaModes, type PioneerSettings } from './pioneers';
import { defaultTalkConfig, talkPeerCoverageModes, type TalkConfig } from './talk-coverage';

export type CommitteeSizeConfig = {
  /** Fewest members of a 支部委员会. */
  min: number;
  /** Usual largest size. */
  max: number;
  /** Size that must not be exceeded (一般不超过7人). */
  hardMax: number;
};

export type LockoutConfig = {
  /** The failure that reaches this count locks the account. */
  maxFailures: number;
  lockMinutes: number;
};

export type PasswordPolicyConfig = {
  minLength: number;
  /** Of the 4 classes lowercase, uppercase, digit, symbol. */
  minCharClasses: number;
};

/** Threshold of a member's 6-month counter (党章 第九条): warn first, then critical. */
export type MemberCounterThresholds = {
  warnMonths: number;
  criticalMonths: number;
};

/** Numbers of the organizational-life reminders (党建工作提示). @see RULES.md §1.1, §4.1 */
export type OrgLifeConfig = {
  /** A current period still short of its minimum turns 'dueSoon' when this many days or fewer are left. */
  dueSoonDays: Record<PeriodUnit, number>;
  /**
   * Completed periods judged for 'missed': every completed period of the current calendar year, plus
   * at least this many of the most recent completed periods even when they fall in last year.
   */
  lookbackPeriods: number;
  /** Months without organizational life before a member is flagged. */
  memberAbsence: MemberCounterThresholds;
  /** Oldest age (周岁) that counts as a 青年党员 for the 一刻钟微党课 rotation. */
  youngAgeMax: number;
};

/** '>' reads 「超过半数」, '>=' reads 「半数以上」 as including the half itself. @see RULES.md §1.2 Edge cases */
export type QuorumOperator = '>' | '>=';

/** Quorum of the meetings that vote. @see RULES.md §1.2 */
export type QuorumConfig = {
  /** 支部党员大会 (一般事项): 「半数以上有表决权的党员到会」. */
  generalOperator: QuorumOperator;
  /** 接收预备党员 / 预备党员转正 / 组织处置: 「超过」. */
  admissionOperator: QuorumOperator;
  /** 支委会: 「半数以上委员到会」. */
  committeeOperator: QuorumOperator;
  /** 换届选举: 有选举权到会人数 (operator) 应到会人数 × ratio. */
  electionOperator: QuorumOperator;
  electionRatio: { numerator: number; denominator: number };
  /** Base of 当选 in an election: 实到会 (基层组织) or 应到会 (地方组织). */
  electionVoteBase: 'attending' | 'expected';
};

/** How a computed 党费 amount is rounded: no national rule was found [U]. @see RULES.md §4.1 Rounding */
export const duesRoundingModes = ['halfUp', 'down', 'up'] as const;
export type DuesRoundingMode = (typeof duesRoundingModes)[number];
/** To the 分 (0.01元) or to the 角 (0.10元). */
export const duesRoundingUnits = ['fen', 'jiao'] as const;
export type DuesRoundingUnit = (typeof duesRoundingUnits)[number];

/** The [U] numbers of the 党费 calculator. @see RULES.md §4.1, dues.ts */
export type DuesConfig = {
  /** 农民党员每月交纳的金额（分）: 0.2–1元, set by the province — 中组发〔2008〕3号 第六条. */
  farmerFen: number;
  rounding: { mode: DuesRoundingMode; unit: DuesRoundingUnit };
  /**
   * Months of 党费 due and unpaid before a member is flagged: the 党章 第九条 counter of its own,
   * apart from the organizational-life one (RULES.md §4.1: three independent 6-month counters).
   */
  arrears: MemberCounterThresholds;
};

/** The [U] numbers of 发展党员. @see RULES.md §3.2 T5, T18, T29; development.ts */
export type DevelopmentConfig = {
  /** T5: months after the application before 确定为积极分子 (地方口径). */
  applicantToActivistMonths: number;
  /** T29: youth up to this age (周岁) need 团组织推优. */
  youthLeagueAgeMax: number;
  /** T18: 公示 period: days and whether they are working days or calendar days. */
  publicity: { days: number; unit: 'workday' | 'calendar' };
  /** Deadlines this many days ahead or nearer (or past) show as reminders. */
  reminderDays: number;
};

export type RuleConfig = {
  /** Years per term by org type; null where the org has no elected term. */
  termYears: Record<OrgType, number | null>;
  termWarningMonths: number;
  maxTermExtensionMonths: number;
  minFullMembersForBranch: number;
  committeeRequiredAtFullMembers: number;
  committeeSize: CommitteeSizeConfig;
  /** Deputy secretaries a branch may have (with or without a committee). */
  maxDeputySecretaries: number;
  branchMemberSoftMax: number;
  /** Members for which a 党总支 is usual (below min, or above max, needs approval / a 党委 instead). */
  generalBranchMembers: { min: number; max: number };
  primaryCommitteeMinMembers: number;
  sessionIdleMinutes: number;
  lockout: LockoutConfig;
  password: PasswordPolicyConfig;
  probationYears: number;
  maxProbationExtensionMonths: number;
  minApplicantAge: number;
  orgLife: OrgLifeConfig;
  quorum: QuorumConfig;
  dues: DuesConfig;
  development: DevelopmentConfig;
  /** 介绍信 validity (days, the issue day counting as the first) and number prefix. @see transfer.ts, RULES.md §5 [U] */
  transfer: TransferSettings;
  /** 民主评议党员: the 优秀 ratio and whether 预备党员 get a grade. @see democratic-evaluation.ts, RULES.md §6 [S/U] */
  evaluation: EvaluationSettings;
  /** 谈心谈话: how 党员↔党员 is read and from which month missing pairs warn [U]. @see talk-coverage.ts, RULES.md §1.1 */
  talks: TalkConfig;
  /** 示范岗/先锋队 review deadline, model posts per member, 优秀党员 quota. @see pioneers.ts [U] */
  pioneers: PioneerSettings;
};

/** A court's overrides: any subset, at any depth. */
export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) freezeDeep(child);
    Object.freeze(value);
  }
  return value;
}

/** National defaults. Frozen: overrides go through mergeRuleConfig, never by mutation. */
export const defaultRuleConfig: RuleConfig = freezeDeep({
  /**
   * 基层党委（机关党委）5年；党总支、党支部3年 — 机关条例(2019) 第五至七条；《关于党的基层组织任期的意见》(2018).
   * 党组 is appointed, not elected; 党小组 and 青年理论学习小组 have no term. @see RULES.md §2 任期 [V]
   * Legacy data may carry the pre-2019 terms (支部2年, 地级以上机关党委4年). @see RULES.md §2 History
   */
  termYears: {
    leadingPartyGroup: null,
    organCommittee: 5,
    primaryCommittee: 5,
    generalBranch: 3,
    branch: 3,
    partyGroup: null,
    youthStudyGroup: null,
  },
  /** 换届提醒：上级党组织一般提前6个月提醒 — 支部工作条例 第六章. @see RULES.md §2 换届提醒 [S] */
  termWarningMonths: 6,
  /** 延期换届一般不超过1年 — 《中国共产党基层组织选举工作条例》(2020) 第三条. @see RULES.md §2 换届 [V] */
  maxTermExtensionMonths: 12,
  /** 正式党员3人以上成立党支部 — 支部工作条例 第四条；机关条例 第七条. @see RULES.md §2 成立党支部 [S] */
  minFullMembersForBranch: 3,
  /** 正式党员7人以上应当设立支部委员会 — 支部工作条例 第六章；机关条例 第七条. @see RULES.md §2 支委会 [S] */
  committeeRequiredAtFullMembers: 7,
  /** 支部委员会由3至5人组成，一般不超过7人 — 支部工作条例 第六章. @see RULES.md §2 支委会 [S] */
  committeeSize: { min: 3, max: 5, hardMax: 7 },
  /** 必要时可以设1名副书记 — 支部工作条例 第六章；机关条例 第七条. @see RULES.md §2 支委会、不设支委会 [S] */
  maxDeputySecretaries: 1,
  /** 党支部党员人数一般不超过50人 — 支部工作条例 第四条. @see RULES.md §2 支部规模 [S] */
  branchMemberSoftMax: 50,
  /** 机关党员50人以上、100人以下的设立党总支 — 机关条例(2019) 第六条. @see RULES.md §2 党总支 [S] */
  generalBranchMembers: { min: 50, max: 100 },
  /** 机关党员100人以上的设立党的基层委员会 — 机关条例(2019) 第五条. @see RULES.md §2 基层党委 [S] */
  primaryCommitteeMinMembers: 100,
  /**
   * Idle session timeout — 等保2.0 GB/T 22239-2019 8.1.4.1 b)（登录连接超时自动退出）; the number is
   * local practice [U].
   */
  sessionIdleMinutes: 30,
  /**
   * Login failure handling — 等保2.0 GB/T 22239-2019 8.1.4.1 b)（限制非法登录次数）; the numbers are
   * local practice [U].
   */
  lockout: { maxFailures: 5, lockMinutes: 15 },
  /** Password complexity — 等保2.0 GB/T 22239-2019 8.1.4.1 a)（身份鉴别信息具有复杂度要求）; numbers [U]. */
  password: { minLength: 8, minCharClasses: 3 },
  /** 预备期为1年 — 党章 第七条；发展党员工作细则 第三十二条. @see RULES.md §3.2 T19 [V] */
  probationYears: 1,
  /** 延长预备期不能超过1年 — 党章 第七条；细则 第三十二条. @see RULES.md §3.2 T24 [S/V] */
  maxProbationExtensionMonths: 12,
  /** 年满十八岁 — 党章 第一条；细则 第五条. @see RULES.md §3.2 T1 [V] */
  minApplicantAge: 18,
  orgLife: {
    /**
     * When a period still short of its minimum turns amber. No text sets these; local practice [U].
     * @see RULES.md §1.1 Notes (党建工作提示 is local)
     */
    dueSoonDays: { week: 2, month: 7, quarter: 15, halfYear: 30, year: 45 },
    /** The current year's completed periods plus at least the last completed one (so January still sees Q4) [U]. */
    lookbackPeriods: 1,
    /**
     * 党章 第九条: 连续六个月不参加党的组织生活 → 自行脱党 (critical at 6, [V]); the warning at 3 months
     * is the suggestion of RULES.md §4.1 [U].
     */
    memberAbsence: { warnMonths: 3, criticalMonths: 6 },
    /** 青年党员 for 一刻钟微党课: 35周岁及以下 — local practice [U]. @see RULES.md §1.1 Notes */
    youngAgeMax: 35,
  },
  quorum: {
    /**
     * 支部工作条例 第十一条 says 「半数以上」; read strictly (as 超过半数) by default, a court may
     * choose '>='. @see RULES.md §1.2 Edge cases [V text, U reading]
     */
    generalOperator: '>',
    /** 发展党员工作细则 第二十条 says 「超过」. @see RULES.md §1.2 [S] */
    admissionOperator: '>',
    /** 支部工作条例 第十二条 「半数以上委员到会」, read like the general meeting. @see RULES.md §1.2 */
    committeeOperator: '>',
    /** 1990《基层组织选举工作暂行条例》: 到会人数超过应到会人数的五分之四; 2020 text unread [U]. @see RULES.md §1.2 */
    electionOperator: '>',
    electionRatio: { numerator: 4, denominator: 5 },
    /** 基层组织：赞成票超过实到会有选举权人数的半数. @see RULES.md §1.2 当选规则 [S] */
    electionVoteBase: 'attending',
  },
  dues: {
    /**
     * 农民党员每月交纳党费0.2元至1元，具体由省级党委确定 — 中组发〔2008〕3号 第六条 [V range]; the
     * amount within it is the province's [U], default the lowest. @see RULES.md §4.1 第六条
     */
    farmerFen: 20,
    /** No national rounding rule found [U]: default 四舍五入到分. @see RULES.md §4.1 Rounding */
    rounding: { mode: 'halfUp', unit: 'fen' },
    /**
     * 党章 第九条: 没有正当理由，连续六个月不交纳党费 → 自行脱党 (critical at 6, [V]); the warning at 3
     * months mirrors the organizational-life counter's [U]. @see RULES.md §4.1 (党章第九条)
     */
    arrears: { warnMonths: 3, criticalMonths: 6 },
  },
  development: {
    /** 递交申请书满6个月方可确定为积极分子 — 地方口径，细则未规定 [U]. @see RULES.md §3.2 T5 */
    applicantToActivistMonths: 6,
    /** 28周岁以下青年入党一般须经团组织推优 — 地方普遍 [U]. @see RULES.md §3.2 T29 */
    youthLeagueAgeMax: 28,
    /** 公示天数细则未见规定；常见地方口径 ≥5个工作日（或7天）[U]. @see RULES.md §3.2 T18 */
    publicity: { days: 5, unit: 'workday' },
    /** How early a 发展党员 deadline shows as a reminder [U]. */
    reminderDays: 30,
  },
  /** 介绍信有效期全国无统一规定；常见10–30天，最长不超过3个月（跨省部分口径6个月）[U]. @see RULES.md §5 */
  transfer: { ...defaultTransferSettings },
  /** 优秀一般不超过三分之一（共产党员网 专题 [S13]）；预备党员不评定等次（地方口径 [U]）. @see RULES.md §6 */
  evaluation: { excellentRatio: { ...defaultEvaluationSettings.excellentRatio }, gradeProbationaryMembers: defaultEvaluationSettings.gradeProbationaryMembers },
  /** 「党员和党员之间每年一般各不少于1次」: practical reading 'eachMemberOnce' by default; warnings from October (Q4) [U]. */
  talks: { ...defaultTalkConfig },
  /**
   * No national text: 年度考评 by the end of January of the next year, one 示范岗 per member at a time,
   * 优秀党员 2 per branch — local practice [U]. @see pioneers.ts
   */
  pioneers: { ...defaultPioneerSettings, excellenceQuota: { ...defaultPioneerSettings.excellenceQuota } },
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mergeInto(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, baseValue] of Object.entries(base)) {
    const override = overrides[key];
    if (isPlainObject(baseValue)) {
      result[key] = mergeInto(baseValue, isPlainObject(override) ? override : {});
    } else {
      // Only keys the defaults know are taken: a stored court setting with a stale or misspelt key
      // must not leak into the rules. `null` is a real value (an org type without terms).
      result[key] = override === undefined ? baseValue : override;
    }
  }
  return result;
}

/** A court's rule configuration: the defaults (or `base`) with the court's overrides deep-merged in. */
export function mergeRuleConfig(overrides?: DeepPartial<RuleConfig> | null, base: RuleConfig = defaultRuleConfig): RuleConfig {
  return mergeInto(base as unknown as Record<string, unknown>, (overrides ?? {}) as Record<string, unknown>) as RuleConfig;
}

/** Problems with a (merged) configuration, in Chinese, for the court settings form. Empty when usable. */
export function checkRuleConfig(config: RuleConfig): string[] {
  const problems: string[] = [];
  const requireInteger = (path: string, value: unknown, min: number): void => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      problems.push(`${path} 应为不小于${min}的整数`);
    }
  };
  /** A 党章 第九条 counter: both thresholds whole months, the warning not after the critical one. */
  const requireCounter = (path: string, t: MemberCounterThresholds): void => {
    requireInteger(`${path}.warnMonths`, t.warnMonths, 1);
    requireInteger(`${path}.criticalMonths`, t.criticalMonths, 1);
    if (t.warnMonths > t.criticalMonths) problems.push(`${path} 应满足 warnMonths ≤ criticalMonths`);
  };
  for (const [orgType, years] of Object.entries(config.termYears)) {
    if (years !== null) requireInteger(`termYears.${orgType}`, years, 1);
  }
  requireInteger('termWarningMonths', config.termWarningMonths, 0);
  requireInteger('maxTermExtensionMonths', config.maxTermExtensionMonths, 0);
  requireInteger('minFullMembersForBranch', config.minFullMembersForBranch, 1);
  requireInteger('committeeRequiredAtFullMembers', config.committeeRequiredAtFullMembers, 1);
  requireInteger('committeeSize.min', config.committeeSize.min, 1);
  requireInteger('committeeSize.max', config.committeeSize.max, 1);
  requireInteger('committeeSize.hardMax', config.committeeSize.hardMax, 1);
  if (config.committeeSize.min > config.committeeSize.max || config.committeeSize.max > config.committeeSize.hardMax) {
    problems.push('committeeSize 应满足 min ≤ max ≤ hardMax');
  }
  requireInteger('maxDeputySecretaries', config.maxDeputySecretaries, 0);
  requireInteger('branchMemberSoftMax', config.branchMemberSoftMax, 1);
  requireInteger('generalBranchMembers.min', config.generalBranchMembers.min, 1);
  requireInteger('generalBranchMembers.max', config.generalBranchMembers.max, 1);
  if (config.generalBranchMembers.min > config.generalBranchMembers.max) {
    problems.push('generalBranchMembers 应满足 min ≤ max');
  }
  requireInteger('primaryCommitteeMinMembers', config.primaryCommitteeMinMembers, 1);
  requireInteger('sessionIdleMinutes', config.sessionIdleMinutes, 1);
  requireInteger('lockout.maxFailures', config.lockout.maxFailures, 1);
  requireInteger('lockout.lockMinutes', config.lockout.lockMinutes, 1);
  requireInteger('password.minLength', config.password.minLength, 1);
  requireInteger('password.minCharClasses', config.password.minCharClasses, 1);
  if (config.password.minCharClasses > 4) problems.push('password.minCharClasses 不能大于4');
  requireInteger('probationYears', config.probationYears, 1);
  requireInteger('maxProbationExtensionMonths', config.maxProbationExtensionMonths, 0);
  requireInteger('minApplicantAge', config.minApplicantAge, 1);
  for (const [unit, days] of Object.entries(config.orgLife.dueSoonDays)) requireInteger(`orgLife.dueSoonDays.${unit}`, days, 0);
  requireInteger('orgLife.lookbackPeriods', config.orgLife.lookbackPeriods, 0);
  requireCounter('orgLife.memberAbsence', config.orgLife.memberAbsence);
  requireInteger('orgLife.youngAgeMax', config.orgLife.youngAgeMax, 18);
  for (const key of ['generalOperator', 'admissionOperator', 'committeeOperator', 'electionOperator'] as const) {
    if (config.quorum[key] !== '>' && config.quorum[key] !== '>=') problems.push(`quorum.${key} 应为 ">" 或 ">="`);
  }
  requireInteger('quorum.electionRatio.numerator', config.quorum.electionRatio.numerator, 1);
  requireInteger('quorum.electionRatio.denominator', config.quorum.electionRatio.denominator, 1);
  if (config.quorum.electionRatio.numerator > config.quorum.electionRatio.denominator) {
    problems.push('quorum.electionRatio 应满足 numerator ≤ denominator');
  }
  if (config.quorum.electionVoteBase !== 'attending' && config.quorum.electionVoteBase !== 'expected') {
    problems.push('quorum.electionVoteBase 应为 "attending" 或 "expected"');
  }
  const farmerFen = config.dues.farmerFen;
  if (typeof farmerFen !== 'number' || !Number.isInteger(farmerFen) || farmerFen < 20 || farmerFen > 100) {
    problems.push('dues.farmerFen 应为20至100之间的整数（分，即0.2元至1元）');
  }
  if (!(duesRoundingModes as readonly string[]).includes(config.dues.rounding.mode)) {
    problems.push('dues.rounding.mode 应为 "halfUp"、"down" 或 "up"');
  }
  if (!(duesRoundingUnits as readonly string[]).includes(config.dues.rounding.unit)) {
    problems.push('dues.rounding.unit 应为 "fen" 或 "jiao"');
  }
  requireCounter('dues.arrears', config.dues.arrears);
  requireInteger('development.applicantToActivistMonths', config.development.applicantToActivistMonths, 0);
  requireInteger('development.youthLeagueAgeMax', config.development.youthLeagueAgeMax, 18);
  requireInteger('development.publicity.days', config.development.publicity.days, 1);
  if (config.development.publicity.unit !== 'workday' && config.development.publicity.unit !== 'calendar') {
    problems.push('development.publicity.unit 应为 "workday" 或 "calendar"');
  }
  requireInteger('development.reminderDays', config.development.reminderDays, 0);
  requireInteger('transfer.letterValidityDays', config.transfer.letterValidityDays, 1);
  if (typeof config.transfer.letterPrefix !== 'string' || !config.transfer.letterPrefix.trim()) problems.push('transfer.letterPrefix 不能为空');
  requireInteger('evaluation.excellentRatio.numerator', config.evaluation.excellentRatio.numerator, 0);
  requireInteger('evaluation.excellentRatio.denominator', config.evaluation.excellentRatio.denominator, 1);
  if (config.evaluation.excellentRatio.numerator > config.evaluation.excellentRatio.denominator) problems.push('evaluation.excellentRatio 应满足 numerator ≤ denominator');
  if (typeof config.evaluation.gradeProbationaryMembers !== 'boolean') problems.push('evaluation.gradeProbationaryMembers 应为 true 或 false');
  requireInteger('pioneers.reviewDueMonth', config.pioneers.reviewDueMonth, 1);
  if (config.pioneers.reviewDueMonth > 12) problems.push('pioneers.reviewDueMonth 应为1至12');
  requireInteger('pioneers.maxActiveModelPostsPerMember', config.pioneers.maxActiveModelPostsPerMember, 1);
  requireInteger('pioneers.excellenceQuota.count', config.pioneers.excellenceQuota.count, 1);
  if (!(excellenceQuotaModes as readonly string[]).includes(config.pioneers.excellenceQuota.mode)) problems.push('pioneers.excellenceQuota.mode 应为 "perBranch" 或 "total"');
  if (!(talkPeerCoverageModes as readonly string[]).includes(config.talks.peerCoverage)) problems.push('talks.peerCoverage 应为 "eachMemberOnce" 或 "allPairs"');
  requireInteger('talks.warningFromMonth', config.talks.warningFromMonth, 1);
  if (config.talks.warningFromMonth > 12) problems.push('talks.warningFromMonth 不能大于12');
  return problems;
}
