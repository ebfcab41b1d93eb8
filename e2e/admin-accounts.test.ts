// Browser flow of the 三员 account work (issue 2): the 系统管理员 opens an account for a member found
// by name (no record numbers to copy from an address bar), the 安全保密员 grants the 支部书记 role by
// choosing the court and the branch by name (they cannot read the roster), and the new secretary
// signs in to their branch.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Member = { id: string; name: string; orgId: string; orgName: string };

describe.skipIf(!hasChromium)('浏览器：三员开设账号并授权（按名称选择，不需要编号）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let member: Member;
  let initialPassword = '';
  const username = 'anshun-zb2-new';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A 第二党支部 member without an account: the one the office asks the admin to open an account for.
    const orgs = (await server.apiAs('anshun', 'GET', '/api/v1/orgs')).body as { items: { id: string; shortName: string | null }[] };
    const branch2 = orgs.items.find((o) => o.shortName === '第二党支部')!;
    const roster = (await server.apiAs('anshun', 'GET', `/api/v1/members?pageSize=500&orgId=${branch2.id}`)).body as { items: Member[] };
    const users = (await server.apiAs('admin', 'GET', '/api/v1/users')).body as { items: { memberId: string | null }[] };
    const linked = new Set(users.items.map((u) => u.memberId));
    member = roster.items.find((m) => m.orgId === branch2.id && !linked.has(m.id))!;
    expect(member, '第二党支部应有未开账号的党员').toBeTruthy();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('系统管理员按姓名查找党员并开设关联账号，得到一次性初始密码', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'admin', server.password, '/admin/users');
    await page.getByRole('button', { name: /新建账号/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill(member.name);
    await dialog.getByLabel('所属法院').click();
    await page.locator('.ant-select-item-option[title="安顺市中级人民法院"]').click();
    await dialog.getByLabel('关联党员（可选）').fill(member.name);
    const option = page.locator('.ant-select-item-option').filter({ hasText: member.name }).filter({ hasText: '第二党支部' }).first();
    await option.waitFor();
    await screenshot(page, 'admin-accounts-link-member');
    await option.click();
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const pw = page.getByTestId('initial-password');
    await pw.waitFor();
    initialPassword = (await pw.textContent())!.trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    const users = (await server.apiAs('admin', 'GET', '/api/v1/users')).body as { items: { username: string; memberId: string | null }[] };
    expect(users.items.find((u) => u.username === username)?.memberId).toBe(member.id);
  });

  test('安全保密员按名称选择法院和党支部授予支部书记角色', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'secadmin', server.password, '/admin/security');
    const row = page.getByRole('row').filter({ hasText: username });
    await row.getByRole('button', { name: /授权/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: username });
    await dialog.getByLabel('角色').click();
    await page.getByTitle('党支部书记').click();
    // the account's own court is chosen already; choosing it again keeps it
    await dialog.getByLabel('法院').click();
    await page.locator('.ant-select-item-option[title="安顺市中级人民法院"]').click();
    await dialog.getByLabel('党支部').fill('第二党支部');
    await page.locator('.ant-select-item-option').filter({ hasText: '第二党支部（' }).first().click();
    await screenshot(page, 'admin-accounts-grant');
    await dialog.getByRole('button', { name: /授\s*权/ }).click();
    await poll(async () => ((await server.apiAs('secadmin', 'GET', '/api/v1/users')).body as { items: { username: string; grants: { role: string; orgId: string | null }[] }[] }).items.find((u) => u.username === username)?.grants[0]?.orgId).toBe(member.orgId);
    // the grant reads as a name, not a number
    await row.getByText(/党支部书记（安顺中院 · 第二党支部）/).waitFor();
  });
});
