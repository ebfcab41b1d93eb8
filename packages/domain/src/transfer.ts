// 组织关系转接 (RULES.md §5): a member's organizational relation moves from one branch to another — in
// the same court, to a court on the platform (its inbox accepts or returns it), or out of the
// platform (a paper 介绍信 and its 回执). While a transfer is in transit the sending branch stays
// responsible (教育管理条例 第二十五条): the member stays where they are until the receiving side
// accepts. The 介绍信 is numbered by year and sequence and is valid for a configurable number of
// days ([U]: no national value; commonly 10–30 days, at most 3 months — 组通字〔2006〕45号 [S12]).
import { addDays, isDateAfter, type IsoDate } from './dates';

export const transferKinds = ['withinCourt', 'acrossCourts', 'outOfPlatform'] as const;
export type TransferKind = (typeof transferKinds)[number];
export const transferKindLabels: Record<TransferKind, string> = {
  withinCourt: '本院党支部间转接',
  acrossCourts: '转往平台内其他法院',
  outOfPlatform: '转出平台（纸质介绍信）',
};

export const transferStates = ['inTransit', 'accepted', 'returned', 'cancelled', 'completed'] as const;
export type TransferState = (typeof transferStates)[number];
export const transferStateLabels: Record<TransferState, string> = {
  inTransit: '在途（原支部仍负管理责任）',
  accepted: '已接收',
  returned: '已退回',
  cancelled: '已撤回',
  completed: '已办结（回执已收）',
};

export const transferRule = '《中国共产党党员教育管理工作条例》第二十五条：已转出但未被接收的，原党组织仍负管理责任；不得无故拒转拒接。RULES.md §5';
export const letterValidityRule = '组通字〔2006〕45号：介绍信注明党费交至年月和有效期；有效期全国无统一规定，由本院设置。RULES.md §5';

/** Defaults of the court-configurable transfer settings ([U], RULES.md §5). */
export const defaultTransferSettings = { letterValidityDays: 30, letterPrefix: '党组关' } as const;
export type TransferSettings = { letterValidityDays: number; letterPrefix: string };

/** The last day the 介绍信 is valid: the day it is issued counts as the first. */
export function letterValidUntil(issuedOn: IsoDate, validityDays: number): IsoDate {
  return addDays(issuedOn, validityDays - 1);
}

/** 〔2026〕3号 with the court's prefix: 党组关〔2026〕3号. */
export function formatLetterNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}〔${year}〕${sequence}号`;
}

/** Which way the relation goes, from the sending branch's court and the receiving one (null: out of the platform). */
export function transferKindOf(fromCourtId: string, toCourtId: string | null): TransferKind {
  if (!toCourtId) return 'outOfPlatform';
  return toCourtId === fromCourtId ? 'withinCourt' : 'acrossCourts';
}

export type TransferDecision = 'accept' | 'return' | 'cancel' | 'complete';

/**
 * Whether a decision may be taken now; null when it may, else the Chinese reason. Accepting or
 * returning happens once, on a transfer in transit; an out-of-platform transfer ends with its
 * 回执 (complete); an expired letter cannot be accepted — the sending side issues a new one.
 */
export function checkTransferDecision(input: { state: TransferState; kind: TransferKind; decision: TransferDecision; today: IsoDate; validUntil: IsoDate }): string | null {
  const { state, kind, decision } = input;
  if (state !== 'inTransit') return `该转接${transferStateLabels[state].replace(/（.*）/, '')}，不能再办理`;
  if (decision === 'complete' && kind !== 'outOfPlatform') return '只有转出平台的介绍信以收到回执办结；平台内的转接由接收方接收';
  if ((decision === 'accept' || decision === 'return') && kind === 'outOfPlatform') return '转出平台的转接由接收单位凭纸质介绍信办理，平台内只登记回执';
  if (decision === 'accept' && isDateAfter(input.today, input.validUntil)) return `介绍信已过有效期（有效期至${input.validUntil}），请转出方重新开具`;
  return null;
}
