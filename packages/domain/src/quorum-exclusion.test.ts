import { describe, expect, it } from 'vitest';
import { checkQuorumExclusionPeriod, isExcludedFromQuorumOn, type QuorumExclusionPeriod } from './quorum-exclusion';
import { checkQuorum } from './quorum';

describe('不计入应到会人数须经上级批准，且只在批准的起止日期内有效（RULES.md §1.2）', () => {
  const approved: QuorumExclusionPeriod = { state: 'approved', validFrom: '2026-03-01', validTo: '2026-08-31' };
  it.each([
    ['批准前一天的会议仍计入应到会', approved, '2026-02-28', false],
    ['批准开始当天起不计入', approved, '2026-03-01', true],
    ['结束当天仍不计入', approved, '2026-08-31', true],
    ['结束后一天重新计入', approved, '2026-09-01', false],
    ['未写结束日期的，一直有效', { ...approved, validTo: null }, '2030-01-01', true],
    ['待上级审批的不生效', { ...approved, state: 'pending' as const }, '2026-05-01', false],
    ['未批准的不生效', { ...approved, state: 'rejected' as const }, '2026-05-01', false],
    ['已终止的，终止前的会议仍按批准处理', { state: 'ended' as const, validFrom: '2026-03-01', validTo: '2026-04-30' }, '2026-04-30', true],
    ['已终止的，终止后的会议计入', { state: 'ended' as const, validFrom: '2026-03-01', validTo: '2026-04-30' }, '2026-05-01', false],
  ])('%s', (_name, exclusion, date, expected) => {
    expect(isExcludedFromQuorumOn(exclusion, date)).toBe(expected);
  });

  it.each([
    ['2026-03-01', null, []],
    ['2026-03-01', '2026-03-01', []],
    ['2026-03-01', '2026-02-28', ['validTo']],
    ['2026-02-30', null, ['validFrom']],
  ] as const)('起止日期 %s～%s 的检查', (from, to, fields) => {
    expect(checkQuorumExclusionPeriod(from, to).map((p) => p.field)).toEqual(fields);
  });

  it('7名正式党员中1人经批准不计入后应到会为6人：到会3人未超过半数，到会4人超过半数', () => {
    const expected = Array.from({ length: 7 }, (_, i) => ({ memberId: `m${i}`, status: 'fullMember' as const }));
    const present = ['m0', 'm1', 'm2'];
    expect(checkQuorum({ kind: 'general', expected, present }).met).toBe(false);
    const withExclusion = expected.map((m) => (m.memberId === 'm6' ? { ...m, excludedFromQuorum: true } : m));
    const r = checkQuorum({ kind: 'general', expected: withExclusion, present });
    expect(r.eligible).toBe(6);
    expect(r.excluded).toBe(1);
    expect(r.met).toBe(false); // 3 of 6 is not 超过半数
    expect(checkQuorum({ kind: 'general', expected: withExclusion, present: [...present, 'm5'] }).met).toBe(true);
  });
});
