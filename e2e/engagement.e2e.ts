import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, screenshot, useBrowser } from './browser.js';

/** A small real PNG (8×8, blue) for the anonymous photo. */
const photoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGNQSDiAFTEMLQkAGplQAT43V5gAAAAASUVORK5CYII=',
  'base64',
);

/** The ideas with this title in the handler's queue (the enterprise admin of SLHI-01). */
async function queuedTitled(p: Page, title: string) {
  const res = await p.request.get(`/api/ideas?view=queue&q=${encodeURIComponent(title)}&pageSize=50`);
  const body = (await res.json()) as { items: { id: number; title: string; code: string }[] };
  return body.items.filter((i) => i.title === title);
}

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
    // an optional photo, uploaded without a login
    await p
      .locator('input[type=file]')
      .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: photoPng });
    await p.locator('.ant-upload-list-item').first().waitFor();
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
    // the handler sees the anonymous photo on the idea
    await p.getByAltText('现场.png').waitFor({ timeout: 20_000 });
    await screenshot(p, 'engagement-handler-photo-phone');

    await p.context().clearCookies();
    await p.goto(`/public/ideas?code=${code}`);
    await p.getByText('采纳。由工艺科牵头试制快速换模夹具，下月试用。').first().waitFor({ timeout: 20_000 });
    await expect(p.getByText('已采纳').first().isVisible()).resolves.toBe(true);
    // the photo is shown to whoever holds the tracking code
    const img = p.locator('.ant-image img').first();
    await img.waitFor();
    await p.waitForFunction(
      () => (document.querySelector('.ant-image img') as HTMLImageElement | null)?.naturalWidth === 8,
    );
    expect(await img.getAttribute('src')).toMatch(/^\/api\/public\/ideas\/track\/[0-9A-Z]{10}\/files\/\d+$/);
    await screenshot(p, 'engagement-tracked-answer-phone');
    expect(b.errors).toEqual([]);
  });

  it('keeps an anonymous idea made offline, sends it once when the connection returns, and shows its code', async () => {
    const p = b.page;
    b.errors.length = 0;
    await p.context().clearCookies();
    const title = `离线匿名建议${Date.now().toString(36).slice(-5)}`;
    await p.goto('/public/ideas?org=SLHI-01');
    await p.getByPlaceholder(/一句话说明/).fill(title);
    await p.getByText('安全生产', { exact: true }).click();
    await p.getByPlaceholder(/现在的问题是什么/).fill('仓库叉车通道没有反光镜，转角处容易碰撞，建议加装。');
    await p.waitForTimeout(800); // let the similar-ideas lookup finish while online
    await p.context().setOffline(true);
    await p.getByRole('button', { name: /^提\s*交$/ }).click();
    await p
      .getByText(/当前离线，已保存在本机/)
      .first()
      .waitFor();
    const mine = p.getByTestId('my-anonymous-ideas');
    await mine.getByText(title).waitFor();
    await mine.getByText('等待联网后发送').waitFor();
    await screenshot(p, 'engagement-anonymous-queued-phone');
    const queued = await p.evaluate(
      () =>
        new Promise<{ key: string; path: string; body: unknown }[]>((resolve, reject) => {
          const open = indexedDB.open('jx-outbox', 1);
          open.onsuccess = () => {
            const req = open.result.transaction('requests').objectStore('requests').getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const item = queued.find((q) => (q.body as { title: string }).title === title)!;
    expect(item.path).toBe('/api/public/ideas');

    // the connection returns: the idea is sent and its tracking code shown and kept on the device
    await p.context().setOffline(false);
    const codeText = await p.getByTestId('tracking-code').textContent({ timeout: 40_000 });
    const code = (codeText ?? '').replace('-', '');
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await p
      .getByText(/离线保存的建议已送达/)
      .first()
      .waitFor();
    await screenshot(p, 'engagement-anonymous-arrived-phone');
    await p.reload();
    await p.getByTestId('my-anonymous-ideas').getByText(codeText!).waitFor({ timeout: 20_000 });

    // a resend with the same key (a reply lost on a flaky line) gets the same code, not a second idea
    const again = await p.evaluate(async (it) => {
      const res = await fetch(it.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': it.key },
        body: JSON.stringify(it.body),
      });
      return { status: res.status, trackingCode: (await res.json()).trackingCode as string };
    }, item);
    expect(again).toEqual({ status: 201, trackingCode: code });
    await loginAs(p, 'ent_admin');
    expect((await queuedTitled(p, title)).length).toBe(1);
    expect(b.errors).toEqual([]);
  });

  it('gives the demo people with a login an e-mail address for the digest', async () => {
    const p = b.page;
    await loginAs(p, 'worker');
    const prefs = (await (await p.request.get('/api/notifications/prefs')).json()) as {
      email: string | null;
    };
    expect(prefs.email).toBe('worker@demo.jiangxin.example');
  });
});
