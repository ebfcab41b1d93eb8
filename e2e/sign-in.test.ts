// Browser flows of organizational life on the day: the secretary's QR sign-in screen and a member's
// phone signing in (scan, fallback code, relayed/expired and garbled codes, a closed window), the
// 一刻钟微党课 rotation (generate → save → calendar) and the activity calendar's month view.
// An old token is made by moving the server's clock (deps.now) forward, as a relayed photo would be.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("签 到"). */
function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
}

type SignInState = { open: boolean; url: string | null; code: string | null; token: string | null; closesAt: string | null };
type Detail = { id: string; title: string; attendance: { name: string; signedInAt: string | null; signInMethod: string | null }[] };

describe.skipIf(!hasChromium)('浏览器：扫码签到、活动日历与微党课轮讲', () => {
  let server: E2EServer;
  let screenBrowser: Browser;
  let phoneBrowser: Browser;
  let branchId: string;
  let memberName: string;
  const realNow = () => new Date();

  /** Moves the server's clock by `ms` for the duration of `fn`. */
  const withServerClock = async <T>(ms: number, fn: () => Promise<T>): Promise<T> => {
    server.deps.now = () => new Date(Date.now() + ms);
    try {
      return await fn();
    } finally {
      server.deps.now = realNow;
    }
  };

  const createActivity = async (title: string, type = 'themedPartyDay') => {
    const res = await server.apiAs('anshun-zb1', 'POST', '/api/v1/activities', {
      orgId: branchId,
      type,
      title,
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      place: '第一审判法庭',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Detail;
  };

  const signInState = async (id: string) => (await server.apiAs('anshun-zb1', 'GET', `/api/v1/activities/${id}/sign-in`)).body as SignInState;

  /** The member's phone, signed in (the member's own browser, so the screen stays open). */
  const memberPhone = async (path = '/sign-in'): Promise<Page> => {
    const page = await freshPage(phoneBrowser, 'phone');
    await login(page, server.baseUrl, 'anshun-dy1', server.password, path);
    return page;
  };

  beforeAll(async () => {
    server = await startServer();
    screenBrowser = await launchBrowser();
    phoneBrowser = await launchBrowser();
    const me = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string; displayName: string };
    const profile = (await server.apiAs('anshun-dy1', 'GET', `/api/v1/members/${me.memberId}`)).body as { orgId: string; name: string };
    branchId = profile.orgId;
    memberName = profile.name;
  });
  afterAll(async () => {
    await phoneBrowser?.close();
    await screenBrowser?.close();
    await server?.close();
  });

  test('书记开启签到后大屏显示二维码和6位签到码；党员用手机打开二维码地址（未登录时先登录再回来）即签到成功，大屏随即列出其姓名', async () => {
    const activity = await createActivity('主题党日：学习贯彻党的二十届四中全会精神');
    const screen = await freshPage(screenBrowser);
    await login(screen, server.baseUrl, 'anshun-zb1', server.password, `/activities/${activity.id}/sign-in`);
    await poll(() => screen.getByTestId('sign-in-closed').innerText()).toContain('签到尚未开启');
    await screen.getByLabel('签到时长（分钟）').fill('20');
    await screen.getByRole('button', { name: /开启签到/ }).click();
    await screen.getByTestId('sign-in-qr').waitFor();
    await poll(() => screen.getByTestId('sign-in-code').innerText()).toMatch(/^\d{6}$/);
    expect(await screen.locator('[data-testid="sign-in-qr"] canvas, [data-testid="sign-in-qr"] svg').count()).toBeGreaterThan(0);
    expect(await screen.getByTestId('sign-in-closes').innerText()).toMatch(/签到 \d{2}:\d{2} 截止/);
    expect(await screen.getByTestId('sign-in-countdown').innerText()).toMatch(/二维码 \d+ 秒后刷新/);
    const shownCode = await screen.getByTestId('sign-in-code').innerText();

    const state = await signInState(activity.id);
    expect(state.open).toBe(true);
    expect(state.code).toBe(shownCode);
    expect(state.url).toMatch(/^\/sign-in\?t=/);
    // What the QR encodes: the absolute address of the member's sign-in page.
    const qrUrl = await screen.locator('[data-url]').getAttribute('data-url');
    expect(qrUrl).toMatch(new RegExp(`^${server.baseUrl}/sign-in\\?t=`));
    await screenshot(screen, 'sign-in-screen-open-desktop');

    // The member scans while not signed in: the guard sends them to the login page and back with `t`.
    const phone = await freshPage(phoneBrowser, 'phone');
    await phone.goto(`${server.baseUrl}${state.url}`);
    await phone.waitForURL(/\/login\?next=/);
    expect(decodeURIComponent(new URL(phone.url()).searchParams.get('next') ?? '')).toBe(decodeURIComponent(state.url!));
    await phone.getByLabel('用户名').fill('anshun-dy1');
    await phone.getByLabel('密码').fill(server.password);
    await phone.getByRole('button', { name: label('登录') }).click();
    await phone.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.has('t'));
    await poll(() => phone.getByTestId('sign-in-result').innerText()).toContain(activity.title);
    expect(await phone.locator('.ant-result-title').innerText()).toBe('签到成功');
    await poll(() => phone.getByTestId('sign-in-result').innerText()).toContain('第一审判法庭');
    await screenshot(phone, 'sign-in-success-phone');

    // The screen lists them within a few seconds.
    await poll(() => screen.getByTestId('sign-in-list').innerText()).toContain(memberName);
    await poll(() => screen.getByTestId('sign-in-count').innerText()).toMatch(/^1 \/ \d+ 人$/);
    await screenshot(screen, 'sign-in-screen-signed-desktop');

    // On the room's display: full screen at 1920×1080, no menu.
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.getByRole('button', { name: /全\s*屏/ }).click();
    await screen.getByTestId('sign-in-fullscreen').waitFor();
    await poll(() => screen.getByTestId('sign-in-code').innerText()).toBe(shownCode);
    await screenshot(screen, 'sign-in-screen-fullscreen-1920');
    await screen.getByRole('button', { name: /退出全屏/ }).click();
    await screen.getByTestId('sign-in-fullscreen').waitFor({ state: 'detached' });

    // And on the secretary's phone.
    await screen.setViewportSize({ width: 390, height: 844 });
    await screen.getByTestId('sign-in-qr').waitFor();
    await screenshot(screen, 'sign-in-screen-phone');

    // Scanning again: already signed in, nothing changes.
    const again = await signInState(activity.id);
    const repeat = await server.apiAs('anshun-dy1', 'POST', '/api/v1/sign-in', { token: again.token });
    expect(repeat.status).toBe(200);
    expect((repeat.body as { alreadySignedIn: boolean }).alreadySignedIn).toBe(true);
  });

  test('转发的旧二维码（一分钟以前的）被拒绝并提示扫描最新二维码；乱码二维码无效；改用签到码签到成功，错误签到码被拒绝', async () => {
    const activity = await createActivity('党课：公正司法与人民群众的获得感', 'partyLecture');
    await server.apiAs('anshun-zb1', 'POST', `/api/v1/activities/${activity.id}/sign-in/open`, { minutes: 30 });
    const old = await signInState(activity.id);
    const phone = await memberPhone('/sign-in');

    // A photo of the QR relayed 70 s later (server clock moved on).
    await withServerClock(70_000, async () => {
      await phone.goto(`${server.baseUrl}${old.url}`);
      await poll(() => phone.getByTestId('sign-in-error').innerText()).toBe('签到码已过期，请扫描屏幕上的最新二维码');
    });
    await screenshot(phone, 'sign-in-expired-phone');

    await phone.goto(`${server.baseUrl}/sign-in?t=${encodeURIComponent('bm90LWEtdG9rZW4.AAAA')}`);
    await poll(() => phone.getByTestId('sign-in-error').innerText()).toBe('签到二维码无效，请扫描屏幕上的最新二维码');

    // The fallback: 改用签到码签到 → pick today's activity, type the code.
    await phone.getByRole('button', { name: /改用签到码签到/ }).click();
    await phone.waitForURL((u) => u.pathname === '/sign-in' && !u.searchParams.has('t'));
    await phone.getByText(activity.title).click();
    await phone.getByLabel('6位签到码').fill(old.code === '000000' ? '111111' : '000000');
    await phone.getByRole('button', { name: label('签到') }).click();
    await poll(() => phone.getByTestId('sign-in-error').innerText()).toBe('签到码不正确，请核对屏幕上的6位数字');
    await phone.getByLabel('6位签到码').fill(old.code!);
    await screenshot(phone, 'sign-in-code-phone');
    // By test id: right after a full-page screenshot the button's accessible name was not found
    // within 15 s on a busy machine (seen in CI), though the button was there.
    await phone.getByTestId('sign-in-submit').click();
    await poll(() => phone.getByTestId('sign-in-result').innerText()).toContain(activity.title);
    const detail = (await server.apiAs('anshun-zb1', 'GET', `/api/v1/activities/${activity.id}`)).body as Detail;
    expect(detail.attendance.find((e) => e.name === memberName)?.signInMethod).toBe('code');
  });

  test('签到开启期间，无人操作的签到大屏不会因超时自动退出（超过30分钟仍显示二维码）', async () => {
    const activity = await createActivity('支部党员大会：无人值守的签到大屏', 'branchAssembly');
    await server.apiAs('anshun-zb1', 'POST', `/api/v1/activities/${activity.id}/sign-in/open`, { minutes: 90 });
    const screen = await freshPage(screenBrowser);
    await screen.clock.install();
    await login(screen, server.baseUrl, 'anshun-zb1', server.password, `/activities/${activity.id}/sign-in`);
    await screen.getByTestId('sign-in-qr').waitFor();
    // The demo's idle timeout is 30 minutes: well past it, no warning and still signed in.
    await screen.clock.fastForward('31:00');
    await screen.getByTestId('sign-in-qr').waitFor();
    expect(await screen.getByText('即将自动退出').count()).toBe(0);
    expect(new URL(screen.url()).pathname).toBe(`/activities/${activity.id}/sign-in`);
  });

  test('书记在大屏上点“结束签到”并确认后，二维码消失，此后扫码被拒绝', async () => {
    const activity = await createActivity('主题党日：提前结束签到');
    await server.apiAs('anshun-zb1', 'POST', `/api/v1/activities/${activity.id}/sign-in/open`, { minutes: 30 });
    const state = await signInState(activity.id);
    const screen = await freshPage(screenBrowser);
    await login(screen, server.baseUrl, 'anshun-zb1', server.password, `/activities/${activity.id}/sign-in`);
    await screen.getByTestId('sign-in-qr').waitFor();
    await screen.getByTestId('close-sign-in').click();
    await screen.getByRole('button', { name: /结束签到/ }).last().click();
    await poll(() => screen.getByTestId('sign-in-qr').count()).toBe(0);
    const scan = await server.apiAs('anshun-dy1', 'POST', '/api/v1/sign-in', { token: state.token });
    expect(scan.status).toBe(400);
    expect(JSON.stringify(scan.body)).toContain('签到已结束');
  });

  test('签到窗口关闭后扫码或输入签到码都被拒绝，大屏显示签到已结束', async () => {
    const activity = await createActivity('主题党日：重温入党誓词');
    await server.apiAs('anshun-zb1', 'POST', `/api/v1/activities/${activity.id}/sign-in/open`, { minutes: 1 });
    const state = await signInState(activity.id);
    const phone = await memberPhone('/sign-in');
    const screen = await freshPage(screenBrowser);
    await login(screen, server.baseUrl, 'anshun-zb1', server.password, `/activities/${activity.id}/sign-in`);
    await screen.getByTestId('sign-in-qr').waitFor();

    await withServerClock(2 * 60_000, async () => {
      await phone.goto(`${server.baseUrl}${state.url}`);
      await poll(() => phone.getByTestId('sign-in-error').innerText()).toBe('签到已结束，如需补登请联系支部书记');
      const byCode = await server.apiAs('anshun-dy1', 'POST', '/api/v1/sign-in', { activityId: activity.id, code: state.code });
      expect(byCode.status).toBe(400);
      expect(JSON.stringify(byCode.body)).toContain('签到已结束');
      await screen.reload();
      await poll(() => screen.getByTestId('sign-in-closed').innerText()).toContain('签到已结束');
      await screenshot(screen, 'sign-in-screen-closed-desktop');
    });
    await screenshot(phone, 'sign-in-closed-phone');
    const detail = (await server.apiAs('anshun-zb1', 'GET', `/api/v1/activities/${activity.id}`)).body as Detail;
    expect(detail.attendance.find((e) => e.name === memberName)?.signedInAt).toBeNull();
  });

  test('活动日历按月显示新建的活动，点击进入活动；切换月份重新加载；手机上按日列出', async () => {
    const activity = await createActivity('主题党日：日历中的活动');
    const page = await freshPage(screenBrowser);
    await login(page, server.baseUrl, 'anshun-zb1', server.password, `/calendar?org=${branchId}`);
    const chip = page.getByTestId('calendar-chip').filter({ hasText: '主题党日' });
    await chip.first().waitFor();
    const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    expect(await page.locator(`[data-testid="calendar-cell"][data-date="${today}"]`).innerText()).toContain('主题党日');
    await screenshot(page, 'calendar-month-desktop');

    const month = await page.getByTestId('calendar-month').innerText();
    await page.getByRole('button', { name: '下个月' }).click();
    await poll(() => page.getByTestId('calendar-month').innerText()).not.toBe(month);
    expect(new URL(page.url()).searchParams.get('month')).toMatch(/^\d{4}-\d{2}$/);
    await page.getByRole('button', { name: label('本月') }).click();
    await poll(() => page.getByTestId('calendar-month').innerText()).toBe(month);

    // Court admin: the whole court, the same activity among the others.
    const admin = await freshPage(screenBrowser);
    await login(admin, server.baseUrl, 'anshun', server.password, '/calendar');
    await poll(() => admin.locator(`[data-testid="calendar-cell"][data-date="${today}"]`).innerText()).toContain('主题党日');

    const phone = await memberPhone('/calendar');
    await poll(() => phone.getByTestId('calendar-day').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(activity.title)]));
    await screenshot(phone, 'calendar-month-phone');
    await phone.getByText(activity.title).first().click();
    await phone.waitForURL(new RegExp(`/activities/${activity.id}$`));
  });

  test('书记生成一刻钟微党课轮讲建议（书记带头讲），保存替换今后场次后在列表和日历中显示；党员看到自己的轮讲', async () => {
    const page = await freshPage(screenBrowser);
    await login(page, server.baseUrl, 'anshun-zb1', server.password, '/micro-lectures');
    await page.getByRole('button', { name: /生成建议/ }).waitFor();
    // A year of Fridays, so every member of the branch gets a turn.
    await page.getByLabel('排期范围').click();
    await page.getByTitle('12个月').click();
    await page.getByRole('button', { name: /生成建议/ }).click();
    const editor = page.getByTestId('lecture-editor');
    await editor.waitFor();
    await poll(() => editor.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(40);
    expect(await editor.locator('tbody tr.ant-table-row').first().innerText()).toContain('支部书记带头讲');
    await screenshot(page, 'micro-lectures-suggestion-desktop');

    await editor.getByRole('button', { name: /保存排期/ }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.innerText()).toContain('替换');
    await dialog.getByRole('button', { name: /替换并保存/ }).click();
    await editor.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('lecture-list').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const saved = (await server.apiAs('anshun-zb1', 'GET', `/api/v1/micro-lectures?orgId=${branchId}`)).body as { total: number; items: { memberName: string }[] };
    expect(saved.total).toBeGreaterThan(40);
    expect(saved.items.some((s) => s.memberName === memberName)).toBe(true);

    await page.getByText('日历', { exact: true }).click();
    await poll(() => page.getByTestId('lecture-cell').count()).toBeGreaterThan(0);
    await screenshot(page, 'micro-lectures-calendar-desktop');

    const phone = await memberPhone('/micro-lectures');
    await poll(() => phone.getByTestId('my-turns').innerText()).toMatch(/^我的轮讲：\d{4}年/);
    await phone.getByTestId('my-turn').first().waitFor();
    expect(await phone.getByRole('button', { name: /生成建议/ }).count()).toBe(0);
    await screenshot(phone, 'micro-lectures-member-phone');
  });
});
