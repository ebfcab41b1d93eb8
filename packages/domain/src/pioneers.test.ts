import { describe, expect, it } from 'vitest';
import {
  allowedDesignationActions,
  checkDesignationPeriod,
  checkDesignationTransition,
  checkModelPostLimit,
  checkNominee,
  checkQuota,
  checkReviewYear,
  designationPhaseOn,
  isDesignationActiveOn,
  isNominationOpen,
  reviewDueOn,
  reviewsOwed,
  type DesignationAction,
  type DesignationActorRole,
  type DesignationState,
  type DesignationTerm,
} from './pioneers';
import type { MemberStatus } from './enums';

const term: DesignationTerm = { state: 'approved', startOn: '2026-01-01', endOn: '2026-12-31' };

describe('示范岗/先锋队的期限：结束日当天仍在挂牌，次日不再', () => {
  it.each<[string, DesignationTerm, string, boolean]>([
    ['起始日前一天未挂牌', term, '2025-12-31', false],
    ['起始日当天挂牌', term, '2026-01-01', true],
    ['结束日当天仍挂牌', term, '2026-12-31', true],
    ['结束日次日不再挂牌', term, '2027-01-01', false],
    ['申报中的不算挂牌', { ...term, state: 'proposed' }, '2026-06-01', false],
    ['撤销日前一天仍挂牌', { ...term, state: 'revoked', revokedOn: '2026-07-01' }, '2026-06-30', true],
    ['撤销当天起不再挂牌', { ...term, state: 'revoked', revokedOn: '2026-07-01' }, '2026-07-01', false],
    ['未批准的从未挂牌', { ...term, state: 'rejected' }, '2026-06-01', false],
  ])('%s', (_n, t, day, active) => expect(isDesignationActiveOn(t, day)).toBe(active));

  it.each<[string, DesignationTerm, string, string]>([
    ['批准后未到起始日', term, '2025-12-20', 'scheduled'],
    ['结束日当天为挂牌中', term, '2026-12-31', 'active'],
    ['结束日次日为已到期', term, '2027-01-01', 'expired'],
    ['撤销的为已撤销', { ...term, state: 'revoked', revokedOn: '2026-03-01' }, '2026-06-01', 'revoked'],
    ['申报中', { ...term, state: 'proposed' }, '2026-06-01', 'proposed'],
  ])('状态：%s', (_n, t, day, phase) => expect(designationPhaseOn(t, day)).toBe(phase));

  it.each([
    ['2026-01-01', '2026-12-31', null],
    ['2026-01-01', '2026-01-01', null],
    ['2026-01-02', '2026-01-01', '结束日期不能早于起始日期'],
  ])('起始 %s 至 %s', (s, e, msg) => expect(checkDesignationPeriod(s, e)).toBe(msg));
});

describe('按角色办理：党支部申报和撤回，机关党委批准、不批准和撤销；党支部不能批准本支部的申报', () => {
  it.each<[DesignationState, DesignationAction, DesignationActorRole, DesignationState | string]>([
    ['proposed', 'approve', 'office', 'approved'],
    ['proposed', 'approve', 'branch', '批准挂牌须由机关党委办理，党支部不能批准本支部的申报'],
    ['proposed', 'reject', 'office', 'rejected'],
    ['proposed', 'reject', 'branch', '不予批准须由机关党委办理，党支部不能批准本支部的申报'],
    ['proposed', 'withdraw', 'branch', 'withdrawn'],
    ['proposed', 'withdraw', 'office', '撤回申报由申报的党支部办理'],
    ['approved', 'revoke', 'office', 'revoked'],
    ['approved', 'revoke', 'branch', '撤销（摘牌）须由机关党委办理，党支部不能批准本支部的申报'],
    ['approved', 'approve', 'office', '该项目已批准，不能批准挂牌'],
    ['rejected', 'approve', 'office', '该项目未批准，不能批准挂牌'],
    ['withdrawn', 'approve', 'office', '该项目已撤回，不能批准挂牌'],
    ['revoked', 'revoke', 'office', '该项目已撤销，不能撤销（摘牌）'],
    ['approved', 'withdraw', 'branch', '该项目已批准，不能撤回申报'],
  ])('%s 上 %s（%s）→ %s', (state, action, role, expected) => {
    const r = checkDesignationTransition(state, action, role);
    expect(r.ok ? r.next : r.reason).toBe(expected);
  });

  it('按钮：申报中时党支部只能撤回，机关党委可批准或不批准', () => {
    expect(allowedDesignationActions('proposed', 'branch')).toEqual(['withdraw']);
    expect(allowedDesignationActions('proposed', 'office')).toEqual(['approve', 'reject']);
    expect(allowedDesignationActions('approved', 'branch')).toEqual([]);
  });
});

