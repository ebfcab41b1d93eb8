import { describe, expect, it } from 'vitest';
import { activityTypes, mergeActivityCatalogue, type ActivityCatalogueOverrides, type ActivityType } from './activity-types';
import { computeCompliance, formatActivityCounts, summarizeCounts, type ComplianceActivity, type ComplianceInput, type ComplianceOrg } from './compliance';
import { addDays } from './dates';
import { defaultRuleConfig } from './rule-config';

const branch: ComplianceOrg = { id: 'b3', name: '第三党支部', type: 'branch', courtId: 'c1' };

/** A catalogue where only the given types are judged, so each test looks at one rule. */
function onlyTypes(...types: ActivityType[]) {
  const overrides: ActivityCatalogueOverrides = {};
  for (const type of activityTypes) if (!types.includes(type)) overrides[type] = { enabled: false };
  return mergeActivityCatalogue(overrides);
}

let sequence = 0;
function held(type: ActivityType, date: string, extra: Partial<ComplianceActivity> = {}): ComplianceActivity {
  sequence += 1;
  return { id: `a${sequence}`, orgId: branch.id, type, date, status: 'held', ...extra };
}

// The last quarter of 2024 was met, so tests in 2025-Q1 look at 2025 only (2024-Q4 is still judged in Q1).
const lastQuarterOf2024 = held('branchAssembly', '2024-11-05');

function run(today: string, activities: ComplianceActivity[], extra: Partial<ComplianceInput> = {}, types: ActivityType[] = ['branchAssembly']) {
  const [result] = computeCompliance({ orgs: [branch], catalogue: onlyTypes(...types), activities, today, ...extra });
  return result!;
}

