import { chromium } from 'playwright-core';

const base = 'http://127.0.0.1:3100';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const ctx = await b.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
const p = await ctx.newPage();
p.on('console', (m) => m.type() === 'error' && !m.text().includes('401') && console.log('console', m.text()));
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
await p.waitForLoadState('networkidle');
// select an enterprise, create a workshop under it
await p.locator('.ant-tree-title', { hasText: '示例重工铸锻有限公司' }).click();
await p.getByRole('button', { name: '新建下级' }).click();
const dlg = p.locator('.ant-modal');
await dlg.getByLabel('名称').fill('测试车间');
await dlg.getByLabel('编码').fill('bad code!');
await dlg.getByRole('button', { name: /保\s*存/ }).click();
await p.waitForTimeout(300);
console.log('client validation:', await dlg.locator('.ant-form-item-explain-error').allTextContents());
await dlg.getByLabel('编码').fill('SLHI-02'); // probably taken → server error
await dlg.getByRole('button', { name: /保\s*存/ }).click();
await p.waitForTimeout(800);
console.log(
  'server validation:',
  await dlg.locator('.ant-form-item-explain-error').allTextContents(),
  await p.locator('.ant-message').allTextContents(),
);
await dlg.getByLabel('编码').fill(`WS-${Date.now() % 100000}`);
await dlg.getByRole('button', { name: /保\s*存/ }).click();
await p.waitForTimeout(1000);
console.log('selected now:', await p.locator('.ant-tree-node-selected').allTextContents());
console.log('detail:', await p.locator('.ant-descriptions-item-content').allTextContents());
// move it
await p.getByRole('button', { name: /移\s*动/ }).click();
await p.locator('.ant-modal .ant-tree-select').click();
await p.keyboard.type('重型机械');
await p.waitForTimeout(400);
await p
  .locator('.ant-select-tree-node-content-wrapper', { hasText: '示例重工重型机械有限公司' })
  .first()
  .click();
await p
  .locator('.ant-modal')
  .getByRole('button', { name: /确\s*定/ })
  .click();
await p.waitForTimeout(1000);
console.log('after move:', await p.locator('.ant-descriptions-item-content').allTextContents());
// archive
await p.getByRole('button', { name: /归\s*档/ }).click();
await p
  .locator('.ant-modal-confirm')
  .getByRole('button', { name: /确\s*定|OK/ })
  .click();
await p.waitForTimeout(1000);
console.log('after archive selected:', await p.locator('.ant-tree-node-selected').allTextContents());
// template download + import dry run
await p.getByRole('button', { name: /导\s*入/ }).click();
const [dl] = await Promise.all([
  p.waitForEvent('download'),
  p.getByRole('button', { name: '下载导入模板' }).click(),
]);
const file = `/tmp/jx-template-${Date.now()}.xlsx`;
await dl.saveAs(file);
console.log('template', dl.suggestedFilename());
await p.locator('.ant-modal input[type=file]').setInputFiles(file);
await p.getByRole('button', { name: '校验数据' }).click();
await p.waitForTimeout(1500);
console.log(
  'import report:',
  await p.locator('.ant-modal .ant-typography, .ant-modal .ant-alert-title, .ant-modal td').allTextContents(),
);
await p.screenshot({ path: '/tmp/jx-shots/flow-import.png' });
await b.close();
