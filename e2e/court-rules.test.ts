// Browser flow of 本院规则设置 ([U] rules configurable per court, RULES.md): the 安顺中院 court admin
// sets a 7-day 公示期 and a 2-month 党费 warning, sees them marked as the court's own and only they are
// stored; a warning later than the critical month is refused with the rule named and nothing stored;
// restoring every default asks first; a branch secretary has no such page. Desktop and phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, openAs, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type RuleConfig = { overrides: Record<string, unknown>; version: number };

describe.skipIf(!hasChromium)('浏览器：本院规则设置（条例留给各地的数值，按法院配置）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let courtId = '';
  const rules = async () => (await server.apiAs('anshun', 'GET', `/api/v1/courts/${courtId}/rule-config`)).body as RuleConfig;
  const field = (label: string) => page.getByLabel(label, { exact: true });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    courtId = ((await server.apiAs('anshun', 'GET', '/api/v1/auth/me')).body as { courtId: string }).courtId;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('法院管理员改公示期为7天、党费连续未交2个月提醒：两项标为“本院设置”，只存这两项', async () => {
    expect((await rules()).overrides).toEqual({});
    page = await openAs(browser, server, 'anshun', '/admin/rules');
    await page.getByText('本院全部按全国默认').waitFor();
    expect(await page.getByRole('menuitem', { name: /本院规则设置/ }).count()).toBe(1);
    await field('公示期（天）').fill('7');
    await field('连续几个月未交党费提醒').fill('2');
    await page.getByRole('button', { name: '保存本院规则' }).click();
    await page.getByText('本院规则已保存').waitFor();
    await poll(async () => (await rules()).overrides).toEqual({ development: { publicity: { days: 7 } }, dues: { arrears: { warnMonths: 2 } } });
    await page.getByText('本院自行设置了 2 项，其余按全国默认').waitFor();
    expect(await page.getByText('本院设置', { exact: true }).count()).toBe(2);
    expect(await page.getByText('默认：5').count()).toBeGreaterThan(0);
    await screenshot(page, 'court-rules-desktop');
  });

  test('提醒月数晚于严重月数时拒绝保存并说明规则，已存的设置不变', async () => {
    const before = await rules();
    await field('连续几个月未交党费提醒').fill('8');
    await page.getByRole('button', { name: '保存本院规则' }).click();
    // The server's check, in the page's words: the config path becomes what the user reads.
    await page.getByText('连续未交党费的月数 应满足 提醒月数不晚于严重月数').first().waitFor();
    const after = await rules();
    expect(after.version).toBe(before.version);
    expect(after.overrides).toEqual(before.overrides);
  });

  test('恢复全部默认须确认；确认后本院不再有自行设置的规则', async () => {
    await page.getByRole('button', { name: '恢复全部默认' }).click();
    await page.getByText('恢复全部默认规则？').waitFor();
    expect((await rules()).overrides).not.toEqual({});
    await page.getByRole('button', { name: '恢复默认' }).click();
    await page.getByText('已恢复全部默认规则').waitFor();
    await poll(async () => (await rules()).overrides).toEqual({});
    await page.getByText('本院全部按全国默认').waitFor();
    expect(await field('公示期（天）').inputValue()).toBe('5');
  });

  test('手机上逐项排成一列；支部书记的菜单里没有本院规则设置', async () => {
    page = await openAs(browser, server, 'anshun', '/admin/rules', 'phone');
    await field('公示期（天）').waitFor();
    await screenshot(page, 'court-rules-phone');
    page = await openAs(browser, server, 'anshun-zb1', '/');
    await page.getByRole('menuitem').first().waitFor();
    expect(await page.getByRole('menuitem', { name: /本院规则设置/ }).count()).toBe(0);
  });
});
