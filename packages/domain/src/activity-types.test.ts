import { describe, expect, it } from 'vitest';
import {
  activityTypeLabels,
  activityTypes,
  checkActivityCatalogue,
  defaultActivityCatalogue,
  isActivityType,
  listActivityTypesFor,
  mergeActivityCatalogue,
} from './activity-types';

const catalogue = defaultActivityCatalogue;

describe('默认活动目录的最低频次（RULES.md §1.1）', () => {
  it.each([
    ['branchAssembly', '支部党员大会', { count: 1, period: 'quarter' }, 'V'],
    ['committeeMeeting', '支部委员会会议', { count: 1, period: 'month' }, 'V'],
    ['groupMeeting', '党小组会', { count: 1, period: 'month' }, 'V'],
    ['partyLecture', '党课', { count: 1, period: 'quarter' }, 'U'],
    ['themedPartyDay', '主题党日', { count: 1, period: 'month' }, 'V'],
    ['organizationalLifeMeeting', '组织生活会', { count: 1, period: 'year' }, 'V'],
    ['democraticEvaluation', '民主评议党员', { count: 1, period: 'year' }, 'V'],
    ['weeklyPoliticalStudy', '每周政治理论集中学习', { count: 1, period: 'week' }, 'U'],
  ] as const)('%s（%s）默认至少 %j，置信度 %s', (type, label, frequency, confidence) => {
    expect(catalogue[type]).toMatchObject({ type, label, minFrequency: frequency, confidence, enabled: true, customized: false });
  });

  it.each([['groupStudy'], ['thematicLecture'], ['warningEducation'], ['microLecture'], ['caseReviewSession'], ['jointActivity'], ['volunteerService'], ['redEducation']] as const)(
    '法院自设的 %s 默认没有最低频次，置信度为 U',
    (type) => {
      expect(catalogue[type].minFrequency).toBeNull();
      expect(catalogue[type].confidence).toBe('U');
    },
  );

  it('组织生活会一般安排在第四季度', () => {
    expect(catalogue.organizationalLifeMeeting.preferredQuarter).toBe(4);
  });

  it('每一种类型都有中文名称和引用的规则', () => {
    for (const type of activityTypes) {
      expect(catalogue[type].label).toBe(activityTypeLabels[type]);
      expect(catalogue[type].rule).toMatch(/RULES\.md §1\.1/);
    }
    expect(checkActivityCatalogue(catalogue)).toEqual([]);
  });

  it('支部党员大会引用支部工作条例第十一条，主题党日引用党员教育管理工作条例第十六条', () => {
    expect(catalogue.branchAssembly.rule).toContain('《中国共产党支部工作条例（试行）》第十一条');
    expect(catalogue.themedPartyDay.rule).toContain('《中国共产党党员教育管理工作条例》第十六条');
  });
});

describe('谁召开、谁参加、第一议题、表决、是否计入组织生活', () => {
  it.each([
    ['branchAssembly', ['branch'], 'allMembers', true, true, true],
    ['committeeMeeting', ['branch'], 'committee', true, true, true],
    ['groupMeeting', ['partyGroup'], 'group', true, false, true],
    ['themedPartyDay', ['branch'], 'allMembers', true, false, true],
    ['partyLecture', ['branch'], 'allMembers', false, false, true],
    ['organizationalLifeMeeting', ['branch'], 'allMembers', false, false, true],
    ['caseReviewSession', ['branch'], 'allMembers', false, false, false],
    ['weeklyPoliticalStudy', ['branch'], 'allMembers', false, false, false],
  ] as const)('%s：由 %j 召开，%s 参加，第一议题 %s，表决 %s，计入组织生活 %s', (type, heldBy, expected, firstAgenda, votes, orgLife) => {
    expect(catalogue[type]).toMatchObject({ heldBy, expected, requiresFirstAgenda: firstAgenda, votes, countsAsOrgLife: orgLife });
  });

  it('党小组登记党小组会，青年理论学习小组登记集中研讨', () => {
    expect(listActivityTypesFor('partyGroup').map((d) => d.type)).toEqual(['groupMeeting']);
    expect(listActivityTypesFor('youthStudyGroup').map((d) => d.type)).toEqual(['groupStudy']);
  });

  it('党支部可以登记除党小组会以外的全部类型', () => {
    expect(listActivityTypesFor('branch').map((d) => d.type)).toEqual(activityTypes.filter((t) => t !== 'groupMeeting'));
  });
});

describe('mergeActivityCatalogue：法院调整频次、第一议题、启用', () => {
  it('党课改为每半年1次时只改党课，并标记为本院调整', () => {
    const merged = mergeActivityCatalogue({ partyLecture: { minFrequency: { count: 1, period: 'halfYear' } } });
    expect(merged.partyLecture).toMatchObject({ minFrequency: { count: 1, period: 'halfYear' }, customized: true, heldBy: ['branch'] });
    expect(merged.branchAssembly).toBe(defaultActivityCatalogue.branchAssembly);
    expect(defaultActivityCatalogue.partyLecture.minFrequency).toEqual({ count: 1, period: 'quarter' });
  });

  it('minFrequency 为 null 时取消最低频次', () => {
    expect(mergeActivityCatalogue({ weeklyPoliticalStudy: { minFrequency: null } }).weeklyPoliticalStudy.minFrequency).toBeNull();
  });

  it('可以停用某一类型、取消第一议题、计入组织生活', () => {
    const merged = mergeActivityCatalogue({
      redEducation: { enabled: false },
      themedPartyDay: { requiresFirstAgenda: false },
      groupStudy: { countsAsOrgLife: true },
    });
    expect(merged.redEducation.enabled).toBe(false);
    expect(merged.themedPartyDay.requiresFirstAgenda).toBe(false);
    expect(merged.groupStudy.countsAsOrgLife).toBe(true);
    expect(listActivityTypesFor('branch', merged).some((d) => d.type === 'redEducation')).toBe(false);
  });

  it('不能通过覆盖项修改召开组织和引用规则', () => {
    const merged = mergeActivityCatalogue({ branchAssembly: { heldBy: ['partyGroup'], rule: 'x' } as never });
    expect(merged.branchAssembly).toEqual(defaultActivityCatalogue.branchAssembly);
  });

  it.each([[undefined], [null], [{}]])('没有覆盖项（%j）时等于默认目录', (overrides) => {
    expect(mergeActivityCatalogue(overrides)).toEqual(defaultActivityCatalogue);
  });

  it('默认目录不可被修改', () => {
    expect(() => {
      (defaultActivityCatalogue.branchAssembly as { votes: boolean }).votes = false;
    }).toThrow(TypeError);
  });

  it.each([
    [{ partyLecture: { minFrequency: { count: 0, period: 'quarter' } } }, '党课的最低次数应为不小于1的整数'],
    [{ partyLecture: { minFrequency: { count: 1, period: 'decade' } } }, '党课的周期应为'],
  ])('不合理的配置 %j 提示 %s', (overrides, problem) => {
    expect(checkActivityCatalogue(mergeActivityCatalogue(overrides as never)).join()).toContain(problem);
  });
});

describe('isActivityType', () => {
  it.each([
    ['branchAssembly', true],
    ['microLecture', true],
    ['meeting', false],
    [1, false],
  ])('%j → %s', (value, expected) => {
    expect(isActivityType(value)).toBe(expected);
  });
});
