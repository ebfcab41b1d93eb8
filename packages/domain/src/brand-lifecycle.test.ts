import { describe, expect, it } from 'vitest';
import { availableBrandActions, checkBrandTransition, countEvidenceByYear, isMilestoneOverdue, milestoneDaysOverdue, type BrandAction, type BrandActorKind, type BrandState } from './brand-lifecycle';

describe('党建品牌五步流程：申报→认定→培育→宣传→选树，支部不能认定自己的品牌', () => {
  it.each<[string, BrandState, BrandAction, BrandActorKind[], string | null, BrandState | string]>([
    ['支部可申报草稿', 'draft', 'submit', ['branch'], null, 'submitted'],
    ['退回修改后支部可重新申报', 'returned', 'submit', ['branch'], null, 'submitted'],
    ['党建办不能替支部申报', 'draft', 'submit', ['office'], null, 'actor'],
    ['支部不能认定本支部的申报', 'submitted', 'recognize', ['branch'], null, 'actor'],
    ['党建办认定已申报的品牌', 'submitted', 'recognize', ['office'], null, 'recognized'],
    ['退回修改须写明理由', 'submitted', 'return', ['office'], '  ', 'reason'],
    ['写明理由可退回', 'submitted', 'return', ['office'], '特色不够鲜明', 'returned'],
    ['不予认定须写明理由', 'submitted', 'reject', ['office'], null, 'reason'],
    ['草稿不能直接认定', 'draft', 'recognize', ['office'], null, 'state'],
    ['不予认定后不能再申报', 'rejected', 'submit', ['branch'], null, 'state'],
    ['认定后开始培育', 'recognized', 'cultivate', ['office'], null, 'cultivating'],
    ['培育中的品牌可在年度选树中选树', 'cultivating', 'select', ['office'], null, 'selected'],
    ['已认定尚未培育不能选树', 'recognized', 'select', ['office'], null, 'state'],
    ['支部不能选树本支部的品牌', 'cultivating', 'select', ['branch'], null, 'actor'],
    ['宣传推广后选树', 'promoting', 'select', ['office'], null, 'selected'],
    ['已选树后不能再选树', 'selected', 'select', ['office'], null, 'state'],
  ])('%s', (_n, state, action, kinds, reason, expected) => {
    const r = checkBrandTransition(state, action, kinds, reason);
    if (r.ok) expect(r.to).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('错误提示用中文说明当前状态', () => {
    const r = checkBrandTransition('draft', 'recognize', ['office']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('品牌当前为“草稿”，不能认定');
  });

  it('按身份列出可办理的操作', () => {
    expect(availableBrandActions('submitted', ['branch'])).toEqual([]);
    expect(availableBrandActions('submitted', ['office'])).toEqual(['recognize', 'return', 'reject']);
    expect(availableBrandActions('returned', ['branch', 'office'])).toEqual(['submit']);
  });
});

describe('培育计划节点逾期：到期日当天不算逾期，次日起未完成即逾期', () => {
  it.each([
    ['到期前一天', '2026-05-31', null, '2026-05-30', false, 0],
    ['到期当天', '2026-05-31', null, '2026-05-31', false, 0],
    ['到期次日未完成', '2026-05-31', null, '2026-06-01', true, 1],
    ['到期后已完成的不算逾期', '2026-05-31', '2026-06-03', '2026-06-10', false, 0],
    ['逾期10天', '2026-05-31', null, '2026-06-10', true, 10],
  ])('%s', (_n, dueOn, doneOn, today, overdue, days) => {
    expect(isMilestoneOverdue({ dueOn, doneOn }, today)).toBe(overdue);
    expect(milestoneDaysOverdue({ dueOn, doneOn }, today)).toBe(days);
  });
});

describe('品牌佐证按年度分类计数', () => {
  it('同一年的活动、宣传、项目分别计数，年度从近到远', () => {
    expect(countEvidenceByYear([
      { kind: 'activity', occurredOn: '2024-03-01' },
      { kind: 'publicity', occurredOn: '2025-12-31' },
      { kind: 'activity', occurredOn: '2025-01-01' },
      { kind: 'project', occurredOn: '2025-06-01' },
    ])).toEqual([
      { year: 2025, activity: 1, publicity: 1, project: 1, total: 3 },
      { year: 2024, activity: 1, publicity: 0, project: 0, total: 1 },
    ]);
  });
});
