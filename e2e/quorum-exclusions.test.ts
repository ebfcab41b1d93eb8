// Browser flow of 不计入应到会人数 (RULES.md §1.2): the branch secretary requests it on a member's
// profile, the 机关党委 approves it from the home page (a reject needs a reason), the approved
// exclusion lowers the 应到会 of tomorrow's 支部党员大会, the branch ends it when the member is back,
// and an ordinary member never sees another member's records.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("批 准"); the icon adds its own name before it. */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}

/** A date in Asia/Shanghai, `days` from today: ISO and as the page shows it (2026年3月1日). */
function shanghaiDay(days = 0) {
  const s = new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000);
  return { iso: s.toISOString().slice(0, 10), chinese: `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日` };
}

type Member = { id: string; name: string; orgId: string; status: string };
type Exclusion = { id: string; state: string; memberName: string; categoryLabel: string; version: number };

describe.skipIf(!hasChromium)('浏览器：不计入应到会人数（经上级党组织批准）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branchId = '';
  let member: Member;
  let meetingId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { memberId: string | null; grants: { orgId: string }[] };
    branchId = me.grants[0]!.orgId;
    const dy1 = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string | null };
    const list = (await server.apiAs('anshun-zb1', 'GET', `/api/v1/members?orgId=${branchId}&status=fullMember&pageSize=100`)).body as { items: Member[] };
    member = list.items.find((m) => m.id !== me.memberId && m.id !== dy1.memberId && m.orgId === branchId)!;
    expect(member).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));
  const recordsOf = async (memberId: string) =>
    ((await server.apiAs('anshun-zb1', 'GET', `/api/v1/members/${memberId}/quorum-exclusions`)).body as { items: Exclusion[] }).items;
  const card = () => page.getByTestId('quorum-exclusions-card');

  test('书记在第一支部党员的档案中登记申请“自费出国半年以上”，提交后显示“待上级审批”，且没有批准按钮', async () => {
    await open('anshun-zb1', `/members/${member.id}`);
    await card().waitFor();
    await poll(() => card().innerText()).toContain('暂无登记');
    expect(await card().innerText()).toContain('经上级党组织批准，可不计入应到会人数');

    await card().getByRole('button', { name: /登记申请/ }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.innerText()).toContain(`登记申请：${member.name}不计入应到会人数`);
    // Nothing chosen: the form says what is missing, in Chinese, and sends nothing.
    await dialog.getByRole('button', { name: /提交上级审批/ }).click();
    await poll(() => dialog.innerText()).toContain('请选择情形');
    expect(await dialog.innerText()).toContain('请填写原因');

    await dialog.getByLabel('情形').click();
    const options = page.locator('.ant-select-item-option');
    await options.first().waitFor();
    expect(await options.count()).toBe(5);
    await options.filter({ hasText: '自费出国半年以上' }).click();
    await dialog.getByLabel('原因').fill('自费赴澳大利亚探亲，预计一年');
    await screenshot(page, 'quorum-exclusion-request-desktop');
    await dialog.getByRole('button', { name: /提交上级审批/ }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已登记，等待上级党组织审批');

    const row = card().getByTestId('quorum-exclusion');
    await poll(() => row.innerText()).toContain('待上级审批');
    const text = await row.innerText();
    expect(text).toContain('自费出国半年以上');
    expect(text).toContain(`${shanghaiDay().chinese}起，至情形消失时止`);
    expect(text).toContain('自费赴澳大利亚探亲，预计一年');
    // The branch never approves its own request.
    expect(await row.getByRole('button', { name: label('批准') }).count()).toBe(0);
    const saved = await recordsOf(member.id);
    expect(saved.map((x) => x.state)).toEqual(['pending']);
    await screenshot(page, 'quorum-exclusions-card-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await card().getByRole('button', { name: /登记申请/ }).waitFor();
    await screenshot(page, 'quorum-exclusions-card-phone');
    // The form fits a phone: the five long labels wrap in the list instead of being cut.
    await card().getByRole('button', { name: /登记申请/ }).click();
    await page.getByRole('dialog').getByLabel('情形').click();
    await page.locator('.ant-select-item-option').first().waitFor();
    await screenshot(page, 'quorum-exclusion-request-phone');
    await page.keyboard.press('Escape');
  });

  test('机关党委在首页看到待审批申请；不予批准未填原因时提示“不予批准须填写原因”且不改变状态；批准后首页不再列出', async () => {
    await open('anshun', '/', 'phone');
    const inbox = page.getByTestId('pending-approvals');
    await inbox.waitFor();
    await screenshot(page, 'home-pending-approvals-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'home-pending-approvals-desktop');

    const item = inbox.getByTestId('pending-approval').filter({ hasText: member.name });
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('第一');
    expect(text).toContain('自费出国半年以上');
    expect(text).toContain(`${shanghaiDay().chinese}起`);
    expect(await item.getByRole('link', { name: member.name }).getAttribute('href')).toBe(`/members/${member.id}`);

    await item.getByRole('button', { name: /不予批准/ }).click();
    const reject = page.locator('.ant-modal').filter({ hasText: '不予批准的原因' });
    await reject.getByRole('button', { name: /不予批准/ }).click();
    await poll(() => reject.locator('.ant-form-item-explain-error').innerText()).toContain('不予批准须填写原因');
    expect((await recordsOf(member.id)).map((x) => x.state)).toEqual(['pending']);
    await reject.getByRole('button', { name: label('返回') }).click();

    await item.getByRole('button', { name: label('批准') }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await poll(() => confirm.innerText()).toContain(`${member.name}`);
    expect(await confirm.innerText()).toContain('不计入支部党员大会应到会人数');
    await confirm.getByRole('button', { name: label('批准') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain(`已批准：${member.name}不计入应到会人数`);
    await poll(() => page.getByTestId('pending-approvals').count()).toBe(0);
    expect((await recordsOf(member.id)).map((x) => x.state)).toEqual(['approved']);
  });

  test('批准后，该支部明天的支部党员大会详情页的法定人数提示“1人经批准不计入应到会人数”', async () => {
    const res = await server.apiAs('anshun-zb1', 'POST', '/api/v1/activities', {
      orgId: branchId,
      type: 'branchAssembly',
      title: '测试：明天的支部党员大会',
      startsAt: `${shanghaiDay(1).iso}T15:00:00+08:00`,
      firstAgendaItem: '学习党的二十届四中全会精神',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    meetingId = (res.body as { id: string }).id;
    await open('anshun-zb1', `/activities/${meetingId}`);
    const quorum = page.getByTestId('quorum-box');
    await quorum.waitFor();
    await poll(() => quorum.innerText()).toContain('1人经批准不计入应到会人数');
    expect(await quorum.innerText()).toContain('不计入应到');
  });

  test('书记在档案中看到“已批准”并可终止；终止时须填原因，终止后状态为“已终止”', async () => {
    await open('anshun-zb1', `/members/${member.id}`);
    const row = card().getByTestId('quorum-exclusion');
    await poll(() => row.innerText()).toContain('已批准');
    await screenshot(page, 'quorum-exclusions-approved-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'quorum-exclusions-approved-phone');
    await row.getByRole('button', { name: label('终止') }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '终止原因' });
    await dialog.getByRole('button', { name: /确认终止/ }).click();
    await poll(() => dialog.locator('.ant-form-item-explain-error').innerText()).toContain('请填写终止原因');
    await dialog.getByLabel('终止原因').fill('已提前回国');
    await dialog.getByRole('button', { name: /确认终止/ }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已终止');
    await poll(() => row.innerText()).toContain('已终止');
    expect(await row.innerText()).toContain('终止原因：已提前回国');
    expect((await recordsOf(member.id)).map((x) => x.state)).toEqual(['ended']);
  });

  test('普通党员打开他人档案时看不到不计入应到会人数的登记；在本人档案中看到自己的（暂无登记）', async () => {
    await open('anshun-dy1', `/members/${member.id}`);
    await page.locator('.ant-result, [data-testid="member-name"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await card().count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('自费赴澳大利亚探亲');
    expect((await server.apiAs('anshun-dy1', 'GET', `/api/v1/members/${member.id}/quorum-exclusions`)).status).toBe(404);

    await page.goto(`${server.baseUrl}/me`);
    await card().waitFor();
    await poll(() => card().innerText()).toContain('暂无登记');
    // A member may not request one.
    expect(await card().getByRole('button', { name: /登记申请/ }).count()).toBe(0);
  });
});
