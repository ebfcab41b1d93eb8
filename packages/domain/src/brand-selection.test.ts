import { describe, expect, it } from 'vitest';
import type { BrandState } from './brand-lifecycle';
import { checkBrandTransition } from './brand-lifecycle';
import { defaultBrandWeights } from './brand-review';
import { checkNominationEligibility, checkRoundMove, checkRoundQuota, checkSelectionQuota, rankNominations, summarizeNomination, type NominationCheckInput } from './brand-selection';

const base: NominationCheckInput = {
  roundStatus: 'collecting',
  deadline: '2026-10-31',
  today: '2026-10-31',
  brand: { state: 'cultivating', isMaster: false, selectedYear: null, courtId: 'c1' },
  roundCourtId: 'c1',
  alreadyNominated: false,
};
const withBrand = (b: Partial<NominationCheckInput['brand']>): NominationCheckInput => ({ ...base, brand: { ...base.brand, ...b } });

describe('选树推荐：只有培育中或宣传推广的支部品牌可以推荐，截止日当天仍可推荐', () => {
  it.each<[string, NominationCheckInput, string | null]>([
    ['培育中的品牌可以推荐', base, null],
    ['宣传推广的品牌可以推荐', withBrand({ state: 'promoting' }), null],
    ['截止日当天可以推荐', { ...base, today: '2026-10-31' }, null],
    ['截止日次日不能推荐', { ...base, today: '2026-11-01' }, '推荐已于2026年10月31日截止'],
    ['已认定尚未培育的品牌不能推荐', withBrand({ state: 'recognized' }), '品牌当前为“已认定”，只有“培育中”或“宣传推广”的品牌可以推荐选树'],
    ['已申报的品牌不能推荐', withBrand({ state: 'submitted' }), '品牌当前为“已申报”'],
    ['草稿不能推荐', withBrand({ state: 'draft' }), '品牌当前为“草稿”'],
    ['退回修改的品牌不能推荐', withBrand({ state: 'returned' }), '品牌当前为“退回修改”'],
    ['不予认定的品牌不能推荐', withBrand({ state: 'rejected' }), '品牌当前为“不予认定”'],
    ['已选树的品牌不重复推荐', withBrand({ state: 'selected', selectedYear: 2025 }), '该品牌已于2025年度选树'],
    ['院级品牌不参加支部品牌选树', withBrand({ state: 'promoting', isMaster: true }), '院级品牌'],
    ['其他法院的品牌不能推荐', withBrand({ courtId: 'c2' }), '只能推荐本院的党建品牌'],
    ['同一品牌在本轮只推荐一次', { ...base, alreadyNominated: true }, '已推荐参加本轮选树'],
    ['进入评审后不再接受推荐', { ...base, roundStatus: 'reviewing' }, '“评审”阶段，不再接受推荐'],
    ['已公布的选树不再接受推荐', { ...base, roundStatus: 'published' }, '“已公布”阶段'],
  ])('%s', (_n, input, refusal) => {
    const r = checkNominationEligibility(input);
    if (refusal === null) expect(r).toEqual({ ok: true });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(refusal);
    }
  });

  it.each<[BrandState, boolean]>([
    ['cultivating', true],
    ['promoting', true],
    ['recognized', false],
    ['selected', false],
  ])('品牌状态机：%s 的品牌可否选树 → %s', (state, ok) => {
    expect(checkBrandTransition(state, 'select', ['office']).ok).toBe(ok);
  });
});

describe('选树名额：已选数达到名额即不能再选树', () => {
  it.each([
    ['名额3个、已选2个，可再选1个', 2, 3, true],
    ['名额3个、已选3个，名额已满', 3, 3, false],
    ['名额1个、尚未选，可选', 0, 1, true],
    ['名额1个、已选1个，名额已满', 1, 1, false],
  ])('%s', (_n, selected, quota, ok) => {
    const r = checkSelectionQuota(selected, quota);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toBe(`本轮选树名额为${quota}个，已选树${selected}个，名额已满`);
  });

  it.each([
    [1, true],
    [0, false],
    [-1, false],
    [2.5, false],
  ])('名额 %s 是否可用：%s', (quota, ok) => {
    expect(checkRoundQuota(quota).ok).toBe(ok);
  });
});

