import { describe, expect, it } from 'vitest';
import { loginAs, screenshot, useBrowser } from './browser.js';

// Issue 5 as a new user tries it on a phone: an anonymous idea from the public page gets a tracking code,
// the handler answers and adopts it in the queue, and the tracking code then shows the written answer.
describe('golden path: anonymous idea on a phone', () => {
  const b = useBrowser({ viewport: { width: 390, height: 844 } });

  it('submits anonymously, is adopted by the handler, and the tracking code shows the answer', async () => {
    const p = b.page;
    const title = `冲压线快速换模${Date.now().toString(36).slice(-4)}`;
    await p.goto('/public/ideas?org=SLHI-01');
    await p.getByPlaceholder(/一句话说明/).fill(title);
    await p.getByText('提质增效', { exact: true }).click();
    await p
      .getByPlaceholder(/现在的问题是什么/)
      .fill('冲压线换模平均 40 分钟，建议采用快速换模夹具，目标 15 分钟以内。');
    await p.getByRole('button', { name: /^提\s*交$/ }).click();
    const codeText = await p.getByTestId('tracking-code').textContent({ timeout: 30_000 });
    const code = (codeText ?? '').replace('-', '');
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await screenshot(p, 'engagement-tracking-code-phone');

    await loginAs(p, 'ent_admin');
    await p.goto('/ideas/queue');
    await p.getByText(title).first().click();
    await p.getByRole('button', { name: /^采\s*纳$/ }).click();
    const dialog = p.getByRole('dialog');
    await dialog
      .getByPlaceholder(/提交人将看到这段答复/)
      .fill('采纳。由工艺科牵头试制快速换模夹具，下月试用。');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await p.getByText('已采纳').first().waitFor({ timeout: 20_000 });

    await p.context().clearCookies();
    await p.goto(`/public/ideas?code=${code}`);
    await p.getByText('采纳。由工艺科牵头试制快速换模夹具，下月试用。').first().waitFor({ timeout: 20_000 });
    await expect(p.getByText('已采纳').first().isVisible()).resolves.toBe(true);
    await screenshot(p, 'engagement-tracked-answer-phone');
    expect(b.errors).toEqual([]);
  });
});
