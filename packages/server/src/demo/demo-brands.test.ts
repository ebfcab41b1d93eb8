// The demo's brands (issue 4 § Demo data): the articles' brands in every step, a returned one with
// 有特色 low, an overdue milestone as a reminder, the selected ones with their honors, and the
// reviewer accounts on the panels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../config';
import { buildApp } from '../app';
import type { Deps } from '../deps';
import { createFieldCrypto } from '../lib/field-crypto';
import { openTestDatabase } from '../test-support/engines';
import { DEMO_PASSWORD, loadDemoData } from './index';

describe('演示数据：党建品牌与荣誉', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const cookies = new Map<string, string>();
  const get = async (username: string, url: string) => {
    if (!cookies.has(username)) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      cookies.set(username, `zhibu_sid=${login.cookies.find((c) => c.name === 'zhibu_sid')!.value}`);
    }
    const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const handle = await openTestDatabase('pglite');
    const deps: Deps = { handle, db: handle.db, crypto: createFieldCrypto(Buffer.alloc(32, 5)), config: { ...readConfig({}), logLevel: 'silent' }, now: () => new Date('2026-11-20T10:00:00+08:00') };
    await loadDemoData(deps);
    app = await buildApp(deps, { serveWeb: false });
    await app.ready();
    close = async () => (await app.close(), await handle.close());
  }, 240_000);
  afterAll(() => close());

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
});
