// 选树: the fifth step of 一支部一品牌 (申报→认定→培育→宣传→选树) as an annual selection round of the
// court (e.g. "2026年度“一支部一品牌”示范品牌选树"). The party office opens a round with a quota [U],
// a deadline and its criteria; branches (or the office for them) nominate brands that are being
// cultivated or promoted; a panel scores the nominations on the four standards with the round's
// weights (brand-review.ts — a reviewer never scores a brand of their own branch line); the office
// selects within the quota or records why not, and publishes the results.
// Round: collecting (征集) → reviewing (评审) → published (已公布).
// @see RULES.md §7 "过硬党支部", 品牌创建 (local, no national text [U])
import type { BrandState } from './brand-lifecycle';
import { brandStateLabels } from './brand-lifecycle';
import { summarizeBrandReview, type BrandScoreSet, type BrandWeights } from './brand-review';
import { formatChineseDate } from './dates';

export const selectionRoundStatuses = ['collecting', 'reviewing', 'published'] as const;
export type SelectionRoundStatus = (typeof selectionRoundStatuses)[number];
export const selectionRoundStatusLabels: Record<SelectionRoundStatus, string> = { collecting: '征集', reviewing: '评审', published: '已公布' };

export const nominationResults = ['pending', 'selected', 'notSelected'] as const;
export type NominationResult = (typeof nominationResults)[number];
export const nominationResultLabels: Record<NominationResult, string> = { pending: '待决定', selected: '已选树', notSelected: '未选树' };

/** Brand states a round accepts: 选树 follows 培育 and 宣传. */
export const nominatableBrandStates: readonly BrandState[] = ['cultivating', 'promoting'];

export type Refusal = { ok: false; message: string };
export type Check = { ok: true } | Refusal;

export type NominationCheckInput = {
  roundStatus: SelectionRoundStatus;
  /** 'YYYY-MM-DD', the last day nominations are taken. */
  deadline: string;
  today: string;
  brand: { state: BrandState; isMaster: boolean; selectedYear: number | null; courtId: string };
  roundCourtId: string;
  /** The brand is already nominated in this round. */
  alreadyNominated: boolean;
};

/** May this brand be nominated to this round now? The refusal says why, in Chinese, citing the step. */
export function checkNominationEligibility(x: NominationCheckInput): Check {
  if (x.roundStatus !== 'collecting') return { ok: false, message: `本轮选树已进入“${selectionRoundStatusLabels[x.roundStatus]}”阶段，不再接受推荐` };
  if (x.today > x.deadline) return { ok: false, message: `推荐已于${formatChineseDate(x.deadline)}截止` };
  if (x.brand.courtId !== x.roundCourtId) return { ok: false, message: '只能推荐本院的党建品牌' };
  if (x.brand.isMaster) return { ok: false, message: '院级品牌统领品牌集群，不参加支部品牌选树' };
  if (x.brand.state === 'selected') return { ok: false, message: `该品牌已${x.brand.selectedYear ? `于${x.brand.selectedYear}年度` : ''}选树，不再重复推荐` };
  if (!nominatableBrandStates.includes(x.brand.state)) {
    return { ok: false, message: `品牌当前为“${brandStateLabels[x.brand.state]}”，只有“培育中”或“宣传推广”的品牌可以推荐选树（选树是品牌创建的第五步，须经认定、培育）` };
  }
  if (x.alreadyNominated) return { ok: false, message: '该品牌已推荐参加本轮选树' };
  return { ok: true };
}

/** May one more nomination be selected? `selected` counts those already selected in the round. */
export function checkSelectionQuota(selected: number, quota: number): Check {
  if (selected >= quota) return { ok: false, message: `本轮选树名额为${quota}个，已选树${selected}个，名额已满` };
  return { ok: true };
}

/** A round's quota: a whole number from 1; above the nominations is allowed (not every round fills it). */
export function checkRoundQuota(quota: number): Check {
  if (!Number.isInteger(quota) || quota < 1) return { ok: false, message: '选树名额应为不小于1的整数' };
  return { ok: true };
}

export type RoundMove = 'review' | 'publish';
export const roundMoveLabels: Record<RoundMove, string> = { review: '进入评审', publish: '公布结果' };

/**
 * May the round move on? 征集 → 评审 needs nominations and a panel of at least two; 评审 → 已公布
 * needs a decision on every nomination (selected, or not selected with a reason).
 */
export function checkRoundMove(x: { status: SelectionRoundStatus; move: RoundMove; nominations: number; panelSize: number; pending: number }): Check {
  if (x.move === 'review') {
    if (x.status !== 'collecting') return { ok: false, message: `本轮选树当前为“${selectionRoundStatusLabels[x.status]}”，不能进入评审` };
    if (x.nominations === 0) return { ok: false, message: '尚无推荐的品牌，不能进入评审' };
    if (x.panelSize < 2) return { ok: false, message: '请先组成不少于2人的评审组' };
    return { ok: true };
  }
  if (x.status !== 'reviewing') return { ok: false, message: `本轮选树当前为“${selectionRoundStatusLabels[x.status]}”，不能公布结果` };
  if (x.pending > 0) return { ok: false, message: `还有${x.pending}个推荐品牌未作决定，不能公布结果` };
  return { ok: true };
}

export type NominationScoring = {
  /** Reviewers of the panel who are not on the brand's branch line. */
  eligibleReviewers: number;
  scores: readonly BrandScoreSet[];
};

/** The nomination's scores summarized with the round's weights (reusing the 认定 panel's rules). */
export function summarizeNomination(x: NominationScoring, weights: BrandWeights) {
  return summarizeBrandReview(x.scores, weights, x.eligibleReviewers);
}

export type RankInput = { id: string; total: number | null; evidenceTotal: number; nominatedAt: string };

/**
 * Ranking by weighted total, highest first; ties broken by the year's evidence (more activities and
 * publicity tagged to the brand first), then the earlier nomination, then the id — so the order
 * never depends on how the database returned the rows. Unscored nominations come last.
 */
export function rankNominations<T extends RankInput>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => {
    if (a.total === null || b.total === null) {
      if (a.total !== b.total) return a.total === null ? 1 : -1;
    } else if (a.total !== b.total) return b.total - a.total;
    if (a.evidenceTotal !== b.evidenceTotal) return b.evidenceTotal - a.evidenceTotal;
    if (a.nominatedAt !== b.nominatedAt) return a.nominatedAt < b.nominatedAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return sorted.map((x, i) => ({ ...x, rank: i + 1 }));
}

/** Default honor of a round: "2026年度示范党建品牌". */
export function defaultSelectionHonorName(year: number): string {
  return `${year}年度示范党建品牌`;
}

