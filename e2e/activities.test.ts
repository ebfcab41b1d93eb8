// Browser flows of organizational life (组织生活, RULES.md §1): the branch secretary plans a 支委会
// and a 支部党员大会 in the form, notifies, records attendance (出席 / 请假 with reason / 缺席),
// minutes and 第一议题, sees the quorum box, uploads a photo and downloads the .docx ledger; bad
// input shows its Chinese message under the field and writes nothing; a member sees read-only.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("通 知"); the icon adds its own name before it. */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}

type Detail = {
  id: string;
  status: string;
  type: string;
  version: number;
  notifiedAt: string | null;
  minutes: string | null;
  firstAgendaItem: string | null;
  attendance: { memberId: string | null; name: string; role: string; status: string; reason: string | null }[];
  quorum: { met: boolean } | null;
  attachments: { fileName: string }[];
};

/** Today and a start time not later than now, both in Asia/Shanghai (so the activity can be recorded). */
function shanghaiNow() {
  const s = new Date(Date.now() + 8 * 3600_000);
  const minutes = Math.max(0, s.getUTCHours() * 60 + s.getUTCMinutes() - 30);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: s.toISOString().slice(0, 10), start: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

function yesterdayChinese(): string {
  const s = new Date(Date.now() + 8 * 3600_000 - 24 * 3600_000);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!hasChromium)('浏览器：组织生活（三会一课）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branchId = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { grants: { orgId: string }[] };
    branchId = me.grants[0]!.orgId;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));
  const detail = async (id: string) => (await server.apiAs('anshun-zb1', 'GET', `/api/v1/activities/${id}`)).body as Detail;
  const countActivities = async () => ((await server.apiAs('anshun-zb1', 'GET', `/api/v1/activities?orgId=${branchId}&pageSize=500`)).body as { total: number }).total;

  const chooseType = async (typeLabel: string) => {
    await page.getByLabel('活动类型').click();
    await page.locator(`.ant-select-item-option[title="${typeLabel}"]`).click();
  };
  const fillTime = async (fieldLabel: string, value: string) => {
    const input = page.getByLabel(fieldLabel);
    await input.click();
    await input.fill(value);
    // Leave the field without Enter (Enter would also submit the form).
    await page.getByText(fieldLabel, { exact: true }).click();
    await poll(() => input.inputValue()).toBe(value);
  };

  /** Plans an activity of the secretary's own branch through the form; returns its id. */
  const planInForm = async (typeLabel: string, title: string) => {
    await open('anshun-zb1', '/activities/new');
    // The secretary's own branch is chosen already.
    await poll(() => page.locator('.ant-form-item').first().innerText()).toContain('第一支部');
    await chooseType(typeLabel);
    const rule = page.getByTestId('type-rule');
    await rule.waitFor();
    await page.getByLabel('活动名称（主题）').fill(title);
    const { start } = shanghaiNow();
    await fillTime('开始时间', start);
    await page.getByLabel('地点').fill('四楼党员活动室');
    await page.getByRole('button', { name: /保存计划/ }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await page.getByTestId('activity-title').waitFor();
    return { id: page.url().split('/').pop()! };
  };

  const recordAttendance = async (reason: string) => {
    const rows = page.getByTestId('attendance-row');
    await rows.first().waitFor();
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(3);
    await rows.nth(0).getByText('出席', { exact: true }).click();
    await rows.nth(1).getByText('请假', { exact: true }).click();
    await rows.nth(1).getByPlaceholder('请假须填写原因').fill(reason);
    await rows.nth(2).getByText('缺席', { exact: true }).click();
    await page.getByRole('button', { name: /未标记的设为出席/ }).click();
    return n;
  };

  test('书记计划支部委员会会议：表单显示应到人员（在任支委）、每月至少1次和须记录第一议题，保存后应到人员为支委', async () => {
    await open('anshun-zb1', '/activities/new');
    await chooseType('支部委员会会议');
    const rule = page.getByTestId('type-rule');
    await rule.waitFor();
    const text = await rule.innerText();
    expect(text).toContain('在任支部委员');
    expect(text).toContain('每月至少1次');
    expect(text).toContain('须记录第一议题');
    expect(text).toContain('第十二条');
    await screenshot(page, 'activity-form-desktop');

    const planned = await planInForm('支部委员会会议', '测试：本月支部委员会会议');
    ids.committee = planned.id;
    const d = await detail(planned.id);
    expect(d.status).toBe('planned');
    expect(d.attendance.filter((x) => x.role === 'expected').length).toBeGreaterThanOrEqual(3);
  });

  test('通知后记录支委会：不填第一议题时在该字段下提示“支部委员会会议须记录第一议题”且不写入；填写后保存出席、请假（含原因）、缺席', async () => {
    await open('anshun-zb1', `/activities/${ids.committee}`);
    await page.getByRole('button', { name: label('通知') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已标记为已通知');
    expect((await detail(ids.committee!)).notifiedAt).not.toBeNull();

    await page.getByRole('button', { name: label('记录') }).click();
    await page.getByTestId('record-form').waitFor();
    await page.getByLabel('会议记录').fill('研究本月支部工作，讨论党员发展计划。');
    await recordAttendance('外出开庭');
    const before = await detail(ids.committee!);
    await page.getByRole('button', { name: /保存记录/ }).click();
    await poll(() => page.locator('#firstAgendaItem_help').innerText()).toContain('支部委员会会议须记录第一议题');
    const after = await detail(ids.committee!);
    expect(after.status).toBe('planned');
    expect(after.version).toBe(before.version);

    await page.getByLabel('第一议题').fill('学习习近平总书记关于全面依法治国的重要论述');
    await page.getByRole('button', { name: /保存记录/ }).click();
    await poll(async () => (await detail(ids.committee!)).status).toBe('held');
    const held = await detail(ids.committee!);
    expect(held.firstAgendaItem).toContain('全面依法治国');
    expect(held.minutes).toContain('党员发展计划');
    const expected = held.attendance.filter((x) => x.role === 'expected');
    expect(expected.filter((x) => x.status === 'onLeave').map((x) => x.reason)).toEqual(['外出开庭']);
    expect(expected.filter((x) => x.status === 'absent')).toHaveLength(1);
    expect(expected.filter((x) => x.status === 'present')).toHaveLength(expected.length - 2);
    await poll(() => page.getByTestId('attendance-counts').innerText()).toContain('请假 1');
  });

  test('支部党员大会记录后显示法定人数（应到、实到、门槛、依据第十一条），上传照片附件并下载一会一档台账（.docx）', async () => {
    const planned = await planInForm('支部党员大会', '测试：本季度支部党员大会');
    ids.assembly = planned.id;
    await page.getByRole('button', { name: label('记录') }).click();
    await page.getByLabel('第一议题').fill('学习党的二十届三中全会精神');
    await page.getByLabel('会议记录').fill('传达学习上级文件精神；讨论通过本季度工作安排。');
    await page.getByLabel('决议事项').fill('通过本季度支部工作安排。');
    await recordAttendance('病假');
    await page.getByRole('button', { name: /保存记录/ }).click();
    const quorum = page.getByTestId('quorum-box');
    await quorum.waitFor();
    const text = await quorum.innerText();
    expect(text).toContain('法定人数');
    expect(text).toContain('实到');
    expect(text).toContain('第十一条');
    expect((await detail(ids.assembly)).quorum).not.toBeNull();

    await page.locator('input[type=file]').setInputFiles({ name: '会议照片.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('attachment-item').filter({ hasText: '会议照片.png' }).waitFor();
    expect((await detail(ids.assembly)).attachments.map((f) => f.fileName)).toEqual(['会议照片.png']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载台账/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await screenshot(page, 'activity-detail-desktop');
  });

  test('附件类型不符时在上传按钮下显示服务器的中文原因，不写入', async () => {
    await open('anshun-zb1', `/activities/${ids.assembly}`);
    // Named .png but not a PNG: the server checks the bytes.
    await page.locator('input[type=file]').setInputFiles({ name: '伪装.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
    await poll(() => page.getByTestId('upload-error').innerText()).toContain('仅支持图片');
    expect((await detail(ids.assembly!)).attachments).toHaveLength(1);
  });

  test('日期早于今天属于补录：不填补录原因时在该字段下提示且不写入，填写后标记为补录', async () => {
    await open('anshun-zb1', '/activities/new');
    await chooseType('主题党日');
    await page.getByLabel('活动名称（主题）').fill('测试：补录主题党日');
    const date = page.getByLabel('日期', { exact: true });
    await date.click();
    await date.fill(yesterdayChinese());
    await page.getByLabel('活动名称（主题）').click();
    await poll(() => date.inputValue()).toBe(yesterdayChinese());
    await fillTime('开始时间', '09:00');
    await page.getByTestId('late-entry-alert').waitFor();
    const before = await countActivities();
    await page.getByRole('button', { name: /保存计划/ }).click();
    await poll(() => page.locator('#lateEntryReason_help').innerText()).toContain('属于补录，请填写补录原因');
    expect(await countActivities()).toBe(before);
    await screenshot(page, 'activity-form-late-entry-desktop');

    await page.getByLabel('补录原因').fill('当日使用纸质记录，现补录入系统');
    await page.getByRole('button', { name: /保存计划/ }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('late-entry').innerText()).toContain('当日使用纸质记录');
    ids.late = page.url().split('/').pop()!;
    expect(await countActivities()).toBe(before + 1);
  });

  test('列表按类型筛选并保存在网址中；手机宽度下以卡片显示', async () => {
    await open('anshun-zb1', '/activities');
    await page.getByText('测试：本季度支部党员大会').first().waitFor();
    await screenshot(page, 'activities-list-desktop');
    await page.getByLabel('活动类型').click();
    await page.locator('.ant-select-item-option[title="支部委员会会议"]').click();
    await poll(() => new URL(page.url()).searchParams.get('type')).toBe('committeeMeeting');
    await poll(async () => (await page.locator('.ant-table-row').allInnerTexts()).join('\n')).toContain('支部委员会会议');
    await poll(async () => (await page.locator('.ant-table-row').allInnerTexts()).join('\n')).not.toContain('党员大会');

    await open('anshun-zb1', '/activities', 'phone');
    await page.getByTestId('activity-card').first().waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'activities-list-phone');
    await open('anshun-zb1', '/activities/new', 'phone');
    await chooseType('支部党员大会');
    await page.getByTestId('type-rule').waitFor();
    await screenshot(page, 'activity-form-phone');
    await open('anshun-zb1', `/activities/${ids.assembly}`, 'phone');
    await page.getByTestId('quorum-box').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'activity-detail-phone');
    await open('anshun-zb1', `/activities/${ids.late}`, 'phone');
    await page.getByRole('button', { name: label('记录') }).click();
    await page.getByTestId('attendance-row').first().getByText('请假', { exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'activity-record-phone');
  });

  test('党员只能查看其应参加的活动：看到出席情况，没有记录、取消等操作', async () => {
    const me = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string };
    const d = await detail(ids.assembly!);
    expect(d.attendance.some((x) => x.memberId === me.memberId)).toBe(true);
    await open('anshun-dy1', `/activities/${ids.assembly}`, 'phone');
    await page.getByText('以下内容仅供查看').waitFor();
    await page.getByTestId('quorum-box').waitFor();
    expect(await page.getByRole('button', { name: label('记录') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /取消活动|报送上级|上传附件/ }).count()).toBe(0);
    await screenshot(page, 'activity-detail-member-phone');
  });
  test('修改已记录的活动后，“查看修改记录”列出修改前后的内容、修改人和原因', async () => {
    const startsAt = new Date(Date.now() - 2 * 86400_000).toISOString();
    const planned = (await server.apiAs('anshun-zb1', 'POST', '/api/v1/activities', { orgId: branchId, type: 'partyLecture', title: '党课：初稿标题', startsAt, lateEntryReason: '会后补录' })).body as Detail;
    const recorded = (await server.apiAs('anshun-zb1', 'POST', `/api/v1/activities/${planned.id}/record`, { minutes: '原会议记录', attendance: [], version: planned.version })).body as Detail;
    const edited = await server.apiAs('anshun-zb1', 'PATCH', `/api/v1/activities/${planned.id}`, { title: '党课：坚定理想信念', changeReason: '主题写错', version: recorded.version });
    expect(edited.status).toBe(200);
    await open('anshun-zb1', `/activities/${planned.id}`);
    await page.getByTestId('revision-count').waitFor();
    await page.getByRole('button', { name: /查看修改记录/ }).click();
    const entry = page.getByTestId('revision').first();
    await poll(() => entry.innerText()).toContain('修改原因：主题写错');
    const text = await entry.innerText();
    expect(text).toContain('党课：初稿标题');
    expect(text).toContain('党课：坚定理想信念');
    await screenshot(page, 'activity-revisions-desktop');
  });
});
