import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routes } from '../web/src/app/routes.js';
import { loginAs, useBrowser } from './browser.js';

/**
 * Accessibility: axe-core runs on every page of the app (the route list in web/src/app/routes.tsx, as the
 * group admin), on the public pages and on the login page. No serious or critical violation may remain, on
 * any page, of any rule: antd's own gaps are closed once for every page (web/src/shared/a11y/a11yFixes.ts and
 * the theme tokens in web/src/app/providers.tsx), not tolerated here.
 */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeOn(page: Page): Promise<Violation[]> {
  // evaluated through the debugger protocol, which the page's CSP (script-src 'self') does not block
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: Violation[] }> } })
      .axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
      }));
  });
}

/** Opens `url` and waits until the page has drawn its data (no spinner or skeleton left). */
async function open(page: Page, url: string) {
  await page.goto(url, { timeout: 20_000 });
  // not 'networkidle': pages that poll (notifications) never go quiet
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 6_000 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

/** The list API that gives an id for each detail page with `:id`. */
const listFor: [RegExp, string][] = [
  [/^\/assessments\/campaigns\//, '/api/assessment-campaigns'],
  [/^\/assessments\//, 'assessment'],
  [/^\/people\//, '/api/people'],
  [/^\/(applications|reviews\/applications)\//, '/api/applications'],
  [/^\/rulebooks\//, '/api/rulebooks'],
  [/^\/studios\//, '/api/studios'],
  [/^\/ideas\//, '/api/ideas?view=all'],
  [/^\/challenges\//, '/api/challenges'],
  [/^\/clinic\//, '/api/clinic/questions'],
  [/^\/activities\//, '/api/activities'],
  [/^\/contests\//, '/api/contests'],
  [/^\/mentorships\//, '/api/mentorships'],
  [/^\/funds\/expenses\//, '/api/funds/expenses'],
  [/^\/alliances\//, '/api/alliances'],
  [/^\/projects\//, '/api/projects'],
  [/^\/results\//, '/api/results'],
];

/** The demo has no assessment campaign: opens one as the admin, so the assessment pages have an id to open. */
async function openCampaign(page: Page): Promise<number | null> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const studios = (await (await page.request.get('/api/studios?status=named&pageSize=1')).json()) as {
    items: { hostOrgId: number }[];
  };
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const res = await page.request.post('/api/assessment-campaigns', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      orgId: studios.items[0]!.hostOrgId,
      year: new Date().getFullYear() - 1,
      selfDeadline: day(30),
      reviewDeadline: day(60),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const board = (await res.json()) as { assessments: { id: number }[] };
  return board.assessments[0]?.id ?? null;
}

async function firstId(page: Page, api: string): Promise<number | null> {
  const res = await page.request.get(api, { timeout: 20_000 });
  if (!res.ok()) return null;
  const body = (await res.json()) as { items?: { id: number }[] } | { id: number }[];
  const items = Array.isArray(body) ? body : (body.items ?? []);
  return items[0]?.id ?? null;
}

function report(found: Record<string, Violation[]>): string[] {
  return Object.entries(found).flatMap(([url, vs]) =>
    vs.map(
      (v) =>
        `${url}: [${v.impact}] ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    ),
  );
}

describe('accessibility (axe-core)', () => {
  const b = useBrowser();

  it('finds no serious or critical violation on any page of the app', { timeout: 600_000 }, async () => {
    const p = b.page;
    const found: Record<string, Violation[]> = {};
    const missing: string[] = [];
    await open(p, '/login');
    found['/login'] = await axeOn(p);
    await loginAs(p, 'admin');
    const ids = new Map<string, number | null>();
    ids.set('assessment', await openCampaign(p));
    const progress = path.resolve('test-results/a11y-progress.txt');
    fs.mkdirSync(path.dirname(progress), { recursive: true });
    fs.writeFileSync(progress, '');
    for (const route of routes) {
      let url = route.path;
      if (url.includes(':')) {
        const api = listFor.find(([re]) => re.test(url))?.[1];
        if (!api) {
          missing.push(route.path);
          continue;
        }
        if (!ids.has(api)) ids.set(api, await firstId(p, api));
        const id = ids.get(api);
        if (!id) {
          missing.push(route.path);
          continue;
        }
        url = url.replace(':id', String(id));
      }
      await open(p, url);
      const vs = await axeOn(p);
      found[url] = vs;
      // written as it goes, so a slow machine that times out still shows what was found
      fs.appendFileSync(progress, `${url} ${JSON.stringify(vs.map((v) => v.id))}\n`);
    }
    expect(missing, 'detail pages without an id to open').toEqual([]);
    expect(Object.keys(found).length).toBeGreaterThan(routes.length * 0.95);
    expect(report(found)).toEqual([]);
  });

  it('finds none on the public pages either', async () => {
    const p = b.page;
    const found: Record<string, Violation[]> = {};
    const home = (await (await p.request.get('/api/public/showcase')).json()) as {
      studios: { id: number }[];
      recentResults: { id: number }[];
    };
    const pages = [
      '/showcase',
      `/showcase/studios/${home.studios[0]!.id}`,
      '/showcase/results',
      `/showcase/results/${home.recentResults[0]!.id}`,
      '/showcase/namings',
      '/public/ideas',
      '/public/ideas?tab=track',
    ];
    for (const url of pages) {
      await open(p, url);
      found[url] = await axeOn(p);
    }
    await p.setViewportSize({ width: 390, height: 844 });
    await open(p, '/showcase');
    found['/showcase (phone)'] = await axeOn(p);
    expect(report(found)).toEqual([]);
  });
});

describe('keyboard', () => {
  const b = useBrowser();

  /** Presses Tab until the focused element matches (or sits inside) `selector`. */
  async function tabTo(p: Page, selector: string, limit = 40) {
    for (let i = 0; i < limit; i++) {
      await p.keyboard.press('Tab');
      const hit = await p.evaluate((sel) => {
        const el = document.activeElement;
        return !!el && (el.matches(sel) || el.closest(sel) !== null);
      }, selector);
      if (hit) return;
    }
    throw new Error(`focus never reached ${selector} by Tab`);
  }

  it('logs in and uses the main menu with the keyboard only', async () => {
    const p = b.page;
    await p.goto('/login');
    await p.locator('input').first().waitFor();
    await tabTo(p, 'input[id*=username]');
    await p.keyboard.type('admin');
    await p.keyboard.press('Tab');
    await p.keyboard.type('jiangxin-demo');
    await p.keyboard.press('Enter');
    await p.waitForURL((u) => !u.pathname.startsWith('/login'));
    await p.getByRole('menu').first().waitFor();
    // Tab into the side menu, move with the arrow keys, open an entry with Enter
    await tabTo(p, '[role=menu]');
    const start = p.url();
    for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    // a group opens (its children become reachable) or a page opens
    const opened = await p
      .waitForURL((u) => u.toString() !== start, { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!opened) {
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Enter');
      await p.waitForURL((u) => u.toString() !== start, { timeout: 5_000 });
    }
    expect(new URL(p.url()).pathname).not.toBe('/login');
  });
});
