import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsOverview } from '../../../common/schemas/stats.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedInsight } from './insight.test-support.js';

let t: TestApp;
let w: World;
let group: Session;
const YEAR = 2025;
const clock = { now: () => new Date('2026-06-01T02:00:00Z') };

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createWorld(t.database);
  await seedInsight(t.database.db, w, YEAR);
  group = await login(t.app, w.users.groupAdmin.username);
});
afterAll(() => t.close());

/** The list API behind a page: the page's path under /api, with the page's query as filters. */
const apiOf: Record<string, string> = {
  '/studios': '/api/studios',
  '/studios/at-risk': '/api/studios/at-risk',
  '/people': '/api/people',
  '/results': '/api/results',
  '/projects': '/api/projects',
  '/benefits': '/api/benefits',
  '/activities': '/api/activities',
  '/mentorships': '/api/mentorships',
  '/ideas/all': '/api/ideas?view=all',
  '/funds/allocations': '/api/funds/allocations',
};

describe('drill-down', () => {
  it.each(['root', 'entA', 'entB'] as const)(
    'lands every counted figure of %s on a list whose total is that figure',
    async (org) => {
      const res = await call(t.app, group, {
        method: 'GET',
        url: `/api/stats/overview?orgId=${w.orgs[org].id}&year=${YEAR}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json() as StatsOverview;
      const links: { what: string; link: string; value: number }[] = [];
      for (const f of o.figures)
        if (f.link && ['count', 'items', 'people', 'times'].includes(f.unit))
          links.push({ what: f.key, link: f.link, value: f.value });
      for (const tb of o.tables)
        if (['count', 'items', 'people', 'times'].includes(tb.unit))
          for (const r of tb.rows)
            r.links.forEach((l, i) => {
              if (l)
                links.push({ what: `${tb.key}.${r.key}[${i}]`, link: l, value: r.values[i] ?? Number.NaN });
            });
      const checked: string[] = [];
      const wrong: string[] = [];
      for (const { what, link, value } of links) {
        const [path, qs = ''] = link.split('?');
        const api = apiOf[path!];
        // People trained count the attendees of the sessions the link lists, not the sessions.
        if (!api || what === 'training.people') continue;
        const url = `${api}${api.includes('?') ? '&' : '?'}${qs}${qs ? '&' : ''}pageSize=1`;
        const r = await call(t.app, group, { method: 'GET', url });
        const body = r.json() as { total?: number; items?: unknown[] } | unknown[];
        const total = Array.isArray(body) ? body.length : (body.total ?? body.items?.length);
        checked.push(what);
        if (r.statusCode !== 200 || total !== value)
          wrong.push(`${what}: ${link} → ${r.statusCode} ${total} ≠ ${value}`);
      }
      expect(wrong).toEqual([]);
      expect(checked.length).toBeGreaterThan(20);
      expect(links.filter((x) => x.value > 0).length).toBeGreaterThan(5);
    },
  );

  it('lands the verified benefit on the verified calculations of that year (a split one counted once)', async () => {
    const res = await call(t.app, group, {
      method: 'GET',
      url: `/api/stats/overview?orgId=${w.orgs.root.id}&year=${YEAR}`,
    });
    const f = (res.json() as StatsOverview).figures.find((x) => x.key === 'benefit.verified')!;
    const [, qs] = f.link!.split('?');
    const list = await call(t.app, group, { method: 'GET', url: `/api/benefits?${qs}&pageSize=200` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { amountFen: number; status: string; verifiedOn: string }[];
    expect(items.every((b) => b.status === 'verified' && b.verifiedOn.startsWith(String(YEAR)))).toBe(true);
    expect(items.reduce((a, b) => a + b.amountFen, 0)).toBe(f.value);
  });
});
