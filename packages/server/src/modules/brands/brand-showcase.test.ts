// 对外展示 (issue 4 § 宣传): the court's brand cluster as the public sees it — no login, only the brands
// the party office published, no personal data (team, reviewers, individual honors).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

describe.each(testEngines)('党建品牌对外展示 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const base = { courtId: t.fx.courts.anshun, orgId: t.fx.orgs.branch1.id, concept: '以党建引领审判', substance: '内涵', distinctiveness: '特色', integration: '立案服务', round: 1 };
    await t.deps.db.insert(schema.brands).values([
      { ...base, id: newId(), name: '初心铸魂 立案为民', slogan: '一站通办', state: 'selected', published: true, team: '张健、王芳' },
      { ...base, id: newId(), name: '尚未公开的品牌', state: 'selected', published: false },
      { ...base, id: newId(), name: '公开但仍在评审的品牌', state: 'submitted', published: true },
    ]);
  });
  afterAll(() => t.close());

  it('不登录即可查看本院公开的已认定品牌，不含未公开的、未认定的品牌和团队成员姓名', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/brand-showcase/${t.fx.courts.anshun}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { courtName: string; brands: { name: string }[] };
    expect(body.courtName).toBe('安顺市中级人民法院');
    expect(body.brands.map((b) => b.name)).toEqual(['初心铸魂 立案为民']);
    expect(res.body).not.toContain('张健');
  });

  it('不存在的法院返回404', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/brand-showcase/${newId()}` });
    expect(res.statusCode).toBe(404);
  });
});
