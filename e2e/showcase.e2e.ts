import { describe, expect, it } from 'vitest';
import { decodeQrImages, pdfText } from '../server/modules/showcase/showcase.test-support.js';
import { baseUrl, loginAs, screenshot, useBrowser } from './browser.js';

interface Settings {
  items: { studioId: number; studioName: string; published: boolean; level: string | null }[];
}
interface ResultSettings {
  items: { resultId: number; title: string; published: boolean; visible: boolean; confidential: boolean }[];
}

// Issue 8 as a visitor tries it on a phone: the showcase home, a studio page reached through a plaque's QR
// code, the results gallery and the naming list; nothing private shows on any rendered public page.
describe('public showcase on a phone', () => {
  const b = useBrowser({ viewport: { width: 390, height: 844 } });

  it('browses studios and results, lands on a studio page from a plaque QR code', async () => {
    const p = b.page;
    await p.goto('/showcase');
    await p.getByRole('heading', { level: 1 }).waitFor();
    expect(await p.title()).toContain('创新工作室风采');
    expect(await p.locator('meta[name="description"]').getAttribute('content')).toContain('创新工作室');
    await screenshot(p, 'showcase-home-phone');
    // the QR code of a published studio's plaque, printed by its admin
    await loginAs(p, 'admin');
    const settings = (await (await p.request.get('/api/showcase/studios?pageSize=200')).json()) as Settings;
    const studio = settings.items.find((s) => s.published && s.level);
    expect(studio).toBeDefined();
    const pdf = await p.request.get(`/api/showcase/plaques/${studio!.studioId}`);
    expect(pdf.status()).toBe(200);
    const body = await pdf.body();
    const [url] = decodeQrImages(body);
    expect(url).toBe(`${baseUrl()}/showcase/studios/${studio!.studioId}`);
    expect(pdfText(body)).toContain(studio!.studioName);
    // a visitor scans it: no session
    await p.context().clearCookies();
    await p.goto(url!);
    await p.getByRole('heading', { level: 1, name: studio!.studioName }).waitFor();
    expect(await p.title()).toContain(studio!.studioName);
    await p.getByRole('heading', { name: /命名与授牌/ }).waitFor();
    await screenshot(p, 'showcase-studio-phone');
    // the server puts the title in the HTML itself, for link previews
    const html = await (await p.request.get(url!)).text();
    expect(html).toContain(`<title>${studio!.studioName}`);

    await p.getByRole('navigation').getByRole('link', { name: '创新成果' }).click();
    await p.getByRole('heading', { level: 1, name: '创新成果' }).waitFor();
    await p.locator('.sc-card').first().waitFor();
    await screenshot(p, 'showcase-results-phone');
    await p.locator('.sc-card').first().click();
    await p.getByRole('heading', { name: '解决的问题' }).waitFor();
    await p.getByRole('navigation').getByRole('link', { name: '命名名单与公示' }).click();
    await p.getByRole('table').waitFor();
    expect(b.errors).toEqual([]);
  });
});

