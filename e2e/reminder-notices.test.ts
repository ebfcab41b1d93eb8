// Browser flow of 党建工作提示 sent and confirmed (USERS.md, 郑主任's Monday): the party office opens a
// branch's items on the 党建工作提示 page and sends the branch a notice about one (the message, rule
// and due date prefilled); the branch secretary sees it on the home page on her phone and confirms it
// with a reply; the office sees who confirmed it and when.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Item = { type: string; label: string; state: string; periodKey: string; message: string };
type OrgReminder = { orgId: string; orgName: string; items: Item[] };

describe.skipIf(!hasChromium)('浏览器：发送党建工作提示并由支部确认收到', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branchId = '';
  let secretary = '';
  /** The open item the office writes about; none when the branch is all done (a free notice then). */
  let item: Item | undefined;
  let title = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A demo secretary's branch, preferring one with an open item today.
    for (const username of ['anshun-zb8', 'anshun-zb1']) {
      const me = (await server.apiAs(username, 'GET', '/api/v1/auth/me')).body as { grants: { role: string; orgId: string | null }[] };
      const orgId = me.grants.find((g) => g.role === 'branchSecretary')!.orgId!;
      const reminders = (await server.apiAs('anshun', 'GET', `/api/v1/reminders?orgId=${orgId}`)).body as { items: OrgReminder[] };
      const open = reminders.items.find((o) => o.orgId === orgId)?.items.find((i) => i.state !== 'done');
      if (!branchId || open) [branchId, secretary, item] = [orgId, username, open];
      if (open) break;
    }
    title = item ? `${item.label}请抓紧安排` : '请报送本月组织生活安排';
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('机关党委在党建工作提示页向第一支部发送提示，内容与依据已预填', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun', server.password, `/reminders?org=${branchId}`);
    const line = item ? page.locator(`[data-testid="reminder-item"][data-key="${item.type}:${item.periodKey}"]`) : page.getByTestId('org-items');
    await line.waitFor();
    await line.getByTestId(item ? 'send-notice' : 'send-free-notice').click();
    const dialog = page.getByRole('dialog', { name: /发送党建工作提示/ });
    if (item) await poll(() => dialog.getByLabel('提示内容').inputValue()).toContain(item.message);
    else await dialog.getByLabel('提示内容').fill('请于本周内报送本月三会一课安排。');
    await dialog.getByLabel('标题').fill(title);
    await screenshot(page, 'reminder-notice-send-desktop');
    await dialog.getByRole('button', { name: /^发\s*送$/ }).click();
    await page.getByTestId('sent-notices').getByText('已提示，待确认').waitFor();
    expect(await page.getByTestId('sent-notices').innerText()).toContain(title);
    if (item) await line.getByText('已提示，待确认').waitFor();
  });

  test('支部书记在手机首页看到提示并确认收到，附回复', async () => {
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, secretary, server.password, '/');
    const card = page.getByTestId('reminder-inbox');
    await card.waitFor();
    expect(await card.innerText()).toContain(title);
    await screenshot(page, 'reminder-notice-inbox-phone');
    await card.getByTestId('ack-notice').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('回复').fill('已定于本周五召开');
    await dialog.getByRole('button', { name: /确认收到/ }).click();
    await card.waitFor({ state: 'detached' });
  });

  test('机关党委看到确认人、时间和回复', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun', server.password, `/reminders?org=${branchId}`);
    const sent = page.getByTestId('sent-notice').first();
    await sent.waitFor();
    await poll(() => sent.getAttribute('data-state')).toBe('acknowledged');
    const text = await sent.innerText();
    expect(text).toMatch(/已于\d{4}年\d{1,2}月\d{1,2}日.*确认/);
    expect(text).toContain('回复：已定于本周五召开');
    await screenshot(page, 'reminder-notice-acknowledged-desktop');
  });
});