describe('当前周期：完成、待办、临近到期', () => {
  it('第三支部本季度未召开支部党员大会、距季度结束12天时提示临近到期', () => {
    const result = run('2025-03-19', [lastQuarterOf2024]);
    expect(result.level).toBe('amber');
    expect(result.items).toEqual([
      expect.objectContaining({
        type: 'branchAssembly',
        label: '支部党员大会',
        periodKey: '2025-Q1',
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
        current: true,
        state: 'dueSoon',
        count: 0,
        required: 1,
        daysLeft: 12,
        message: '本季度尚未召开支部党员大会（应每季度至少1次），距季度结束还有12天',
        rule: '《中国共产党支部工作条例（试行）》第十一条、第十四条；RULES.md §1.1',
      }),
    ]);
  });

  it.each([
    ['2025-03-15', 16, 'pending', 'green'],
    ['2025-03-16', 15, 'dueSoon', 'amber'],
    ['2025-03-31', 0, 'dueSoon', 'amber'],
  ] as const)('%s（距季度结束%i天）支部党员大会为 %s：季度提前15天提示', (today, days, state, level) => {
    const result = run(today, [lastQuarterOf2024]);
    expect(result.items[0]).toMatchObject({ state, daysLeft: days });
    expect(result.level).toBe(level);
  });

  it('季度最后一天的提示说明今天是最后一天', () => {
    expect(run('2025-03-31', []).items[0]!.message).toBe('本季度尚未召开支部党员大会（应每季度至少1次），今天是本季度最后一天');
  });

  it.each([
    ['month', 'committeeMeeting', '2025-03-23', 'pending'],
    ['month', 'committeeMeeting', '2025-03-24', 'dueSoon'],
    ['week', 'weeklyPoliticalStudy', '2025-03-13', 'pending'],
    ['week', 'weeklyPoliticalStudy', '2025-03-14', 'dueSoon'],
    ['year', 'democraticEvaluation', '2025-11-15', 'pending'],
    ['year', 'democraticEvaluation', '2025-11-16', 'dueSoon'],
  ] as const)('按%s计的 %s 在 %s 为 %s（月7天、周2天、年45天）', (_unit, type, today, state) => {
    expect(run(today, [], {}, [type]).items.find((i) => i.current)).toMatchObject({ state });
  });

  it('3月31日召开的支部党员大会计入第一季度，4月1日召开的计入第二季度', () => {
    const q1 = run('2025-03-31', [lastQuarterOf2024, held('branchAssembly', '2025-03-31')]);
    expect(q1.items[0]).toMatchObject({ state: 'done', count: 1, message: '本季度已召开支部党员大会1次（应每季度至少1次）' });
    expect(q1.level).toBe('green');
    const q2 = run('2025-04-01', [held('branchAssembly', '2025-04-01')]);
    expect(q2.items.find((i) => i.current)).toMatchObject({ periodKey: '2025-Q2', state: 'done' });
    // Q1 had none: the 4月1日 meeting does not rescue it.
    expect(q2.items.find((i) => !i.current)).toMatchObject({ periodKey: '2025-Q1', state: 'missed' });
  });

  it.each([
    ['planned', 'pending'],
    ['cancelled', 'pending'],
    ['held', 'done'],
  ] as const)('状态为 %s 的活动使本季度为 %s：只有已开展的活动计数', (status, state) => {
    expect(run('2025-02-10', [held('branchAssembly', '2025-02-01', { status })]).items.find((i) => i.current)?.state).toBe(state);
  });

  it('日期晚于今天的“已开展”活动不计数', () => {
    expect(run('2025-02-10', [held('branchAssembly', '2025-02-11')]).items.find((i) => i.current)?.count).toBe(0);
  });

  it('补录的活动计数，并注明其中补录次数', () => {
    const item = run('2025-02-10', [held('branchAssembly', '2025-01-20', { lateEntry: true })]).items.find((i) => i.current);
    expect(item).toMatchObject({ state: 'done', count: 1, lateEntryCount: 1 });
  });

  it('法院要求每季度2次而只开了1次时提示还差1次，并注明本院调整', () => {
    const catalogue = mergeActivityCatalogue({
      ...Object.fromEntries(activityTypes.filter((t) => t !== 'partyLecture').map((t) => [t, { enabled: false }])),
      partyLecture: { minFrequency: { count: 2, period: 'quarter' } },
    });
    const [result] = computeCompliance({ orgs: [branch], catalogue, activities: [held('partyLecture', '2025-01-20')], today: '2025-02-10' });
    expect(result!.items[0]).toMatchObject({
      state: 'pending',
      count: 1,
      required: 2,
      message: '本季度已讲党课1次，还差1次（应每季度至少2次），距季度结束还有49天',
    });
    expect(result!.items[0]!.rule).toContain('本院已调整默认配置');
  });
});

