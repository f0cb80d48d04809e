/**
 * Screenshots of the main pages at desktop and phone width, for a person to look at.
 * Run against a started server:  BASE_URL=http://127.0.0.1:3100 OUT=/tmp/jx-shots npx tsx e2e/screenshots.ts
 * Uses Debian's Chromium (CHROMIUM=/usr/bin/chromium). Prints browser console errors and failed API calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.env.OUT ?? '/tmp/jx-shots';
const password = process.env.DEMO_PASSWORD ?? 'jiangxin-demo';
const viewports = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function login(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await settle(page);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

async function shot(page: Page, name: string) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log('  saved', file);
}

async function run(browser: Browser, vp: (typeof viewports)[number], problems: string[]) {
  const context = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('status of 401'))
      problems.push(`[${vp.name}] console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`[${vp.name}] pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400 && !r.url().endsWith('/api/auth/me'))
      problems.push(`[${vp.name}] ${r.status()} ${r.url()}`);
  });
  const p = (n: string) => `${vp.name}-${n}`;

  await page.goto(`${base}/login`);
  await settle(page);
  await shot(page, p('01-login'));

  await login(page, 'admin');
  await shot(page, p('02-home'));
  if (vp.name === 'phone') {
    await page.getByRole('button', { name: /打开菜单|Open menu/ }).click();
    await page.waitForTimeout(400);
    await shot(page, p('03-menu-drawer'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }

  await page.goto(`${base}/orgs`);
  await settle(page);
  const node = page.locator('.ant-tree-title').nth(1);
  if (await node.count()) {
    await node.click();
    await page.waitForTimeout(300);
  }
  await shot(page, p('04-orgs'));
  const createChild = page.getByRole('button', { name: /新建下级|New child/ });
  if (await createChild.count()) {
    await createChild.first().click();
    await page.waitForTimeout(500);
    await shot(page, p('05-org-create'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  const importBtn = page.getByRole('button', { name: /导入|Import/ });
  if (await importBtn.count()) {
    await importBtn.first().click();
    await page.waitForTimeout(500);
    await shot(page, p('06-org-import'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }

  await page.goto(`${base}/people`);
  await settle(page);
  await shot(page, p('07-people'));
  await page.locator('.ant-table-tbody tr.ant-table-row').first().click();
  await page.waitForURL(/\/people\/\d+/);
  await settle(page);
  await shot(page, p('08-person'));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(300);
  await shot(page, p('09-person-bottom'));
  const edit = page.getByRole('button', { name: /^(编 ?辑|Edit)$/ });
  if (await edit.count()) {
    await edit.first().click();
    await page.waitForTimeout(500);
    await shot(page, p('10-person-edit'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }

  await page.goto(`${base}/account`);
  await settle(page);
  await shot(page, p('11-account'));

  await page.goto(`${base}/audit`);
  await settle(page);
  const expand = page.locator('.ant-table-row-expand-icon').first();
  if (await expand.count()) await expand.click();
  await page.waitForTimeout(300);
  await shot(page, p('12-audit'));

  await page.goto(`${base}/no-such-page`);
  await settle(page);
  await shot(page, p('13-404'));

  // Other roles: the menu follows their permissions.
  for (const user of ['ent_admin', 'worker']) {
    await context.clearCookies();
    await login(page, user);
    await shot(page, p(`14-home-${user}`));
    await page.goto(`${base}/audit`);
    await settle(page);
    await shot(page, p(`15-audit-as-${user}`));
  }

  // English
  await context.clearCookies();
  await login(page, 'admin');
  await page
    .getByRole('button', { name: /语言|Language/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.goto(`${base}/people`);
  await settle(page);
  await shot(page, p('16-people-en'));
  await page
    .getByRole('button', { name: /语言|Language/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await page.waitForTimeout(300);
  await context.close();
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
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
  const problems: string[] = [];
  try {
    for (const vp of viewports) {
      console.log(vp.name);
      await run(browser, vp, problems);
    }
  } finally {
    await browser.close();
  }
  console.log(
    problems.length ? `\n${problems.length} problems:\n${problems.join('\n')}` : '\nno console errors',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
