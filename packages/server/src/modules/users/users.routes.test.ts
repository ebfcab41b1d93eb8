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

  it('安全保密员按名称选择授权范围：各法院及其党组织，不含党员信息', async () => {
    const res = await t.as('secofficer', 'GET', '/api/v1/users/grant-scopes');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { courts: { id: string; name: string }[]; orgs: { id: string; courtId: string; name: string }[] };
    expect(body.courts.map((c) => c.name)).toContain('株洲市渌口区人民法院');
    expect(body.orgs.find((o) => o.id === t.fx.orgs.branch1.id)?.courtId).toBe(t.fx.courts.anshun);
    expect(JSON.stringify(body)).not.toContain('李明');
  });

  it('系统管理员按姓名查找本院党员以关联账号，已有账号的标明账号名', async () => {
    const res = await t.as('sysadmin', 'GET', `/api/v1/users/member-candidates?courtId=${t.fx.courts.anshun}&q=${encodeURIComponent('李')}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; orgName: string; username: string | null }[];
    const liming = items.find((i) => i.id === t.fx.members.member1.id);
    expect(liming).toMatchObject({ name: '李明', username: 'anshun-xz1' });
    expect(items.every((i) => i.name.includes('李'))).toBe(true);
    // another court's members never answer for this court
    const other = await t.as('sysadmin', 'GET', `/api/v1/users/member-candidates?courtId=${t.fx.courts.lukou}&q=${encodeURIComponent('李明')}`);
    expect(other.json().items.some((i: { id: string }) => i.id === t.fx.members.member1.id)).toBe(false);
    // a LIKE wildcard typed into the search is matched literally
    const wild = await t.as('sysadmin', 'GET', `/api/v1/users/member-candidates?courtId=${t.fx.courts.anshun}&q=%25`);
    expect(wild.json().items).toEqual([]);
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
