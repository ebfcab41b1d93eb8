// Browser flows of the demo users (USERS.md): each role's menu, the court admin's org tree with its
// findings and 换届 warnings, the secretary's masked roster and audited reveal, the member's own
// profile only, an import that writes nothing when a row is bad, the auditor's log, and the forced
// password change after a first login.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '@zhibu/domain';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("导 入"). */
function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
}

async function menuTexts(page: Page): Promise<string[]> {
  await page.locator('nav .ant-menu-item').first().waitFor();
  return (await page.locator('nav .ant-menu-item').allInnerTexts()).map((t) => t.trim());
}

type Item = { id: string; name: string; orgId: string; orgName: string; idNumberMasked: string };

describe.skipIf(!hasChromium)('浏览器：演示用户的一天', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  const revealReason = '办理组织关系转接，核对身份信息';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path = '') => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, username, server.password, path);
    return page;
  };

  test.each([
    ['admin', ['用户管理', '账号设置'], '/admin/users'],
    ['secadmin', ['安全设置', '账号设置'], '/admin/security'],
    ['auditor', ['审计日志', '账号设置'], '/audit'],
    ['anshun', ['首页', '党建工作提示', '组织生活', '活动日历', '微党课轮讲', '台账与统计', '党组织', '党员名册', '发展党员', '组织关系转接', '党费管理', '党费计算器', '民主评议', '谈心谈话', '关心关爱', '示范岗与评优', '党建品牌', '党员活动室', '联建共建', '本院规则设置', '我的档案', '我的民主评议', '账号设置'], '/'],
    ['anshun-zb1', ['首页', '党建工作提示', '组织生活', '活动日历', '微党课轮讲', '台账与统计', '党组织', '党员名册', '发展党员', '组织关系转接', '党费管理', '党费计算器', '民主评议', '谈心谈话', '关心关爱', '示范岗与评优', '党建品牌', '党员活动室', '联建共建', '我的档案', '我的民主评议', '账号设置'], '/'],
    ['anshun-dy1', ['首页', '组织生活', '活动日历', '微党课轮讲', '党组织', '党费计算器', '示范岗与评优', '党建品牌', '党员活动室', '我的档案', '我的民主评议', '账号设置'], '/'],
    ['lukou', ['首页', '党建工作提示', '组织生活', '活动日历', '微党课轮讲', '台账与统计', '党组织', '党员名册', '发展党员', '组织关系转接', '党费管理', '党费计算器', '民主评议', '谈心谈话', '关心关爱', '示范岗与评优', '党建品牌', '党员活动室', '联建共建', '本院规则设置', '我的档案', '我的民主评议', '账号设置'], '/'],
    ['guizhou', ['首页', '党建工作提示', '台账与统计', '党组织', '党建品牌', '联建共建', '账号设置'], '/'],
  ])('%s 登录后只看到本角色的菜单，并进入本角色的首页', async (username, menu, landing) => {
    await open(username);
    expect(await menuTexts(page)).toEqual(menu);
    expect(new URL(page.url()).pathname).toBe(landing);
  });

  test('支部书记的菜单按一天的工作分组：组织生活、组织与党员、教育管理、品牌阵地、个人', async () => {
    await open('anshun-zb1');
    await page.locator('nav .ant-menu-item').first().waitFor();
    const titles = (await page.locator('nav .ant-menu-item-group-title').allInnerTexts()).map((t) => t.trim());
    expect(titles).toEqual(['组织生活', '组织与党员', '教育管理', '品牌阵地', '个人']);
    await screenshot(page, 'menu-secretary-grouped');
  });

  test('登录失败时显示服务器给出的中文原因', async () => {
    page = await freshPage(browser, 'phone');
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('anshun');
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: label('登录') }).click();
    await poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码错误');
    await screenshot(page, 'login-error-phone');
  });

  test('机关党委管理员在首页看到换届提醒，点进组织树看到组织设置提示及其依据', async () => {
    await open('anshun');
    const due = page.getByTestId('term-due');
    await due.first().waitFor();
    expect(await due.count()).toBeGreaterThan(0);
    const texts = await due.allInnerTexts();
    expect(texts.some((t) => /届满/.test(t))).toBe(true);
    await due.first().getByRole('link').click();
    await page.waitForURL(/\/orgs\?org=/);
    await page.getByTestId('org-title').waitFor();
    const findings = page.getByTestId('org-findings').locator('.ant-alert');
    await findings.first().waitFor();
    const findingText = await page.getByTestId('org-findings').innerText();
    expect(findingText).toMatch(/换届|任期/);
    expect(findingText).toContain('依据：');
    // The tree is there, with member counts.
    expect(await page.locator('.ant-tree-treenode').count()).toBeGreaterThan(10);
    await screenshot(page, 'orgs-term-warning-desktop');
  });

  test('机关党委管理员新增党支部并登记换届；他人先改过时保存会提示刷新', async () => {
    const orgs = (await server.apiAs('anshun', 'GET', '/api/v1/orgs')).body as { items: { id: string; type: string }[] };
    const committee = orgs.items.find((o) => o.type === 'organCommittee')!;
    await open('anshun', `/orgs?org=${committee.id}`);
    await page.getByRole('button', { name: /新增下级组织/ }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('中共安顺市中级人民法院机关测试党支部委员会');
    await dialog.getByLabel('简称').fill('测试党支部');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await poll(() => page.getByTestId('org-title').innerText()).toBe('中共安顺市中级人民法院机关测试党支部委员会');
    // A new branch without members or term: the findings say so, citing the rules.
    await poll(() => page.getByTestId('org-findings').innerText()).toContain('依据：');

    await page.getByRole('button', { name: /登记换届/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('任期开始日期').click();
    await dialog.getByLabel('任期开始日期').fill('2024年3月1日');
    await page.keyboard.press('Tab');
    await dialog.getByRole('button', { name: label('登记') }).click();
    // 党支部: 3 years when no end date is given.
    await poll(() => page.locator('body').innerText()).toContain('2024年3月1日 至 2027年3月1日');

    const orgId = new URL(page.url()).searchParams.get('org')!;
    await page.getByRole('button', { name: /编\s*辑/ }).first().click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('简称').fill('测试支部（本人修改）');
    const current = (await server.apiAs('anshun', 'GET', `/api/v1/orgs/${orgId}`)).body as { version: number };
    const other = await server.apiAs('anshun', 'PATCH', `/api/v1/orgs/${orgId}`, { shortName: '他人先改', version: current.version });
    expect(other.status).toBe(200);
    await dialog.getByRole('button', { name: label('保存') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('该记录已被他人修改，请刷新后重试');
  });

  test('支部书记看到本支部党员名册（身份证号脱敏），打开档案并说明原因后查看完整身份证号', async () => {
    await open('anshun-zb1', '/members');
    await page.waitForURL(/\/members$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const masked = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(6)').allInnerTexts();
    expect(masked.length).toBeGreaterThan(0);
    for (const m of masked) expect(m.trim()).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    // The secretary's scope is their branch: every row is in it.
    const list = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/members?pageSize=100')).body as { items: Item[] };
    expect(new Set(list.items.map((i) => i.orgId)).size).toBe(1);

    // The export is a file download of the same (masked) list.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导\s*出/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await rows.first().getByRole('link').click();
    await page.getByTestId('member-name').waitFor();
    const before = await page.getByTestId('masked-idNumber').innerText();
    expect(before).toMatch(/\*{8}/);
    await page.getByRole('button', { name: /查看完整号码/ }).first().click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.innerText()).toContain('本次查看将记入审计日志');
    await dialog.getByRole('button', { name: label('查看') }).click();
    await poll(() => dialog.innerText()).toContain('请填写查看原因');
    await dialog.getByLabel('查看原因').fill(revealReason);
    await dialog.getByRole('button', { name: label('查看') }).click();
    const revealed = page.getByTestId('revealed-idNumber');
    await revealed.waitFor();
    const full = (await revealed.innerText()).trim();
    expect(full).toMatch(/^\d{17}[\dX]$/);
    expect(full.slice(0, 6)).toBe(before.slice(0, 6));
    await screenshot(page, 'member-revealed-desktop');
  });

  test('党员只看到本人档案，打开他人档案的地址被拒绝', async () => {
    const others = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/members?pageSize=5')).body as { items: Item[] };
    await open('anshun-dy1');
    await page.getByRole('link', { name: '查看我的档案' }).click();
    await page.waitForURL(/\/me$/);
    await page.getByTestId('member-name').waitFor();
    const own = await page.getByTestId('member-name').innerText();
    expect(await page.locator('body').innerText()).toContain('本人');
    await screenshot(page, 'me-desktop');

    const other = others.items.find((m) => m.name !== own);
    expect(other).toBeDefined();
    await page.goto(`${server.baseUrl}/members/${other!.id}`);
    await poll(() => page.locator('body').innerText()).toContain('无法查看该党员档案');
    expect(await page.locator('body').innerText()).not.toContain(other!.idNumberMasked);

    await page.goto(`${server.baseUrl}/members`);
    await poll(() => page.locator('body').innerText()).toContain('没有权限');
  });

  test('党员首页“我的组织生活”列出本人须参加的已计划活动和下一次微党课轮讲', async () => {
    const me = (await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string };
    const profile = (await server.apiAs('anshun-dy1', 'GET', `/api/v1/members/${me.memberId}`)).body as { orgId: string };
    const startsAt = new Date(Date.now() + 3 * 86400_000).toISOString();
    const planned = await server.apiAs('anshun-zb1', 'POST', '/api/v1/activities', {
      orgId: profile.orgId, type: 'themedPartyDay', title: '主题党日：走进社区开展普法宣传', startsAt, firstAgendaItem: '学习习近平法治思想',
    });
    expect(planned.status).toBe(200);
    const day = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const saved = await server.apiAs('anshun-zb1', 'PUT', '/api/v1/micro-lectures', { orgId: profile.orgId, slots: [{ slotDate: day, memberId: me.memberId, topic: '我的入党故事' }] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await open('anshun-dy1');
    const card = page.getByTestId('my-org-life');
    await poll(() => card.innerText()).toContain('主题党日：走进社区开展普法宣传');
    expect(await card.innerText()).toContain('下一次一刻钟微党课轮到我主讲');
    expect(await card.innerText()).toContain('我的入党故事');
    await screenshot(page, 'member-home-org-life-desktop');
  });

  test('导入有错误的文件时逐行列出问题（行、列、问题），并且不写入任何数据', async () => {
    const orgs = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/orgs')).body as { items: { id: string; name: string; type: string }[] };
    const branch = orgs.items.find((o) => o.type === 'branch');
    expect(branch).toBeDefined();
    const goodId = makeIdNumber('520402', '1991-04-05', 311);
    const valid = makeIdNumber('520402', '1992-06-07', 312);
    const badId = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1'); // wrong check character
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('党员名册');
    sheet.addRow(['姓名', '性别', '民族', '出生日期', '身份证号', '手机号码', '学历', '所在党支部', '党小组', '部门', '岗位', '职务', '入党时间', '转正时间', '党员状态', '离退休', '备注']);
    sheet.addRow(['测试导入甲', '', '汉族', '', goodId, '', '', branch!.name, '', '', '法官', '', '2015-07-01', '2016-07-01', '正式党员', '否', '']);
    sheet.addRow(['测试导入乙', '', '汉族', '', badId, '', '', branch!.name, '', '', '法官', '', '2015-07-01', '2016-07-01', '正式党员', '否', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    await open('anshun-zb1', '/members/import');
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载导入模板/ }).click();
    expect((await template).suggestedFilename()).toMatch(/\.xlsx$/);
    await poll(() => page.locator('body').innerText()).toContain('点击或把Excel文件拖到这里上传');
    await page.locator('input[type=file]').setInputFiles({ name: '党员名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    const invalid = page.getByTestId('import-invalid');
    await invalid.waitFor();
    expect(await invalid.innerText()).toContain('未写入任何数据');
    const table = await page.locator('.ant-table').last().innerText();
    expect(table).toContain('第3行');
    expect(table).toContain('身份证号');
    expect(table).toMatch(/校验位/);
    await screenshot(page, 'import-invalid-desktop');

    const search = (await server.apiAs('anshun-zb1', 'GET', `/api/v1/members?q=${encodeURIComponent('测试导入甲')}`)).body as { total: number };
    expect(search.total).toBe(0);
  });

  test('审计员在审计日志中看到查看完整号码的记录及其原因，并可校验日志完整性', async () => {
    await open('auditor', '/audit?action=member.reveal');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.first().innerText()).toContain('查看完整号码');
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await poll(() => page.locator('.ant-table-expanded-row').first().innerText()).toContain(revealReason);
    await page.getByRole('button', { name: /校验完整性/ }).click();
    await poll(() => page.getByTestId('audit-verify').innerText()).toContain('审计日志完整');
    await screenshot(page, 'audit-desktop');
  });

  test('新增党员：身份证号带出出生日期和性别，刷新页面后草稿仍在，保存后进入档案', async () => {
    const orgs = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/orgs')).body as { items: { id: string; type: string }[] };
    const branch = orgs.items.find((o) => o.type === 'branch')!;
    const idNumber = makeIdNumber('520402', '1993-08-16', 457); // odd sequence: 男
    await open('anshun-zb1', `/members/new?orgId=${branch.id}`);
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('姓名').fill('草稿测试');
    await poll(() => page.getByLabel('出生日期').inputValue()).toBe('1993年8月16日');
    // The draft is written 300 ms after the last keystroke.
    await poll(() => page.evaluate(() => sessionStorage.getItem('zhibu:draft:member:new') ?? '')).toContain('草稿测试');
    await page.reload();
    await poll(() => page.locator('body').innerText()).toContain('已恢复您在');
    expect(await page.getByLabel('身份证号').inputValue()).toBe(idNumber);
    expect(await page.getByLabel('姓名').inputValue()).toBe('草稿测试');
    await page.getByLabel('入党时间').click();
    await page.getByLabel('入党时间').fill('2016年7月1日');
    await page.keyboard.press('Tab'); // Enter would submit the form
    await page.getByLabel('转正时间').click();
    await page.getByLabel('转正时间').fill('2017年7月1日');
    await page.keyboard.press('Tab');
    await poll(() => page.getByLabel('转正时间').inputValue()).toBe('2017年7月1日');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('member-name').innerText()).toBe('草稿测试');
    expect(await page.locator('body').innerText()).toContain('1993年8月16日');
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('zhibu:draft:')))).toEqual([]);
  });

  test('长时间未操作时提前一分钟提醒，到时自动退出登录', async () => {
    page = await freshPage(browser, 'phone');
    await page.clock.install();
    await login(page, server.baseUrl, 'anshun-dy1', server.password);
    await page.getByText('我的党员信息').waitFor();
    // Demo setting: 30 minutes. At 29 minutes the warning shows with a countdown.
    await page.clock.fastForward('29:05');
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.innerText()).toContain('即将自动退出');
    await screenshot(page, 'idle-warning-phone');
    await page.clock.fastForward('01:00');
    await page.waitForURL(/\/login/);
    await poll(() => page.locator('body').innerText()).toContain('已自动退出');
    // The session is gone on the server too.
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
  });

  test('新账号首次登录须先修改密码，改后才能使用', async () => {
    await open('admin');
    await page.getByRole('button', { name: /新建账号/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('e2e-new');
    await dialog.getByLabel('姓名').fill('测试新用户');
    await dialog.getByRole('button', { name: label('创建') }).click();
    const pw = page.getByTestId('initial-password');
    await pw.waitFor();
    const initial = (await pw.innerText()).trim();
    expect(initial.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'users-initial-password-desktop');

    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'e2e-new', initial);
    await page.waitForURL(/\/account\/password$/);
    await poll(() => page.locator('body').innerText()).toContain('首次登录请先修改密码');
    await screenshot(page, 'password-forced-phone');
    // Any other page leads back here until the password is changed.
    await page.goto(`${server.baseUrl}/account`);
    await page.waitForURL(/\/account\/password$/);

    await page.getByLabel('初始密码').fill(initial);
    await page.getByLabel('新密码', { exact: true }).fill('weak');
    await page.getByLabel('确认新密码').fill('weak');
    await page.getByRole('button', { name: /确认修改/ }).click();
    await poll(() => page.locator('body').innerText()).toContain('密码长度至少8位');
    await page.getByLabel('新密码', { exact: true }).fill('Zhibu#2025new');
    await page.getByLabel('确认新密码').fill('Zhibu#2025new');
    await page.getByRole('button', { name: /确认修改/ }).click();
    await page.waitForURL((url) => url.pathname !== '/account/password');
    // A new account without roles lands on its account page (roles come from the 安全保密员).
    expect(new URL(page.url()).pathname).toBe('/account');
    await poll(() => page.locator('body').innerText()).toContain('尚未分配角色');

    page = await freshPage(browser);
    await login(page, server.baseUrl, 'e2e-new', 'Zhibu#2025new');
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await menuTexts(page)).toEqual(['账号设置']);
  });
});
