// Screenshots of the main pages at desktop (1440×900) and phone (390×844) width, for people to look
// at (e2e/screenshots/, gitignored); and the checks a look would make: no sideways scrolling on a
// phone, Chinese text present, a 300-member branch paged by the server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '@zhibu/domain';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, viewports, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

const longBranchName = '中共安顺市中级人民法院机关第十支部委员会（执行局联合党支部）';

async function assertNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where}: 页面不应横向溢出`).toBeLessThanOrEqual(innerWidth + 1);
}

describe.skipIf(!hasChromium)('浏览器：主要页面的桌面与手机截图', () => {
  let server: E2EServer;
  let browser: Browser;
  let bigBranchId = '';
  let memberId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A 300-member branch with a long name (USERS.md: 300-member branches, long names).
    const orgs = (await server.apiAs('anshun', 'GET', '/api/v1/orgs')).body as { items: { id: string; type: string; courtId: string }[] };
    const committee = orgs.items.find((o) => o.type === 'organCommittee')!;
    const created = await server.apiAs('anshun', 'POST', '/api/v1/orgs', { courtId: committee.courtId, parentId: committee.id, type: 'branch', name: longBranchName, shortName: '第十党支部' });
    expect(created.status).toBe(200);
    bigBranchId = (created.body as { id: string }).id;
    const names = ['阿卜杜热合曼·买买提明', '欧阳明珠', '司马长风', '诸葛云', '王'];
    for (let i = 0; i < 300; i++) {
      const res = await server.apiAs('anshun', 'POST', '/api/v1/members', {
        orgId: bigBranchId,
        name: i < names.length ? names[i] : `党员${String(i + 1).padStart(3, '0')}`,
        idNumber: makeIdNumber('520402', `19${70 + (i % 20)}-0${(i % 9) + 1}-1${i % 10}`, 100 + i),
        phone: `139${String(10000000 + i).padStart(8, '0')}`,
        position: (['judge', 'judgeAssistant', 'clerk', 'judicialPolice', 'administrative'] as const)[i % 5],
        status: i % 10 === 0 ? 'probationaryMember' : 'fullMember',
        joinedOn: i % 10 === 0 ? '2025-07-01' : '2012-07-01',
        fullMemberSince: i % 10 === 0 ? null : '2013-07-01',
      });
      if (res.status !== 200) throw new Error(`member ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      if (i === 0) memberId = (res.body as { id: string }).id;
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shoot = async (username: string | null, path: string, name: string, sizes: (keyof typeof viewports)[] = ['desktop', 'phone'], ready?: (page: Page) => Promise<void>) => {
    for (const size of sizes) {
      const page = await freshPage(browser, size);
      if (username) await login(page, server.baseUrl, username, server.password, path);
      if (new URL(page.url()).pathname + new URL(page.url()).search !== path) await page.goto(`${server.baseUrl}${path}`);
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
      if (ready) await ready(page);
      await screenshot(page, `${name}-${size}`);
      if (size === 'phone') await assertNoSidewaysScroll(page, `${name}（手机）`);
      const text = await page.locator('body').innerText();
      expect(text, `${name}: 页面应有中文内容`).toMatch(/[\u4e00-\u9fff]{2,}/);
    }
  };

  test('登录页在桌面和手机宽度下完整显示', async () => {
    await shoot(null, '/login', 'login', ['desktop', 'phone'], async (page) => {
      await page.getByLabel('用户名').waitFor();
    });
  });

  test('机关党委管理员的首页：统计、饼图、柱状图和换届提醒', async () => {
    await shoot('anshun', '/', 'home-court-admin', ['desktop', 'phone'], async (page) => {
      await page.locator('canvas').first().waitFor();
      expect(await page.locator('canvas').count()).toBe(2);
    });
  });

  test('党员的首页显示本人信息，上级法院的首页按法院汇总', async () => {
    await shoot('anshun-dy1', '/', 'home-member', ['desktop', 'phone'], async (page) => {
      await page.getByText('我的党员信息').waitFor();
    });
    await shoot('guizhou', '/', 'home-higher-court', ['desktop'], async (page) => {
      await page.locator('.ant-card').first().waitFor();
    });
  });

  test('组织树与详情（班子、任期、提示）', async () => {
    await shoot('anshun', `/orgs?org=${bigBranchId}`, 'orgs', ['desktop', 'phone'], async (page) => {
      await page.getByTestId('org-title').waitFor();
      expect(await page.getByTestId('org-title').innerText()).toBe(longBranchName);
    });
  });

  test('300人的党支部：服务器分页，长名称不撑破表格', async () => {
    await shoot('anshun', `/members?orgId=${bigBranchId}`, 'members-300', ['desktop', 'phone'], async (page) => {
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe('共 300 人');
      expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(20);
    });
  });

  test('党员档案、编辑表单和导入向导', async () => {
    await shoot('anshun', `/members/${memberId}`, 'member-profile', ['desktop', 'phone'], async (page) => {
      await page.getByTestId('member-name').waitFor();
    });
    await shoot('anshun', '/members/new', 'member-new', ['desktop', 'phone'], async (page) => {
      await page.getByLabel('身份证号').waitFor();
    });
    await shoot('anshun', '/members/import', 'member-import', ['desktop'], async (page) => {
      await page.getByText('请使用平台提供的Excel模板').waitFor();
    });
  });

  test('审计日志、用户管理、安全设置和账号设置', async () => {
    await shoot('auditor', '/audit', 'audit', ['desktop', 'phone'], async (page) => {
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    });
    await shoot('admin', '/admin/users', 'admin-users', ['desktop'], async (page) => {
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    });
    await shoot('secadmin', '/admin/security', 'admin-security', ['desktop'], async (page) => {
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    });
    await shoot('anshun-zb1', '/account', 'account', ['phone'], async (page) => {
      await page.getByText('角色与范围').waitFor();
    });
  });
});
