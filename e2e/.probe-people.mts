import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';

const base = 'http://127.0.0.1:3100';
const tag = Date.now() % 100000;
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('组织');
ws.addRow(['编码', '名称', '上级编码', '类型', '职工人数']);
ws.addRow([`IMP-${tag}`, `导入车间${tag}`, 'SLHI-01', '车间', 30]);
const xlsx = `/tmp/jx-import-${tag}.xlsx`;
await wb.xlsx.writeFile(xlsx);

const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const ctx = await b.newContext({ viewport: { width: 1366, height: 800 } });
const p = await ctx.newPage();
const t0 = Date.now();
p.on(
  'requestfinished',
  (r) =>
    (r.url().includes('/assets/') || r.url().includes('/api/people')) &&
    console.log('  req', Date.now() - t0, r.url().replace(base, '')),
);
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on(
  'response',
  (r) =>
    r.url().includes('/api/') &&
    r.request().method() !== 'GET' &&
    console.log(r.request().method(), r.status(), r.url().replace(base, '')),
);
await p.goto(`${base}/login?next=/orgs`);
await p.getByLabel('用户名').fill('admin');
await p.getByLabel('密码').fill('jiangxin-demo');
await p.locator('button[type=submit]').click();
await p.waitForURL(`${base}/orgs`);
await p.getByRole('button', { name: /导\s*入/ }).click();
await p.locator('.ant-modal input[type=file]').setInputFiles(xlsx);
await p.getByRole('button', { name: '校验数据' }).click();
await p.waitForTimeout(1000);
console.log(await p.locator('.ant-modal .ant-alert-title, .ant-modal .ant-typography').allTextContents());
await p.getByTestId('import-apply').click();
await p.waitForTimeout(1000);
console.log(await p.locator('.ant-modal .ant-alert-title').allTextContents());
await p
  .locator('.ant-modal')
  .getByRole('button', { name: /确\s*定/ })
  .click();
await p.locator('.ant-input-search input').fill(`导入车间${tag}`);
await p.keyboard.press('Enter');
await p.waitForTimeout(800);
console.log('tree search:', await p.locator('.ant-tree-title').allTextContents());

// people: create
await p.goto(`${base}/people`);
await p.getByRole('button', { name: /新\s*建/ }).click();
const m = p.locator('.ant-modal').filter({ visible: true }).last();
await m.locator('.ant-tree-select').click();
await p.keyboard.type('示例重工铸锻');
await p.waitForTimeout(400);
await p.locator('.ant-select-tree-node-content-wrapper', { hasText: '示例重工铸锻有限公司' }).first().click();
await m.getByLabel('工号').fill(`T${tag}`);
await m.getByLabel('姓名').fill('测试人员');
await m.getByRole('button', { name: '添加荣誉' }).click();
await m.getByRole('button', { name: /保\s*存/ }).click();
await p.waitForTimeout(500);
console.log('honour errors:', await m.locator('.ant-form-item-explain-error').allTextContents());
await m.locator('.anticon-minus-circle').click();
await m.getByRole('button', { name: /保\s*存/ }).click();
await p.waitForURL(/\/people\/\d+/);
console.log('url at', Date.now() - t0);
for (const ms of [200, 1000, 3000]) {
  await p.waitForTimeout(ms);
  console.log(ms, await p.locator('h4').allTextContents());
}
console.log(
  'detail:',
  p.url(),
  (await p.locator('.ant-descriptions-item-content').allTextContents()).slice(0, 4),
);
await p.screenshot({ path: '/tmp/jx-shots/flow-after-create.png' });
// account
await p.getByRole('button', { name: '开通账号' }).click();
const am = p.locator('.ant-modal').filter({ visible: true }).last();
await am.getByLabel('用户名').fill(`t${tag}`);
await am.getByLabel('初始密码').fill('short');
await am.getByRole('button', { name: /确\s*定/ }).click();
await p.waitForTimeout(300);
console.log('pw errors:', await am.locator('.ant-form-item-explain-error').allTextContents());
await am.getByLabel('初始密码').fill('abcd1234x');
await am.getByRole('button', { name: /确\s*定/ }).click();
await p.waitForTimeout(1500);
console.log(
  'account:',
  await p.locator('.ant-card').last().locator('.ant-descriptions-item-content').allTextContents(),
);
await p.getByRole('button', { name: '授予角色' }).click();
const gm = p.locator('.ant-modal').filter({ visible: true }).last();
await gm.locator('.ant-select').first().click();
await p.locator('.ant-select-item-option', { hasText: '评审专家' }).click();
await gm.locator('.ant-tree-select').click();
await p.keyboard.type('示例重工铸锻');
await p.waitForTimeout(400);
await p.locator('.ant-select-tree-node-content-wrapper', { hasText: '示例重工铸锻有限公司' }).last().click();
await gm.getByRole('button', { name: /确\s*定/ }).click();
await p.waitForTimeout(1000);
console.log('grants:', await p.locator('.ant-card').last().locator('td').allTextContents());
await p.screenshot({ path: '/tmp/jx-shots/flow-person.png', fullPage: true });
// edit with stale version: open edit, change via API in between
await b.close();