describe('已结束的周期：逾期', () => {
  it('第三支部第一季度未召开支部党员大会时提示逾期（红色）', () => {
    const result = run('2025-05-10', [held('branchAssembly', '2025-04-15')]);
    expect(result.level).toBe('red');
    expect(result.items.find((i) => i.state === 'missed')).toMatchObject({
      periodKey: '2025-Q1',
      count: 0,
      daysLeft: null,
      message: '2025年第一季度未召开支部党员大会（应每季度至少1次），已逾期',
    });
  });

  it('年初仍检查上一年最后一个季度（默认回看1个已结束周期）', () => {
    const result = run('2025-02-10', [held('branchAssembly', '2025-01-10')]);
    expect(result.items.filter((i) => i.state === 'missed').map((i) => i.periodKey)).toEqual(['2024-Q4']);
  });

  it('回看周期设为0时只检查本年度', () => {
    const result = run('2025-02-10', [held('branchAssembly', '2025-01-10')], { config: { ...defaultRuleConfig.orgLife, lookbackPeriods: 0 } });
    expect(result.items.filter((i) => i.state === 'missed')).toEqual([]);
    expect(result.level).toBe('green');
  });

  it('回看周期设为4时检查上一年全部四个季度', () => {
    const result = run('2025-02-10', [held('branchAssembly', '2024-05-10')], { config: { ...defaultRuleConfig.orgLife, lookbackPeriods: 4 } });
    expect(result.items.filter((i) => i.state === 'missed').map((i) => i.periodKey)).toEqual(['2024-Q1', '2024-Q3', '2024-Q4']);
  });

  it('本年度已结束的周期都检查，上一年的不再检查', () => {
    const result = run('2025-11-10', [held('branchAssembly', '2025-05-01')]);
    expect(result.items.filter((i) => i.state === 'missed').map((i) => i.periodKey)).toEqual(['2025-Q1', '2025-Q3']);
  });

  it('完成的已结束周期默认不列出，要求时列出', () => {
    const activities = [held('branchAssembly', '2025-02-01'), held('branchAssembly', '2025-05-01')];
    expect(run('2025-07-10', activities).items.map((i) => i.periodKey)).toEqual(['2025-Q3']);
    expect(run('2025-07-10', activities, { includeCompletedDone: true }).items.map((i) => `${i.periodKey}:${i.state}`)).toEqual([
      '2025-Q3:pending',
      '2025-Q1:done',
      '2025-Q2:done',
    ]);
  });

  it('已开展次数不足的已结束周期也是逾期', () => {
    const catalogue = mergeActivityCatalogue({
      ...Object.fromEntries(activityTypes.filter((t) => t !== 'branchAssembly').map((t) => [t, { enabled: false }])),
      branchAssembly: { minFrequency: { count: 2, period: 'quarter' } },
    });
    const [result] = computeCompliance({ orgs: [branch], catalogue, activities: [held('branchAssembly', '2025-02-01')], today: '2025-04-10' });
    expect(result!.items.find((i) => !i.current)?.message).toBe('2025年第一季度仅召开支部党员大会1次（应每季度至少2次），已逾期');
  });

  it('跨年的 ISO 周：2027年1月2日仍属2026年第53周，检查第52周', () => {
    const result = run('2027-01-02', [held('weeklyPoliticalStudy', '2026-12-29')], {}, ['weeklyPoliticalStudy']);
    expect(result.items.map((i) => `${i.periodKey}:${i.state}`)).toEqual(['2026-W53:done', '2026-W52:missed']);
  });

  it('每周政治理论集中学习按周检查本年度的每一周', () => {
    const activities = ['2025-01-08', '2025-01-15', '2025-01-29'].map((d) => held('weeklyPoliticalStudy', d));
    const result = run('2025-02-04', activities, {}, ['weeklyPoliticalStudy']);
    expect(result.items.filter((i) => i.state === 'missed').map((i) => i.periodKey)).toEqual(['2025-W01', '2025-W04']);
  });
});

describe('组织生活会：每年至少1次，一般安排在第四季度', () => {
  it('提示中说明一般安排在第四季度', () => {
    expect(run('2025-11-20', [], {}, ['organizationalLifeMeeting']).items[0]).toMatchObject({
      state: 'dueSoon',
      message: '本年度尚未召开组织生活会（应每年至少1次，一般安排在第四季度），距年度结束还有41天',
    });
  });

  it('上一年度未召开组织生活会时，次年初提示逾期', () => {
    const result = run('2026-01-10', [], {}, ['organizationalLifeMeeting']);
    expect(result.level).toBe('red');
    expect(result.items.find((i) => i.state === 'missed')?.message).toBe('2025年度未召开组织生活会（应每年至少1次，一般安排在第四季度），已逾期');
  });
});

