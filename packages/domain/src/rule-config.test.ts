import { describe, expect, it } from 'vitest';
import { checkRuleConfig, defaultRuleConfig, mergeRuleConfig } from './rule-config';

describe('defaultRuleConfig', () => {
  it.each([
    ['branch', 3],
    ['generalBranch', 3],
    ['organCommittee', 5],
    ['primaryCommittee', 5],
    ['leadingPartyGroup', null],
    ['partyGroup', null],
    ['youthStudyGroup', null],
  ] as const)('%s 的任期年数默认为 %j', (orgType, years) => {
    expect(defaultRuleConfig.termYears[orgType]).toBe(years);
  });

  it('默认配置各项数值符合条例', () => {
    expect(defaultRuleConfig).toMatchObject({
      termWarningMonths: 6,
      maxTermExtensionMonths: 12,
      minFullMembersForBranch: 3,
      committeeRequiredAtFullMembers: 7,
      committeeSize: { min: 3, max: 5, hardMax: 7 },
      branchMemberSoftMax: 50,
      sessionIdleMinutes: 30,
      lockout: { maxFailures: 5, lockMinutes: 15 },
      probationYears: 1,
      minApplicantAge: 18,
    });
    expect(checkRuleConfig(defaultRuleConfig)).toEqual([]);
  });

  it('默认配置不可被修改', () => {
    expect(() => {
      (defaultRuleConfig.committeeSize as { min: number }).min = 1;
    }).toThrow(TypeError);
  });
});

describe('mergeRuleConfig', () => {
  it('法院的覆盖项应当深度合并，其余保持默认', () => {
    const merged = mergeRuleConfig({ termYears: { branch: 2 }, committeeSize: { max: 7 }, lockout: { lockMinutes: 30 } });
    expect(merged.termYears).toEqual({ ...defaultRuleConfig.termYears, branch: 2 });
    expect(merged.committeeSize).toEqual({ min: 3, max: 7, hardMax: 7 });
    expect(merged.lockout).toEqual({ maxFailures: 5, lockMinutes: 30 });
    expect(merged.branchMemberSoftMax).toBe(50);
    expect(defaultRuleConfig.termYears.branch).toBe(3);
  });

  it.each([
    [undefined],
    [null],
    [{}],
  ])('没有覆盖项（%j）时应当等于默认配置', (overrides) => {
    expect(mergeRuleConfig(overrides)).toEqual(defaultRuleConfig);
  });

  it('null 可以作为覆盖值（该组织类型不设任期）', () => {
    expect(mergeRuleConfig({ termYears: { generalBranch: null } }).termYears.generalBranch).toBeNull();
  });

  it('未知的配置项应当被忽略', () => {
    const merged = mergeRuleConfig({ unknownKey: 1 } as never);
    expect(merged).toEqual(defaultRuleConfig);
  });
});

describe('checkRuleConfig', () => {
  it.each([
    [{ committeeSize: { min: 6 } }, 'committeeSize 应满足 min ≤ max ≤ hardMax'],
    [{ termWarningMonths: -1 }, 'termWarningMonths 应为不小于0的整数'],
    [{ termYears: { branch: 2.5 } }, 'termYears.branch 应为不小于1的整数'],
    [{ password: { minCharClasses: 5 } }, 'password.minCharClasses 不能大于4'],
  ])('配置 %j 应当报告问题', (overrides, problem) => {
    expect(checkRuleConfig(mergeRuleConfig(overrides))).toContain(problem);
  });
});

