/**
 * The web app's weight and page timings. Sizes come from web/dist (run `npm run build:web` first): the
 * JavaScript a page needs is its chunk plus everything it imports statically, gzip-compressed, plus the lazy layout it
 * renders in (the signed-in frame with antd's App, the public showcase's frame): what the browser loads to show it.
 * (Until 2026-11-25 the layouts were left out: the public studio page then read 279 KB instead of 314 KB.) Timings come from
 * Debian's Chromium (playwright-core) against our server on the bench database: the login page, the dashboard and
 * a public showcase studio page, each loaded with an empty cache.
 *   npx tsx bench/web.ts [--url postgres://…] [--pglite DIR] [--set national --scale 0.01]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type DataSetName, dataSets, scaledSize } from './data.js';
import { BENCH_PASSWORD, benchUsers } from './loader.js';
import { startProcess, stopProcess } from './measure.js';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist');
const { values: o } = parseArgs({
  options: {
    url: { type: 'string' },
    pglite: { type: 'string' },
    set: { type: 'string', default: 'national' },
    scale: { type: 'string', default: '1' },
    port: { type: 'string', default: '3101' },
    label: { type: 'string', default: 'web' },
  },
});

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
/** A chunk and its static imports, transitively (Vite writes `from"./x.js"` / `import"./x.js"`). */
function closure(chunk: string, seen = new Set<string>()): Set<string> {
  if (seen.has(chunk)) return seen;
  seen.add(chunk);
  const src = fs.readFileSync(path.join(dist, 'assets', chunk), 'utf8');
  for (const m of src.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) closure(m[1]!, seen);
  return seen;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function sizes(): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)![1]!;
  const shell = closure(entry);
  const files = fs.readdirSync(path.join(dist, 'assets'));
  const total = (set: Set<string>) => [...set].reduce((s, f) => s + gz(path.join(dist, 'assets', f)), 0);
  // A page's chunk and, for a page inside a lazy layout (the public showcase's frame), that layout's chunk too.
  const page = (prefixes: readonly string[]) => {
    const set = new Set(shell);
    for (const prefix of prefixes) {
      const f = files.find((x) => x.startsWith(`${prefix}-`) && x.endsWith('.js'));
      if (f) closure(f, set);
      else if (prefix === prefixes.at(-1)) return null; // a layout's chunk may not exist in an older build
    }
    return { own: total(set) - total(shell), withShell: total(set) };
  };
  const allJs = files
    .filter((f) => f.endsWith('.js'))
    .reduce((s, f) => s + gz(path.join(dist, 'assets', f)), 0);
  const lines = [
    `App shell (entry + static imports, loaded by every page): ${shell.size} files, ${kb(total(shell))} gzip.`,
    `All JavaScript of the app: ${kb(allJs)} gzip (split into ${files.filter((f) => f.endsWith('.js')).length} chunks).`,
    '',
    '| first page | its own chunks (gzip) | total JS to show it (gzip) | target |',
    '|---|---|---|---|',
  ];
  for (const [label, prefixes] of [
    ['login', ['LoginPage']],
    ['workbench (home)', ['AppLayout', 'feedback', 'HomePage']],
    ['dashboard', ['AppLayout', 'feedback', 'DashboardPage']],
    ['public studio page', ['ShowcaseLayout', 'ShowcaseStudioPage']],
  ] as const) {
    const p = page(prefixes);
    if (p) lines.push(`| ${label} | ${kb(p.own)} | ${kb(p.withShell)} | ≤ 250 KB |`);
  }
  return lines;
}

interface PageMetrics {
  dom: number;
  load: number;
  fcp: number;
  jsCount: number;
  jsBytes: number;
}

/**
 * Opens `url` in `page` with an empty cache and reads the browser's own timings once the page shows text (and
 * the API answer `api`, when given, has arrived) and the network is idle: a slow CPU can leave the network idle
 * before the lazy chunks are even requested.
 */
async function open(page: Page, url: string, api?: RegExp): Promise<PageMetrics & { idle: number }> {
  const t0 = Date.now();
  const answered = api ? page.waitForResponse((r) => api.test(r.url()), { timeout: 120_000 }) : null;
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.body.textContent.trim().length > 20, null, { timeout: 60_000 });
  await answered;
  await page.waitForLoadState('networkidle');
  const idle = Date.now() - t0;
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
      r.name.endsWith('.js'),
    );
    return {
      dom: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      fcp:
        performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ??
        0,
      jsCount: js.length,
      jsBytes: js.reduce((s, r) => s + r.transferSize, 0),
    };
  });
  return { ...m, idle };
}

async function timings(base: string, username: string): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows: string[] = [
    '| page | DOM ready (ms) | load (ms) | first contentful paint (ms) | shown, network idle (ms) | JS requests | JS bytes on the wire |',
    '|---|---|---|---|---|---|---|',
  ];
  const row = (label: string, m: PageMetrics & { idle: number }) =>
    rows.push(
      `| ${label} | ${m.dom.toFixed(0)} | ${m.load.toFixed(0)} | ${m.fcp.toFixed(0)} | ${m.idle} | ${m.jsCount} | ${kb(m.jsBytes)} |`,
    );
  const fresh = async (cookies: Parameters<BrowserContext['addCookies']>[0] = []) => {
    const context = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
    if (cookies.length) await context.addCookies(cookies);
    return { context, page: await context.newPage() };
  };
  try {
    const login = await fresh();
    row('login `/login`', await open(login.page, '/login'));
    await login.page.getByLabel(/用户名|Username/).fill(username);
    await login.page.getByLabel(/密码|Password/).fill(BENCH_PASSWORD);
    await login.page.locator('button[type=submit]').click();
    await login.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    // A new browser context with the session cookie: logged in, nothing cached.
    const dash = await fresh(await login.context.cookies());
    row('dashboard `/dashboard` (logged in)', await open(dash.page, '/dashboard', /\/api\/stats\/overview/));
    const pub = await fresh();
    row('public studio page `/showcase/studios/1`', await open(pub.page, '/showcase/studios/1'));
  } finally {
    await browser.close();
  }
  return rows;
}

if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('run `npm run build:web` first');
const lines = [`### Web: ${o.label}`, '', ...sizes(), ''];
const size = scaledSize(dataSets[o.set as DataSetName], Number(o.scale));
const admin = benchUsers(size).find((u) => u.use === 'nation')!;
const port = Number(o.port);
const server = await startProcess({
  cmd: process.execPath,
  args: ['--import', 'tsx', path.join(root, 'bench/server.ts')],
  env: {
    ...(o.pglite
      ? { BENCH_PGLITE_DIR: o.pglite }
      : { BENCH_DATABASE_URL: o.url ?? process.env.BENCH_DATABASE_URL ?? '' }),
    PORT: String(port),
    NODE_ENV: 'production',
  },
});
try {
  lines.push(...(await timings(`http://127.0.0.1:${port}`, admin.username)), '');
} finally {
  await stopProcess(server);
}
fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/out', `${o.label}.md`), lines.join('\n'));
console.log(lines.join('\n'));
