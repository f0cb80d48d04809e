import { describe, expect, it } from 'vitest';
import { loginAs, screenshot, useBrowser } from './browser.js';

// The platform core's golden path: log in → create an org in the tree → see it in the tree and in the audit log.
describe('golden path: org tree and audit', () => {
  const b = useBrowser();

  it('logs in, creates an org under an enterprise, and finds it in the tree and the audit log', async () => {
    const p = b.page;
    const name = `端到端分厂${Date.now().toString(36).slice(-4)}`;
    await loginAs(p, 'admin');
    await p.goto('/orgs');
    await p.getByText('示例重工重型机械有限公司', { exact: true }).first().click();
    await p
      .getByRole('button', { name: /新建下级/ })
      .first()
      .click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel(/名称/).fill(name);
    await dialog.getByLabel(/编码/).fill(`E2E-${Date.now().toString(36)}`);
    await dialog.getByRole('button', { name: /确\s*定|保\s*存|OK/ }).click();
    await p.getByText(name, { exact: true }).first().waitFor({ timeout: 20_000 });
    await screenshot(p, 'golden-path-tree');
    await p.goto('/audit');
    await p.getByText('orgs.create').first().waitFor({ timeout: 20_000 });
    await expect(p.getByText('orgs.create').first().isVisible()).resolves.toBe(true);
    await screenshot(p, 'golden-path-audit');
    expect(b.errors).toEqual([]);
  });
});
