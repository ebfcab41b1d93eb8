// Browser flow of 联建 / "四联" (issue 4): 安顺中院第一党支部 plans a joint activity with 渌口法院综合
// 管理党支部 from the 联建共建 page; it shows on both sides (activity list, detail, calendar, and each
// side's ledger); the partner side marks only its own member and sees the host's members by name
// only; the partnership network graph renders for the court and for 贵州高院 (desktop and phone).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button. */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}

/** A day in Asia/Shanghai, `days` from today. */
function shanghaiDay(days: number) {
  const s = new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000);
  return { iso: s.toISOString().slice(0, 10), month: s.toISOString().slice(0, 7), picker: `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日 14:30` };
}

type Partnership = { id: string; orgId: string; partnerOrgId: string | null; partnerLabel: string; status: string };

describe.skipIf(!hasChromium)('浏览器：联建共建（安顺中院 ⇄ 渌口法院）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let pair: Partnership;
  let activityId = '';
  const title = '“法护未来”跨省联建主题党日';
  const day = shanghaiDay(5);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const list = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/partnerships?pageSize=100')).body as { items: Partnership[] };
    pair = list.items.find((p) => p.partnerLabel.includes('渌口'))!;
    expect(pair).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));

  test('第一党支部书记在联建共建页策划与渌口法院的联建活动，保存后进入活动详情', async () => {
    await open('anshun-zb1', '/partnerships');
    const item = page.getByTestId(`partnership-${pair.id}`);
    await item.waitFor();
    expect(await item.innerText()).toContain('联建中');
    await screenshot(page, 'partnerships-list-desktop');
    await item.getByRole('button', { name: /策划联建活动/ }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.innerText()).toContain('联建对象');
    // Nothing filled: the form says what is missing and sends nothing.
    await dialog.getByRole('button', { name: /保存并查看/ }).click();
    await poll(() => dialog.innerText()).toContain('请填写活动名称');
    await dialog.getByLabel('“四联”类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '问题联解' }).click();
    await dialog.getByLabel('活动名称').fill(title);
    const when = dialog.getByLabel('开始时间');
    await when.click();
    await when.fill(day.picker);
    await when.press('Enter');
    await dialog.getByLabel('地点').fill('线上（远程连线）');
    await screenshot(page, 'partnerships-plan-desktop');
    await dialog.getByRole('button', { name: /保存并查看/ }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    activityId = page.url().split('/').pop()!;
    const joint = page.getByTestId('joint-activity');
    await joint.waitFor();
    expect(await joint.innerText()).toContain('联建活动 · 问题联解');
    expect(await joint.innerText()).toContain('渌口法院 · 综合管理党支部');
    expect(await page.getByTestId('activity-title').innerText()).toBe(title);
    await screenshot(page, 'partnerships-activity-host-desktop');
  });

  test('渌口法院在活动列表、详情和日历中看到这次联建活动，只能登记本院党员的出席', async () => {
    await open('lukou', '/activities');
    await poll(() => page.locator('body').innerText()).toContain(title);
    expect(await page.locator('body').innerText()).toContain('联建·问题联解');
    await page.getByRole('link', { name: title }).first().click();
    const joint = page.getByTestId('joint-activity');
    await joint.waitFor();
    expect(await joint.innerText()).toContain('您是联建方');
    const xie = page.getByTestId('attendance-item').filter({ hasText: '谢燕' });
    await xie.waitFor();
    expect(await xie.innerText()).toContain('联建方');
    // The host's members: names only, no button to mark them.
    const host = page.getByTestId('attendance-item').filter({ hasText: '主办方' });
    expect(await host.count()).toBeGreaterThan(5);
    expect(await host.getByRole('button', { name: /登记/ }).count()).toBe(0);
    await xie.getByRole('button', { name: /登记谢燕的出席情况/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请假', { exact: true }).click();
    await dialog.getByLabel('原因').fill('参加全市法院培训');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await poll(() => xie.innerText()).toContain('请假');
    await screenshot(page, 'partnerships-activity-partner-desktop');

    // Personal data of 安顺's members never reaches 渌口: no 身份证号 or phone, masked or not.
    const detail = JSON.stringify((await server.apiAs('lukou', 'GET', `/api/v1/activities/${activityId}`)).body);
    const roster = (await server.apiAs('anshun', 'GET', `/api/v1/members?orgId=${pair.orgId}&pageSize=100`)).body as { items: { idNumberMasked?: string; phoneMasked?: string | null }[] };
    for (const m of roster.items) {
      if (m.idNumberMasked) expect(detail).not.toContain(m.idNumberMasked);
      if (m.phoneMasked) expect(detail).not.toContain(m.phoneMasked);
    }

    await page.goto(`${server.baseUrl}/calendar?month=${day.month}`);
    const chip = () => page.locator(`a[data-testid="calendar-chip"][href="/activities/${activityId}"]`);
    await poll(() => chip().count()).toBeGreaterThan(0);
    expect(await chip().first().innerText()).toContain('联建活动');
    await screenshot(page, 'partnerships-calendar-partner-desktop');
  });

  test('主办方日历同样显示；双方年度台账（汇总表）都收录这次联建活动', async () => {
    await open('anshun-zb1', `/calendar?month=${day.month}`);
    await poll(() => page.locator(`a[data-testid="calendar-chip"][href="/activities/${activityId}"]`).count()).toBeGreaterThan(0);
    for (const [who, orgId] of [
      ['anshun-zb1', pair.orgId],
      ['lukou', pair.partnerOrgId!],
    ] as const) {
      const res = await server.apiAs(who, 'GET', `/api/v1/ledgers/summary.xlsx?orgId=${orgId}&year=${day.iso.slice(0, 4)}`);
      expect(res.status, who).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      let found = false;
      wb.eachSheet((ws) => ws.eachRow((row) => {
        if ((row.values as unknown[]).some((v) => typeof v === 'string' && v.includes('法护未来'))) found = true;
      }));
      expect(found, who).toBe(true);
    }
  });

  test('联建网络图：安顺中院看到与最高法、省法院、县法院和外单位的联建及“四联”统计（桌面和手机）', async () => {
    await open('anshun', '/partnerships?tab=network');
    const graph = page.getByTestId('partnership-graph');
    await graph.waitFor();
    await poll(() => graph.locator('canvas').count()).toBeGreaterThan(0);
    const text = await page.locator('body').innerText();
    for (const word of ['思路联谋', '问题联解', '品牌联创', '力量联合', '各党支部联建情况']) expect(text).toContain(word);
    const net = (await server.apiAs('anshun', 'GET', '/api/v1/partnerships/network')).body as { nodes: { group: string }[]; totals: { partnerships: number } };
    expect(net.nodes.map((n) => n.group)).toEqual(expect.arrayContaining(['最高法', '贵州高院', '普定县法院', '渌口法院', '外单位']));
    expect(net.totals.partnerships).toBeGreaterThanOrEqual(24);
    await page.waitForTimeout(1500); // the force layout settles
    await screenshot(page, 'partnerships-network-desktop');
    await open('anshun', '/partnerships?tab=network', 'phone');
    await page.getByTestId('partnership-graph').locator('canvas').waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'partnerships-network-phone');
  });

  test('第八党支部书记在手机上同意贵州高院环境资源审判庭党支部的联建邀请', async () => {
    await open('anshun-zb8', '/partnerships', 'phone');
    const waiting = page.locator('[data-testid^="partnership-"]').filter({ hasText: '待对方确认' });
    await waiting.first().waitFor();
    expect(await waiting.first().innerText()).toContain('贵州高院');
    await screenshot(page, 'partnerships-list-phone');
    await waiting.first().getByRole('button', { name: label('同意') }).click();
    await page.getByRole('dialog').getByRole('button', { name: label('同意') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已同意联建');
    await poll(() => page.locator('[data-testid^="partnership-"]').filter({ hasText: '待对方确认' }).count()).toBe(0);
  });

  test('贵州高院查看所辖法院的联建网络，只能查看不能登记', async () => {
    await open('guizhou', '/partnerships');
    await poll(() => page.locator('body').innerText()).toContain('联建中');
    expect(await page.getByRole('button', { name: /登记联建/ }).count()).toBe(0);
    await page.getByRole('tab', { name: '联建网络与统计' }).click();
    await page.getByTestId('partnership-graph').locator('canvas').waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'partnerships-network-guizhou-desktop');
  });

  test('贵州高院按所辖法院筛选：选安顺中院后网络和列表只有安顺中院支部的联建，另有各下级法院的联建统计表（电脑与手机）', async () => {
    await open('guizhou', '/partnerships?tab=network');
    const table = page.getByTestId('court-table');
    await table.waitFor();
    // Every lower court has a row, with or without pairings; 贵州高院 itself is not one of them.
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.some((r) => r.startsWith('安顺中院'))).toBe(true);
    expect(rows.some((r) => r.includes('西秀区'))).toBe(true);
    expect(rows.some((r) => r.startsWith('贵州高院'))).toBe(false);
    await page.getByLabel('所辖法院').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^安顺中院/ }).click();
    await page.waitForURL((u) => u.searchParams.has('court'));
    await poll(() => page.locator('body').innerText()).toContain('安顺中院各党支部联建情况');
    expect(await table.locator('tbody tr').filter({ hasText: '当前' }).innerText()).toContain('安顺中院');
    await page.getByTestId('partnership-graph').locator('canvas').waitFor();
    // The counterparts anywhere are in the graph's court legend; 安顺中院's branches fill the branch table.
    expect(await page.locator('body').innerText()).toContain('第一党支部');
    await page.waitForTimeout(1500);
    await screenshot(page, 'partnerships-network-guizhou-anshun-desktop');

    // The list tab keeps the filter: only pairings with a 安顺中院 side; nothing to register, no contacts.
    await page.getByRole('tab', { name: '联建关系' }).click();
    const items = page.locator('.ant-list-item[data-testid^="partnership-"]');
    await items.first().waitFor();
    for (const text of await items.allInnerTexts()) expect(text).toContain('安顺中院');
    expect(await page.getByRole('button', { name: /登记联建/ }).count()).toBe(0);
    const court = new URL(page.url()).searchParams.get('court')!;
    const viaApi = (await server.apiAs('guizhou', 'GET', `/api/v1/partnerships?courtId=${court}&pageSize=500`)).body as { items: { contact: string | null; partnerContact: string | null }[] };
    expect(viaApi.items.length).toBeGreaterThan(0);
    expect(viaApi.items.every((p) => p.contact === null && p.partnerContact === null)).toBe(true);

    await open('guizhou', `/partnerships?tab=network&court=${court}`, 'phone');
    await page.getByTestId('court-table').waitFor();
    await page.getByTestId('partnership-graph').locator('canvas').waitFor();
    await poll(() => page.locator('body').innerText()).toContain('安顺中院各党支部联建情况');
    await page.waitForTimeout(1500);
    await screenshot(page, 'partnerships-network-guizhou-anshun-phone');
  });
});
