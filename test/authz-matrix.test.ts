import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, type Role } from '../common/roles.js';
import { buildApp } from '../server/app.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from './helpers.js';

/**
 * The authorization matrix, generated from the server's own route table: every /api route is called
 * anonymously and as every role, and the route-level answer must match the permission it declares.
 */
let t: TestApp;
let w: World;
const sessions = new Map<string, Session>();
const roleOf: Record<keyof World['users'], Role> = {
  groupAdmin: 'group_admin',
  entAdminA: 'enterprise_admin',
  entAdminB: 'enterprise_admin',
  leaderA: 'studio_leader',
  memberA: 'studio_member',
  expertB: 'expert',
  employeeA: 'employee',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  for (const [key, u] of Object.entries(w.users)) sessions.set(key, await login(t.app, u.username));
});
afterAll(() => t.close());

const MISSING_ID = '2147483000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, MISSING_ID);

describe('authorization matrix', () => {
  it('covers a substantial route table', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(20);
  });

  it('refuses anonymous calls to every non-public route with 401, before looking at the input', async () => {
    const failures: string[] = [];
    for (const r of t.app.routeTable) {
      const res = await call(t.app, null, {
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      const expected =
        r.access === 'public' ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 401;
      if (!expected) failures.push(`${r.method} ${r.url} (${r.access}) → ${res.statusCode}`);
      if (res.statusCode >= 500)
        failures.push(`${r.method} ${r.url} anonymous → ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives each role exactly the routes its permissions allow', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of t.app.routeTable) {
      if (r.access === 'public') continue;
      for (const [key, role] of Object.entries(roleOf)) {
        // Logging out would end the shared session: such routes get a session of their own.
        const session = r.url.includes('logout')
          ? await login(t.app, w.users[key as keyof World['users']].username)
          : sessions.get(key)!;
        const res = await call(t.app, session, {
          method: r.method as 'GET',
          url: concrete(r.url),
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        checked++;
        // logout-all ends every session of the user, the shared one included.
        if (r.url.includes('logout'))
          sessions.set(key, await login(t.app, w.users[key as keyof World['users']].username));
        const allowed =
          r.access === 'authenticated' || (permissions[r.access] as readonly Role[]).includes(role);
        const routeRefused = res.statusCode === 403 && res.json().error?.code === 'auth.forbidden';
        if (res.statusCode >= 500)
          failures.push(`${r.method} ${r.url} as ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode === 401) failures.push(`${r.method} ${r.url} as ${key} → 401`);
        else if (!allowed && !routeRefused)
          failures.push(`${r.method} ${r.url} as ${key} (${role}) should be refused, got ${res.statusCode}`);
        else if (allowed && routeRefused && !/\/:[A-Za-z]+/.test(r.url))
          failures.push(`${r.method} ${r.url} as ${key} (${role}) should pass the route check, got 403`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 600_000);

  it('refuses to start when a route declares no access', async () => {
    const app = await buildApp({ database: t.database });
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declares no access/);
    await app.close().catch(() => {});
  });
});
