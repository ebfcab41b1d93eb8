// Bad input on the write routes of 党建品牌 and 荣誉 (DESIGN.md § Quality bars): generated payloads get
// a 4xx with a code and a Chinese message — never a 500 — and a refused request writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['brands', 'brand_reviewers', 'brand_scores', 'brand_events', 'brand_milestones', 'brand_progress_reports', 'brand_evidence', 'honors', 'audit_log'];

describe.each(testEngines)('党建品牌写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  const ids = { draft: newId(), submitted: newId(), cultivating: newId(), milestone: newId(), honor: newId() };

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-23T09:00:00+08:00') });
    const base = { courtId: t.fx.courts.anshun, orgId: t.fx.orgs.branch1.id, concept: '理念', substance: '内涵', distinctiveness: '特色', integration: '融合' };
    await t.deps.db.insert(schema.brands).values([
      { id: ids.draft, ...base, name: '草稿品牌', state: 'draft' },
      { id: ids.submitted, ...base, orgId: t.fx.orgs.branch2.id, name: '申报品牌', state: 'submitted', round: 1 },
      { id: ids.cultivating, ...base, orgId: t.fx.orgs.branch2.id, name: '培育品牌', state: 'cultivating', round: 1 },
    ]);
    await t.deps.db.insert(schema.brandReviewers).values({ id: newId(), courtId: t.fx.courts.anshun, brandId: ids.submitted, round: 1, userId: t.fx.users.anshun!.id });
    await t.deps.db.insert(schema.brandMilestones).values({ id: ids.milestone, courtId: t.fx.courts.anshun, brandId: ids.cultivating, title: '节点', owner: '陈刚', dueOn: '2026-12-31' });
    await t.deps.db.insert(schema.honors).values({ id: ids.honor, courtId: t.fx.courts.anshun, kind: 'collective', name: '先进基层党组织', level: 'city', issuer: '市直机关工委', awardedOn: '2026-07-01', orgId: t.fx.orgs.branch1.id, recipientName: '第一支部' });
  });
  afterAll(() => t.close());

  const valueArb = () =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '2025-02-30', '2026-12-01', '2999-01-01', 'submit', 'recognize', 'select', 'collective', 'individual', 'city', 'national', 'activity', 'publicity'),
      fc.integer({ min: -5, max: 200 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.uuid(),
      fc.constantFrom(t.fx.orgs.branch1.id, t.fx.orgs.lukouBranch.id, t.fx.orgs.committee.id, t.fx.members.member2.id, t.fx.members.lukouMember.id, t.fx.users['anshun-zw1']!.id),
      fc.array(fc.constantFrom(t.fx.users.anshun!.id, t.fx.users['anshun-zb1']!.id, 'x'), { maxLength: 3 }),
      fc.record({ theme: fc.integer({ min: -1, max: 101 }), substance: fc.constantFrom(25, 30, 'a'), distinctiveness: fc.constant(25), integration: fc.constant(25) }),
    );

  const routes: { who: string; method: string; url: () => string; body: { shape: Record<string, unknown> } }[] = [
    { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/brands', body: contracts.createBrandRequest },
    { who: 'anshun-zb1', method: 'PUT', url: () => `/api/v1/brands/${ids.draft}`, body: contracts.updateBrandRequest },
    { who: 'anshun', method: 'POST', url: () => `/api/v1/brands/${ids.submitted}/transition`, body: contracts.brandTransitionRequest },
    { who: 'anshun', method: 'PUT', url: () => `/api/v1/brands/${ids.submitted}/panel`, body: contracts.brandPanelRequest },
    { who: 'anshun', method: 'PUT', url: () => `/api/v1/brands/${ids.submitted}/my-score`, body: contracts.brandScoreRequest },
    { who: 'anshun', method: 'POST', url: () => `/api/v1/brands/${ids.cultivating}/milestones`, body: contracts.createMilestoneRequest },
    { who: 'anshun', method: 'PUT', url: () => `/api/v1/brand-milestones/${ids.milestone}`, body: contracts.updateMilestoneRequest },
    { who: 'anshun', method: 'POST', url: () => `/api/v1/brands/${ids.cultivating}/progress-reports`, body: contracts.createProgressReportRequest },
    { who: 'anshun', method: 'POST', url: () => `/api/v1/brands/${ids.cultivating}/evidence`, body: contracts.createEvidenceRequest },
    { who: 'anshun', method: 'POST', url: () => '/api/v1/honors', body: contracts.createHonorRequest },
    { who: 'anshun', method: 'PUT', url: () => `/api/v1/honors/${ids.honor}`, body: contracts.updateHonorRequest },
  ];

  for (const r of routes) {
    it(`${r.method} ${r.url().replace(/[0-9a-f-]{36}/g, ':id')} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      await assertRejectsBadInputCleanly(t, { who: r.who, method: r.method, url: r.url, keys: Object.keys(r.body.shape) }, valueArb(), TABLES, 40);
    });
  }

  it('查询参数有误时返回400而不是500', async () => {
    for (const url of ['/api/v1/brands?state=nope', '/api/v1/brands?pageSize=0', '/api/v1/brands?courtId=x', '/api/v1/honors?year=abc', '/api/v1/honors?level=county', '/api/v1/brand-cluster?courtId=1', '/api/v1/brands/not-a-uuid']) {
      const res = await t.as('anshun', 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
