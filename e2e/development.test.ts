// Browser flow of 发展党员 (issue 5 § Done when): the party office opens a 发展档案 for an 入党申请人 on
// the roster and takes her through all five stages and 25 steps in the dialog; listing her as 发展对象
// less than a year after she became 积极分子 is refused with RULES.md §3.2 T9 cited, then passes on
// the anniversary; her status, 入党时间 and 转正时间 follow the case. The board, with its reminders, is
// looked at on a desktop and a phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeIdNumber } from '@zhibu/domain';
import { hasChromium, launchBrowser, poll, screenshot, type Browser, type viewports, openAs } from './support/browser';
import { startServer, type E2EServer } from './support/server';

/** antd puts a space between the two characters of a two-character button ("办 理"). */
function label(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);
}
const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

type Member = { id: string; name: string; orgId: string; status: string; joinedOn: string | null; fullMemberSince: string | null };

describe.skipIf(!hasChromium)('浏览器：发展党员（五个阶段、二十五个步骤）', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let applicant: Member;
  let fullMembers: Member[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { grants: { orgId: string }[] };
    const branchId = me.grants[0]!.orgId;
    const created = await server.apiAs('anshun-zb1', 'POST', '/api/v1/members', { orgId: branchId, name: '杨晓雪', idNumber: makeIdNumber('520402', '1993-04-18', 417), status: 'applicant' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    applicant = created.body as Member;
    const list = (await server.apiAs('anshun', 'GET', `/api/v1/members?orgId=${branchId}&status=fullMember&pageSize=50`)).body as { items: Member[] };
    fullMembers = list.items.slice(0, 3);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, path: string, viewport: keyof typeof viewports = 'desktop') => (page = await openAs(browser, server, username, path, viewport));
  const dialog = () => page.getByRole('dialog');
  const pickDate = async (field: Locator, iso: string) => {
    await field.fill(chinese(iso));
    await field.press('Tab');
  };
  /** Picks an option by name; retried when the list re-rendered under the click (the choice is checked). */
  const choose = async (select: Locator, name: string, multiple = false) => {
    const box = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    for (let attempt = 0; attempt < 3; attempt++) {
      await select.click();
      await select.fill(name);
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
      await option.waitFor();
      await option.click();
      // A multiple select keeps its list open: click elsewhere in the dialog to close it.
      if (multiple) await page.locator('.ant-modal-title').last().click();
      if ((await box.innerText()).includes(name)) return;
    }
    throw new Error(`未能选中“${name}”`);
  };

  /** Opens 办理第N步, fills the date and what `fill` adds, submits; returns the refusal text, if any. */
  const record = async (no: number, iso: string, fill?: (d: Locator) => Promise<void>) => {
    await page.getByRole('button', { name: new RegExp(`办理第${no}步`) }).first().click();
    const d = dialog();
    await poll(() => d.innerText()).toContain(`办理第${no}步`);
    await pickDate(d.getByLabel('办理日期'), iso);
    if (fill) await fill(d);
    await d.getByRole('button', { name: label('办理') }).click();
  };
  const recordOk = async (no: number, iso: string, fill?: (d: Locator) => Promise<void>) => {
    await record(no, iso, fill);
    await poll(() => page.locator('.ant-message').innerText()).toContain(`已办理第${no}步`);
    await dialog().waitFor({ state: 'hidden' });
  };
  const vote = async (d: Locator, expected: number, attending: number, yes: number) => {
    await d.getByLabel('应到会有表决权正式党员').fill(String(expected));
    await d.getByLabel('实到会').fill(String(attending));
    await d.getByLabel('赞成', { exact: true }).fill(String(yes));
  };

  test('党委办公室为名册中的入党申请人建立发展档案（第1步）', async () => {
    await open('anshun', '/development');
    await page.getByTestId('stage-application').waitFor();
    await page.getByRole('button', { name: /建立发展档案/ }).click();
    const d = dialog();
    await choose(d.getByLabel('入党申请人'), applicant.name);
    await pickDate(d.getByLabel('递交入党申请书日期'), '2023-01-10');
    await d.getByRole('button', { name: label('建立') }).click();
    await page.waitForURL(/\/development\/[0-9a-f-]{36}$/).catch(async (err) => {
      await screenshot(page, 'development-create-debug');
      throw err;
    });
    await poll(() => page.locator('body').innerText()).toContain(`${applicant.name}的发展档案`);
    expect(await page.locator('body').innerText()).toContain('办理第2步：党组织派人谈话');
  });

  test('申请入党、积极分子阶段：谈话、确定积极分子（状态随之变为入党积极分子）、上级党委备案、培养联系人、考察', async () => {
    await recordOk(2, '2023-01-20', async (d) => {
      await d.getByLabel('谈话人').fill('张健');
      await d.getByLabel('谈话主要内容').fill('了解入党动机，介绍党的基本知识和入党条件。');
    });
    await recordOk(3, '2023-08-01');
    await poll(() => page.locator('body').innerText()).toContain('入党积极分子');
    await recordOk(4, '2023-08-10');
    await recordOk(5, '2023-08-15', async (d) => choose(d.getByLabel(/培养联系人/), fullMembers[0]!.name, true));
    await recordOk(6, '2024-02-01', async (d) => d.getByLabel('考察意见').fill('学习认真，工作积极，群众评价好。'));
    await screenshot(page, 'development-case-activist-desktop');
  });

  test('积极分子未满一年列为发展对象被拒绝并写明 T9；满一年当天可以', async () => {
    await record(7, '2024-07-31');
    const refusal = dialog().getByTestId('step-refusal');
    await poll(() => refusal.innerText()).toContain('T9');
    expect(await refusal.innerText()).toContain('未满一年');
    expect(await refusal.innerText()).toContain('发展党员工作细则第十三条');
    await screenshot(page, 'development-gate-t9-refused-desktop');
    await pickDate(dialog().getByLabel('办理日期'), '2024-08-01');
    await dialog().getByRole('button', { name: label('办理') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已办理第7步');
    await dialog().waitFor({ state: 'hidden' });
    const m = (await server.apiAs('anshun', 'GET', `/api/v1/members/${applicant.id}`)).body as Member;
    expect(m.status).toBe('developmentCandidate');
  });

  test('发展对象阶段：备案、2名入党介绍人、政审结论、集中培训', async () => {
    await recordOk(8, '2024-08-05');
    await recordOk(9, '2024-08-10', async (d) => {
      await choose(d.getByLabel(/入党介绍人/), fullMembers[1]!.name, true);
      await choose(d.getByLabel(/入党介绍人/), fullMembers[2]!.name, true);
    });
    await recordOk(10, '2024-09-01', async (d) => d.getByLabel(/政审结论/).fill('本人及直系亲属、主要社会关系政治历史清楚，政审合格。'));
    await recordOk(11, '2024-09-10', async (d) => {
      await d.getByLabel('培训天数').fill('3');
      await d.getByLabel('培训学时').fill('24');
    });
  });

  test('预备党员的接收：公示、预审、志愿书、支部大会表决、谈话、审批——入党时间为支部大会之日', async () => {
    await recordOk(12, '2024-12-10', async (d) => {
      const inputs = d.locator('.ant-picker-range input');
      await inputs.nth(0).fill('2024年12月2日');
      await inputs.nth(1).fill('2024年12月6日');
      await inputs.nth(1).press('Tab');
    });
    await recordOk(13, '2024-12-20');
    await recordOk(14, '2024-12-25');
    await recordOk(15, '2025-01-10', (d) => vote(d, 10, 8, 8));
    await recordOk(16, '2025-01-20', async (d) => d.getByLabel('谈话人').fill('机关党委组织员'));
    await recordOk(17, '2025-02-10');
    await recordOk(18, '2025-02-15');
    const m = (await server.apiAs('anshun', 'GET', `/api/v1/members/${applicant.id}`)).body as Member;
    expect(m).toMatchObject({ status: 'probationaryMember', joinedOn: '2025-01-10' });
    expect(await page.locator('body').innerText()).toContain('2026年1月10日'); // 预备期满
  });

  test('预备期与转正：宣誓、考察、转正申请、支部大会、审批、归档——党龄从预备期满之日算起', async () => {
    await recordOk(19, '2025-02-20');
    await recordOk(20, '2025-03-01');
    await recordOk(21, '2025-07-01');
    await recordOk(22, '2025-12-20');
    await recordOk(23, '2026-01-10', (d) => vote(d, 10, 9, 9));
    await recordOk(24, '2026-02-01');
    await recordOk(25, '2026-02-10');
    const m = (await server.apiAs('anshun', 'GET', `/api/v1/members/${applicant.id}`)).body as Member;
    expect(m).toMatchObject({ status: 'fullMember', joinedOn: '2025-01-10', fullMemberSince: '2026-01-10' });
    const text = await page.locator('body').innerText();
    expect(text).toContain('正式党员');
    await poll(() => page.getByRole('button', { name: /办理第\d+步/ }).count()).toBe(0);
    await screenshot(page, 'development-case-completed-desktop');
  });

  test('看板与期限提醒：桌面五列，手机分页签', async () => {
    await open('anshun-zb1', '/development');
    await page.getByTestId('stage-probation').waitFor();
    await poll(() => page.locator('body').innerText()).toContain('发展党员期限提醒');
    await poll(() => page.getByTestId('development-card').count()).toBeGreaterThan(0);
    await screenshot(page, 'development-board-desktop');
    await open('anshun-zb1', '/development', 'phone');
    await poll(() => page.getByTestId('development-card').count()).toBeGreaterThan(0);
    await screenshot(page, 'development-board-phone');
    await page.getByTestId('development-card').first().click();
    await page.waitForURL(/\/development\/[0-9a-f-]{36}$/);
    await poll(() => page.locator('body').innerText()).toContain('的发展档案');
    await poll(() => page.locator('body').innerText()).toContain('二十五个步骤');
    await screenshot(page, 'development-case-phone');
  });
});
