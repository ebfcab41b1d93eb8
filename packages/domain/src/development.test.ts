import { describe, expect, it } from 'vitest';
import {
  checkAdmissionVote,
  checkDevelopmentStep,
  countWorkingDays,
  deriveDevelopmentDates,
  developmentReminderOf,
  developmentStageOf,
  nextDevelopmentSteps,
  type DevelopmentPerson,
  type RecordedStep,
  type StepDetails,
} from './development';
import { defaultRuleConfig, mergeRuleConfig } from './rule-config';

const config = defaultRuleConfig;
const birthDate = '1995-06-15';
const today = '2030-12-31';

/** A case recorded up to (and including) step `upTo`, with plausible dates. */
function caseUpTo(upTo: number, overrides: Partial<Record<number, Partial<RecordedStep>>> = {}): RecordedStep[] {
  const dates: Record<number, string> = {
    1: '2024-01-10', 2: '2024-01-20', 3: '2024-08-01', 4: '2024-08-10', 5: '2024-08-15', 6: '2025-02-01',
    7: '2025-08-01', 8: '2025-08-05', 9: '2025-08-10', 10: '2025-09-01', 11: '2025-09-10', 12: '2025-10-10',
    13: '2025-10-20', 14: '2025-10-25', 15: '2025-11-01', 16: '2025-11-10', 17: '2025-12-01', 18: '2025-12-10',
    19: '2025-12-15', 20: '2025-12-20', 21: '2026-06-01', 22: '2026-10-01', 23: '2026-11-01', 24: '2026-12-01', 25: '2026-12-10',
  };
  const steps: RecordedStep[] = [];
  for (let no = 1; no <= upTo; no += 1) steps.push({ step: no, doneOn: dates[no]!, details: {}, ...overrides[no] });
  return steps;
}

function check(no: number, doneOn: string, details: StepDetails = {}, recorded = caseUpTo(no - 1), extra: { people?: DevelopmentPerson[]; cfg?: typeof config; birth?: string } = {}) {
  return checkDevelopmentStep({ step: no, doneOn, details, recorded, birthDate: extra.birth ?? birthDate, today, config: extra.cfg ?? config, people: extra.people });
}
const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('入党申请人须年满18周岁，以递交申请书之日计算（RULES.md §3.2 T1）', () => {
  it.each([
    ['18周岁生日前一天递交的，不能申请', '2013-06-14', ['T1']],
    ['18周岁生日当天递交的，可以申请', '2013-06-15', []],
    ['18周岁生日后一天递交的，可以申请', '2013-06-16', []],
  ])('%s', (_n, doneOn, expected) => {
    expect(rulesOf(check(1, doneOn, {}, [], { birth: '1995-06-15' }).errors)).toEqual(expected);
  });
  it('2月29日出生的，在平年2月28日年满18周岁', () => {
    expect(check(1, '2018-02-28', {}, [], { birth: '2000-02-29' }).errors).toEqual([]);
    expect(rulesOf(check(1, '2018-02-27', {}, [], { birth: '2000-02-29' }).errors)).toEqual(['T1']);
  });
});

describe('收到入党申请书后1个月内派人谈话（RULES.md §3.2 T3）', () => {
  it.each([
    ['满1个月当天谈话的不逾期', '2024-02-10', []],
    ['满1个月次日谈话的逾期，须说明理由', '2024-02-11', ['T3']],
  ])('%s', (_n, doneOn, expected) => {
    expect(rulesOf(check(2, doneOn, { talker: '王书记' }).warnings)).toEqual(expected);
  });
  it('未填写谈话人的不能记录', () => {
    expect(check(2, '2024-01-20', {}).errors.map((e) => e.field)).toEqual(['talker']);
  });
  it('1月31日递交的，谈话期限为2月末（月末对齐）', () => {
    const recorded = caseUpTo(1, { 1: { doneOn: '2025-01-31' } });
    expect(check(2, '2025-02-28', { talker: '王' }, recorded).warnings).toEqual([]);
    expect(rulesOf(check(2, '2025-03-01', { talker: '王' }, recorded).warnings)).toEqual(['T3']);
  });
});

