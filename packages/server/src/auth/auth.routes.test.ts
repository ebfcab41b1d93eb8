import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testEngines } from '../test-support/engines';
import { TEST_PASSWORD } from '../test-support/fixture';

describe.each(testEngines)('登录与会话 (%s)', (engine) => {
  let t: TestApp;
  let clock = new Date('2026-11-23T02:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => clock });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('正确的用户名和密码登录后设置 HttpOnly 会话 Cookie', async () => {
    const res = await login('anshun', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'zhibu_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(res.json().permissions).toContain('orgs:manage');
  });

  it('本院规则设置只给法院党建管理员：管理员有 rules:manage，支部书记、普通党员没有（与 PUT rule-config 的授权一致）', async () => {
    expect((await login('anshun', TEST_PASSWORD)).json().permissions).toContain('rules:manage');
    for (const username of ['anshun-zb1', 'anshun-dy1']) {
      const res = await login(username, TEST_PASSWORD);
      expect(res.statusCode, username).toBe(200);
      expect(res.json().permissions, username).toContain('dashboard:read');
      expect(res.json().permissions, username).not.toContain('rules:manage');
    }
  });

  it('未登录访问接口返回401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('连续输错密码5次锁定15分钟，满15分钟后解锁', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('lukou', 'wrong-password')).json().code).toBe('INVALID_CREDENTIALS');
    const fifth = await login('lukou', 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    expect((await login('lukou', TEST_PASSWORD)).statusCode).toBe(423);
    clock = new Date(clock.getTime() + 15 * 60_000 - 1000);
    expect((await login('lukou', TEST_PASSWORD)).statusCode).toBe(423);
    clock = new Date(clock.getTime() + 1000);
    expect((await login('lukou', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('30分钟无操作会话失效，需重新登录', async () => {
    const res = await login('anshun-zb1', TEST_PASSWORD);
    const cookie = `zhibu_sid=${res.cookies.find((x) => x.name === 'zhibu_sid')!.value}`;
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 30 * 60_000 + 1000);
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('首次登录必须先修改密码，新密码须满足复杂度要求', async () => {
    await t.deps.db.update(schema.users).set({ mustChangePassword: true }).where(eq(schema.users.username, 'anshun-zw1'));
    const res = await login('anshun-zw1', TEST_PASSWORD);
    const cookie = `zhibu_sid=${res.cookies.find((x) => x.name === 'zhibu_sid')!.value}`;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie } });
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword: TEST_PASSWORD, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].field).toBe('newPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword: TEST_PASSWORD, newPassword: 'Qingfeng#2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie } })).statusCode).toBe(200);
  });

  it('退出登录后会话不再有效，退出记入审计日志', async () => {
    const res = await login('anshun', TEST_PASSWORD);
    const cookie = `zhibu_sid=${res.cookies.find((x) => x.name === 'zhibu_sid')!.value}`;
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const logouts = await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'auth.logout'));
    expect(logouts.map((e) => e.actorName)).toContain('郑明春（anshun）');
  });
});
