// Temporary screenshot script (not part of the project).
import { chromium, type Page } from 'playwright-core';

const base = 'http://127.0.0.1:3177';
const out = '/tmp/jxs';
const problems: string[] = [];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});

async function session(username: string) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`${username} pageerror ${e.message}`));
  page.on(
    'console',
    (m) =>
      m.type() === 'error' && !m.text().includes('401') && problems.push(`${username} console ${m.text()}`),
  );
  page.on(
    'response',
    (r) =>
      r.url().includes('/api/') &&
      r.status() >= 400 &&
      !r.url().endsWith('/api/auth/me') &&
      problems.push(`${username} ${r.status()} ${r.url()}`),
  );
  await page.goto(`${base}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill('jiangxin-demo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(600);
}
async function shot(page: Page, url: string, name: string, full = true) {
  if (url) await page.goto(`${base}${url}`);
  await settle(page);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  console.log('saved', name);
}
const json = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

const admin = await session('admin');
const results = await json(admin, '/api/results?kind=technicalImprovement&status=recognised&pageSize=50');
const withAdoption =
  (await json(admin, '/api/market/results?pageSize=50')).items.find(
    (i: any) => i.adoptionCount > 0 && i.kind === 'technicalImprovement',
  ) ?? results.items[0];
const projects = await json(admin, '/api/projects?status=concluded&pageSize=5');
await shot(admin, '/projects', '01-projects-list', false);
await shot(admin, `/projects/${projects.items[0].id}`, '02-project-detail');
await shot(admin, '/results', '03-results-list', false);
await shot(admin, `/results/${withAdoption.id}`, '04-result-detail');
const leaderPerson = (await json(admin, '/api/people?q=A000004')).items[0];
await shot(admin, `/people/${leaderPerson.id}`, '05-person-portfolio');

const leader = await session('leader');
await leader.goto(`${base}/projects/new`);
await settle(leader);
await leader.getByLabel('课题名称').fill('大型铸钢件冒口气割定位工装研制');
await leader
  .getByLabel('攻关目标')
  .fill('研制冒口气割定位工装，提高铸件冒口切割效率，减少切割变形和打磨量。');
await leader.waitForTimeout(2500);
await shot(leader, '', '06-project-form-similarity');

const entB = await session('ent_admin2');
await shot(entB, '/market', '07-market', false);
await shot(entB, `/results/${withAdoption.id}`, '08-result-market-view');

const expert = await session('expert');
const scoring = (await json(admin, '/api/results?status=scoring')).items[0];
if (scoring) await shot(expert, `/results/${scoring.id}`, '09-result-expert-scoring');

const ent = await session('ent_admin');
await shot(ent, '/benefits', '10-benefit-queue', false);
const member = await session('member');
await shot(member, '/results/new', '11-result-form');

console.log(problems.join('\n') || 'no problems');
await browser.close();
