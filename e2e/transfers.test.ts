// Browser flow of 组织关系转接 (issue 5 § Done when; USERS.md 谢主任): 渌口法院 sends a member's transfer
// to 安顺中院 第一支部 with a 介绍信; it lands in 安顺's inbox (beside the demo's transfer in transit);
// 第一支部's secretary accepts it on her phone; the member is then in 安顺's roster and 已转出 in 渌口's
// — in one branch at every moment — and both sides see it accepted.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Member = { id: string; name: string; orgId: string; status: string };
type Transfer = { id: string; memberName: string; state: string; toOrgId: string | null };

describe.skipIf(!hasChromium)('浏览器：渌口法院与安顺中院之间的组织关系转接', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let member: Member;
  let branch1Id = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { grants: { role: string; orgId: string | null }[] };
    branch1Id = me.grants.find((g) => g.role === 'branchSecretary')!.orgId!;
    const roster = (await server.apiAs('lukou', 'GET', '/api/v1/members?pageSize=500')).body as { items: Member[] };
    const inTransit = ((await server.apiAs('lukou', 'GET', '/api/v1/transfers?box=outbox')).body as { items: Transfer[] }).items.map((t) => t.memberName);
    member = roster.items.find((m) => m.status === 'fullMember' && !inTransit.includes(m.name) && m.name !== '谢燕')!;
    expect(member).toBeTruthy();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('渌口法院管理员选择党员和安顺中院第一党支部，开具介绍信发起转接', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'lukou', server.password, '/transfers?box=outbox');
    await page.getByTestId('new-transfer').click();
    const dialog = page.getByRole('dialog', { name: '发起组织关系转接' });
    await dialog.getByLabel('党员').fill(member.name);
    await page.locator('.ant-select-item-option').filter({ hasText: member.name }).first().click();
    await dialog.getByLabel('接收党组织').fill('第一党支部');
    await page.locator('.ant-select-item-option').filter({ hasText: '安顺市中级人民法院' }).filter({ hasText: '第一党支部' }).first().click();
    await dialog.getByLabel('转接原因').fill('工作调动至安顺市中级人民法院');
    await screenshot(page, 'transfer-send-desktop');
    await dialog.getByRole('button', { name: /开具介绍信并发送/ }).click();
    const row = page.getByTestId('transfer').filter({ hasText: member.name });
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('inTransit');
    // in transit: still in 渌口's roster, active
    const still = ((await server.apiAs('lukou', 'GET', `/api/v1/members/${member.id}`)).body as Member).status;
    expect(still).toBe('fullMember');
  });

  test('安顺中院第一党支部书记在手机上看到待接收的转接并接收', async () => {
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun-zb1', server.password, '/transfers?box=inbox');
    const card = page.getByTestId('transfer').filter({ hasText: member.name });
    await card.waitFor();
    // the demo's transfer in transit waits here too
    expect(await page.getByTestId('transfer').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'transfer-inbox-phone');
    await card.getByTestId('accept-transfer').click();
    await page.getByRole('dialog', { name: '确认接收' }).getByRole('button', { name: /接\s*收/ }).click();
    await poll(() => card.getAttribute('data-state')).toBe('accepted');
  });

  test('转接后该党员在安顺中院第一党支部、在渌口法院为已转出，双方都看到已接收', async () => {
    const anshunRoster = (await server.apiAs('anshun', 'GET', `/api/v1/members?pageSize=500&orgId=${branch1Id}`)).body as { items: Member[] };
    expect(anshunRoster.items.filter((m) => m.name === member.name && m.status === 'fullMember')).toHaveLength(1);
    expect(((await server.apiAs('lukou', 'GET', `/api/v1/members/${member.id}`)).body as Member).status).toBe('transferredOut');
    const lukouSide = ((await server.apiAs('lukou', 'GET', '/api/v1/transfers?box=outbox')).body as { items: Transfer[] }).items.find((t) => t.memberName === member.name);
    expect(lukouSide?.state).toBe('accepted');
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'lukou', server.password, '/transfers?box=outbox');
    await page.getByTestId('transfer').filter({ hasText: member.name }).getByText('已接收').waitFor();
    await screenshot(page, 'transfer-accepted-desktop');
  });
});
