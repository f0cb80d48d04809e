import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

export const DEMO_PASSWORD = 'jiangxin-demo';
const results = path.resolve('test-results');

/** The address of the server started by e2e/global-setup.ts. */
export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium (or $CHROMIUM), headless, without the background traffic a CI box cannot reach. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(results, { recursive: true });
  const file = path.join(results, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_').slice(0, 100)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface BrowserState {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Browser console errors (except the expected 401 before login) and uncaught page errors of the current test. */
  errors: string[];
}

/**
 * Registers hooks for a spec file: one browser for the file, a fresh context and page per test
 * (Chinese locale, desktop size unless given), and a screenshot in test-results/ when a test fails.
 */
export function useBrowser(
  opts: { viewport?: { width: number; height: number }; locale?: string; baseUrl?: () => string } = {},
): BrowserState {
  const state = { errors: [] as string[] } as BrowserState;
  beforeAll(async () => {
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  beforeEach(async () => {
    state.errors = [];
    state.context = await state.browser.newContext({
      baseURL: opts.baseUrl ? opts.baseUrl() : baseUrl(),
      locale: opts.locale ?? 'zh-CN',
      viewport: opts.viewport ?? { width: 1366, height: 800 },
    });
    state.page = await state.context.newPage();
    state.page.on('pageerror', (e) => state.errors.push(`pageerror: ${e.message}`));
    state.page.on('console', (m) => {
      // The app asks /api/auth/me before anyone logs in: that 401 is expected, not an error.
      if (m.type() === 'error' && !m.text().includes('status of 401'))
        state.errors.push(`console: ${m.text()}`);
    });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && state.page) {
      const file = await screenshot(state.page, `${ctx.task.file?.name ?? 'e2e'}-${ctx.task.name}`).catch(
        () => null,
      );
      if (file) console.error(`[e2e] screenshot of the failure: ${file}`);
    }
    await state.context?.close();
  });
  return state;
}

/** Logs in through the login page and waits until the app has left it. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