describe('选树阶段：征集→评审须有推荐且评审组不少于2人；评审→公布须全部作出决定', () => {
  it.each<[string, Parameters<typeof checkRoundMove>[0], string | null]>([
    ['有推荐、评审组2人，进入评审', { status: 'collecting', move: 'review', nominations: 2, panelSize: 2, pending: 2 }, null],
    ['没有推荐不能进入评审', { status: 'collecting', move: 'review', nominations: 0, panelSize: 2, pending: 0 }, '尚无推荐'],
    ['评审组1人不能进入评审', { status: 'collecting', move: 'review', nominations: 1, panelSize: 1, pending: 1 }, '不少于2人'],
    ['评审中不能再进入评审', { status: 'reviewing', move: 'review', nominations: 1, panelSize: 2, pending: 1 }, '不能进入评审'],
    ['全部决定后公布', { status: 'reviewing', move: 'publish', nominations: 2, panelSize: 2, pending: 0 }, null],
    ['还有1个未决定不能公布', { status: 'reviewing', move: 'publish', nominations: 2, panelSize: 2, pending: 1 }, '还有1个推荐品牌未作决定'],
    ['征集阶段不能直接公布', { status: 'collecting', move: 'publish', nominations: 2, panelSize: 2, pending: 0 }, '不能公布结果'],
  ])('%s', (_n, input, refusal) => {
    const r = checkRoundMove(input);
    if (refusal === null) expect(r.ok).toBe(true);
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(refusal);
    }
  });
});

describe('选树排名：按加权总分从高到低，同分时佐证多者在前，再按推荐先后，结果确定', () => {
  const n = (id: string, total: number | null, evidenceTotal: number, nominatedAt: string) => ({ id, total, evidenceTotal, nominatedAt });

  it('总分高者在前', () => {
    expect(rankNominations([n('a', 80, 9, '2026-09-01'), n('b', 90.5, 0, '2026-09-02')]).map((x) => [x.id, x.rank])).toEqual([['b', 1], ['a', 2]]);
  });

  it.each([
    ['同分时当年佐证多者在前', [n('a', 85, 3, '2026-09-01'), n('b', 85, 5, '2026-09-02')], ['b', 'a']],
    ['同分同佐证时先推荐者在前', [n('a', 85, 3, '2026-09-02'), n('b', 85, 3, '2026-09-01')], ['b', 'a']],
    ['全部相同时按编号，顺序与输入无关', [n('z', 85, 3, '2026-09-01'), n('y', 85, 3, '2026-09-01')], ['y', 'z']],
    ['尚未评分的排在最后', [n('a', null, 9, '2026-09-01'), n('b', 60, 0, '2026-09-02')], ['b', 'a']],
    ['相差0.1分也分先后', [n('a', 84.9, 9, '2026-09-01'), n('b', 85, 0, '2026-09-02')], ['b', 'a']],
  ])('%s', (_n, items, order) => {
    expect(rankNominations(items).map((x) => x.id)).toEqual(order);
    expect(rankNominations([...items].reverse()).map((x) => x.id)).toEqual(order);
  });

  it('评分汇总沿用认定评审规则：应评评审（已回避者不计）全部评完才算完成', () => {
    const s = { theme: 90, substance: 80, distinctiveness: 85, integration: 85 };
    expect(summarizeNomination({ eligibleReviewers: 2, scores: [s] }, defaultBrandWeights).complete).toBe(false);
    const done = summarizeNomination({ eligibleReviewers: 2, scores: [s, s] }, defaultBrandWeights);
    expect(done).toMatchObject({ complete: true, total: 85 });
    expect(summarizeNomination({ eligibleReviewers: 2, scores: [s, s] }, { theme: 40, substance: 20, distinctiveness: 20, integration: 20 }).total).toBe(86);
  });
});
