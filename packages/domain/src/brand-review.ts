// 认定: a panel scores each application against the four standards 有主题、有内涵、有特色、有融合
// (安顺中院's 品牌创建标准). Each standard is scored 0–100; the total is the weighted mean with the
// round's weights (percent, summing to 100; default equal — [U] local practice, set by the party
// office when it forms the panel). A standard "scored low" when its panel mean is below 60, so a
// returned secretary sees exactly which ones to work on (USERS.md 黄书记).
// @see RULES.md §"过硬党支部" (品牌创建, 4-criterion rubric [U])
export const brandStandards = ['theme', 'substance', 'distinctiveness', 'integration'] as const;
export type BrandStandard = (typeof brandStandards)[number];
export const brandStandardLabels: Record<BrandStandard, string> = {
  theme: '有主题',
  substance: '有内涵',
  distinctiveness: '有特色',
  integration: '有融合',
};
export type BrandWeights = Record<BrandStandard, number>;
export type BrandScoreSet = Record<BrandStandard, number>;

export const defaultBrandWeights: BrandWeights = { theme: 25, substance: 25, distinctiveness: 25, integration: 25 };
/** Below this panel mean a standard is "low" (shown to the secretary). */
export const brandLowScore = 60;
/** The weighted total at or above which the panel recommends 认定 (the office decides). */
export const brandRecognizeScore = 75;
/** A panel has at least this many reviewers before 认定. */
export const brandMinReviewers = 2;

/** Problems with a weight set, by standard; empty when usable. */
export function checkBrandWeights(w: BrandWeights): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const s of brandStandards) {
    const v = w[s];
    if (!Number.isInteger(v) || v < 0 || v > 100) problems.push({ field: `weights.${s}`, message: `“${brandStandardLabels[s]}”的权重应为0～100的整数` });
  }
  if (!problems.length && brandStandards.reduce((sum, s) => sum + w[s], 0) !== 100) {
    problems.push({ field: 'weights', message: '四项标准的权重合计应为100' });
  }
  return problems;
}

export type BrandReviewSummary = {
  /** Panel mean per standard (one decimal), null when nobody scored yet. */
  means: Record<BrandStandard, number | null>;
  /** Weighted total of the means (one decimal), null when nobody scored yet. */
  total: number | null;
  scored: number;
  panelSize: number;
  complete: boolean;
  lowStandards: BrandStandard[];
  /** The panel's recommendation: recognize when complete and the total reaches brandRecognizeScore. */
  recommendation: 'recognize' | 'return' | 'pending';
};

const round1 = (x: number) => Math.round(x * 10) / 10;

export function summarizeBrandReview(scores: readonly BrandScoreSet[], weights: BrandWeights, panelSize: number): BrandReviewSummary {
  const means = {} as Record<BrandStandard, number | null>;
  for (const s of brandStandards) means[s] = scores.length ? round1(scores.reduce((sum, x) => sum + x[s], 0) / scores.length) : null;
  const total = scores.length ? round1(brandStandards.reduce((sum, s) => sum + (means[s] as number) * weights[s], 0) / 100) : null;
  const complete = panelSize >= brandMinReviewers && scores.length >= panelSize;
  const lowStandards = brandStandards.filter((s) => means[s] !== null && (means[s] as number) < brandLowScore);
  const recommendation = !complete ? 'pending' : total !== null && total >= brandRecognizeScore && lowStandards.length === 0 ? 'recognize' : 'return';
  return { means, total, scored: scores.length, panelSize, complete, lowStandards, recommendation };
}

/**
 * A reviewer may not score a brand of their own branch (or of an org above or below it): their
 * member record, or any branch-level grant, lies on the brand org's line. Paths are materialized
 * ('/a/b/'). The court's master brand (owned by the top org) conflicts only with the party office
 * — the panel for it comes from the branches.
 */
export function isReviewerConflicted(brandOrgPath: string, reviewerOrgPaths: readonly string[], isMaster = false): boolean {
  if (isMaster) return reviewerOrgPaths.includes(brandOrgPath);
  return reviewerOrgPaths.some((p) => p.startsWith(brandOrgPath) || brandOrgPath.startsWith(p));
}