describe('递交申请书满6个月方可确定为积极分子（本院可设置，RULES.md §3.2 T5）', () => {
  it.each([
    ['满6个月前一天确定的，须说明理由', '2024-07-09', ['T5']],
    ['满6个月当天确定的，符合', '2024-07-10', []],
  ])('%s', (_n, doneOn, expected) => {
    expect(rulesOf(check(3, doneOn).warnings)).toEqual(expected);
  });
  it('本院设为3个月时，满3个月即可确定', () => {
    const cfg = mergeRuleConfig({ development: { applicantToActivistMonths: 3 } });
    expect(check(3, '2024-04-10', { youthLeagueRecommended: true }, caseUpTo(2), { cfg }).warnings).toEqual([]);
  });
  it('28周岁以下未经团组织推优的，须说明理由（T29）', () => {
    const young = '2000-01-01';
    expect(rulesOf(check(3, '2024-08-01', {}, caseUpTo(2), { birth: young }).warnings)).toEqual(['T29']);
    expect(check(3, '2024-08-01', { youthLeagueRecommended: true }, caseUpTo(2), { birth: young }).warnings).toEqual([]);
    // 28周岁生日当天仍属「28周岁以下」; 满29周岁后不再要求.
    expect(rulesOf(check(3, '2028-01-01', {}, caseUpTo(2), { birth: young }).warnings)).toEqual(['T29']);
    expect(check(3, '2029-01-01', {}, caseUpTo(2), { birth: young }).warnings).toEqual([]);
  });
});

const full = (id: string, name: string): DevelopmentPerson => ({ id, name, status: 'fullMember', sameCourt: true });
const people = [full('a', '张三'), full('b', '李四'), full('c', '王五'), { id: 'p', name: '赵六', status: 'probationaryMember' as const, sameCourt: true }, { id: 'x', name: '外院', status: 'fullMember' as const, sameCourt: false }];

describe('培养联系人为1至2名正式党员（RULES.md §3.2 T6）', () => {
  it.each([
    ['没有培养联系人的不行', [], ['T6']],
    ['1名正式党员可以', ['a'], []],
    ['2名正式党员可以', ['a', 'b'], []],
    ['3名不行', ['a', 'b', 'c'], ['T6']],
    ['预备党员不能担任', ['p'], ['T6']],
    ['外院党员不能担任', ['x'], ['T6']],
  ])('%s', (_n, ids, expected) => {
    expect([...new Set(rulesOf(check(5, '2024-08-15', { mentorIds: ids }, caseUpTo(4), { people }).errors))]).toEqual(expected);
  });
});

describe('积极分子经一年以上培养考察方可列为发展对象：devTargetDate ≥ activistDate + 1年（RULES.md §3.2 T9）', () => {
  it.each([
    ['确定积极分子未满一年（差一天）时不得列为发展对象', '2025-07-31', ['T9']],
    ['满一年当天可以列为发展对象', '2025-08-01', []],
    ['满一年后可以列为发展对象', '2025-08-02', []],
  ])('%s', (_n, doneOn, expected) => {
    expect(rulesOf(check(7, doneOn).errors)).toEqual(expected);
  });
  it('2月29日确定为积极分子的，次年2月28日满一年', () => {
    const recorded = caseUpTo(6, { 3: { doneOn: '2024-02-29' }, 4: { doneOn: '2024-03-01' }, 5: { doneOn: '2024-03-02' }, 6: { doneOn: '2024-09-01' } });
    expect(rulesOf(check(7, '2025-02-27', {}, recorded).errors)).toEqual(['T9']);
    expect(check(7, '2025-02-28', {}, recorded).errors).toEqual([]);
  });
  it('拒绝信息写明依据条款', () => {
    expect(check(7, '2025-07-31').errors[0]!.message).toMatch(/未满一年.*T9：发展党员工作细则第十三条/);
  });
});

