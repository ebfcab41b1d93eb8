// Who may be left out of a meeting's 应到会 count, and when such an exclusion is in force. The five
// situations come from 中组部口径 (RULES.md §1.2 "Who counts in 应到会" [S]); each one needs the
// approval of the higher-level Party organization, so an exclusion counts only once approved, only
// from its first day to its last (both included), and never for a meeting before it started.
// @see RULES.md §1.2 Edge cases
import { isIsoDate, type IsoDate } from './dates';

export const quorumExclusionCategories = ['mentalIllness', 'abroadPrivate', 'servingSentence', 'bedridden', 'awayUntransferred'] as const;
export type QuorumExclusionCategory = (typeof quorumExclusionCategories)[number];
export const quorumExclusionCategoryLabels: Record<QuorumExclusionCategory, string> = {
  mentalIllness: '患精神病或其他疾病不能表达本人意志',
  abroadPrivate: '自费出国半年以上',
  servingSentence: '正在服刑（未受留党察看以上处分）',
  bedridden: '年老体弱卧床不起、长期生病生活不能自理',
  awayUntransferred: '外出半年以上、应转走组织关系而未转走',
};
export const quorumExclusionRule = '经上级党组织批准，可不计入应到会人数（中组部口径；RULES.md §1.2）';

export const quorumExclusionStates = ['pending', 'approved', 'rejected', 'ended'] as const;
export type QuorumExclusionState = (typeof quorumExclusionStates)[number];
export const quorumExclusionStateLabels: Record<QuorumExclusionState, string> = {
  pending: '待上级审批',
  approved: '已批准',
  rejected: '未批准',
  ended: '已终止',
};

export type QuorumExclusionPeriod = {
  state: QuorumExclusionState;
  validFrom: IsoDate;
  /** Last day in force; null = until ended. An ended exclusion keeps the day it ended here. */
  validTo: IsoDate | null;
};

/** True when the exclusion takes the member out of 应到会 at a meeting held on `date`. */
export function isExcludedFromQuorumOn(exclusion: QuorumExclusionPeriod, date: IsoDate): boolean {
  if (exclusion.state !== 'approved' && exclusion.state !== 'ended') return false;
  if (date < exclusion.validFrom) return false;
  return exclusion.validTo === null || date <= exclusion.validTo;
}

/** Chinese problems with a requested period, by field; empty when it can be saved. */
export function checkQuorumExclusionPeriod(validFrom: IsoDate, validTo: IsoDate | null | undefined): { field: 'validFrom' | 'validTo'; message: string }[] {
  if (!isIsoDate(validFrom)) return [{ field: 'validFrom', message: '开始日期无效' }];
  if (validTo != null && !isIsoDate(validTo)) return [{ field: 'validTo', message: '结束日期无效' }];
  if (validTo != null && validTo < validFrom) return [{ field: 'validTo', message: '结束日期不能早于开始日期' }];
  return [];
}
