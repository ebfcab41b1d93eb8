// Browser flows of 党建工作提示 and 台账与统计 (USERS.md: 郑主任 of the party office, 黄书记 of a
// branch, the higher court): the office sees a branch's overdue item with its reason and rule, the
// secretary records the activity, and after a reload the office sees the item resolved; the
// secretary sees only her branch; the higher court sees levels and figures but no member names and
// no ledgers; the binder downloads as a .docx and the yearly figures count a recorded activity.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type Item = { type: string; label: string; state: string; current: boolean; periodKey: string; periodStart: string; periodEnd: string; message: string; rule: string };
type OrgReminder = { orgId: string; orgName: string; orgType: string; level: string; items: Item[] };
type Org = { id: string; parentId: string | null; type: string; name: string };

describe.skipIf(!hasChromium)('浏览器：党建工作提示与台账', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branch: Org;
  let subtree: Set<string>;
  let otherBranch: Org;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const orgs = ((await server.apiAs('anshun', 'GET', '/api/v1/orgs')).body as { items: Org[] }).items;
    branch = orgs.find((o) => o.type === 'branch' && o.name.includes('第一支部'))!;
    subtree = new Set([branch.id, ...orgs.filter((o) => o.parentId === branch.id).map((o) => o.id)]);
    otherBranch = orgs.find((o) => o.type === 'branch' && o.name.includes('第二支部'))!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: 'desktop' | 'phone' = 'desktop') => {
    page = await freshPage(browser, viewport);
    await login(page, server.baseUrl, username, server.password, path);
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    return page;
  };

  const remindersOf = async (username: string, orgId: string): Promise<OrgReminder> => {
    const res = await server.apiAs(username, 'GET', `/api/v1/reminders?orgId=${orgId}`);
    expect(res.status).toBe(200);
    return (res.body as { items: OrgReminder[] }).items.find((o) => o.orgId === orgId)!;
  };

  /** Plans and records an activity (补录 when the day is past), as a user who manages the org. */
  const recordActivity = async (username: string, orgId: string, type: string, startsAt: string) => {
    const created = await server.apiAs(username, 'POST', '/api/v1/activities', {
      orgId,
      type,
      title: '学习贯彻党的二十届四中全会精神',
      startsAt,
      lateEntryReason: '会议已按期召开，纸质记录后补录入系统',
      firstAgendaItem: '学习习近平总书记重要讲话精神',
    });
    if (created.status !== 200) return { ok: false as const, body: created.body };
    const a = created.body as { id: string; version: number };
    const recorded = await server.apiAs(username, 'POST', `/api/v1/activities/${a.id}/record`, {
      minutes: '会议传达学习了有关精神，研究了本支部下一阶段工作。',
      firstAgendaItem: '学习习近平总书记重要讲话精神',
      attendance: [],
      version: a.version,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    return { ok: true as const, id: a.id };
  };

  test('机关党委看到逾期支部的原因和依据；支部记录该会议后刷新，该项不再逾期', async () => {
    // Which branch the demo court has red today: one with a secretary account and an overdue 支委会
    // first (the issue's example), else any red branch, else 第一支部's open items.
    const all = ((await server.apiAs('anshun', 'GET', '/api/v1/reminders')).body as { items: OrgReminder[] }).items;
    const secretaryOf = new Map<string, string>();
    for (const username of ['anshun-zb1', 'anshun-zb8']) {
      const me = (await server.apiAs(username, 'GET', '/api/v1/auth/me')).body as { grants: { role: string; orgId: string | null }[] };
      for (const g of me.grants) if (g.role === 'branchSecretary' && g.orgId) secretaryOf.set(g.orgId, username);
    }
    const missedCommittee = (o: OrgReminder) => o.items.some((i) => i.state === 'missed' && i.type === 'committeeMeeting');
    const reds = all
      .filter((o) => o.orgType === 'branch' && o.level === 'red')
      .sort((a, b) => Number(secretaryOf.has(b.orgId)) - Number(secretaryOf.has(a.orgId)) || Number(missedCommittee(b)) - Number(missedCommittee(a)));
    const before = reds[0] ?? (await remindersOf('anshun', branch.id));
    // The branch's secretary records; a branch without a demo secretary account is recorded by the office.
    const recorder = secretaryOf.get(before.orgId) ?? 'anshun';
    const rank = (i: Item) => (i.type === 'committeeMeeting' ? 0 : 2) + (i.state === 'missed' ? 0 : 1);
    const candidates = before.items.filter((i) => i.state !== 'done').sort((a, b) => rank(a) - rank(b) || (a.periodStart < b.periodStart ? 1 : -1));
    expect(candidates.length, '演示数据中应有未完成的提示').toBeGreaterThan(0);
    const target = candidates[0]!;

    await open('anshun', '/reminders');
    await poll(() => page.getByTestId('reminder-summary').innerText()).toMatch(/红\s*\d+/);
    const row = page.locator(`[data-testid="org-reminder"][data-org-id="${before.orgId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe(before.level);
    if (target.state === 'missed') {
      expect(before.level).toBe('red');
      expect(await row.innerText()).toContain(`逾期未开展：`);
      expect(await row.innerText()).toContain(target.label);
    }
    await screenshot(page, 'reminders-office-desktop');

    // Reds come first.
    const order: Record<string, number> = { red: 0, amber: 1, green: 2 };
    const shown = (await page.locator('[data-testid="org-reminder"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-level') ?? ''))).map((l) => order[l] ?? 9);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    await row.getByRole('button', { name: before.orgName }).click();
    await page.waitForURL((url) => url.searchParams.get('org') === before.orgId);
    const item = page.locator(`[data-testid="reminder-item"][data-key="${target.type}:${target.periodKey}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-state')).toBe(target.state);
    expect(await item.innerText()).toContain(target.message);
    const block = page.locator(`[data-testid="type-block"][data-type="${target.type}"]`);
    expect(await block.innerText()).toContain(`依据：${target.rule}`);
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/activities/new?orgId=${before.orgId}&type=${target.type}`);
    await screenshot(page, 'reminders-office-branch-items-desktop');

    // The activity is recorded in that period; some types need a committee in office on the day,
    // so fall back to the next open item if the server refuses.
    let done: Item | null = null;
    for (const c of candidates) {
      const startsAt = c.current ? new Date(Date.now() - 5 * 60_000).toISOString() : `${c.periodEnd}T09:00:00+08:00`;
      if ((await recordActivity(recorder, before.orgId, c.type, startsAt)).ok) {
        done = c;
        break;
      }
    }
    expect(done).not.toBeNull();

    await page.reload();
    await page.getByTestId('org-items').waitFor();
    const resolved = page.locator(`[data-testid="reminder-item"][data-key="${done!.type}:${done!.periodKey}"]`);
    if (done!.current) {
      // The current period's item turns green (已完成).
      await poll(() => resolved.getAttribute('data-state')).toBe('done');
      expect(await resolved.innerText()).toContain('已完成');
    } else {
      // A missed period that has now been recorded (补录) is no longer overdue: it leaves the list.
      await poll(() => resolved.count()).toBe(0);
    }
    const after = await remindersOf('anshun', before.orgId);
    const missed = (o: OrgReminder) => o.items.filter((i) => i.state === 'missed').length;
    expect(missed(after)).toBe(missed(before) - (done!.current ? 0 : 1));
    if (missed(after) === 0 && !after.items.some((i) => i.state === 'dueSoon')) {
      // Nothing else overdue or due: the branch itself is green now.
      expect(after.level).toBe('green');
      expect(await page.getByRole('dialog').innerText()).toContain('绿 · 正常');
    }
    await screenshot(page, 'reminders-office-after-record-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/reminders`);
    await page.locator('[data-testid="org-reminder"]').first().waitFor();
    await screenshot(page, 'reminders-office-phone');
  });

  test('支部书记只看到本支部及其党小组的提示，手机上以卡片显示', async () => {
    await open('anshun-zb1', '/reminders', 'phone');
    const cards = page.locator('[data-testid="org-reminder"]');
    await cards.first().waitFor();
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-org-id')));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(subtree.has(id!)).toBe(true);
    // Cards, not a wide table, at 390px.
    expect(await page.locator('.ant-table').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('第二支部');
    await screenshot(page, 'reminders-secretary-phone');
    await cards.first().click();
    await page.getByTestId('org-items').waitFor();
    await screenshot(page, 'reminders-secretary-items-phone');
  });

  test('党员组织生活提示按党章第九条列出姓名和月数，说明由支部研究、系统不自动处理', async () => {
    const api = (await server.apiAs('anshun', 'GET', '/api/v1/reminders/members')).body as { items: { memberName: string; level: string }[] };

    await open('anshun', '/reminders?tab=members');
    await poll(() => page.locator('body').innerText()).toContain('平台不会自动作任何处理');
    if (api.items.length) {
      const rows = page.locator('[data-testid="member-reminder"]');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(api.items.length);
      expect(await rows.first().innerText()).toContain(api.items[0]!.memberName);
    } else {
      await poll(() => page.locator('body').innerText()).toContain('暂无连续3个月以上未参加组织生活的党员');
    }
    const text = await page.locator('body').innerText();
    expect(text).toContain('第九条');
    expect(text).toContain('支部大会');
    // Names only: no 身份证号 or phone number on the page.
    expect(text).not.toMatch(/\d{6}\*{4,}|\d{17}[\dXx]|1\d{2}\*{4}\d{4}/);
    await screenshot(page, 'reminders-members-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'reminders-members-phone');
  });

  test('上级法院看到下级法院各党组织的红黄绿，没有党员提示页', async () => {
    await open('guizhou', '/reminders');
    await page.locator('[data-testid="org-reminder"]').first().waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['党组织提示']);
    expect(await page.getByRole('tab', { name: '党员组织生活提示' }).count()).toBe(0);
    // No 去计划 for the higher court: it does not plan the lower court's meetings.
    await page.locator('[data-testid="org-reminder"]').first().getByRole('button').first().click();
    await page.getByTestId('org-items').waitFor();
    expect(await page.getByRole('link', { name: /去计划|去补录/ }).count()).toBe(0);
    await screenshot(page, 'reminders-higher-court-desktop');
  });

  test('支部书记下载本支部年度台账（.docx），年度统计计入刚记录的活动', async () => {
    const year = new Date().getFullYear();
    const recorded = await recordActivity('anshun-zb1', branch.id, 'themedPartyDay', new Date(Date.now() - 3 * 60_000).toISOString());
    expect(recorded.ok, JSON.stringify(recorded)).toBe(true);
    const counts = (await server.apiAs('anshun-zb1', 'GET', `/api/v1/reports/activity-counts?year=${year}`)).body as { total: { rows: { type: string; label: string; count: number }[] } };
    const themed = counts.total.rows.find((r) => r.type === 'themedPartyDay')!;
    expect(themed.count).toBeGreaterThan(0);

    await open('anshun-zb1', '/ledgers');
    const table = page.locator('[data-testid="counts-table"]');
    await table.waitFor();
    await poll(() => table.innerText()).toContain(themed.label);
    const row = table.locator('tr', { hasText: themed.label });
    expect(await row.innerText()).toContain(`${themed.count}次`);
    expect(await page.getByTestId('counts-text').innerText()).toContain(`${themed.label}${themed.count}次`);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载年度台账/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/年度组织生活台账\.docx$/);
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await screenshot(page, 'ledgers-secretary-desktop');

    const xlsx = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载台账汇总/ }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ledgers-secretary-phone');

    // Another branch's 台账 (e.g. from a shared link): the server's reason, in Chinese.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.baseUrl}/ledgers?orgId=${otherBranch.id}`);
    await page.getByRole('button', { name: /下载年度台账/ }).click();
    await poll(() => page.getByTestId('ledger-downloads').innerText()).toContain('下载失败');
    expect(await page.getByTestId('ledger-downloads').innerText()).toContain('不在您的管理范围内');
  });

  test('机关党委在台账与统计页看到全院各类活动次数；上级法院只看统计、不能下载台账', async () => {
    await open('anshun', '/ledgers');
    await page.locator('[data-testid="counts-table"]').waitFor();
    await poll(() => page.getByTestId('counts-text').innerText()).toMatch(/\d+次/);
    await screenshot(page, 'ledgers-office-desktop');

    await open('guizhou', '/ledgers');
    await page.getByTestId('year-figures').waitFor();
    await poll(() => page.getByTestId('year-figures').innerText()).toMatch(/次|暂无/);
    expect(await page.getByRole('button', { name: /下载年度台账/ }).count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('上级法院不下载台账');
    await screenshot(page, 'ledgers-higher-court-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ledgers-higher-court-phone');
  });
});