describe('入党介绍人须为2名正式党员（RULES.md §3.2 T10）', () => {
  it.each([
    ['只有1名不行', ['a'], ['T10']],
    ['2名正式党员可以', ['a', 'b'], []],
    ['同一人填两次只算1名', ['a', 'a'], ['T10']],
    ['其中1名是预备党员不行', ['a', 'p'], ['T10']],
    ['3名不行', ['a', 'b', 'c'], ['T10']],
  ])('%s', (_n, ids, expected) => {
    expect([...new Set(rulesOf(check(9, '2025-08-10', { sponsorIds: ids }, caseUpTo(8), { people }).errors))]).toEqual(expected);
  });
});

describe('未经政治审查或政审不合格的不能发展（RULES.md §3.2 T11）', () => {
  it.each([
    ['没有政审结论的不能记录', null, ['politicalReview.conclusion']],
    ['结论为空的不能记录', { qualified: true, conclusion: '  ' }, ['politicalReview.conclusion']],
    ['政审不合格的不能发展', { qualified: false, conclusion: '有问题' }, ['politicalReview.qualified']],
    ['政审合格、有结论的可以', { qualified: true, conclusion: '政治历史清楚，合格' }, []],
  ])('%s', (_n, review, fields) => {
    expect(check(10, '2025-09-01', { politicalReview: review }, caseUpTo(9)).errors.map((e) => e.field)).toEqual(fields);
  });
});

describe('集中培训不少于3天或24学时，未达到的须特批（RULES.md §3.2 T12）', () => {
  it.each([
    ['2天、23学时须特批', { days: 2, hours: 23 }, ['T12']],
    ['3天即可', { days: 3, hours: 0 }, []],
    ['24学时即可', { days: 1, hours: 24 }, []],
    ['未培训须特批', null, ['T12']],
  ])('%s', (_n, training, expected) => {
    const r = check(11, '2025-09-10', { training }, caseUpTo(10));
    expect(r.errors).toEqual([]);
    expect(rulesOf(r.warnings)).toEqual(expected);
  });
});

describe('支委会审查：公示期与即将离开单位（RULES.md §3.2 T14、T18）', () => {
  // 2025-09-29 (周一) … 2025-10-03 (周五): 5 working days.
  it.each([
    ['公示5个工作日符合', { from: '2025-09-29', to: '2025-10-03' }, false, []],
    ['公示4个工作日须说明理由', { from: '2025-09-29', to: '2025-10-02' }, false, ['T18']],
    ['周末不算工作日', { from: '2025-10-02', to: '2025-10-08' }, false, []],
    ['3个月内将离开单位须说明理由', { from: '2025-09-29', to: '2025-10-03' }, true, ['T14']],
  ])('%s', (_n, publicity, leavingSoon, expected) => {
    expect(rulesOf(check(12, '2025-10-10', { publicity, leavingSoon }, caseUpTo(11)).warnings)).toEqual(expected);
  });
  it('本院设为7天（自然日）时按自然日计算', () => {
    const cfg = mergeRuleConfig({ development: { publicity: { days: 7, unit: 'calendar' } } });
    expect(check(12, '2025-10-10', { publicity: { from: '2025-10-01', to: '2025-10-07' } }, caseUpTo(11), { cfg }).warnings).toEqual([]);
    expect(rulesOf(check(12, '2025-10-10', { publicity: { from: '2025-10-01', to: '2025-10-06' } }, caseUpTo(11), { cfg }).warnings)).toEqual(['T18']);
  });
  it('没有公示的不能提交审查，公示未满的也不能', () => {
    expect(rulesOf(check(12, '2025-10-10', {}, caseUpTo(11)).errors)).toEqual(['T18']);
    expect(check(12, '2025-10-10', { publicity: { from: '2025-10-08', to: '2025-10-14' } }, caseUpTo(11)).errors.map((e) => e.field)).toEqual(['publicity']);
  });
  it('工作日计数', () => {
    expect(countWorkingDays('2025-10-04', '2025-10-05')).toBe(0);
    expect(countWorkingDays('2025-10-03', '2025-10-06')).toBe(2);
  });
});

