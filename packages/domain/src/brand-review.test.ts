import { describe, expect, it } from 'vitest';
import { checkBrandWeights, defaultBrandWeights, isReviewerConflicted, summarizeBrandReview, type BrandScoreSet } from './brand-review';

const s = (theme: number, substance: number, distinctiveness: number, integration: number): BrandScoreSet => ({ theme, substance, distinctiveness, integration });

describe('品牌认定评分：四项标准（有主题、有内涵、有特色、有融合）按权重汇总', () => {
  it('两位评审的平均分按默认等权重汇总，总分75分且无低分项时建议认定', () => {
    const r = summarizeBrandReview([s(80, 70, 75, 75), s(80, 80, 75, 65)], defaultBrandWeights, 2);
    expect(r.means).toEqual({ theme: 80, substance: 75, distinctiveness: 75, integration: 70 });
    expect(r.total).toBe(75);
    expect(r.complete).toBe(true);
    expect(r.recommendation).toBe('recognize');
  });

  it('总分74.9分时建议退回', () => {
    const r = summarizeBrandReview([s(75, 75, 75, 74.6)], { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, 1);
    expect(r.complete).toBe(false); // 评审组不足2人
    const r2 = summarizeBrandReview([s(75, 75, 75, 75), s(75, 75, 75, 74)], defaultBrandWeights, 2);
    expect(r2.total).toBe(74.9);
    expect(r2.recommendation).toBe('return');
  });

  it.each([
    ['平均60分不算低分', 60, []],
    ['平均59.5分为低分项', 59.5, ['distinctiveness']],
  ])('%s', (_n, d, low) => {
    const r = summarizeBrandReview([s(90, 90, d, 90), s(90, 90, d, 90)], defaultBrandWeights, 2);
    expect(r.lowStandards).toEqual(low);
  });

  it('有低分项时即使总分够也建议退回，秘书能看到是哪一项', () => {
    const r = summarizeBrandReview([s(95, 95, 50, 95), s(95, 95, 55, 95)], defaultBrandWeights, 2);
    expect(r.total).toBeGreaterThan(75);
    expect(r.lowStandards).toEqual(['distinctiveness']);
    expect(r.recommendation).toBe('return');
  });

  it('权重按设置计算：有融合占40%', () => {
    const r = summarizeBrandReview([s(60, 60, 60, 100), s(60, 60, 60, 100)], { theme: 20, substance: 20, distinctiveness: 20, integration: 40 }, 2);
    expect(r.total).toBe(76);
  });

  it('尚未评分时无总分，等待评审', () => {
    const r = summarizeBrandReview([], defaultBrandWeights, 2);
    expect(r).toMatchObject({ total: null, scored: 0, complete: false, recommendation: 'pending' });
  });

  it.each([
    ['默认等权重可用', defaultBrandWeights, []],
    ['合计99不可用', { theme: 25, substance: 25, distinctiveness: 25, integration: 24 }, ['weights']],
    ['负数不可用', { theme: -1, substance: 51, distinctiveness: 25, integration: 25 }, ['weights.theme']],
    ['小数不可用', { theme: 25.5, substance: 24.5, distinctiveness: 25, integration: 25 }, ['weights.theme', 'weights.substance']],
  ])('权重检查：%s', (_n, w, fields) => {
    expect(checkBrandWeights(w).map((p) => p.field)).toEqual(fields);
  });
});

describe('评审回避：评审不能为本支部（含上下级）的品牌打分', () => {
  it.each([
    ['本支部党员', '/c/b1/', ['/c/b1/'], false, true],
    ['本支部党小组组长', '/c/b1/', ['/c/b1/g1/'], false, true],
    ['其他支部书记', '/c/b1/', ['/c/b2/'], false, false],
    ['院品牌：机关党委成员回避', '/c/', ['/c/'], true, true],
    ['院品牌：各支部书记可评审', '/c/', ['/c/b2/'], true, false],
  ])('%s', (_n, brandPath, reviewerPaths, master, conflicted) => {
    expect(isReviewerConflicted(brandPath, reviewerPaths, master)).toBe(conflicted);
  });
});
