// The demo's 谈心谈话 and 关怀 (issue 5 § Demo data): 第一党支部 has a year of talks with coverage partly
// done (some pairs open, among them the secretary and 小李), the secretary's 提醒谈话 hidden from the
// committee; three 关怀对象, the long-ill veteran of 第十（离退休）党支部 with 送学上门, seen by the office
// and the branch's secretary only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';

describe('演示数据：谈心谈话与关怀', () => {
  let demo: DemoApp;
  const get = (username: string, url: string) => demo.get(username, url);
  beforeAll(async () => {
    demo = await openDemoApp('2026-11-20T10:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('第一党支部：覆盖率部分完成，书记与小李这一对未开展；第四季度为警示', async () => {
    const summary = await get('anshun-zb1', '/api/v1/talks/coverage-summary?year=2026');
    expect(summary.items).toHaveLength(1);
    const b1 = summary.items[0];
    expect(b1.orgName).toBe('第一党支部');
    expect(b1.percent).toBeGreaterThan(50);
    expect(b1.percent).toBeLessThan(100);
    expect(b1.level).toBe('warning');
    const cov = await get('anshun-zb1', `/api/v1/talks/coverage?orgId=${b1.orgId}&year=2026&pageSize=500`);
    expect(cov.categories.every((c: { covered: number; required: number }) => c.covered > 0 && c.covered <= c.required)).toBe(true);
    const me = await get('anshun-dy1', '/api/v1/auth/me');
    const secretary = await get('anshun-zb1', '/api/v1/auth/me');
    const pair = (m: { a: { id: string }; b: { id: string } | null }) => [m.a.id, m.b?.id];
    expect(cov.missing.some((m: { a: { id: string }; b: { id: string } | null }) => pair(m).includes(me.memberId) && pair(m).includes(secretary.memberId))).toBe(true);
  });

  it('书记的提醒谈话两次，记在本支部', async () => {
    const summary = await get('anshun-zb1', '/api/v1/talks/coverage-summary?year=2026');
    const talks = await get('anshun-zb1', `/api/v1/talks?orgId=${summary.items[0].orgId}&year=2026&pageSize=500&kind=remindingTalk`);
    expect(talks.total).toBe(2);
  });

  it('党办看到全部支部的覆盖率，各支部进度不同', async () => {
    const office = await get('anshun', '/api/v1/talks/coverage-summary?year=2026');
    expect(office.items.length).toBe(10);
    const percents = office.items.map((i: { percent: number }) => i.percent);
    expect(new Set(percents).size).toBeGreaterThan(3);
  });

  it('关怀：党办看到三名关怀对象；离退休支部的长期患病老党员有送学上门和慰问金', async () => {
    const list = await get('anshun', '/api/v1/care/records');
    expect(list.total).toBe(3);
    const veteran = list.items.find((r: { kind: string }) => r.kind === 'longIllness');
    expect(veteran.orgName).toContain('第十');
    const detail = await get('anshun', `/api/v1/care/records/${veteran.id}`);
    expect(detail.visits.some((v: { helpKinds: string[] }) => v.helpKinds.includes('studyDelivered'))).toBe(true);
    expect(detail.moneyTotalFen).toBe(150000);
    const b1 = await get('anshun-zb1', '/api/v1/care/records');
    expect(b1.items.map((r: { kind: string; reviewDue: boolean }) => [r.kind, r.reviewDue])).toEqual([['hardship', true]]);
    expect((await get('anshun-zb1', '/api/v1/care/money?year=2026')).totalFen).toBe(200000);
  });
});
