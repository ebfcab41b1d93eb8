// Browser flow of the 党费台账 (issue 5, RULES.md §4.1): the 第一党支部 secretary collects this month's
// dues — marks 小李's payment and one 代交 — and sees the member 3+ months behind flagged with 党章第九条
// cited (nothing automatic); a 补交 older than 6 months is refused with the rule; 小李 sees his own
// dues on 我的档案; the ledger works on a phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Cell = { month: string; state: string; paidByName: string | null };
type Row = { memberId: string; memberName: string; cells: Cell[]; arrears: { level: string; months: number } };

/** antd puts a space between the two characters of a two-character button ("登 记"). */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}

describe.skipIf(!hasChromium)('浏览器：支部党费台账（按月收缴、代交、连续未交提醒）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branchId = '';
  let month = '';
  let monthText = '';
  let xiaoli = '';
  let proxied: Row;

  const ledger = async () => {
    const res = await server.apiAs('anshun-zb1', 'GET', `/api/v1/dues/ledger?orgId=${branchId}&year=${month.slice(0, 4)}`);
    return (res.body as { items: Row[] }).items;
  };
  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { memberId: string; grants: { orgId: string }[] };
    branchId = me.grants[0]!.orgId;
    const mine = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/dues/mine')).body as { memberName: string; currentMonth: string };
    xiaoli = mine.memberName;
    month = mine.currentMonth;
    monthText = `${Number(month.slice(5, 7))}月`;
    const rows = await ledger();
    const idx = Number(month.slice(5, 7)) - 1;
    proxied = rows.find((r) => r.memberName !== xiaoli && r.memberId !== me.memberId && r.arrears.level === 'ok' && r.cells[idx]!.state === 'unpaid')!;
    expect(proxied).toBeDefined();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('书记打开党费管理：本月收缴名单，连续3个月以上未交的党员被提醒并引用党章第九条（不自动处理）', async () => {
    await open('anshun-zb1', '/dues');
    const warning = page.getByTestId('arrears-warning');
    await warning.first().waitFor();
    expect(await warning.count()).toBe(1);
    expect(await warning.first().innerText()).toMatch(/已连续[3-6]个月未交纳党费/);
    const alert = page.getByRole('alert').filter({ hasText: '连续未交党费提醒' });
    expect(await alert.innerText()).toContain('第九条');
    expect(await alert.innerText()).toContain('系统不自动处理');
    // The count's title names the court's own threshold (dues.arrears; the demo keeps the default 3).
    expect(await page.getByText('连续3个月以上未交').count()).toBe(1);
    await screenshot(page, 'dues-ledger-desktop-before');
  });

  test('书记登记小李本月党费（本人交纳），再登记一人由配偶代交', async () => {
    await page.getByRole('button', { name: `登记${xiaoli}${monthText}党费` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('补交一般不超过6个月');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await poll(async () => (await ledger()).find((r) => r.memberName === xiaoli)!.cells.find((c) => c.month === month)!.state).toBe('paid');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: `登记${proxied.memberName}${monthText}党费` }).click();
    await dialog.waitFor();
    await dialog.getByLabel('是否代交').click();
    await page.getByTitle('委托亲属或其他党员代交').click();
    await dialog.getByRole('button', { name: label('登记') }).click();
    // The 代交 name is required: the field says so, nothing is written.
    await poll(() => dialog.innerText()).toContain('请填写代交人');
    await dialog.getByLabel('代交人').fill('刘芳（配偶）');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await poll(async () => (await ledger()).find((r) => r.memberId === proxied.memberId)!.cells.find((c) => c.month === month)!.paidByName).toBe('刘芳（配偶）');
    await poll(() => page.locator('.ant-list').innerText()).toContain('刘芳（配偶）代交');
    await screenshot(page, 'dues-ledger-desktop-collected');
  });

  test('全年台账：补交7个月前的党费被拒绝，提示引用第十二条', async () => {
    // Through the API (the page only offers months that are unpaid): the rule is the server's.
    const row = (await ledger()).find((r) => r.arrears.level !== 'ok')!;
    const seven = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - 7, 1)).toISOString().slice(0, 7);
    const res = await server.apiAs('anshun-zb1', 'POST', '/api/v1/dues/payments', { memberId: row.memberId, month: seven, paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('补交一般不超过6个月');
    await page.getByRole('tab', { name: '全年台账' }).click();
    await poll(() => page.locator('.ant-table').first().innerText()).toContain(row.memberName);
    await screenshot(page, 'dues-ledger-desktop-year');
    // 核定基数: the member's bases with band and rate; saving the January base again keeps it (versioned).
    await page.locator('.ant-table').getByRole('button', { name: xiaoli, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.innerText()).toContain('年1月起：在职，基数');
    await poll(() => dialog.getByLabel('项目').first().inputValue()).toBe('职务工资');
    await screenshot(page, 'dues-base-dialog');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain(`已核定：${xiaoli}`);
    await page.getByRole('tab', { name: '收缴情况公布' }).click();
    await poll(() => page.locator('.ant-table').last().innerText()).toContain('合计');
    await screenshot(page, 'dues-ledger-desktop-report');
  });

  test('党办设定本院基数构成项目（哪些计入、哪些扣除）', async () => {
    await open('anshun', '/dues');
    await page.getByRole('tab', { name: '基数构成项目' }).click();
    await poll(() => page.getByLabel('项目名称').count()).toBeGreaterThan(3);
    await page.getByRole('button', { name: /添加项目/ }).click();
    await page.getByLabel('项目名称').last().fill('艰苦边远地区津贴');
    await page.getByRole('button', { name: label('保存') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已保存本院基数构成项目');
    const { courtId } = (await server.apiAs('anshun', 'GET', '/api/v1/auth/me')).body as { courtId: string };
    const saved = (await server.apiAs('anshun', 'GET', `/api/v1/dues/components?courtId=${courtId}`)).body as { components: { name: string }[]; isDefault: boolean };
    expect(saved.isDefault).toBe(false);
    expect(saved.components.map((c) => c.name)).toContain('艰苦边远地区津贴');
    await screenshot(page, 'dues-components');
  });

  test('手机上：本月收缴名单可用', async () => {
    await open('anshun-zb1', '/dues', 'phone');
    await page.getByTestId('arrears-warning').first().waitFor();
    await poll(() => page.locator('.ant-list').first().innerText()).toContain(xiaoli);
    await screenshot(page, 'dues-ledger-phone');
  });

  test('小李在“我的档案”看到本月党费已交', async () => {
    await open('anshun-dy1', '/me', 'phone');
    const card = page.getByTestId('my-dues-card');
    await card.waitFor();
    await poll(() => card.innerText()).toContain(`${monthText}党费`);
    expect(await card.innerText()).toContain('已交');
    await screenshot(page, 'dues-my-card-phone');
    // An ordinary member does not get the ledger.
    const denied = await server.apiAs('anshun-dy1', 'GET', `/api/v1/dues/ledger?orgId=${branchId}&year=${month.slice(0, 4)}`);
    expect(denied.status).toBe(404);
  });
});
