import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

describe.each(testEngines)('首页概览 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('机关党委管理员看到本院党员按状态统计和未登记任期的换届提示', async () => {
    const d = (await t.as('anshun', 'GET', '/api/v1/dashboard')).json();
    expect(d.personal).toBe(false);
    const full = d.memberCountsByStatus.find((s: { status: string }) => s.status === 'fullMember');
    expect(full.count).toBe(4); // 张健、李明、王芳 in 第一支部, 陈刚 in 第二支部
    expect(d.termsDue.map((x: { orgName: string }) => x.orgName)).toContain('中共安顺市中级人民法院机关第二支部委员会');
  });

  it('支部书记只统计本支部', async () => {
    const d = (await t.as('anshun-zb1', 'GET', '/api/v1/dashboard')).json();
    const total = d.memberCountsByStatus.reduce((n: number, s: { count: number }) => n + s.count, 0);
    expect(total).toBe(4); // 张健、李明、王芳、赵小雨
  });

  it('上级法院只看到下级法院的汇总，不含个人信息', async () => {
    const res = await t.as('guizhou', 'GET', '/api/v1/dashboard');
    const d = res.json();
    expect(d.courts.map((c: { name: string }) => c.name)).toEqual(['安顺市中级人民法院']);
    expect(res.body).not.toContain('张健');
  });

  it('普通党员的首页只显示个人信息', async () => {
    const d = (await t.as('anshun-dy1', 'GET', '/api/v1/dashboard')).json();
    expect(d.personal).toBe(true);
  });
});
