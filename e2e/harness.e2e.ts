import { describe, expect, it } from 'vitest';
import { baseUrl, loginAs, useBrowser } from './browser.js';

// Checks the harness itself: the server started by the global setup, the built web app, Chromium.
describe('e2e harness', () => {
  const b = useBrowser();

  it('serves the API on the embedded database with the demo data loaded', async () => {
    const health = await fetch(`${baseUrl()}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'pglite' });
    const login = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'jiangxin-demo' }),
    });
    expect(login.status).toBe(200);
  });

  it('renders the login page in Chinese under a Content-Security-Policy, and logs in', async () => {
    const res = await b.page.goto('/login');
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await b.page.getByLabel(/用户名/).waitFor({ timeout: 30_000 });
    await loginAs(b.page, 'admin');
    expect(new URL(b.page.url()).pathname).not.toBe('/login');
    expect(b.errors).toEqual([]);
  });
});
