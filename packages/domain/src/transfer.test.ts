import { describe, expect, it } from 'vitest';
import { checkTransferDecision, formatLetterNumber, letterValidUntil, transferKindOf, type TransferDecision, type TransferKind, type TransferState } from './transfer';

describe('介绍信有效期（天数由本院设置，签发当日算第一天）', () => {
  it.each([
    ['2026-12-03', 30, '2027-01-01'],
    ['2026-12-03', 1, '2026-12-03'],
    ['2026-02-01', 28, '2026-02-28'],
    ['2028-02-01', 29, '2028-02-29'],
  ])('%s 签发、有效期%i天，有效至 %s', (issued, days, until) => {
    expect(letterValidUntil(issued, days)).toBe(until);
  });
});

describe('介绍信编号按年度和顺序号', () => {
  it('党组关〔2026〕3号', () => expect(formatLetterNumber('党组关', 2026, 3)).toBe('党组关〔2026〕3号'));
});

describe('转接方向由两端法院决定', () => {
  it.each([
    ['a', 'a', 'withinCourt'],
    ['a', 'b', 'acrossCourts'],
    ['a', null, 'outOfPlatform'],
  ] as const)('%s → %s：%s', (from, to, kind) => expect(transferKindOf(from, to)).toBe(kind));
});

describe('转接办理的条件', () => {
  const base = { state: 'inTransit' as TransferState, kind: 'acrossCourts' as TransferKind, today: '2027-01-01', validUntil: '2027-01-01' };
  it.each<[string, Partial<typeof base> & { decision: TransferDecision }, string | null]>([
    ['有效期最后一天可以接收', { decision: 'accept' }, null],
    ['过有效期一天不能接收，须重新开具', { decision: 'accept', today: '2027-01-02' }, '介绍信已过有效期（有效期至2027-01-01），请转出方重新开具'],
    ['过期的转接仍可退回', { decision: 'return', today: '2027-03-01' }, null],
    ['已接收的不能再接收（两人先后点击）', { decision: 'accept', state: 'accepted' }, '该转接已接收，不能再办理'],
    ['已退回的不能再接收', { decision: 'accept', state: 'returned' }, '该转接已退回，不能再办理'],
    ['已撤回的不能退回', { decision: 'return', state: 'cancelled' }, '该转接已撤回，不能再办理'],
    ['在途时转出方可以撤回', { decision: 'cancel' }, null],
    ['转出平台的以回执办结', { decision: 'complete', kind: 'outOfPlatform' }, null],
    ['平台内的转接不以回执办结', { decision: 'complete' }, '只有转出平台的介绍信以收到回执办结；平台内的转接由接收方接收'],
    ['转出平台的不能在平台内接收', { decision: 'accept', kind: 'outOfPlatform' }, '转出平台的转接由接收单位凭纸质介绍信办理，平台内只登记回执'],
  ])('%s', (_name, input, expected) => {
    expect(checkTransferDecision({ ...base, ...input })).toBe(expected);
  });
});
