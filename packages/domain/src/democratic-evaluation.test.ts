import { describe, expect, it } from 'vitest';
import {
  checkEvaluationGrade,
  checkExcellentQuota,
  checkStageAdvance,
  defaultEvaluationSettings,
  isEvaluationParticipant,
  isGradedParticipant,
  maxExcellentCount,
  nextEvaluationStage,
  tallyPeerVotes,
  type EvaluationGrade,
  type StageParticipant,
} from './democratic-evaluation';
import type { MemberStatus } from './enums';

const third = defaultEvaluationSettings.excellentRatio;

describe('“优秀”一般不超过参评正式党员的三分之一（向下取整）', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [8, 2],
    [9, 3],
    [10, 3],
    [11, 3],
    [12, 4],
    [30, 10],
  ])('参评%i人，最多%i人优秀', (graded, max) => expect(maxExcellentCount(graded, third)).toBe(max));

  it('本院改为四分之一时，12人最多3人', () => expect(maxExcellentCount(12, { numerator: 1, denominator: 4 })).toBe(3));
  it('比例分母为0时不允许优秀（配置错误不放宽）', () => expect(maxExcellentCount(12, { numerator: 1, denominator: 0 })).toBe(0));
});

describe('优秀比例超过三分之一时拒绝定级', () => {
  it.each([
    ['9人已有2人优秀，第3人可以', 2, 9, true],
    ['9人已有3人优秀，第4人拒绝', 3, 9, false],
    ['10人已有3人优秀，第4人拒绝', 3, 10, false],
    ['12人已有3人优秀，第4人可以', 3, 12, true],
    ['2人的支部不能评优秀', 0, 2, false],
  ])('%s', (_name, others, graded, ok) => {
    const msg = checkExcellentQuota(others, graded, defaultEvaluationSettings);
    if (ok) expect(msg).toBeNull();
    else {
      expect(msg).toContain('三分之一');
      expect(msg).toContain('RULES.md §6');
      expect(msg).toContain(`最多${maxExcellentCount(graded, third)}人`);
    }
  });
});

describe('基本合格、不合格须写明理由（指出差距、教育转化）', () => {
  it.each<[EvaluationGrade, string | null, boolean]>([
    ['excellent', null, true],
    ['qualified', '', true],
    ['basicallyQualified', null, false],
    ['basicallyQualified', '   ', false],
    ['basicallyQualified', '学习不够经常，按时参加组织生活有差距', true],
    ['unqualified', null, false],
    ['unqualified', '连续四个月未参加组织生活，已谈话教育', true],
  ])('%s，理由“%s”', (grade, reason, ok) => {
    const problems = checkEvaluationGrade({ grade, reason });
    expect(problems.length === 0).toBe(ok);
    if (!ok) expect(problems[0]!.field).toBe('reason');
  });
});

describe('参评范围：预备党员参加评议但默认不评定等次', () => {
  it.each<[MemberStatus, boolean, boolean, boolean]>([
    ['fullMember', true, true, true],
    ['probationaryMember', true, false, true],
    ['developmentCandidate', false, false, false],
    ['membershipSuspended', false, false, false],
  ])('%s：参加%s，默认定级%s，本院设为预备党员也定级时%s', (status, takesPart, gradedByDefault, gradedWhenConfigured) => {
    expect(isEvaluationParticipant(status)).toBe(takesPart);
    expect(isGradedParticipant(status, defaultEvaluationSettings)).toBe(gradedByDefault);
    expect(isGradedParticipant(status, { ...defaultEvaluationSettings, gradeProbationaryMembers: true })).toBe(gradedWhenConfigured);
  });
});

describe('民主测评只统计各等次票数', () => {
  it('票数按等次计', () =>
    expect(tallyPeerVotes(['excellent', 'qualified', 'qualified', 'unqualified'])).toEqual({ excellent: 1, qualified: 2, basicallyQualified: 0, unqualified: 1 }));
});

describe('评议步骤依次进行，支委会评定完成才能反馈', () => {
  const p = (grade: EvaluationGrade | null, graded = true, exempt = false): StageParticipant => ({ grade, graded, exempt });
  it('步骤顺序', () => {
    expect(nextEvaluationStage('preparing')).toBe('selfAssessment');
    expect(nextEvaluationStage('committeeReview')).toBe('feedback');
    expect(nextEvaluationStage('completed')).toBeNull();
  });
  it.each<[string, StageParticipant[], string | null]>([
    ['全部评定后可以反馈', [p('excellent'), p('qualified'), p('qualified')], null],
    ['预备党员和不参加的党员无须等次', [p('qualified'), p(null, false), p(null, true, true)], null],
    ['有人未评定时不能反馈', [p('qualified'), p(null)], '还有1名参评正式党员未评定等次'],
    ['优秀超过上限时不能反馈', [p('excellent'), p('excellent'), p('qualified')], '超过上限1人'],
  ])('%s', (_name, participants, expected) => {
    const msg = checkStageAdvance('committeeReview', participants, defaultEvaluationSettings);
    if (expected === null) expect(msg).toBeNull();
    else expect(msg).toContain(expected);
  });
  it('其他步骤可以直接进入下一步', () => expect(checkStageAdvance('selfAssessment', [p(null)], defaultEvaluationSettings)).toBeNull());
  it('已完成的不能再推进', () => expect(checkStageAdvance('completed', [], defaultEvaluationSettings)).toContain('已完成'));
});
