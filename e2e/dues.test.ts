// Browser flow of the 党费计算器 (RULES.md §4.1): a member on a phone types a base and sees the
// monthly amount as she types — the 3000.00 / 3000.01 discontinuity, 离退休 rates, a bad base's
// Chinese message under the field — and the page says whose rules it uses. Screenshots at desktop
// and phone width (e2e/screenshots/, gitignored).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

describe.skipIf(!hasChromium)('浏览器：党费计算器', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, viewport: 'desktop' | 'phone') => {
    page = await freshPage(browser, viewport);
    await login(page, server.baseUrl, username, server.password, '/dues/calculator');
    await page.waitForURL((url) => url.pathname === '/dues/calculator');
    await page.getByLabel('工资基数（元）').waitFor();
    return page;
  };
  const amount = () => page.getByTestId('dues-result').innerText();
  const typeBase = async (text: string) => page.getByLabel('工资基数（元）').fill(text);
  const chooseType = async (label: string) => {
    await page.getByLabel('党员类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
  };

  test('普通党员在手机上输入基数，边界与离退休比例即时算出，错误的基数在输入框下给出中文提示', async () => {
    await open('anshun-dy1', 'phone');
    expect(await page.getByText('党费计算器').first().isVisible()).toBe(true);
    await poll(() => page.getByTestId('dues-config-source').innerText()).toContain('按本院设置计算');

    await typeBase('6000');
    await poll(amount).toContain('¥90.00');
    const details = await page.locator('.ant-descriptions').innerText();
    expect(details).toContain('5000元以上至10000元');
    expect(details).toContain('1.5%');
    expect(details).toContain('中组发〔2008〕3号）第二条');
    await screenshot(page, 'dues-calculator-phone');

    await typeBase('3000');
    await poll(amount).toContain('¥15.00');
    await typeBase('3000.01');
    await poll(amount).toContain('¥30.00');

    await typeBase('6000');
    await chooseType('离退休');
    await poll(amount).toContain('¥60.00');
    expect(await page.locator('.ant-descriptions').innerText()).toContain('第五条');

    for (const [bad, message] of [
      ['abc', '请输入有效金额（元），如 6000 或 3000.01'],
      ['-1', '金额不能为负数'],
      ['3000.001', '金额最多保留两位小数（精确到分）'],
    ] as const) {
      await typeBase(bad);
      const explain = page.locator('.ant-form-item-has-error .ant-form-item-explain-error');
      await poll(() => explain.innerText()).toBe(message);
      expect(await amount()).not.toContain('¥');
    }
    await screenshot(page, 'dues-calculator-error-phone');

    await chooseType('学生');
    await poll(amount).toContain('¥0.20');

    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, '手机上不应横向溢出').toBeLessThanOrEqual(innerWidth + 1);
  });

  test('本院把舍入改为到角后，计算器按本院设置计算；桌面截图', async () => {
    const cur = (await server.apiAs('anshun', 'GET', '/api/v1/courts')).body as { items: { id: string; shortName: string }[] };
    const me = (await server.apiAs('anshun', 'GET', '/api/v1/auth/me')).body as { courtId: string };
    expect(cur.items.some((c) => c.id === me.courtId)).toBe(true);
    const config = (await server.apiAs('anshun', 'GET', `/api/v1/courts/${me.courtId}/rule-config`)).body as { version: number };
    const put = await server.apiAs('anshun', 'PUT', `/api/v1/courts/${me.courtId}/rule-config`, { overrides: { dues: { rounding: { unit: 'jiao' } } }, version: config.version });
    expect(put.status).toBe(200);

    await open('anshun-zb1', 'desktop');
    await poll(() => page.getByTestId('dues-config-source').innerText()).toContain('按本院设置计算');
    expect(await page.getByTestId('dues-config-source').innerText()).toContain('四舍五入到角');
    await typeBase('3333.33');
    await poll(amount).toContain('¥33.30');
    expect(await page.locator('.ant-descriptions').innerText()).toContain('3333.33 × 1% = 33.3333 元，四舍五入到角得 33.30 元');
    await screenshot(page, 'dues-calculator-desktop');
    expect(await page.locator('nav .ant-menu-item-selected').innerText()).toContain('党费计算器');
  });
});
