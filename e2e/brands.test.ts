// Browser flow of 一支部一品牌 (issue 4 § Done when): 第一支部书记 creates and submits a brand, the
// party office forms a panel of two reviewers from other branches, both score the four standards,
// the office recognizes it and starts cultivation, a milestone goes overdue and shows as a
// reminder, the brand is promoted and selected with an honor. The "1+N" cluster renders (desktop,
// phone, the higher court), and a returned demo brand shows its low standard.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs, pickSelectOption } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("申 报"). */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}

/** A date in Asia/Shanghai, `days` from today, as the date picker takes it (2026年3月1日). */
function shanghaiDay(days = 0) {
  const s = new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
}

const BRAND = '初心铸魂 立案为民';

describe.skipIf(!hasChromium)('浏览器：党建品牌（申报→认定→培育→宣传→选树）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let brandId = '';
  const names: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const u of ['anshun-zb2', 'anshun-zb9']) names[u] = ((await server.apiAs(u, 'GET', '/api/v1/auth/me')).body as { displayName: string }).displayName;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));
  const pickOption = (text: string | RegExp) => pickSelectOption(page, text);
  const confirmDialog = async (button: string) => {
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: label(button) }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  const stateTag = () => page.locator('.ant-card-head').first();

  test('第一支部书记创建品牌草稿、补充四项内容后申报；申报后不能再编辑', async () => {
    await open('anshun-zb1', '/brands');
    await page.getByRole('button', { name: /创建品牌/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /创建草稿/ }).click();
    await poll(() => dialog.innerText()).toContain('请选择党组织');
    await dialog.getByLabel('所属党组织').click();
    await pickOption('第一');
    await dialog.getByLabel('品牌名称').fill(BRAND);
    await dialog.getByLabel('品牌口号').fill('立案为民 初心如磐');
    await dialog.getByRole('button', { name: /创建草稿/ }).click();
    await page.waitForURL(/\/brands\/[0-9a-f-]{36}$/);
    brandId = page.url().split('/').pop()!;
    await poll(() => page.getByTestId('brand-name').innerText()).toBe(BRAND);

    // Submitting without 理念/内涵/特色/融合点 is refused, naming the field.
    await page.getByTestId('brand-action-submit').click();
    await confirmDialog('申报');
    await poll(() => page.locator('.ant-message').innerText()).toContain('品牌理念');

    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('品牌理念').fill('把群众满意作为立案工作的第一标准');
    await edit.getByLabel('品牌内涵').fill('以党建引领诉讼服务，推动“一站式”多元解纷和诉讼服务体系建设');
    await edit.getByLabel('品牌特色').fill('“立案+调解”党员先锋岗，跨域立案“一次办”');
    await edit.getByLabel('融合点（服务哪项审判执行工作）').fill('服务立案和诉讼服务中心工作');
    await edit.getByRole('button', { name: label('保存') }).click();
    await edit.waitFor({ state: 'hidden' });
    await poll(() => page.locator('body').innerText()).toContain('跨域立案“一次办”');

    // A logo (PNG): the badge with the first characters gives way to the image (a picture of the
    // badge itself stands in for the branch's designed logo).
    const png = await page.locator('.ant-avatar').first().screenshot();
    await page.locator('input[type=file]').setInputFiles({ name: '品牌标识.png', mimeType: 'image/png', buffer: png });
    await poll(() => page.locator('.ant-message').innerText()).toContain('品牌标识已上传');
    await poll(() => page.getByAltText(`${BRAND}品牌标识`).count()).toBe(1);

    await page.getByTestId('brand-action-submit').click();
    await confirmDialog('申报');
    await poll(() => stateTag().innerText()).toContain('已申报');
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    await screenshot(page, 'brands-submitted-desktop');
  });

  test('党建办组成两人评审组（本支部人员已回避），两位评审按四项标准打分', async () => {
    await open('anshun', `/brands/${brandId}`);
    await page.getByRole('button', { name: /组成评审组/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('评审组成员').click();
    await pickOption(names['anshun-zb2']!);
    await pickOption(names['anshun-zb9']!);
    // No one of 第一支部 may review its brand.
    expect(await page.locator('.ant-select-dropdown:visible').innerText()).not.toContain('第一党支部书记');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('brand-review').innerText()).toContain(`${names['anshun-zb2']}（未评）`);

    const scores: [string, number[], string][] = [
      ['anshun-zb2', [88, 85, 82, 86], '立案特色鲜明，融合度高'],
      ['anshun-zb9', [86, 84, 80, 85], ''],
    ];
    for (const [who, s, comment] of scores) {
      await open(who, '/brands?tab=list&reviewer=me');
      await poll(() => page.locator('.ant-table').innerText()).toContain('待我评分');
      await page.getByRole('link', { name: BRAND }).click();
      const form = page.getByTestId('score-form');
      await form.waitFor();
      for (const [i, std] of ['有主题', '有内涵', '有特色', '有融合'].entries()) await form.getByLabel(std).fill(String(s[i]));
      if (comment) await form.getByLabel('评审意见').fill(comment);
      if (who === 'anshun-zb9') await screenshot(page, 'brands-score-form-desktop');
      await form.getByRole('button', { name: /提交评分/ }).click();
      await poll(() => page.locator('.ant-message').innerText()).toContain('评分已保存');
    }
  });

  test('党建办认定（支部书记没有认定按钮），开始培育；节点逾期后在品牌页和品牌列表显示提醒', async () => {
    // The branch sees who has scored, not the scores, until the office decides (blind review).
    await open('anshun-zb1', `/brands/${brandId}`);
    await poll(() => page.getByTestId('brand-review').innerText()).toContain(`${names['anshun-zb9']}（已评）`);
    expect(await page.getByTestId('brand-review').innerText()).not.toContain('立案特色鲜明');
    expect(await page.getByTestId('brand-action-recognize').count()).toBe(0);

    await open('anshun', `/brands/${brandId}`);
    await poll(() => page.getByTestId('brand-review').innerText()).toContain('评审组建议');
    expect(await page.getByTestId('brand-review').innerText()).toContain('立案特色鲜明');
    await page.getByTestId('brand-action-recognize').click();
    await confirmDialog('认定');
    await poll(() => stateTag().innerText()).toContain('已认定');
    await page.getByTestId('brand-action-cultivate').click();
    await confirmDialog('开始培育');
    await poll(() => stateTag().innerText()).toContain('培育中');

    await page.getByRole('button', { name: /添加节点/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('节点内容').fill('建成“立案+调解”党员先锋岗');
    await dialog.getByLabel('责任人').fill('立案庭庭长');
    await dialog.getByLabel('完成期限').fill(shanghaiDay(-1));
    await dialog.getByLabel('完成期限').press('Enter');
    await dialog.getByRole('button', { name: label('添加') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('milestones').innerText()).toContain('逾期1天');

    await open('anshun-zb1', '/brands');
    await poll(() => page.getByTestId('brand-reminders').innerText()).toContain('建成“立案+调解”党员先锋岗');
    expect(await page.getByTestId('brand-reminders').innerText()).toContain('已逾期1天');
    await screenshot(page, 'brands-overdue-reminder-desktop');

    // …and on the home page, as a small card of its own.
    await page.goto(`${server.baseUrl}/`);
    await poll(() => page.getByTestId('home-brand-reminders').innerText()).toContain('建成“立案+调解”党员先锋岗');
    expect(await page.getByTestId('home-brand-reminders').innerText()).toContain('逾期1天');
  });

  test('宣传推广后选树，同时登记省级荣誉；品牌页显示荣誉，荣誉库可查', async () => {
    await open('anshun', `/brands/${brandId}`);
    await page.getByTestId('brand-action-promote').click();
    await confirmDialog('宣传推广');
    await poll(() => stateTag().innerText()).toContain('宣传推广');
    await page.getByTestId('brand-action-select').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('荣誉名称').fill('全省法院党建工作最佳案例');
    await dialog.getByLabel('级别').click();
    await pickOption('省级');
    await dialog.getByLabel('授予单位').fill('贵州省高级人民法院');
    await dialog.getByLabel('授予日期').fill(shanghaiDay(0));
    await dialog.getByLabel('授予日期').press('Enter');
    await dialog.getByRole('button', { name: label('选树') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => stateTag().innerText()).toContain('已选树');
    await poll(() => page.getByTestId('brand-honors').innerText()).toContain('全省法院党建工作最佳案例');
    await screenshot(page, 'brands-selected-desktop');

    await page.goto(`${server.baseUrl}/brands?tab=honors`);
    await poll(() => page.locator('.ant-table').innerText()).toContain('全省法院党建工作最佳案例');
  });

  test('品牌集群（1+N）：院品牌“安法护航 初心铸魂”与各支部品牌；手机上也能看；上级法院可查看', async () => {
    await open('anshun', '/brands');
    const cluster = page.getByTestId('brand-cluster');
    await poll(() => cluster.innerText()).toContain('安法护航 初心铸魂');
    for (const name of ['初心铸魂 清风拂绿', '初心铸魂 数智执行', BRAND]) expect(await cluster.innerText()).toContain(name);
    await screenshot(page, 'brands-cluster-desktop');

    await open('anshun-zb8', '/brands', 'phone');
    await poll(() => page.getByTestId('brand-cluster').innerText()).toContain('初心铸魂 清风拂绿');
    await screenshot(page, 'brands-cluster-phone');
    await page.getByTestId('brand-card-初心铸魂 清风拂绿').click();
    await poll(() => page.getByTestId('brand-honors').innerText()).toContain('贵州法院优秀特色党建案例');
    await screenshot(page, 'brands-detail-phone');

    await open('guizhou', '/brands');
    await poll(() => page.getByTestId('brand-cluster').innerText()).toContain('安法护航 初心铸魂');
  });

  test('退回修改的品牌显示哪一项标准得分低', async () => {
    const list = (await server.apiAs('anshun', 'GET', '/api/v1/brands?state=returned')).body as { items: { id: string }[] };
    await open('anshun', `/brands/${list.items[0]!.id}`);
    await poll(() => page.getByTestId('decision').innerText()).toContain('有特色得分偏低');
    expect(await page.getByTestId('low-standards').innerText()).toContain('有特色');
    await screenshot(page, 'brands-returned-desktop');
  });

  test('对外展示页：不登录即可在手机上查看本院公开的品牌集群，只含公开内容', async () => {
    const me = (await server.apiAs('anshun', 'GET', '/api/v1/auth/me')).body as { courtId: string };
    page = await freshPage(browser, 'phone');
    await page.goto(`${server.baseUrl}/showcase/${me.courtId}`);
    await poll(() => page.locator('[data-testid="showcase-brand"]').count()).toBeGreaterThan(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain('安顺市中级人民法院党建品牌');
    expect(text).toContain('安法护航 初心铸魂');
    expect(page.url()).not.toContain('/login');
    await screenshot(page, 'brands-showcase-phone');
  });
});