describe('哪些组织、哪些周期接受检查', () => {
  it('第一季度中成立的支部不检查第一季度，从第二季度起检查', () => {
    const org = { ...branch, establishedOn: '2025-02-01' };
    const [result] = computeCompliance({ orgs: [org], catalogue: onlyTypes('branchAssembly'), activities: [], today: '2025-05-10' });
    expect(result!.items.map((i) => i.periodKey)).toEqual(['2025-Q2']);
    expect(result!.level).toBe('green');
  });

  it('本季度首日成立的支部要检查本季度，成立前的周期不检查', () => {
    const org = { ...branch, establishedOn: '2025-04-01' };
    const [result] = computeCompliance({ orgs: [org], catalogue: onlyTypes('branchAssembly'), activities: [], today: '2025-06-20' });
    expect(result!.items.map((i) => `${i.periodKey}:${i.state}`)).toEqual(['2025-Q2:dueSoon']);
  });

  it('本季度中成立的支部本季度不检查', () => {
    const org = { ...branch, establishedOn: '2025-04-02' };
    const [result] = computeCompliance({ orgs: [org], catalogue: onlyTypes('branchAssembly'), activities: [], today: '2025-06-20' });
    expect(result!.items).toEqual([]);
  });

  it('不设支委会的支部不检查支委会会议', () => {
    const [result] = computeCompliance({
      orgs: [{ ...branch, hasCommittee: false }],
      catalogue: onlyTypes('committeeMeeting', 'branchAssembly'),
      activities: [],
      today: '2025-02-10',
    });
    expect(result!.items.map((i) => i.type)).not.toContain('committeeMeeting');
  });

  it('党小组只检查党小组会，党组没有检查项', () => {
    const orgs: ComplianceOrg[] = [
      { id: 'g1', name: '第一党小组', type: 'partyGroup', courtId: 'c1' },
      { id: 'p1', name: '党组', type: 'leadingPartyGroup', courtId: 'c1' },
    ];
    const [group, leading] = computeCompliance({ orgs, activities: [], today: '2025-02-10' });
    expect(new Set(group!.items.map((i) => i.type))).toEqual(new Set(['groupMeeting']));
    expect(leading).toMatchObject({ orgId: 'p1', level: 'green', items: [] });
  });

  it('在支部登记的党小组会不计入支部，也不计入其他组织', () => {
    const result = run('2025-02-10', [held('groupMeeting', '2025-02-01')], {}, ['groupMeeting']);
    expect(result.items).toEqual([]);
  });

  it('停用或取消最低频次的类型不检查', () => {
    const catalogue = mergeActivityCatalogue({ weeklyPoliticalStudy: { minFrequency: null }, partyLecture: { enabled: false } });
    const [result] = computeCompliance({ orgs: [branch], catalogue, activities: [], today: '2025-02-10' });
    const types = new Set(result!.items.map((i) => i.type));
    expect(types.has('weeklyPoliticalStudy')).toBe(false);
    expect(types.has('partyLecture')).toBe(false);
    expect(types.has('branchAssembly')).toBe(true);
  });
});

describe('组织的颜色', () => {
  it.each([
    ['全部完成为绿色', '2025-03-20', ['2024-11-05', '2025-03-01'], 'green'],
    ['有临近到期为黄色', '2025-03-20', ['2024-11-05'], 'amber'],
    ['有逾期为红色（即使本期已完成）', '2025-04-20', ['2025-04-02'], 'red'],
  ])('%s', (_name, today, dates, level) => {
    expect(run(today, dates.map((d) => held('branchAssembly', d))).level).toBe(level);
  });

  it('按默认目录检查一个全年照常开展的支部为绿色', () => {
    const activities: ComplianceActivity[] = [];
    for (let day = '2025-01-01'; day <= '2025-12-31'; day = addDays(day, 1)) {
      const [, month, date] = day.split('-').map(Number);
      if (date === 3 || date === 10 || date === 17 || date === 24 || date === 28) activities.push(held('weeklyPoliticalStudy', day));
      if (date === 5) activities.push(held('committeeMeeting', day), held('themedPartyDay', day));
      if (date === 6 && month! % 3 === 1) activities.push(held('branchAssembly', day), held('partyLecture', day));
    }
    activities.push(held('organizationalLifeMeeting', '2025-12-10'), held('democraticEvaluation', '2025-12-10'));
    // 2024's yearly items stay judged all of 2025 (the last completed year), and week 1 of 2025 began on 2024-12-30.
    activities.push(held('organizationalLifeMeeting', '2024-12-10'), held('democraticEvaluation', '2024-12-10'), held('weeklyPoliticalStudy', '2024-12-30'));
    const [result] = computeCompliance({ orgs: [branch], activities, today: '2025-12-28' });
    expect(result!.items.filter((i) => i.state !== 'done')).toEqual([]);
    expect(result!.level).toBe('green');
  });
});

