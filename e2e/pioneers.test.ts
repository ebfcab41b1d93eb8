// Browser flow of 示范岗与评优 (issue 5; the second seed article's 党员先锋队、党员示范岗、优秀党员评选):
// 第一党支部's secretary (anshun-zb1) nominates a member for this year's 优秀党员 and proposes a
// 党员示范岗; the party office (anshun) approves the 示范岗 and selects the nominee — the honor lands
// in the honors registry; 小李 (anshun-dy1) sees the court's designations on his phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Member = { id: string; name: string; status: string };
type Designation = { name: string; memberId: string; phase: string };

describe.skipIf(!hasChromium)('浏览器：示范岗申报批准与优秀党员评选', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let holder: Member;
  let nominee: Member;
  const postName = '诉讼服务党员示范岗';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { grants: { role: string; orgId: string | null }[] };
    const branch1 = me.grants.find((g) => g.role === 'branchSecretary')!.orgId!;
    const roster = ((await server.apiAs('anshun-zb1', 'GET', `/api/v1/members?pageSize=500&orgId=${branch1}`)).body as { items: Member[] }).items;
    const posts = ((await server.apiAs('anshun', 'GET', '/api/v1/pioneers/designations?pageSize=500')).body as { items: Designation[] }).items;
    const xiaoli = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string };
    const free = roster.filter((m) => m.status === 'fullMember' && !posts.some((p) => p.memberId === m.id));
    // 小李 holds the new post (he then sees his own name on the publicity list); someone else is nominated.
    holder = free.find((m) => m.id === xiaoli.memberId) ?? free[0]!;
    nominee = free.find((m) => m.id !== holder.id && m.name.length >= 2)!;
    expect(holder && nominee).toBeTruthy();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('第一党支部书记推荐本支部党员参评优秀党员（附主要事迹）', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun-zb1', server.password, '/pioneers?tab=excellence');
    const round = page.locator('[data-testid="round"][data-year="2026"]');
    await round.getByTestId('nominate').click();
    const dialog = page.getByRole('dialog', { name: '推荐2026年度优秀党员' });
    await dialog.getByLabel('被推荐党员').fill(nominee.name);
    await page.locator('.ant-select-item-option').filter({ hasText: nominee.name }).first().click();
    await dialog.getByLabel('主要事迹').fill('全年审结案件286件，结案率98.6%，无一被发回改判；主动承担青年干警“传帮带”。');
    await screenshot(page, 'pioneers-nominate-desktop');
    await dialog.getByRole('button', { name: /提交推荐/ }).click();
    await round.getByTestId('nomination').filter({ hasText: nominee.name }).getByText('已推荐').waitFor();
  });

  test('第一党支部书记申报党员示范岗，列表显示申报中，书记没有批准按钮', async () => {
    await page.goto(`${server.baseUrl}/pioneers?tab=posts`);
    await page.getByTestId('propose-modelPost').click();
    const dialog = page.getByRole('dialog', { name: '申报党员示范岗' });
    await dialog.getByLabel('名称').fill(postName);
    await dialog.getByLabel('岗位（可不填）').fill('诉讼服务中心导诉台');
    await dialog.getByLabel('党员', { exact: true }).fill(holder.name);
    await page.locator('.ant-select-item-option').filter({ hasText: holder.name }).first().click();
    await dialog.getByLabel('承诺事项').fill('导诉“首问负责、一次告知”，网上立案当日审查，群众满意率不低于98%。');
    await screenshot(page, 'pioneers-propose-desktop');
    await dialog.getByRole('button', { name: /提交申报/ }).click();
    const row = page.locator(`[data-testid="designation"][data-name="${postName}"]`);
    await row.getByText('申报中').waitFor();
    expect(await row.getByTestId('approve-designation').count()).toBe(0);
  });

  test('机关党委批准示范岗挂牌，并决定被推荐人当选；荣誉记入荣誉库', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun', server.password, '/pioneers?tab=posts');
    const row = page.locator(`[data-testid="designation"][data-name="${postName}"]`);
    await row.getByTestId('approve-designation').click();
    await page.getByRole('dialog', { name: '批准挂牌' }).getByRole('button', { name: /批\s*准/ }).click();
    await row.getByText('挂牌中').waitFor();
    await screenshot(page, 'pioneers-posts-desktop');
    // the 先锋队 with its members and achievements log
    await page.getByRole('tab', { name: '党员先锋队' }).click();
    await page.locator('[data-testid="designation"][data-name="执行攻坚党员先锋队"]').getByText('执行攻坚党员先锋队', { exact: true }).click();
    const drawer = page.getByRole('dialog', { name: '执行攻坚党员先锋队' });
    await drawer.getByText('工作成效', { exact: true }).waitFor();
    await drawer.getByText('执行攻坚').first().waitFor();
    await screenshot(page, 'pioneers-team-drawer-desktop');
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();

    await page.getByRole('tab', { name: '优秀党员评选' }).click();
    const nomination = page.locator('[data-testid="round"][data-year="2026"]').getByTestId('nomination').filter({ hasText: nominee.name });
    await nomination.getByTestId('select-nomination').click();
    await page.getByRole('dialog', { name: '确认当选' }).getByRole('button', { name: /当\s*选/ }).click();
    await nomination.getByText('已记入荣誉库').waitFor();
    await screenshot(page, 'pioneers-excellence-desktop');

    const honors = ((await server.apiAs('anshun', 'GET', '/api/v1/honors?kind=individual&year=2026&pageSize=100')).body as { items: { recipientName: string; name: string; levelLabel: string; issuer: string; source: string }[] }).items;
    expect(honors.find((h) => h.recipientName === nominee.name && h.source === 'pioneers')).toMatchObject({ name: '2026年度优秀共产党员', levelLabel: '院级', issuer: '中共安顺市中级人民法院机关委员会' });
  });

  test('党员在手机上看到本院挂牌中的示范岗（公示名单，无个人信息）', async () => {
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun-dy1', server.password, '/pioneers');
    const card = page.locator(`[data-testid="designation"][data-name="${postName}"]`);
    await card.waitFor();
    await page.locator('[data-testid="designation"][data-name="立案窗口党员示范岗"]').waitFor();
    await poll(() => card.textContent()).toContain(holder.name);
    expect(await page.getByTestId('propose-modelPost').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/1[3-9]\d{9}|\d{6}\*{8}/);
    await screenshot(page, 'pioneers-board-phone');
    await page.getByRole('tab', { name: '党员先锋队' }).click();
    await page.locator('[data-testid="designation"][data-name="执行攻坚党员先锋队"]').waitFor();
    await screenshot(page, 'pioneers-teams-phone');
    // the office on a phone: the rounds with their nominations and decisions
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun', server.password, '/pioneers?tab=excellence');
    await page.locator('[data-testid="round"][data-year="2026"]').getByTestId('nomination').filter({ hasText: nominee.name }).getByText('当选', { exact: true }).waitFor();
    // the phone card also says the honor went to the registry
    await page.locator('[data-testid="round"][data-year="2026"]').getByTestId('nomination').filter({ hasText: nominee.name }).getByText(/当选，已记入荣誉库/).waitFor();
    await screenshot(page, 'pioneers-excellence-phone');
  });
});