describe('public showcase on a desktop', () => {
  const b = useBrowser();

  it('shows no unpublished or confidential result on any rendered public page', async () => {
    const p = b.page;
    await loginAs(p, 'admin');
    const all: ResultSettings['items'] = [];
    for (let page = 1; page < 20; page++) {
      const res = (await (
        await p.request.get(`/api/showcase/results?pageSize=200&page=${page}`)
      ).json()) as ResultSettings & {
        total: number;
      };
      all.push(...res.items);
      if (all.length >= res.total) break;
    }
    const hidden = all.filter((r) => !r.visible);
    const hiddenIds = new Set(hidden.map((r) => r.resultId));
    // the confidential ones first: each is also looked up by name and by address below
    const probes = [...hidden.filter((r) => r.confidential), ...hidden.filter((r) => !r.confidential)].slice(
      0,
      6,
    );
    const shown = all.filter((r) => r.visible);
    const linked = new Set<number>();
    const collectLinks = async () => {
      for (const href of await p
        .locator('a[href^="/showcase/results/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
        linked.add(Number(href.split('/').pop()));
    };
    expect(hidden.some((r) => r.confidential)).toBe(true);
    expect(shown.length).toBeGreaterThan(0);
    await p.context().clearCookies();
    let text = '';
    await p.goto('/showcase');
    await p.locator('.sc-card').first().waitFor();
    text += (await p.locator('body').textContent()) ?? '';
    await collectLinks();
    await screenshot(p, 'showcase-home-desktop');
    const studioLinks = await p
      .locator('a[href^="/showcase/studios/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))].slice(0, 4));
    expect(studioLinks.length).toBeGreaterThan(0);
    for (const href of studioLinks) {
      await p.goto(href);
      await p.getByRole('heading', { name: /命名与授牌/ }).waitFor();
      text += (await p.locator('body').textContent()) ?? '';
      await collectLinks();
    }
    await screenshot(p, 'showcase-studio-desktop');
    for (let page = 1; page <= 3; page++) {
      await p.goto(`/showcase/results?page=${page}`);
      await p.locator('.sc-card, .ant-empty').first().waitFor();
      text += (await p.locator('body').textContent()) ?? '';
      await collectLinks();
    }
    for (const r of probes) {
      await p.goto(`/showcase/results?q=${encodeURIComponent(r.title)}`);
      await p.locator('.sc-card, .ant-empty').first().waitFor();
      text += (await p.locator('body').textContent()) ?? '';
      await collectLinks();
      await p.goto(`/showcase/results/${r.resultId}`);
      await p.getByText('该内容未公开或不存在').waitFor();
    }
    // what is public shows up, so the check below looks at real pages
    expect(shown.some((r) => text.includes(r.title))).toBe(true);
    // no link to a hidden result anywhere, and no probe's title (unless a public result has the same title)
    expect(linked.size).toBeGreaterThan(0);
    expect([...linked].filter((id) => hiddenIds.has(id))).toEqual([]);
    // (the demo repeats a theme as variants: '…钻杆' is part of a public '…钻杆（二期）')
    const leaked = probes.filter(
      (r) => text.includes(r.title) && !shown.some((s) => s.title.includes(r.title)),
    );
    expect(leaked.map((r) => r.title)).toEqual([]);
    expect(b.errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
  });
});

describe('installable app with an offline outbox', () => {
  const b = useBrowser({ viewport: { width: 390, height: 844 } });

  it('has a manifest and a service worker that serves the shell offline', async () => {
    const p = b.page;
    const manifest = await (await p.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ short_name: '匠心', display: 'standalone', start_url: '/' });
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const res = await p.request.get(icon.src);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    await p.goto('/showcase');
    await p.getByRole('heading', { level: 1 }).waitFor();
    const scope = await p.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then((r) => r.scope),
        new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 20_000)),
      ]),
    );
    expect(scope).toBe(`${baseUrl()}/`);
    await p.reload(); // now controlled by the worker, which keeps what the page loads
    await p.getByRole('heading', { level: 1 }).waitFor();
    expect(await p.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await p.context().setOffline(true);
    await p.goto('/showcase', { waitUntil: 'domcontentloaded' });
    // the shell comes from the cache: the app starts and shows its frame (the data needs the network)
    await p.locator('.sc-header').waitFor({ timeout: 20_000 });
    await p.context().setOffline(false);
  });

  it('sends an idea submitted offline exactly once when the connection returns', async () => {
    const p = b.page;
    b.errors.length = 0;
    await loginAs(p, 'worker');
    await p.goto('/ideas/new');
    const title = `离线金点子${Date.now().toString(36)}`;
    await p.getByPlaceholder(/一句话说明/).fill(title);
    await p.getByText('安全生产', { exact: true }).click();
    await p
      .getByPlaceholder(/现在的问题是什么/)
      .fill('车间地面油污易滑倒，建议在冲压线旁加装防滑垫并每班清理。');
    await p.waitForTimeout(800); // let the similar-ideas lookup finish while online
    await p.context().setOffline(true);
    await p.getByRole('button', { name: /^提\s*交$/ }).click();
    await p.getByText(/当前离线，已保存在本机/).waitFor();
    await p.getByText(/1 条离线提交等待联网后发送/).waitFor();
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
    expect(queued.length).toBe(1);
    const mine = async () =>
      (
        (await (
          await p.request.get(`/api/ideas?view=mine&q=${encodeURIComponent(title)}&pageSize=50`)
        ).json()) as {
          items: { id: number; title: string }[];
        }
      ).items.filter((i) => i.title === title);
    await p.context().setOffline(false);
    await p.getByText(/离线保存的 1 条提交已发送/).waitFor({ timeout: 30_000 });
    let ideas = await mine();
    expect(ideas.length).toBe(1);
    // the replay happens again (a reply lost on a flaky line): the same key, still one idea
    const again = await p.evaluate(async (item) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(item.path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          'idempotency-key': item.key,
        },
        body: JSON.stringify(item.body),
      });
      return { status: res.status, id: (await res.json()).id as number };
    }, queued[0]!);
    expect(again).toEqual({ status: 201, id: ideas[0]!.id });
    ideas = await mine();
    expect(ideas.length).toBe(1);
    await screenshot(p, 'outbox-sent-phone');
  });

  it('sends an activity check-in made offline exactly once when the connection returns', async () => {
    const p = b.page;
    b.errors.length = 0;
    const csrf = async () =>
      ((await (await p.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    // the login page sends a signed-in user on: sign out first
    const switchTo = async (user: string) => {
      await p.context().clearCookies();
      await loginAs(p, user);
    };
    await loginAs(p, 'worker');
    const { personId } = (await (await p.request.get('/api/auth/me')).json()) as { personId: number };
    // the leader's side: an activity today (China time) with the worker invited, and its QR link
    await switchTo('admin');
    const studios = (await (await p.request.get('/api/studios?status=named&pageSize=1')).json()) as {
      items: { id: number }[];
    };
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await p.request.post('/api/activities', {
      headers: { 'x-csrf-token': await csrf() },
      data: {
        studioId: studios.items[0]!.id,
        kind: 'training',
        title: `离线签到培训${Date.now().toString(36)}`,
        heldOn: today,
        hours: 2,
        trainerName: '外聘讲师王工',
        participants: [{ personId }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const activity = (await created.json()) as { id: number; checkin: { url: string } };
    const checkinPath = new URL(activity.checkin.url).pathname;
    const attendance = async () => {
      const detail = (await (await p.request.get(`/api/activities/${activity.id}`)).json()) as {
        attendedCount: number;
      };
      const audit = (await (
        await p.request.get(`/api/audit?entityType=activity&entityId=${activity.id}&pageSize=100`)
      ).json()) as { items: { action: string }[] };
      return {
        attended: detail.attendedCount,
        audits: audit.items.filter((a) => a.action === 'activities.checkin').length,
      };
    };
    // the worker scans the code on a phone; the line drops before the tap
    await switchTo('worker');
    await p.goto(checkinPath);
    const button = p.getByRole('button', { name: /确认签到/ });
    await button.waitFor();
    await p.context().setOffline(true);
    await button.click();
    await p.getByText(/当前离线，签到已保存在本机/).waitFor();
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
    expect(queued.map((q) => q.path)).toEqual([`/api${checkinPath}`]);
    await screenshot(p, 'checkin-queued-phone');
    // nothing reached the server while offline (the test's own API calls bypass the page's network)
    expect(
      ((await (await p.request.get(`/api${checkinPath}`)).json()) as { attendedAt: string | null })
        .attendedAt,
    ).toBeNull();
    await p.context().setOffline(false);
    await p.getByText(/离线保存的 1 条提交已发送/).waitFor({ timeout: 30_000 });
    await p.getByText('签到成功').waitFor();
    await screenshot(p, 'checkin-sent-phone');
    // the replay happens again (a reply lost on a flaky line): the same key, still one attendance
    const again = await p.evaluate(async (item) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(item.path, {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': item.key },
      });
      return { status: res.status, already: (await res.json()).already as boolean };
    }, queued[0]!);
    expect(again).toEqual({ status: 200, already: true });
    // the page opened again later shows the check-in, and no second one is waiting
    await p.reload();
    await p.getByText('您已签到').waitFor();
    expect(await p.getByRole('button', { name: /确认签到/ }).count()).toBe(0);
    await switchTo('admin');
    expect(await attendance()).toEqual({ attended: 1, audits: 1 });
    // requests the browser tried while offline are logged as errors: nothing else
    expect(b.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});