describe('规模：按组织+类型+周期分组一次，与活动数成线性', () => {
  it('1500个组织、5年约54万条活动一次算完（上限3秒，防止退化为嵌套扫描）', () => {
    const orgs: ComplianceOrg[] = Array.from({ length: 1500 }, (_, i) => ({ id: `o${i}`, name: `支部${i}`, type: 'branch', courtId: `c${i % 30}` }));
    const activities: ComplianceActivity[] = [];
    const dates = Array.from({ length: 60 }, (_, m) => `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-10`);
    for (const org of orgs) {
      for (const date of dates) {
        for (const type of ['committeeMeeting', 'themedPartyDay', 'weeklyPoliticalStudy', 'branchAssembly', 'partyLecture', 'groupStudy'] as const) {
          activities.push({ id: `${org.id}-${date}-${type}`, orgId: org.id, type, date, status: 'held' });
        }
      }
    }
    const started = performance.now();
    const result = computeCompliance({ orgs, activities, today: '2025-12-20' });
    const elapsed = performance.now() - started;
    expect(result).toHaveLength(1500);
    expect(result[0]!.items.find((i) => i.type === 'committeeMeeting' && i.current)?.state).toBe('done');
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('summarizeCounts：按类型统计年度次数', () => {
  const activities: ComplianceActivity[] = [
    ...Array.from({ length: 66 }, (_, i) => held('groupStudy', addDays('2024-01-01', i))),
    ...Array.from({ length: 37 }, (_, i) => held('thematicLecture', addDays('2024-02-01', i), { orgId: i % 2 ? 'b1' : 'b2' })),
    ...Array.from({ length: 53 }, (_, i) => held('warningEducation', addDays('2024-03-01', i), { lateEntry: i < 3 })),
    held('groupStudy', '2023-12-31'),
    held('groupStudy', '2024-05-01', { status: 'planned' }),
    held('groupStudy', '2024-05-02', { status: 'cancelled' }),
  ];

  it('2024年集中研讨66次、专题党课37次、警示教育53次（计划和取消的不计）', () => {
    const rows = summarizeCounts(activities, { by: 'type', year: 2024 });
    expect(rows).toEqual([
      { type: 'groupStudy', label: '集中研讨', count: 66, lateEntryCount: 0 },
      { type: 'thematicLecture', label: '专题党课', count: 37, lateEntryCount: 0 },
      { type: 'warningEducation', label: '警示教育', count: 53, lateEntryCount: 3 },
    ]);
    expect(formatActivityCounts(rows)).toBe('集中研讨66次、专题党课37次、警示教育53次');
  });

  it('按组织和类型统计', () => {
    const rows = summarizeCounts(activities, { by: 'orgAndType', year: 2024 });
    expect(rows.filter((r) => r.type === 'thematicLecture').map((r) => [r.orgId, r.count])).toEqual([
      ['b1', 18],
      ['b2', 19],
    ]);
  });

  it('按日期区间统计', () => {
    expect(summarizeCounts(activities, { by: 'type', from: '2023-12-31', to: '2024-01-01' })).toEqual([
      { type: 'groupStudy', label: '集中研讨', count: 2, lateEntryCount: 0 },
    ]);
  });
});