describe('接收预备党员支部大会：到会超过应到会半数，赞成超过应到会正式党员半数，书面意见计入（RULES.md §1.2、§3.2 T15）', () => {
  it.each([
    ['应到10人到会5人，未超过半数，不能表决', { expected: 10, attending: 5, yes: 5, writtenYes: 0 }, false],
    ['应到10人到会6人赞成6票，通过', { expected: 10, attending: 6, yes: 6, writtenYes: 0 }, true],
    ['应到10人到会6人赞成5票，未超过半数，不通过', { expected: 10, attending: 6, yes: 5, writtenYes: 0 }, false],
    ['赞成5票加书面意见1票，超过半数，通过', { expected: 10, attending: 6, yes: 5, writtenYes: 1 }, true],
    ['应到9人到会5人赞成5票，通过', { expected: 9, attending: 5, yes: 5, writtenYes: 0 }, true],
    ['赞成票多于实到人数的，数据有误', { expected: 9, attending: 5, yes: 6, writtenYes: 0 }, false],
  ])('%s', (_n, vote, passes) => {
    expect(checkAdmissionVote(vote, config).passes).toBe(passes);
  });
  it('本院按「半数以上」（≥）计到会时，应到10人到会5人可以表决', () => {
    const cfg = mergeRuleConfig({ quorum: { admissionOperator: '>=' } });
    expect(checkAdmissionVote({ expected: 10, attending: 5, yes: 5, writtenYes: 1 }, cfg).passes).toBe(true);
  });
  it('表决未通过的不能记录支部大会通过', () => {
    expect(rulesOf(check(15, '2025-11-01', { vote: { expected: 10, attending: 5, yes: 5, writtenYes: 0 } }, caseUpTo(14)).errors)).toEqual(['T15']);
  });
});

describe('上级党委3个月内审批，最长不超过6个月（RULES.md §3.2 T17、T25）', () => {
  it.each([
    ['支部大会后满3个月当天审批，不逾期', '2026-02-01', [], []],
    ['满3个月次日审批，须说明理由', '2026-02-02', [], ['T17']],
    ['满6个月当天仍可（特殊情况）', '2026-05-01', [], ['T17']],
    ['超过6个月不能审批', '2026-05-02', ['T17'], []],
  ])('%s', (_n, doneOn, errors, warnings) => {
    const r = check(17, doneOn, {}, caseUpTo(16));
    expect(rulesOf(r.errors)).toEqual(errors);
    expect(rulesOf(r.warnings)).toEqual(warnings);
  });
  it('转正审批满3个月次日须说明理由', () => {
    expect(rulesOf(check(24, '2027-02-02', {}, caseUpTo(23, { 23: { details: { outcome: 'full' } } })).warnings)).toEqual(['T25']);
  });
});

const passVote = { expected: 10, attending: 8, yes: 8, writtenYes: 0 };
describe('预备期1年，从支部大会通过之日起算；期满前不得讨论转正（RULES.md §3.2 T19、T20、T23）', () => {
  it.each([
    ['预备期满前一天不得讨论转正', '2026-10-31', ['T23']],
    ['预备期满当天可以讨论转正', '2026-11-01', []],
  ])('%s', (_n, doneOn, expected) => {
    expect(rulesOf(check(23, doneOn, { vote: passVote, outcome: 'full' }, caseUpTo(22)).errors)).toEqual(expected);
  });
  it('入党时间为支部大会通过之日，预备期满为一年后，转正后党龄从预备期满之日算', () => {
    const d = deriveDevelopmentDates(caseUpTo(25, { 23: { details: { outcome: 'full' } } }), config);
    expect(d.admissionDate).toBe('2025-11-01');
    expect(d.probationEnd).toBe('2026-11-01');
    expect(d.fullMemberSince).toBe('2026-11-01');
  });
});

