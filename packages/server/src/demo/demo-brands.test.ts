// The demo's brands (issue 4 § Demo data): the articles' brands in every step, a returned one with
// 有特色 low, an overdue milestone as a reminder, the selected ones with their honors, and the
// reviewer accounts on the panels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';

describe('演示数据：党建品牌与荣誉', () => {
  let demo: DemoApp;
  const get = (username: string, url: string) => demo.get(username, url);

  beforeAll(async () => {
    demo = await openDemoApp('2026-11-20T10:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('安顺中院“1+N”品牌集群：院品牌“安法护航 初心铸魂”及各支部品牌，状态各异', async () => {
    const c = await get('anshun', '/api/v1/brand-cluster');
    expect(c.master).toMatchObject({ name: '安法护航 初心铸魂', state: 'selected' });
    const names = c.branches.map((b: { name: string }) => b.name);
    expect(names).toEqual(expect.arrayContaining(['初心铸魂 清风拂绿', '初心铸魂 数智执行', '初心铸魂 融法致刑']));
    const states = new Set(c.branches.map((b: { state: string }) => b.state));
    for (const s of ['selected', 'cultivating', 'recognized', 'promoting', 'returned', 'submitted']) expect(states).toContain(s);
  });

  it('退回的品牌显示“有特色”低分；执行局品牌有逾期培育节点提醒', async () => {
    const list = await get('anshun', '/api/v1/brands?pageSize=100');
    const returned = list.items.find((b: { state: string }) => b.state === 'returned');
    const d = await get('anshun', `/api/v1/brands/${returned.id}`);
    expect(d.review.lowStandardLabels).toEqual(['有特色']);
    const rem = await get('anshun', '/api/v1/brand-reminders');
    expect(rem.items.some((r: { brandName: string }) => r.brandName === '初心铸魂 数智执行')).toBe(true);
  });

  it('第八党支部书记（anshun-zb8）看到本支部品牌及荣誉；评审账号有待评分的申报；渌口四个支部品牌', async () => {
    const mine = await get('anshun-zb8', '/api/v1/brands?pageSize=100');
    const green = mine.items.find((b: { name: string }) => b.name === '初心铸魂 清风拂绿');
    expect(green).toMatchObject({ state: 'selected' });
    expect(green.honorCount).toBeGreaterThanOrEqual(1);
    const tasks = await get('anshun-zb9', '/api/v1/brands?reviewer=me&pageSize=100');
    expect(tasks.items.some((b: { awaitingMyScore: boolean }) => b.awaitingMyScore)).toBe(true);
    const lukou = await get('lukou', '/api/v1/brand-cluster');
    expect(lukou.master.name).toBe('党旗引领 法耀渌湘');
    expect(lukou.branches.map((b: { name: string }) => b.name).sort()).toEqual(['审判执行守初心', '服务保障做尖兵', '枫桥创建促振兴', '银龄聚能夕阳红'].sort());
    const honors = await get('guizhou', '/api/v1/honors?pageSize=100');
    expect(honors.items.map((h: { name: string }) => h.name)).toContain('安顺市直机关党建特色品牌');
    expect(honors.items.find((h: { kind: string }) => h.kind === 'individual').recipientName).toBe('（个人）');
  });

  it('选树：去年的选树已公布（“初心铸魂 清风拂绿”已选树并获院级荣誉），今年的选树征集中，已有2个推荐', async () => {
    const rounds = await get('anshun-dy1', '/api/v1/brand-selection-rounds');
    const last = rounds.items.find((r: { year: number }) => r.year === 2025);
    const current = rounds.items.find((r: { year: number }) => r.year === 2026);
    expect(last).toMatchObject({ name: '2025年度“一支部一品牌”示范品牌选树', status: 'published', selectedCount: 1, nominationCount: 2 });
    expect(current).toMatchObject({ status: 'collecting', nominationCount: 2 });
    const published = await get('anshun-dy1', `/api/v1/brand-selection-rounds/${last.id}`);
    expect(published.nominations.map((n: { brandName: string; resultLabel: string; rank: number }) => [n.brandName, n.resultLabel, n.rank])).toEqual([
      ['初心铸魂 清风拂绿', '已选树', 1],
      ['初心铸魂 “典”亮虹桥', '未选树', 2],
    ]);
    const green = await get('anshun-zb8', `/api/v1/brands/${published.nominations[0].brandId}`);
    expect(green).toMatchObject({ state: 'selected', selectedYear: 2025 });
    expect(green.honors.map((h: { name: string }) => h.name)).toContain('2025年度示范党建品牌');
    const open = await get('anshun-zb9', `/api/v1/brand-selection-rounds/${current.id}`);
    expect(open.isReviewer).toBe(true);
    expect(open.nominations.map((n: { brandState: string }) => n.brandState).sort()).toEqual(['cultivating', 'promoting']);
  });
});
