// 选树 through the API: the party office opens a round, branches nominate brands being cultivated or
// promoted (others refused, citing why), panel members outside the brand's line score blind, the
// office selects within the quota (the brand becomes 已选树 with the honor in one step) or records why
// not, and publishes; results are then visible to the whole court.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId, schema } from '@zhibu/db';
import type { BrandState } from '@zhibu/domain';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { addBranch2Reviewers } from './brands.test-support';

type Nomination = { id: string; brandId: string; result: string; total: number | null; rank: number | null; scores: unknown[]; myScore: unknown; decisionReason: string | null; version: number; evidence: { activity: number; publicity: number; total: number }; conflicted: boolean };

describe.each(testEngines)('品牌选树 (%s)', (engine) => {
  let t: TestApp;
  let reviewers: { zb2: string; zw2: string };
  const now = new Date('2026-06-10T09:00:00+08:00');
  let roundId = '';
  let version = 0;
  const brand: Record<string, string> = {};
  const nom: Record<string, Nomination> = {};

  const insertBrand = async (orgId: string, name: string, state: BrandState) => {
    const id = newId();
    await t.deps.db.insert(schema.brands).values({ id, courtId: t.fx.courts.anshun, orgId, name, concept: '理念', substance: '内涵', distinctiveness: '特色', integration: '融合', state, round: 1 });
    return id;
  };
  const get = async (who: string) => {
    const res = await t.as(who, 'GET', `/api/v1/brand-selection-rounds/${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string; version: number; nominations: Nomination[]; myBrands: { brandId: string; eligible: boolean; reason: string | null }[]; panel: { name: string }[] };
  };
  const remember = (body: { version: number; nominations: Nomination[] }) => {
    version = body.version;
    for (const n of body.nominations) for (const [k, id] of Object.entries(brand)) if (n.brandId === id) nom[k] = n;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    reviewers = await addBranch2Reviewers(t);
    brand.one = await insertBrand(t.fx.orgs.branch1.id, '初心铸魂 立案为民', 'cultivating');
    brand.two = await insertBrand(t.fx.orgs.branch2.id, '初心铸魂 融法致刑', 'promoting');
    // Evidence of 2026 counts for the 2026 round; last year's does not.
    await t.deps.db.insert(schema.brandEvidence).values([
      { id: newId(), courtId: t.fx.courts.anshun, brandId: brand.one, kind: 'activity', title: '主题党日：立案窗口服务', occurredOn: '2026-03-01' },
      { id: newId(), courtId: t.fx.courts.anshun, brandId: brand.one, kind: 'publicity', title: '微信公众号报道', occurredOn: '2026-04-01' },
      { id: newId(), courtId: t.fx.courts.anshun, brandId: brand.one, kind: 'activity', title: '去年的活动', occurredOn: '2025-12-31' },
    ]);
  });
  afterAll(() => t.close());

  it('党建办发起年度选树；支部书记不能发起；截止日期不能早于今天，权重合计须为100', async () => {
    const body = { year: 2026, name: '2026年度“一支部一品牌”示范品牌选树', quota: 1, deadline: '2026-06-30', criteria: '品牌培育满一年，四项标准均衡' };
    expect((await t.as('anshun-zb1', 'POST', '/api/v1/brand-selection-rounds', body)).statusCode).toBe(403);
    const past = await t.as('anshun', 'POST', '/api/v1/brand-selection-rounds', { ...body, deadline: '2026-06-09' });
    expect(past.statusCode).toBe(400);
    expect(past.json().details[0]).toMatchObject({ field: 'deadline', message: '推荐截止日期不能早于今天' });
    const badWeights = await t.as('anshun', 'POST', '/api/v1/brand-selection-rounds', { ...body, weights: { theme: 30, substance: 25, distinctiveness: 25, integration: 25 } });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json().details[0].field).toBe('weights');
    const res = await t.as('anshun', 'POST', '/api/v1/brand-selection-rounds', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'collecting', statusLabel: '征集', quota: 1, honorName: '2026年度示范党建品牌', honorLevel: 'court', honorLevelLabel: '院级', weights: { theme: 25 } });
    roundId = res.json().id;
    version = res.json().version;
    const dup = await t.as('anshun', 'POST', '/api/v1/brand-selection-rounds', body);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details[0].field).toBe('name');
  });

  it('支部书记推荐本支部培育中的品牌，附当年佐证数；已认定的品牌被拒绝并说明原因；不能推荐其他支部的品牌', async () => {
    const mine = await get('anshun-zb1');
    expect(mine.myBrands.map((b) => b.brandId)).toEqual([brand.one]);
    const ok = await t.as('anshun-zb1', 'POST', `/api/v1/brand-selection-rounds/${roundId}/nominations`, { brandId: brand.one, statement: '“立案+调解”党员先锋岗成效明显，群众满意度98%' });
    expect(ok.statusCode, ok.body).toBe(200);
    remember(ok.json());
    expect(nom.one!.evidence).toMatchObject({ activity: 1, publicity: 1, total: 2 });
    const again = await t.as('anshun-zb1', 'POST', `/api/v1/brand-selection-rounds/${roundId}/nominations`, { brandId: brand.one, statement: '再次推荐' });
    expect(again.statusCode).toBe(400);
    expect(again.json().details[0].message).toBe('该品牌已推荐参加本轮选树');
    const other = await t.as('anshun-zb1', 'POST', `/api/v1/brand-selection-rounds/${roundId}/nominations`, { brandId: brand.two, statement: '替别的支部推荐' });
    expect(other.statusCode).toBe(403);

    const recognized = await insertBrand(t.fx.orgs.branch2.id, '刚认定的品牌', 'recognized');
    const refused = await t.as('anshun', 'POST', `/api/v1/brand-selection-rounds/${roundId}/nominations`, { brandId: recognized, statement: '推荐' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0]).toMatchObject({ field: 'brandId' });
    expect(refused.json().details[0].message).toContain('品牌当前为“已认定”，只有“培育中”或“宣传推广”的品牌可以推荐选树');
    await t.deps.db.delete(schema.brands).where(eq(schema.brands.id, recognized));

    // The office nominates on behalf of 第二支部.
    const byOffice = await t.as('anshun', 'POST', `/api/v1/brand-selection-rounds/${roundId}/nominations`, { brandId: brand.two, statement: '“融法致刑”品牌宣传推广成效突出' });
    expect(byOffice.statusCode, byOffice.body).toBe(200);
    remember(byOffice.json());
    // Before publishing, a member sees no nominations; a secretary only their own.
    expect((await get('anshun-dy1')).nominations).toEqual([]);
    expect((await get('anshun-zb1')).nominations.map((n) => n.brandId)).toEqual([brand.one]);
  });

  it('党建办组成评审组；评审组不足2人不能进入评审；征集阶段不能评分；进入评审后不再接受推荐', async () => {
    const short = await t.as('anshun', 'POST', `/api/v1/brand-selection-rounds/${roundId}/move`, { move: 'review', version });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe('请先组成不少于2人的评审组');
    const panel = [reviewers.zb2, reviewers.zw2, t.fx.users['anshun-zb1']!.id, t.fx.users.anshun!.id];
    const notStaff = await t.as('anshun', 'PUT', `/api/v1/brand-selection-rounds/${roundId}`, { name: '2026年度“一支部一品牌”示范品牌选树', quota: 1, deadline: '2026-06-30', reviewerIds: [...panel, t.fx.users['anshun-dy1']!.id], version });
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().details[0].field).toBe('reviewerIds');
    const formed = await t.as('anshun', 'PUT', `/api/v1/brand-selection-rounds/${roundId}`, { name: '2026年度“一支部一品牌”示范品牌选树', quota: 1, deadline: '2026-06-30', criteria: '品牌培育满一年，四项标准均衡', reviewerIds: panel, version });
    expect(formed.statusCode, formed.body).toBe(200);
    remember(formed.json());
    expect(formed.json().panel).toHaveLength(4);
    const early = await t.as('anshun-zb2', 'PUT', `/api/v1/brand-selection-nominations/${nom.one!.id}/my-score`, { theme: 90, substance: 90, distinctiveness: 90, integration: 90 });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('评审阶段才能评分');
    expect((await t.as('anshun-zb1', 'POST', `/api/v1/brand-selection-rounds/${roundId}/move`, { move: 'review', version })).statusCode).toBe(403);
    const moved = await t.as('anshun', 'POST', `/api/v1/brand-selection-rounds/${roundId}/move`, { move: 'review', version });
    expect(moved.statusCode, moved.body).toBe(200);
    remember(moved.json());
    expect(moved.json().statusLabel).toBe('评审');
    const late = await t.as('anshun', 'DELETE', `/api/v1/brand-selection-nominations/${nom.one!.id}`);
    expect(late.statusCode).toBe(400);
  });

  it('评审回避：第一支部书记不能为本支部品牌打分；评分背靠背，评审只看到自己的分', async () => {
    const self = await t.as('anshun-zb1', 'PUT', `/api/v1/brand-selection-nominations/${nom.one!.id}/my-score`, { theme: 99, substance: 99, distinctiveness: 99, integration: 99 });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('回避');
    const zb1View = (await get('anshun-zb1')).nominations.find((n) => n.brandId === brand.one)!;
    expect(zb1View.conflicted).toBe(true);

    const score = (who: string, id: string, s: number[]) => t.as(who, 'PUT', `/api/v1/brand-selection-nominations/${id}/my-score`, { theme: s[0], substance: s[1], distinctiveness: s[2], integration: s[3] });
    expect((await score('anshun-zb2', nom.one!.id, [90, 88, 92, 90])).statusCode).toBe(200);
    const blind = (await get('anshun-zb2')).nominations.find((n) => n.brandId === brand.one)!;
    expect(blind.myScore).not.toBeNull();
    expect(blind.scores).toEqual([]);
    expect(blind.total).toBeNull();
    expect((await score('anshun-zw2', nom.one!.id, [86, 84, 88, 86])).statusCode).toBe(200);
    // 第二支部's reviewers step aside for its brand; the others score it.
    expect((await score('anshun-zw2', nom.two!.id, [80, 80, 80, 80])).statusCode).toBe(403);
    expect((await score('anshun-zb1', nom.two!.id, [84, 82, 80, 86])).statusCode).toBe(200);
    expect((await score('anshun', nom.two!.id, [86, 84, 82, 84])).statusCode).toBe(200);
  });

  it('已有评分后仍可调整名额和条件，但不能再改权重', async () => {
    const body = { name: '2026年度“一支部一品牌”示范品牌选树', quota: 1, deadline: '2026-06-30', criteria: '品牌培育满一年；四项标准均衡', weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 } };
    const same = await t.as('anshun', 'PUT', `/api/v1/brand-selection-rounds/${roundId}`, { ...body, version });
    expect(same.statusCode, same.body).toBe(200);
    remember(same.json());
    const changed = await t.as('anshun', 'PUT', `/api/v1/brand-selection-rounds/${roundId}`, { ...body, weights: { theme: 40, substance: 20, distinctiveness: 20, integration: 20 }, version });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().details[0]).toMatchObject({ field: 'weights', message: '已有评审打分，不能再修改评分权重' });
  });

  it('评审未评完不能决定；支部不能决定；未选树须写明理由', async () => {
    const incomplete = await t.as('anshun', 'POST', `/api/v1/brand-selection-nominations/${nom.one!.id}/decision`, { result: 'selected', version: nom.one!.version });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().message).toBe('评审尚未全部评分（已评2/3人）');
    const r = await t.as('anshun', 'PUT', `/api/v1/brand-selection-nominations/${nom.one!.id}/my-score`, { theme: 88, substance: 86, distinctiveness: 90, integration: 88, comment: '特色鲜明' });
    expect(r.statusCode).toBe(200);
    const office = await get('anshun');
    remember(office);
    expect(office.nominations.map((n) => [n.brandId, n.rank])).toEqual([[brand.one, 1], [brand.two, 2]]);
    expect(nom.one!.total).toBe(88);
    expect((await t.as('anshun-zb1', 'POST', `/api/v1/brand-selection-nominations/${nom.one!.id}/decision`, { result: 'selected', version: nom.one!.version })).statusCode).toBe(403);
    const noReason = await t.as('anshun', 'POST', `/api/v1/brand-selection-nominations/${nom.two!.id}/decision`, { result: 'notSelected', version: nom.two!.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');
  });

  it('党建办选树：品牌变为已选树、选树年度2026，荣誉同时记入荣誉库；名额已满时不能再选', async () => {
    const res = await t.as('anshun', 'POST', `/api/v1/brand-selection-nominations/${nom.one!.id}/decision`, { result: 'selected', version: nom.one!.version });
    expect(res.statusCode, res.body).toBe(200);
    remember(res.json());
    expect(res.json().selectedCount).toBe(1);
    const b = (await t.as('anshun-zb1', 'GET', `/api/v1/brands/${brand.one}`)).json();
    expect(b).toMatchObject({ state: 'selected', stateLabel: '已选树', selectedYear: 2026 });
    expect(b.honors).toEqual([expect.objectContaining({ name: '2026年度示范党建品牌', level: 'court', kind: 'collective', awardedOn: '2026-06-10' })]);
    expect(b.selections).toEqual([expect.objectContaining({ roundId, year: 2026, resultLabel: '已选树' })]);
    expect(b.events.at(-1)).toMatchObject({ action: 'select', toStateLabel: '已选树' });

    const full = await t.as('anshun', 'POST', `/api/v1/brand-selection-nominations/${nom.two!.id}/decision`, { result: 'selected', version: nom.two!.version });
    expect(full.statusCode).toBe(400);
    expect(full.json().message).toBe('本轮选树名额为1个，已选树1个，名额已满');
    const twoState = (await t.deps.db.select({ state: schema.brands.state }).from(schema.brands).where(eq(schema.brands.id, brand.two!)))[0]!.state;
    expect(twoState).toBe('promoting');
    const honors = await t.deps.db.select().from(schema.honors).where(eq(schema.honors.brandId, brand.two!));
    expect(honors).toEqual([]);
  });

  it('全部决定后公布；公布后全院可见结果和排名，普通党员看不到评审个人打分和未选理由', async () => {
    const early = await t.as('anshun', 'POST', `/api/v1/brand-selection-rounds/${roundId}/move`, { move: 'publish', version });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('还有1个推荐品牌未作决定，不能公布结果');
    const no = await t.as('anshun', 'POST', `/api/v1/brand-selection-nominations/${nom.two!.id}/decision`, { result: 'notSelected', reason: '名额有限，排名第二，明年继续培育', version: nom.two!.version });
    expect(no.statusCode, no.body).toBe(200);
    remember(no.json());
    const pub = await t.as('anshun', 'POST', `/api/v1/brand-selection-rounds/${roundId}/move`, { move: 'publish', version });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', statusLabel: '已公布' });
    remember(pub.json());

    const member = await get('anshun-dy1');
    expect(member.nominations.map((n) => [n.brandId, n.result, n.rank])).toEqual([[brand.one, 'selected', 1], [brand.two, 'notSelected', 2]]);
    expect(member.nominations[0]!.total).toBe(88);
    expect(member.nominations.every((n) => n.scores.length === 0 && n.decisionReason === null)).toBe(true);
    const branch2 = (await get('anshun-zb2')).nominations.find((n) => n.brandId === brand.two)!;
    expect(branch2.decisionReason).toBe('名额有限，排名第二，明年继续培育');
    expect((await t.as('lukou', 'GET', `/api/v1/brand-selection-rounds/${roundId}`)).statusCode).toBe(404);
    const list = await t.as('guizhou', 'GET', '/api/v1/brand-selection-rounds');
    expect(list.json().items).toEqual([expect.objectContaining({ id: roundId, selectedCount: 1, nominationCount: 2 })]);
    const edit = await t.as('anshun', 'PUT', `/api/v1/brand-selection-rounds/${roundId}`, { name: '改名', quota: 2, deadline: '2026-06-30', version });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().message).toBe('选树结果已公布，不能再修改');
  });

  it('名额只剩1个时同时选树两个品牌：只有一个成功，另一个因名额已满被拒绝', async () => {
    const courtId = t.fx.courts.anshun;
    const rid = newId();
    await t.deps.db.insert(schema.brandSelectionRounds).values({ id: rid, courtId, year: 2026, name: '并发选树', quota: 1, deadline: '2026-06-30', status: 'reviewing', weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, honorName: '2026年度示范党建品牌', honorLevel: 'court', honorIssuer: '机关党委' });
    const panel = [t.fx.users.sysadmin!.id, t.fx.users.auditor!.id];
    await t.deps.db.insert(schema.brandSelectionReviewers).values(panel.map((userId) => ({ id: newId(), courtId, roundId: rid, userId })));
    const noms: string[] = [];
    for (const [org, name] of [[t.fx.orgs.branch1.id, '并发品牌甲'], [t.fx.orgs.branch2.id, '并发品牌乙']] as const) {
      const nid = newId();
      await t.deps.db.insert(schema.brandSelectionNominations).values({ id: nid, courtId, roundId: rid, brandId: await insertBrand(org, name, 'cultivating'), statement: '推荐', evidence: { activity: 0, publicity: 0, project: 0, total: 0 }, nominatedByName: '郑明春', nominatedAt: now });
      for (const reviewerId of panel) await t.deps.db.insert(schema.brandSelectionScores).values({ id: newId(), courtId, nominationId: nid, reviewerId, theme: 90, substance: 90, distinctiveness: 90, integration: 90 });
      noms.push(nid);
    }
    const results = await Promise.all(noms.map((id) => t.as('anshun', 'POST', `/api/v1/brand-selection-nominations/${id}/decision`, { result: 'selected', version: 1 })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.statusCode === 400)!.json().message).toBe('本轮选树名额为1个，已选树1个，名额已满');
    const selected = await t.deps.db.select().from(schema.brandSelectionNominations).where(eq(schema.brandSelectionNominations.roundId, rid));
    expect(selected.filter((n) => n.result === 'selected')).toHaveLength(1);
  });

  it('对外展示页显示选树年度', async () => {
    await t.deps.db.update(schema.brands).set({ published: true }).where(eq(schema.brands.id, brand.one!));
    const res = await t.as('anshun-dy1', 'GET', `/api/v1/public/brand-showcase/${t.fx.courts.anshun}`);
    expect(res.json().brands).toEqual([expect.objectContaining({ name: '初心铸魂 立案为民', selectedYear: 2026, stateLabel: '已选树' })]);
  });
});
