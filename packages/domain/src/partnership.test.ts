import { describe, expect, it } from 'vitest';
import {
  checkPartnershipPeriod,
  initialPartnershipStatus,
  isPartnershipInForceOn,
  jointActivityRefusal,
  nextPartnershipStatus,
  tallyJointCategories,
  type PartnershipPeriod,
} from './partnership';

describe('联建须双方同意：与外院或不归自己管理的支部联建，须对方确认后生效', () => {
  it.each([
    ['与外单位（检察院、社区等）联建，登记即生效', 'external', false, 'active'],
    ['与本人管理的另一支部联建，即时生效', 'branch', true, 'active'],
    ['与他院支部联建，待对方确认', 'branch', false, 'proposed'],
  ] as const)('%s', (_name, partnerKind, proposerManagesPartner, status) => {
    expect(initialPartnershipStatus({ partnerKind, proposerManagesPartner })).toBe(status);
  });

  it.each([
    ['待确认的可以同意', 'proposed', 'accept', 'active'],
    ['待确认的可以不同意', 'proposed', 'decline', 'declined'],
    ['联建中的可以结束', 'active', 'end', 'ended'],
  ] as const)('%s', (_name, from, action, to) => {
    expect(nextPartnershipStatus(from, action)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['已生效的不能再同意', 'active', 'accept'],
    ['已结束的不能再结束', 'ended', 'end'],
    ['待确认的不能直接结束', 'proposed', 'end'],
    ['对方不同意的不能再同意', 'declined', 'accept'],
  ] as const)('%s', (_name, from, action) => {
    const r = nextPartnershipStatus(from, action);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/只有/);
  });
});

describe('联建活动须在联建协议有效期内（首尾两日均有效）', () => {
  const p: PartnershipPeriod = { status: 'active', startsOn: '2025-03-01', endsOn: '2026-02-28' };
  it.each([
    ['协议开始前一天不能开展', p, '2025-02-28', false],
    ['协议开始当天可以开展', p, '2025-03-01', true],
    ['协议结束当天可以开展', p, '2026-02-28', true],
    ['协议结束后一天不能开展', p, '2026-03-01', false],
    ['未约定结束日期的长期有效', { ...p, endsOn: null }, '2030-01-01', true],
    ['待对方确认的不能开展', { ...p, status: 'proposed' as const }, '2025-06-01', false],
    ['已结束的不能开展', { ...p, status: 'ended' as const }, '2025-06-01', false],
  ])('%s', (_name, period, date, inForce) => {
    expect(isPartnershipInForceOn(period, date)).toBe(inForce);
    expect(jointActivityRefusal(period, date) === null).toBe(inForce);
  });

  it('拒绝原因说明是早于开始还是晚于结束', () => {
    expect(jointActivityRefusal(p, '2025-02-28')).toContain('早于联建协议开始日期');
    expect(jointActivityRefusal(p, '2026-03-01')).toContain('晚于联建协议结束日期');
    expect(jointActivityRefusal({ ...p, status: 'proposed' }, '2025-06-01')).toContain('待对方确认');
  });

  it.each([
    ['2025-03-01', null, []],
    ['2025-03-01', '2025-03-01', []],
    ['2025-03-01', '2025-02-28', ['endsOn']],
    ['2025-02-30', null, ['startsOn']],
  ] as const)('协议期限 %s～%s 的检查', (from, to, fields) => {
    expect(checkPartnershipPeriod(from, to).map((x) => x.field)).toEqual(fields);
  });
});

describe('“四联”分类统计：四类都列出，没有的为0，不认识的不计', () => {
  it('按思路联谋、问题联解、品牌联创、力量联合计数', () => {
    expect(tallyJointCategories(['jointPlanning', 'jointForces', 'jointForces', 'other'])).toEqual({ jointPlanning: 1, jointProblemSolving: 0, jointBranding: 0, jointForces: 2 });
    expect(tallyJointCategories([])).toEqual({ jointPlanning: 0, jointProblemSolving: 0, jointBranding: 0, jointForces: 0 });
  });
});