describe('组织生活与表决的配置（RULES.md §1、§4.1）', () => {
  it('默认值：临近到期天数、回看1个周期、3个月提醒6个月严重、青年35周岁、表决按“超过”、选举4/5', () => {
    expect(defaultRuleConfig.orgLife).toEqual({
      dueSoonDays: { week: 2, month: 7, quarter: 15, halfYear: 30, year: 45 },
      lookbackPeriods: 1,
      memberAbsence: { warnMonths: 3, criticalMonths: 6 },
      youngAgeMax: 35,
    });
    expect(defaultRuleConfig.quorum).toEqual({
      generalOperator: '>',
      admissionOperator: '>',
      committeeOperator: '>',
      electionOperator: '>',
      electionRatio: { numerator: 4, denominator: 5 },
      electionVoteBase: 'attending',
    });
  });

  it('法院可以只覆盖其中一项', () => {
    const merged = mergeRuleConfig({ orgLife: { dueSoonDays: { quarter: 20 } }, quorum: { generalOperator: '>=' } });
    expect(merged.orgLife.dueSoonDays).toEqual({ week: 2, month: 7, quarter: 20, halfYear: 30, year: 45 });
    expect(merged.quorum).toEqual({ ...defaultRuleConfig.quorum, generalOperator: '>=' });
    expect(checkRuleConfig(merged)).toEqual([]);
  });

  it.each([
    [{ orgLife: { dueSoonDays: { month: -1 } } }, 'orgLife.dueSoonDays.month 应为不小于0的整数'],
    [{ orgLife: { memberAbsence: { warnMonths: 7 } } }, 'orgLife.memberAbsence 应满足 warnMonths ≤ criticalMonths'],
    [{ orgLife: { youngAgeMax: 10 } }, 'orgLife.youngAgeMax 应为不小于18的整数'],
    [{ quorum: { generalOperator: '≥' } }, 'quorum.generalOperator 应为 ">" 或 ">="'],
    [{ quorum: { electionRatio: { numerator: 6 } } }, 'quorum.electionRatio 应满足 numerator ≤ denominator'],
    [{ quorum: { electionVoteBase: 'present' } }, 'quorum.electionVoteBase 应为 "attending" 或 "expected"'],
  ])('配置 %j 应当报告问题', (overrides, problem) => {
    expect(checkRuleConfig(mergeRuleConfig(overrides as never))).toContain(problem);
  });
});

describe('党费的配置（RULES.md §4.1 第六条、Rounding，[U]）', () => {
  it('默认：农民党员每月0.20元（20分），四舍五入到分；连续未交3个月提醒、6个月严重（党章第九条）', () => {
    expect(defaultRuleConfig.dues).toEqual({ farmerFen: 20, rounding: { mode: 'halfUp', unit: 'fen' }, arrears: { warnMonths: 3, criticalMonths: 6 } });
  });

  it('法院可以把农民党员金额改为1元、舍入改为到角', () => {
    const merged = mergeRuleConfig({ dues: { farmerFen: 100, rounding: { unit: 'jiao' } } });
    expect(merged.dues).toEqual({ farmerFen: 100, rounding: { mode: 'halfUp', unit: 'jiao' }, arrears: { warnMonths: 3, criticalMonths: 6 } });
    expect(checkRuleConfig(merged)).toEqual([]);
  });

  it.each([
    [{ dues: { farmerFen: 19 } }, 'dues.farmerFen 应为20至100之间的整数（分，即0.2元至1元）'],
    [{ dues: { farmerFen: 101 } }, 'dues.farmerFen 应为20至100之间的整数（分，即0.2元至1元）'],
    [{ dues: { farmerFen: 50.5 } }, 'dues.farmerFen 应为20至100之间的整数（分，即0.2元至1元）'],
    [{ dues: { rounding: { mode: 'bankers' } } }, 'dues.rounding.mode 应为 "halfUp"、"down" 或 "up"'],
    [{ dues: { rounding: { unit: 'yuan' } } }, 'dues.rounding.unit 应为 "fen" 或 "jiao"'],
    [{ dues: { arrears: { warnMonths: 7 } } }, 'dues.arrears 应满足 warnMonths ≤ criticalMonths'],
    [{ dues: { arrears: { criticalMonths: 0 } } }, 'dues.arrears.criticalMonths 应为不小于1的整数'],
  ])('配置 %j 应当报告问题', (overrides, problem) => {
    expect(checkRuleConfig(mergeRuleConfig(overrides as never))).toContain(problem);
  });
});
