// Browser flow of 选树 (issue 4, the fifth step): the party office opens an annual selection round
// and forms its panel; 第一支部书记 (anshun-zb1) nominates the branch's brand (in 培育, set up through
// the API beforehand); the office moves the round to 评审; a reviewer of another branch (anshun-zb2)
// scores the four standards (the second reviewer through the API); the office selects the brand with
// confirmation and publishes; the brand shows 已选树 and the honor. Desktop and phone screenshots.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs, pickSelectOption } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("推 荐"). */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}

/** A date in Asia/Shanghai, `days` from today, as the date picker takes it (2026年3月1日). */
function shanghaiDay(days = 0) {
  const s = new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
}

const BRAND = '初心铸魂 立案为民';
const YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const ROUND = `${YEAR}年度党建品牌选树（第二批）`;

describe.skipIf(!hasChromium)('浏览器：品牌选树（发起→推荐→评审→选树→公布）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let brandId = '';
  let roundId = '';
  const names: Record<string, string> = {};

  const api = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await server.apiAs(who, method, url, body);
    if (res.status !== 200) throw new Error(`${who} ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown> & { id: string; version: number };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const u of ['anshun-zb2', 'anshun-zb9']) names[u] = ((await server.apiAs(u, 'GET', '/api/v1/auth/me')).body as { displayName: string }).displayName;
    // 第一支部's brand through 申报 → 认定 → 培育 (the brands browser test walks those steps itself).
    const orgs = (await api('anshun-zb1', 'GET', '/api/v1/orgs')) as unknown as { items?: { id: string; name: string; type: string }[] } | { id: string; name: string; type: string }[];
    const list = Array.isArray(orgs) ? orgs : (orgs.items ?? []);
    const branch1 = list.find((o) => o.type === 'branch' && o.name.includes('第一'))!;
    let b = await api('anshun-zb1', 'POST', '/api/v1/brands', {
      orgId: branch1.id,
      name: BRAND,
      slogan: '立案为民 初心如磐',
      concept: '把群众满意作为立案工作的第一标准',
      substance: '以党建引领诉讼服务，推动“一站式”多元解纷和诉讼服务体系建设',
      distinctiveness: '“立案+调解”党员先锋岗，跨域立案“一次办”',
      integration: '服务立案和诉讼服务中心工作',
    });
    brandId = b.id;
    b = await api('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/transition`, { action: 'submit', version: b.version });
    const cands = (await api('anshun', 'GET', `/api/v1/brands/${brandId}/reviewer-candidates`)) as unknown as { items: { id: string; name: string }[] };
    const panel = ['anshun-zb2', 'anshun-zb9'].map((u) => cands.items.find((c) => c.name === names[u])!.id);
    await api('anshun', 'PUT', `/api/v1/brands/${brandId}/panel`, { reviewerIds: panel, weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, version: b.version });
    for (const u of ['anshun-zb2', 'anshun-zb9']) await api(u, 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 86, substance: 84, distinctiveness: 82, integration: 85 });
    b = await api('anshun', 'GET', `/api/v1/brands/${brandId}`);
    b = await api('anshun', 'POST', `/api/v1/brands/${brandId}/transition`, { action: 'recognize', version: b.version });
    await api('anshun', 'POST', `/api/v1/brands/${brandId}/transition`, { action: 'cultivate', version: b.version });
    await api('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/evidence`, { kind: 'publicity', title: '安顺中院微信公众号：立案窗口的“红色引擎”', occurredOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));
  const pickOption = (text: string | RegExp) => pickSelectOption(page, text);
  const confirmPop = async (button: string) => {
    const pop = page.locator('.ant-popconfirm:visible');
    await pop.waitFor();
    await pop.getByRole('button', { name: label(button) }).click();
  };
  const card = () => page.getByTestId(`nomination-${BRAND}`);

  test('党建办发起选树（名额、截止日期、权重），组成评审组', async () => {
    await open('anshun', '/brands?tab=selection');
    // The demo: last year's round published, this year's open.
    await poll(() => page.getByTestId('selection-rounds').innerText()).toContain(`${YEAR - 1}年度“一支部一品牌”示范品牌选树`);
    expect(await page.getByTestId('selection-rounds').innerText()).toContain('已公布');
    await page.getByRole('button', { name: /发起选树/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('选树名称').fill(ROUND);
    await dialog.getByLabel('选树名额').fill('1');
    await dialog.getByLabel('推荐截止日期').fill(shanghaiDay(10));
    await dialog.getByLabel('推荐截止日期').press('Enter');
    await dialog.getByLabel('选树条件').fill('品牌已认定并处于培育或宣传推广阶段；当年有品牌活动和宣传报道佐证');
    await dialog.getByRole('button', { name: label('发起') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('round-name').innerText()).toContain(ROUND);
    roundId = new URL(page.url()).searchParams.get('round')!;
    expect(roundId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: /设置与评审组/ }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('评审组成员').click();
    await pickOption(names['anshun-zb2']!);
    await pickOption(names['anshun-zb9']!);
    await page.keyboard.press('Escape');
    await edit.getByRole('button', { name: label('保存') }).click();
    await edit.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('selection-round').innerText()).toContain(`${names['anshun-zb2']}、${names['anshun-zb9']}`);
  });

  test('第一支部书记推荐本支部品牌，附推荐理由和当年佐证；去年已选树的品牌不能再推荐，页面说明原因', async () => {
    await open('anshun-zb1', `/brands?tab=selection&round=${roundId}`);
    await poll(() => page.getByTestId('round-name').innerText()).toContain(ROUND);
    await page.getByRole('button', { name: /推荐品牌/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: label('推荐') }).click();
    await poll(() => dialog.innerText()).toContain('请选择推荐的品牌');
    await dialog.getByLabel('推荐品牌').click();
    await pickOption(BRAND);
    await dialog.getByLabel('推荐理由').fill('“立案+调解”党员先锋岗全年接待群众3200余人次，跨域立案“一次办”群众满意度98%，品牌融合诉讼服务成效明显。');
    await dialog.getByRole('button', { name: label('推荐') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => card().innerText()).toContain('宣传1项');
    expect(await card().innerText()).toContain('待决定');
    await screenshot(page, 'brand-selection-nominated-desktop');

    // 第八支部's brand was selected last year: its secretary is told why it cannot be nominated again.
    const rounds = (await api('anshun-zb8', 'GET', '/api/v1/brand-selection-rounds')) as unknown as { items: { id: string; name: string }[] };
    const demoRound = rounds.items.find((r) => r.name === `${YEAR}年度“一支部一品牌”示范品牌选树`)!;
    await open('anshun-zb8', `/brands?tab=selection&round=${demoRound.id}`);
    await poll(() => page.getByTestId('not-eligible').innerText()).toContain(`“初心铸魂 清风拂绿”暂不能推荐：该品牌已于${YEAR - 1}年度选树，不再重复推荐`);
    expect(await page.getByRole('button', { name: /推荐品牌/ }).count()).toBe(0);
  });

  test('党建办进入评审；第二支部书记按四项标准评分（背靠背），第九支部书记也评完', async () => {
    await open('anshun', `/brands?tab=selection&round=${roundId}`);
    await page.getByRole('button', { name: /进入评审/ }).click();
    await confirmPop('进入评审');
    await poll(() => page.getByTestId('round-name').innerText()).toContain('评审');

    await open('anshun-zb2', `/brands?tab=selection&round=${roundId}`);
    await poll(() => page.getByTestId('selection-round').innerText()).toContain('您是本轮评审组成员');
    await card().getByTestId('score-nomination').click();
    const dialog = page.getByRole('dialog');
    const scores: [string, string][] = [['有主题', '92'], ['有内涵', '88'], ['有特色', '90'], ['有融合', '94']];
    for (const [l, v] of scores) await dialog.getByLabel(l).fill(v);
    await dialog.getByLabel('评审意见').fill('立案服务特色鲜明，融合度高');
    await dialog.getByRole('button', { name: /提交评分/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => card().innerText()).toContain('我的评分：有主题92');
    // Blind: no total and nobody else's score before publishing.
    expect(await card().innerText()).not.toContain('加权总分');
    await screenshot(page, 'brand-selection-scoring-desktop');

    const round = (await api('anshun-zb9', 'GET', `/api/v1/brand-selection-rounds/${roundId}`)) as unknown as { nominations: { id: string; brandId: string }[] };
    const nom = round.nominations.find((n) => n.brandId === brandId)!;
    await api('anshun-zb9', 'PUT', `/api/v1/brand-selection-nominations/${nom.id}/my-score`, { theme: 90, substance: 86, distinctiveness: 88, integration: 92 });
  });

  test('党建办确认选树并公布：品牌变为已选树，获“年度示范党建品牌”荣誉', async () => {
    await open('anshun', `/brands?tab=selection&round=${roundId}`);
    await poll(() => card().innerText()).toContain('加权总分 90');
    await card().getByTestId('select-nomination').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`${YEAR}年度示范党建品牌`);
    await confirm.getByRole('button', { name: /确认选树/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    await poll(() => card().innerText()).toContain('已选树');
    await page.getByRole('button', { name: /公布结果/ }).click();
    await confirmPop('公布');
    await poll(() => page.getByTestId('round-name').innerText()).toContain('已公布');
    await screenshot(page, 'brand-selection-published-desktop');

    await page.goto(`${server.baseUrl}/brands/${brandId}`);
    await poll(() => page.locator('.ant-card-head').first().innerText()).toContain('已选树');
    await poll(() => page.getByTestId('brand-honors').innerText()).toContain(`${YEAR}年度示范党建品牌`);
    expect(await page.getByTestId('brand-selections').innerText()).toContain(`${YEAR}年度选树`);
    await screenshot(page, 'brand-selection-brand-desktop');
  });

  test('手机上：党员查看已公布的选树结果（排名、总分，看不到评审个人打分）', async () => {
    await open('anshun-dy1', `/brands?tab=selection&round=${roundId}`, 'phone');
    await poll(() => card().innerText()).toContain('已选树');
    const text = await card().innerText();
    expect(text).toContain('第1名');
    expect(text).toContain('加权总分 90');
    expect(text).not.toContain(names['anshun-zb2']!);
    await screenshot(page, 'brand-selection-published-phone');
    await page.goto(`${server.baseUrl}/brands?tab=selection`);
    await poll(() => page.getByTestId('selection-rounds').innerText()).toContain(ROUND);
    await screenshot(page, 'brand-selection-rounds-phone');
  });
});
