// The demo's 联建 (seeds/000): 安顺中院's branches paired with 24 counterpart court branches at
// 最高人民法院, 贵州高院 and basic courts (渌口 among them), outside units by name, a proposal waiting
// for 第八党支部, and joint activities in all four 四联 categories, visible to both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';

type P = { partnerKind: string; partnerCourtId: string | null; courtId: string; status: string; partnerLabel: string; canDecide: boolean };

describe('演示数据：联建共建', () => {
  let demo: DemoApp;
  const get = (username: string, url: string) => demo.get(username, url);
  beforeAll(async () => {
    demo = await openDemoApp('2026-11-23T09:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('安顺中院各支部与24个对口法院党支部联建（最高法、省法院、基层法院含渌口），另有外单位和一个待确认的邀请', async () => {
    const all = await get('anshun', '/api/v1/partnerships?pageSize=200');
    const items = all.items as P[];
    const courtPairs = items.filter((p) => p.partnerKind === 'branch' && p.status === 'active');
    expect(courtPairs).toHaveLength(24);
    expect(items.filter((p) => p.partnerKind === 'external')).toHaveLength(4);
    const labels = courtPairs.map((p) => p.partnerLabel).join('；');
    for (const court of ['最高法', '贵州高院', '西秀区法院', '平坝区法院', '普定县法院', '镇宁县法院', '关岭县法院', '紫云县法院', '渌口法院']) expect(labels).toContain(court);
    const waiting = items.filter((p) => p.status === 'proposed');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.canDecide).toBe(true);
    const zb8 = (await get('anshun-zb8', '/api/v1/partnerships?status=proposed')).items as P[];
    expect(zb8[0]?.canDecide).toBe(true);
  });

  it('一年的联建活动涵盖“四联”四类；渌口法院能看到与第一党支部的联建活动；贵州高院看到网络', async () => {
    const net = await get('anshun', '/api/v1/partnerships/network?year=2026');
    for (const c of ['jointPlanning', 'jointProblemSolving', 'jointBranding', 'jointForces']) expect(net.byCategory[c], c).toBeGreaterThan(0);
    const lukou = await get('lukou', '/api/v1/activities?type=jointActivity&pageSize=50');
    expect(lukou.items.map((a: { title: string }) => a.title)).toContain('跨省联建：诉讼服务与“服务保障做尖兵”品牌交流');
    const gz = await get('guizhou', '/api/v1/partnerships/network');
    expect(gz.totals.partnerships).toBe(net.totals.partnerships);
  });
});
