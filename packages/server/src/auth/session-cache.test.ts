// Reads reuse their session's lookup for a few seconds (session-cache.ts, ADR 0007). What a user or
// an administrator relies on must still hold at once: an ended session, a disabled account, a
// revoked role, the idle timeout. Only a change made outside this server process (the CLI, another
// instance) waits for the cache to lapse, and never longer than its few seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testEngines } from '../test-support/engines';
import { TEST_PASSWORD } from '../test-support/fixture';
import { SessionCache } from './session-cache';

describe.each(testEngines)('会话查询的短时缓存 (%s)', (engine) => {
  let t: TestApp;
  let clock = new Date('2026-11-23T02:00:00Z');
  const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => clock });
  });
  afterAll(() => t.close());

  const login = async (username: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    return `zhibu_sid=${res.cookies.find((x) => x.name === 'zhibu_sid')!.value}`;
  };
  const get = (cookie: string, url = '/api/v1/auth/me') => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = async (as: string, url: string, payload?: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: await t.cookieOf(as) }, ...(payload === undefined ? {} : { payload: payload as never }) });

  it('系统管理员停用账号后，该用户的下一次读取立即被拒绝', async () => {
    const user = await makeUser('cache-disable');
    const cookie = await login(user.username);
    expect((await get(cookie)).statusCode).toBe(200); // now cached
    expect((await post('sysadmin', `/api/v1/users/${user.id}/disable`)).statusCode).toBe(200);
    expect((await get(cookie)).statusCode).toBe(401);
  });

  it('安全保密员撤销角色后，该用户的下一次读取按新的权限判断', async () => {
    const user = await makeUser('cache-revoke', { role: 'courtAdmin', courtId: t.fx.courts.anshun });
    const cookie = await login(user.username);
    expect((await get(cookie, '/api/v1/members')).statusCode).toBe(200);
    const grant = (await t.deps.db.select().from(schema.roleGrants).where(eq(schema.roleGrants.userId, user.id)))[0]!;
    expect((await post('secofficer', `/api/v1/users/${user.id}/grants/${grant.id}/revoke`)).statusCode).toBe(200);
    expect((await get(cookie, '/api/v1/members')).statusCode).toBe(403);
  });

  it('退出登录后，刚读过的同一会话立即失效', async () => {
    const cookie = await login('anshun-zb1');
    expect((await get(cookie)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await get(cookie)).statusCode).toBe(401);
  });

  it('缓存中的会话仍按最后操作时间判断30分钟无操作失效', async () => {
    const cookie = await login('anshun-zw1');
    expect((await get(cookie)).statusCode).toBe(200);
    tick(30 * 60_000 + 1000);
    const expired = await get(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('本进程以外（命令行、另一台服务器）停用账号：缓存期（5秒）内仍可读，满5秒后拒绝', async () => {
    const user = await makeUser('cache-outside');
    const cookie = await login(user.username);
    expect((await get(cookie)).statusCode).toBe(200);
    await t.deps.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, user.id));
    tick(4_999);
    expect((await get(cookie)).statusCode).toBe(200);
    tick(1);
    expect((await get(cookie)).statusCode).toBe(401);
  });

  it('写操作每次都从数据库确认调用者：本进程以外停用的账号不能再写', async () => {
    const user = await makeUser('cache-write', { role: 'courtAdmin', courtId: t.fx.courts.anshun });
    const cookie = await login(user.username);
    expect((await get(cookie)).statusCode).toBe(200);
    await t.deps.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, user.id));
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(write.statusCode).toBe(401);
  });

  async function makeUser(username: string, grant?: { role: 'courtAdmin'; courtId: string }) {
    const [template] = await t.deps.db.select().from(schema.users).where(eq(schema.users.username, 'target-anshun'));
    const id = newId();
    await t.deps.db.insert(schema.users).values({ id, username, displayName: username, passwordHash: template!.passwordHash, mustChangePassword: false, courtId: t.fx.courts.anshun });
    if (grant) await t.deps.db.insert(schema.roleGrants).values({ id: newId(), userId: id, role: grant.role, courtId: grant.courtId, orgId: null });
    return { id, username };
  }
});

describe('SessionCache', () => {
  const entry = (tokenHash: string, loadedAt: number) => ({ tokenHash, loadedAt, lastSeenAt: new Date(loadedAt), actor: { userId: tokenHash } as never });

  it('查询开始后有写入完成时，不保留这次查到的（可能已过时的）会话', () => {
    const cache = new SessionCache(5000);
    const generation = cache.begin();
    cache.invalidateAll(); // a write answered while the lookup was running
    cache.set(generation, entry('a', 0));
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set(cache.begin(), entry('a', 0));
    expect(cache.get('a', 1)).toBeDefined();
  });

  it.each([
    [4_999, true],
    [5_000, false],
    [-1, false], // the clock went back: do not trust the entry
  ])('载入后 %i 毫秒：%s', (after, kept) => {
    const cache = new SessionCache(5000);
    cache.set(cache.begin(), entry('a', 10_000));
    expect(cache.get('a', 10_000 + after) !== undefined).toBe(kept);
  });

  it('缓存时长为0时不保留任何会话', () => {
    const cache = new SessionCache(0);
    cache.set(cache.begin(), entry('a', 0));
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
