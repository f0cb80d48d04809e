import { describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, screenshot, useBrowser } from './browser.js';

/**
 * Stored text is rendered as text: a studio named with an <img onerror> and a <script> shows those
 * characters and runs nothing, on the list and the detail page. The HTML page carries a Content-Security-Policy
 * without 'unsafe-inline' scripts, and needs no inline script to work.
 */
describe('stored markup in a studio name', () => {
  const b = useBrowser();

  it('is shown as text and never executes; the page has a strict CSP', async () => {
    const p = b.page;
    const doc = await p.request.get(`${baseUrl()}/`);
    const csp = doc.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(doc.headers()['x-content-type-options']).toBe('nosniff');
    const html = await doc.text();
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);

    const login = await p.request.post(`${baseUrl()}/api/auth/login`, {
      data: { username: 'admin', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const csrf = (await login.json()).csrfToken as string;
    const tree = (await (await p.request.get(`${baseUrl()}/api/orgs/tree`)).json()) as unknown;
    const find = (n: unknown): { id: number } | undefined => {
      if (Array.isArray(n)) return n.map(find).find(Boolean);
      const o = n as { kind?: string; id: number; children?: unknown[] };
      if (o?.kind === 'workshop') return o;
      return o?.children ? find(o.children) : undefined;
    };
    const workshop = find(tree);
    expect(workshop).toBeDefined();
    const name = `<img src=x onerror="window.__xss='img'"><script>window.__xss='script'</script>XSS工作室${Date.now() % 10000}`;
    const created = await p.request.post(`${baseUrl()}/api/studios`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        name,
        type: 'craftsman',
        hostOrgId: workshop?.id,
        leaderPersonId: null,
        slogan: '<b onmouseover=alert(1)>口号</b>',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).id as number;

    for (const url of [`/studios/${id}`, `/studios?q=${encodeURIComponent('XSS工作室')}`]) {
      await p.goto(url);
      await p.getByText('XSS工作室', { exact: false }).first().waitFor({ timeout: 30_000 });
      expect(await p.getByText('<img src=x', { exact: false }).count()).toBeGreaterThan(0);
      expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
      expect(await p.locator('img[src="x"]').count()).toBe(0);
      expect(await p.locator('b[onmouseover]').count()).toBe(0);
    }
    await screenshot(p, 'stored-xss-studio');
    expect(b.errors).toEqual([]);
  });
});
