import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { checkRoleSeparation } from './users.policy';

describe('三员分立', () => {
  it.each([
    [[], 'sysAdmin', null],
    [['sysAdmin'], 'auditor', 'blocked'],
    [['securityOfficer'], 'sysAdmin', 'blocked'],
    [['auditor'], 'courtAdmin', 'blocked'],
    [['courtAdmin'], 'auditor', 'blocked'],
    [['courtAdmin'], 'branchSecretary', null],
    [['member'], 'groupLeader', null],
  ] as const)('已有 %j 时授予 %s：%s', (existing, adding, expected) => {
    const r = checkRoleSeparation([...existing], adding);
    expect(r === null ? null : 'blocked').toBe(expected);
  });
});

describe.each(testEngines)('账号与授权 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('系统管理员新建账号得到一次性密码，首次登录须改密码', async () => {
    const res = await t.as('sysadmin', 'POST', '/api/v1/users', { username: 'huang-zb8', displayName: '黄云庆', courtId: t.fx.courts.anshun });
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huang-zb8', password: initialPassword } });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
  });

  it('用户名重复返回409并指明字段', async () => {
    const res = await t.as('sysadmin', 'POST', '/api/v1/users', { username: 'anshun', displayName: '重复' });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0].field).toBe('username');
  });

  it('安全保密员授予支部书记角色后，该账号可管理该支部', async () => {
    const created = (await t.as('sysadmin', 'POST', '/api/v1/users', { username: 'zb2', displayName: '第二支部书记', courtId: t.fx.courts.anshun })).json();
    const grant = await t.as('secofficer', 'POST', `/api/v1/users/${created.id}/grants`, { role: 'branchSecretary', orgId: t.fx.orgs.branch2.id });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().courtId).toBe(t.fx.courts.anshun);
  });

  it('党小组长只能授予在党小组上', async () => {
    const res = await t.as('secofficer', 'POST', `/api/v1/users/${t.fx.users['target-anshun']!.id}/grants`, { role: 'groupLeader', orgId: t.fx.orgs.branch1.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('orgId');
  });

  it('安全保密员不能给自己授权', async () => {
    const res = await t.as('secofficer', 'POST', `/api/v1/users/${t.fx.users.secofficer!.id}/grants`, { role: 'auditor' });
    expect(res.statusCode).toBe(400);
  });

  it('停用的账号不能登录，已有会话立即失效', async () => {
    await t.cookieOf('anshun-zw1');
    const res = await t.as('sysadmin', 'POST', `/api/v1/users/${t.fx.users['anshun-zw1']!.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect((await t.as('anshun-zw1', 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('安全策略可由安全保密员调整，超出范围的值被拒绝', async () => {
    const bad = await t.as('secofficer', 'PUT', '/api/v1/security-settings', { sessionIdleMinutes: 1, maxFailures: 5, lockMinutes: 15 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('sessionIdleMinutes');
  });
});