describe('年度考评：某年度的考评于次年第N月底前完成（N由本院设置，默认1月）', () => {
  it.each([
    [2026, 1, '2027-01-31'],
    [2026, 2, '2027-02-28'],
    [2027, 2, '2028-02-29'],
    [2026, 12, '2027-12-31'],
  ])('%i年度、%i月 → %s', (year, month, due) => expect(reviewDueOn(year, month)).toBe(due));

  const long: DesignationTerm = { state: 'approved', startOn: '2025-03-01', endOn: '2027-02-28' };
  it.each<[string, DesignationTerm, number[], string, { year: number; overdue: boolean }[]]>([
    ['年度未结束，不欠考评', long, [], '2025-12-31', []],
    ['年度结束次日起欠当年考评', long, [], '2026-01-01', [{ year: 2025, overdue: false }]],
    ['截止日当天未逾期', long, [], '2026-01-31', [{ year: 2025, overdue: false }]],
    ['截止日次日逾期', long, [], '2026-02-01', [{ year: 2025, overdue: true }]],
    ['已考评的年度不再欠', long, [2025], '2026-02-01', []],
    ['跨两年的逐年考评', long, [2025], '2027-01-05', [{ year: 2026, overdue: false }]],
    ['到期后仍欠最后一年的考评', long, [2025, 2026], '2028-01-02', [{ year: 2027, overdue: false }]],
    ['申报中的不考评', { ...long, state: 'proposed' }, [], '2026-06-01', []],
  ])('%s', (_n, t, done, today, owed) => {
    expect(reviewsOwed(t, done, today, 1).map(({ year, overdue }) => ({ year, overdue }))).toEqual(owed);
  });

  it('截止月份改为3月时，3月31日仍未逾期', () => {
    expect(reviewsOwed(long, [], '2026-03-31', 3)).toEqual([{ year: 2025, dueOn: '2026-03-31', overdue: false }]);
    expect(reviewsOwed(long, [], '2026-04-01', 3)[0]!.overdue).toBe(true);
  });

  it.each<[string, DesignationTerm, number, string, string | null]>([
    ['当年12月起可考评当年', term, 2026, '2026-12-01', null],
    ['当年11月还不能考评当年', term, 2026, '2026-11-30', '2026年度的考评自2026年12月起进行'],
    ['次年可考评上一年', term, 2026, '2027-01-15', null],
    ['不在期限内的年度不考评', term, 2025, '2027-01-15', '2025年不在该项目的期限内'],
    ['申报中的不考评', { ...term, state: 'proposed' }, 2026, '2027-01-15', '只有已批准挂牌的项目才能考评'],
  ])('%s', (_n, t, year, today, msg) => expect(checkReviewYear(t, year, today)).toBe(msg));
});

describe('同一党员同一时期的示范岗数（本院设置，默认1个）', () => {
  const candidate = { startOn: '2026-01-01', endOn: '2026-12-31' };
  const refused = '同一党员同一时期至多担任1个党员示范岗（本院设置），该党员在此期间已有示范岗';
  it.each<[string, { startOn: string; endOn: string }[], number, string | null]>([
    ['没有其他示范岗', [], 1, null],
    ['前一个示范岗在起始日前一天结束，可以', [{ startOn: '2025-01-01', endOn: '2025-12-31' }], 1, null],
    ['前一个示范岗在起始日当天结束，重叠一天，拒绝', [{ startOn: '2025-01-01', endOn: '2026-01-01' }], 1, refused],
    ['后一个示范岗在结束日当天开始，拒绝', [{ startOn: '2026-12-31', endOn: '2027-12-31' }], 1, refused],
    ['后一个示范岗在结束日次日开始，可以', [{ startOn: '2027-01-01', endOn: '2027-12-31' }], 1, null],
    ['设置为2个时，已有1个可以', [{ startOn: '2026-03-01', endOn: '2026-05-31' }], 2, null],
    ['设置为2个时，不同时段的2个可以', [{ startOn: '2026-01-01', endOn: '2026-03-31' }, { startOn: '2026-06-01', endOn: '2026-08-31' }], 2, null],
    ['设置为2个时，同时段已有2个拒绝', [{ startOn: '2026-01-01', endOn: '2026-06-30' }, { startOn: '2026-06-01', endOn: '2026-08-31' }], 2, '同一党员同一时期至多担任2个党员示范岗（本院设置），该党员在此期间已有示范岗'],
  ])('%s', (_n, others, max, msg) => expect(checkModelPostLimit(candidate, others, max)).toBe(msg));
});

describe('优秀党员评选：推荐对象和名额', () => {
  it.each<[string, MemberStatus, boolean, string | null]>([
    ['本支部正式党员可以推荐', 'fullMember', true, null],
    ['预备党员不能推荐', 'probationaryMember', true, '赵小雨是预备党员，预备党员不参加优秀党员评选'],
    ['非本支部党员不能推荐', 'fullMember', false, '赵小雨不是第一党支部的党员，只能推荐本支部党员'],
    ['已转出的不能推荐', 'transferredOut', true, '赵小雨当前不在册，不能推荐'],
  ])('%s', (_n, status, inBranch, msg) => expect(checkNominee({ status, inBranch, branchName: '第一党支部', memberName: '赵小雨' })).toBe(msg));

  it.each([
    ['2026-12-20', '2026-12-20', true],
    ['2026-12-21', '2026-12-20', false],
  ])('推荐截止日当天可推荐、次日不可（%s，截止%s）', (today, deadline, open) => expect(isNominationOpen(today, deadline)).toBe(open));

  it.each([
    ['perBranch', 2, 1, 'select', null],
    ['perBranch', 2, 2, 'select', '已达评选名额：每个党支部至多评选2名优秀党员'],
    ['total', 5, 5, 'select', '已达评选名额：全院至多评选5名优秀党员'],
    ['total', 5, 4, 'select', null],
    ['perBranch', 2, 2, 'nominate', '已达推荐名额：每个党支部至多推荐2名'],
  ] as const)('名额 %s %i，已有 %i 名，%s', (mode, quota, taken, what, msg) => expect(checkQuota(mode, quota, taken, what)).toBe(msg));
});
