// Browser flows of 谈心谈话 and 关怀 (issue 5, RULES.md §1.1): the 第一党支部 secretary records a talk
// with 小李 and sees the branch's coverage rise and that pair leave the open list; the 关心关爱 page
// shows the branch's care records to the secretary (the drawer with visits); a committee member and a
// member cannot open the care page; desktop and phone screenshots.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newId, schema } from '@zhibu/db';
import { hashPassword } from '../packages/server/src/auth/auth.service';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Coverage = { covered: number; required: number; percent: number; missingTotal: number; missing: { a: { id: string; name: string }; b: { id: string; name: string } | null }[] };

describe.skipIf(!hasChromium)('浏览器：谈心谈话覆盖与关心关爱', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branchId = '';
  let year = 0;
  let secretary = { id: '', name: '' };
  let xiaoli = { id: '', name: '' };

  const coverage = async () => (await server.apiAs('anshun-zb1', 'GET', `/api/v1/talks/coverage?orgId=${branchId}&year=${year}&pageSize=500`)).body as Coverage;
  const hasPair = (c: Coverage) => c.missing.some((m) => [m.a.id, m.b?.id].includes(secretary.id) && [m.a.id, m.b?.id].includes(xiaoli.id));
  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const zb1 = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { memberId: string; displayName: string; grants: { orgId: string }[] };
    branchId = zb1.grants[0]!.orgId;
    secretary = { id: zb1.memberId, name: zb1.displayName };
    const dy1 = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string; displayName: string };
    xiaoli = { id: dy1.memberId, name: dy1.displayName };
    year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    // A committee member's account of 第一党支部 (the demo has none): 支委 read talks, never care records.
    const db = server.deps.db;
    const committee = await db.select().from(schema.committeePositions);
    const member = committee.find((p) => p.orgId === branchId && p.memberId !== secretary.id)!;
    const userId = newId();
    const courtId = (await db.select().from(schema.partyOrgs)).find((o) => o.id === branchId)!.courtId;
    await db.insert(schema.users).values({ id: userId, username: 'anshun-zw1', displayName: '第一支部委员', passwordHash: await hashPassword(server.password), mustChangePassword: false, courtId, memberId: member.memberId });
    await db.insert(schema.roleGrants).values({ id: newId(), userId, role: 'committeeMember', courtId, orgId: branchId });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('书记记录与小李的谈心谈话：覆盖率上升，这一对从未开展名单中消失', async () => {
    const before = await coverage();
    expect(hasPair(before)).toBe(true);
    await open('anshun-zb1', '/talks');
    const percent = page.getByTestId('talk-coverage-percent');
    await percent.waitFor();
    expect(await percent.innerText()).toContain(`已谈 ${before.covered} / 应谈 ${before.required}`);
    expect(await page.getByTestId('talk-coverage-alert').innerText()).toContain(`还有 ${before.required - before.covered} 对谈心谈话未开展`);
    await screenshot(page, 'talks-desktop-before');

    await page.getByRole('button', { name: /记录谈话/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const people = dialog.getByLabel('谈话对象');
    for (const name of [secretary.name, xiaoli.name]) {
      await people.click();
      await page.keyboard.type(name);
      await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${name}$`) }).first().click();
    }
    await page.keyboard.press('Escape');
    await dialog.getByLabel('谈话发起人').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${secretary.name}$`) }).click();
    await dialog.getByLabel('谈话主题').fill('青年干警成长与职业规划');
    await dialog.getByLabel('谈话要点').fill('交流了近期办案和学习情况，鼓励参加一刻钟微党课。');
    await screenshot(page, 'talks-desktop-dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await poll(async () => hasPair(await coverage())).toBe(false);
    const after = await coverage();
    expect(after.covered).toBe(before.covered + 1);
    await poll(async () => await percent.innerText()).toContain(`已谈 ${after.covered} / 应谈 ${after.required}`);
    expect(await page.getByTestId('talk-coverage-alert').innerText()).toContain(`还有 ${after.required - after.covered} 对`);
    await page.getByRole('tab', { name: '谈话记录' }).click();
    await page.getByText('青年干警成长与职业规划').first().waitFor();
    await screenshot(page, 'talks-desktop-records');
  });

  test('党办看到各支部的覆盖率', async () => {
    await open('anshun', '/talks');
    await page.getByRole('tab', { name: '各支部' }).click();
    await page.getByRole('row').filter({ hasText: '第一党支部' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: /第.+党支部/ }).count()).toBe(10);
    await screenshot(page, 'talks-desktop-office');
  });

  test('手机上查看谈心谈话覆盖', async () => {
    await open('anshun-zb1', '/talks', 'phone');
    await page.getByTestId('talk-coverage-percent').waitFor();
    await screenshot(page, 'talks-phone');
  });

  test('书记打开关心关爱：本支部的关怀对象，查看详情（走访、慰问金）', async () => {
    await open('anshun-zb1', '/care');
    const view = page.getByRole('button', { name: /查看.+的关怀记录/ });
    await view.first().waitFor();
    expect(await view.count()).toBe(1);
    await view.first().click();
    const detail = page.getByTestId('care-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('每次查看均记入审计日志');
    expect(await detail.innerText()).toContain('慰问金');
    await screenshot(page, 'care-desktop-detail');
  });

  test('党办看到离退休支部长期患病老党员的送学上门', async () => {
    await open('anshun', '/care');
    await page.getByRole('button', { name: /查看.+的关怀记录/ }).first().waitFor();
    await page.getByRole('row').filter({ hasText: '长期患病' }).getByRole('button', { name: /查看/ }).click();
    await page.getByTestId('care-detail').getByText('送学上门').first().waitFor();
    await screenshot(page, 'care-desktop-office');
  });

  test('手机上的关心关爱', async () => {
    await open('anshun-zb1', '/care', 'phone');
    await page.getByRole('button', { name: /查看.+的关怀记录/ }).first().waitFor();
    await screenshot(page, 'care-phone');
  });

  test.each(['anshun-zw1', 'anshun-dy1'])('%s 打不开关心关爱页面，菜单里也没有', async (username) => {
    await open(username, '/care');
    await page.getByText('没有权限').waitFor();
    expect(await page.getByRole('button', { name: /查看.+的关怀记录/ }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: /关心关爱/ }).count()).toBe(0);
    const api = await server.apiAs(username, 'GET', '/api/v1/care/records');
    expect((api.body as { items: unknown[] }).items).toEqual([]);
  });
});
