// Bad input on the write routes of 选树 (DESIGN.md § Quality bars): generated payloads get a 4xx with
// a code and a Chinese message — never a 500 — and a refused request writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['brands', 'brand_events', 'honors', 'brand_selection_rounds', 'brand_selection_reviewers', 'brand_selection_nominations', 'brand_selection_scores', 'audit_log'];
const weights = { theme: 25, substance: 25, distinctiveness: 25, integration: 25 };

describe.each(testEngines)('品牌选树写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  const ids = { collecting: newId(), reviewing: newId(), brand: newId(), scored: newId(), nomination: newId() };

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-23T09:00:00+08:00') });
    const courtId = t.fx.courts.anshun;
    const base = { courtId, orgId: t.fx.orgs.branch2.id, concept: '理念', substance: '内涵', distinctiveness: '特色', integration: '融合', round: 1 };
    await t.deps.db.insert(schema.brands).values([
      { id: ids.brand, ...base, name: '培育品牌', state: 'cultivating' },
      { id: ids.scored, ...base, orgId: t.fx.orgs.branch1.id, name: '宣传品牌', state: 'promoting' },
    ]);
    const round = { courtId, year: 2026, quota: 2, deadline: '2026-12-31', weights, honorName: '2026年度示范党建品牌', honorLevel: 'court', honorIssuer: '机关党委' };
    await t.deps.db.insert(schema.brandSelectionRounds).values([
      { id: ids.collecting, ...round, name: '征集中的选树' },
      { id: ids.reviewing, ...round, name: '评审中的选树', status: 'reviewing' },
    ]);
    await t.deps.db.insert(schema.brandSelectionReviewers).values({ id: newId(), courtId, roundId: ids.reviewing, userId: t.fx.users.anshun!.id });
    await t.deps.db.insert(schema.brandSelectionNominations).values({ id: ids.nomination, courtId, roundId: ids.reviewing, brandId: ids.scored, statement: '推荐理由', evidence: { activity: 1, publicity: 0, project: 0, total: 1 }, nominatedByName: '张健', nominatedAt: new Date('2026-11-01T10:00:00+08:00') });
  });
  afterAll(() => t.close());

  const valueArb = () =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '2025-02-30', '2026-12-01', '2999-01-01', 'review', 'publish', 'selected', 'notSelected', 'court', 'national'),
      fc.integer({ min: -5, max: 200 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.uuid(),
      fc.constantFrom(ids.brand, ids.scored, t.fx.orgs.branch1.id, t.fx.courts.anshun, t.fx.courts.lukou, t.fx.users['anshun-zw1']!.id),
      fc.array(fc.constantFrom(t.fx.users.anshun!.id, t.fx.users['anshun-zb1']!.id, t.fx.users['anshun-dy1']!.id, 'x'), { maxLength: 3 }),
      fc.record({ theme: fc.integer({ min: -1, max: 101 }), substance: fc.constantFrom(25, 30, 'a'), distinctiveness: fc.constant(25), integration: fc.constant(25) }),
    );

  const routes: { who: string; method: string; url: () => string; body: { shape: Record<string, unknown> } }[] = [
    { who: 'anshun', method: 'POST', url: () => '/api/v1/brand-selection-rounds', body: contracts.createSelectionRoundRequest },
    { who: 'anshun', method: 'PUT', url: () => `/api/v1/brand-selection-rounds/${ids.collecting}`, body: contracts.updateSelectionRoundRequest },
    { who: 'anshun', method: 'POST', url: () => `/api/v1/brand-selection-rounds/${ids.collecting}/move`, body: contracts.selectionRoundMoveRequest },
    { who: 'anshun-zb1', method: 'POST', url: () => `/api/v1/brand-selection-rounds/${ids.collecting}/nominations`, body: contracts.nominateRequest },
    { who: 'anshun', method: 'PUT', url: () => `/api/v1/brand-selection-nominations/${ids.nomination}/my-score`, body: contracts.brandScoreRequest },
    { who: 'anshun', method: 'POST', url: () => `/api/v1/brand-selection-nominations/${ids.nomination}/decision`, body: contracts.selectionDecisionRequest },
  ];

  for (const r of routes) {
    it(`${r.method} ${r.url().replace(/[0-9a-f-]{36}/g, ':id')} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      await assertRejectsBadInputCleanly(t, { who: r.who, method: r.method, url: r.url, keys: Object.keys(r.body.shape) }, valueArb(), TABLES, 40);
    });
  }

  it('查询参数有误时返回400而不是500', async () => {
    for (const url of ['/api/v1/brand-selection-rounds?year=abc', '/api/v1/brand-selection-rounds?courtId=x', '/api/v1/brand-selection-rounds/not-a-uuid']) {
      const res = await t.as('anshun', 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
