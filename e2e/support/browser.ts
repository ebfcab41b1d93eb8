// Chromium from Debian driven by playwright-core. Without /usr/bin/chromium the browser tests are
// skipped with a loud warning, except under CI=true where a missing browser fails the run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = process.env.ZHIBU_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium) {
  if (process.env.CI === 'true') {
    throw new Error(`浏览器测试失败：未找到 Chromium（${chromiumPath}）。CI 必须安装 chromium 和 fonts-noto-cjk。`);
  }
  console.warn(`\n${'!'.repeat(60)}\n浏览器测试已跳过：未找到 Chromium（${chromiumPath}）\n安装：apt-get install chromium fonts-noto-cjk\n${'!'.repeat(60)}\n`);
}

export const screenshotDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

export const viewports = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export type Browser = { context: BrowserContext; close: () => Promise<void> };

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zhibu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: viewports.desktop,
    // The app turns antd's motion off for users who ask for less of it; the tests ask too, so that a
    // click never lands on a dialog or menu still zooming in on a busy machine.
    reducedMotion: 'reduce',
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh page with no session: cookies of earlier tests are cleared. */
export async function freshPage(browser: Browser, viewport: keyof typeof viewports = 'desktop'): Promise<Page> {
  await browser.context.clearCookies();
  for (const p of browser.context.pages()) await p.close();
  const page = await browser.context.newPage();
  await page.setViewportSize(viewports[viewport]);
  return page;
}

export async function login(page: Page, baseUrl: string, username: string, password: string, next = ''): Promise<void> {
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Let lazy chunks, fonts and charts settle so the picture shows the page as a user sees it.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** expect.poll with a timeout that suits a page loading lazily on a busy machine (the default is 1 s). */
export function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 10_000, interval: 100 });
}

/** A fresh page (no earlier session) signed in as `username` and on `path`. */
export async function openAs(
  browser: Browser,
  server: { baseUrl: string; password: string },
  username: string,
  path: string,
  viewport: keyof typeof viewports = 'desktop',
): Promise<Page> {
  const page = await freshPage(browser, viewport);
  await login(page, server.baseUrl, username, server.password, path);
  return page;
}

/** Clicks the option of the open antd Select dropdown whose text matches. */
export async function pickSelectOption(page: Page, text: string | RegExp): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  await option.click();
}