describe('延长预备期只能一次，不少于半年、不超过1年（RULES.md §3.2 T24、T26）', () => {
  it.each([
    ['延长5个月不行', 5, ['T24']],
    ['延长6个月可以', 6, []],
    ['延长12个月可以', 12, []],
    ['延长13个月不行', 13, ['T24']],
  ])('%s', (_n, months, expected) => {
    expect(rulesOf(check(23, '2026-11-01', { vote: passVote, outcome: 'extend', extensionMonths: months }, caseUpTo(22)).errors)).toEqual(expected);
  });
  const extended = [...caseUpTo(22), { step: 23, doneOn: '2026-11-01', details: { outcome: 'extend' as const, extensionMonths: 6, vote: passVote } }];
  it('延长后再讨论转正，预备期满日顺延', () => {
    expect(nextDevelopmentSteps(extended)).toEqual([23]);
    expect(deriveDevelopmentDates(extended, config).probationEnd).toBe('2027-05-01');
    expect(rulesOf(check(23, '2027-04-30', { vote: passVote, outcome: 'full' }, extended).errors)).toEqual(['T23']);
    expect(check(23, '2027-05-01', { vote: passVote, outcome: 'full' }, extended).errors).toEqual([]);
  });
  it('第二次延长不行', () => {
    expect(rulesOf(check(23, '2027-05-01', { vote: passVote, outcome: 'extend', extensionMonths: 6 }, extended).errors)).toContain('T24');
  });
  it('延长后转正的，党龄从延长期满之日算起', () => {
    const done = [...extended, { step: 23, doneOn: '2027-05-02', details: { outcome: 'full' as const } }, { step: 24, doneOn: '2027-06-01', details: {} }];
    expect(deriveDevelopmentDates(done, config).fullMemberSince).toBe('2027-05-01');
  });
});

describe('步骤按顺序办理（RULES.md §3.1）', () => {
  it.each([
    ['新案例从第1步开始', 0, [1]],
    ['谈话后确定积极分子', 2, [3]],
    ['培养考察可以多次', 6, [6, 7]],
    ['继续教育考察可以多次', 21, [21, 22]],
    ['归档后办结', 25, []],
  ])('%s', (_n, upTo, expected) => {
    expect(nextDevelopmentSteps(caseUpTo(upTo))).toEqual(expected);
  });
  it('不能跳过步骤，日期不能早于上一步', () => {
    expect(check(9, '2025-08-10', {}, caseUpTo(6)).errors.map((e) => e.field)).toEqual(['step']);
    expect(check(4, '2024-07-31', {}, caseUpTo(3)).errors.map((e) => e.field)).toEqual(['doneOn']);
  });
  it('阶段随下一步骤变化', () => {
    expect(developmentStageOf(caseUpTo(2))).toBe('activist');
    expect(developmentStageOf(caseUpTo(11))).toBe('admission');
    expect(developmentStageOf(caseUpTo(18))).toBe('probation');
  });
});

describe('发展党员的期限提醒（RULES.md §3.2 T3、T7、T17、T19）', () => {
  it.each([
    ['申请后未谈话，期限前31天不提醒', caseUpTo(1), '2024-01-10', null],
    ['申请后未谈话，期限前30天提醒', caseUpTo(1), '2024-01-11', 'dueSoon'],
    ['谈话逾期', caseUpTo(1), '2024-02-11', 'overdue'],
  ] as const)('%s', (_n, recorded, on, level) => {
    expect(developmentReminderOf(recorded, on, config)?.level ?? null).toBe(level);
  });
  it('积极分子每半年考察一次：从最近一次考察起算', () => {
    expect(developmentReminderOf(caseUpTo(6), '2025-07-15', config)).toMatchObject({ kind: 'review', dueOn: '2025-08-01', level: 'dueSoon' });
  });
  it('支部大会后3个月内审批', () => {
    expect(developmentReminderOf(caseUpTo(16), '2026-02-02', config)).toMatchObject({ kind: 'approval', level: 'overdue' });
  });
  it('预备期即将期满', () => {
    expect(developmentReminderOf(caseUpTo(21), '2026-10-20', config)).toMatchObject({ kind: 'probationEnd', dueOn: '2026-11-01', level: 'dueSoon' });
  });
});
