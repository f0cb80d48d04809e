import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { notifyAtRiskStudios } from './studios.at-risk.js';
import { collectSignals, registerHealthSource, unregisterHealthSource } from './studios.health.js';

let now = new Date('2026-06-15T02:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let w: World;
let entA: Session;
let entB: Session;
let worker: Session;

type Signals = { lastResultOn?: string; lastActivityOn?: string; lastBenefitOn?: string };
type Kind = keyof Signals;

/** A source answering from `table` (studio id → dates), as SQL over a VALUES list read when each query is built. */
const sourceOf = (table: Map<number, Signals>) => (studioId: SQL) => {
  const column = (kind: Kind) => {
    const rows = [...table].filter(([, v]) => v[kind]);
    if (rows.length === 0) return undefined;
    const values = sql.join(
      rows.map(([id, v]) => sql`(${id}::int, ${v[kind]}::date)`),
      sql`, `,
    );
    return sql`SELECT t.d FROM (VALUES ${values}) AS t(id, d) WHERE t.id = ${studioId}`;
  };
  return {
    lastResultOn: column('lastResultOn'),
    lastActivityOn: column('lastActivityOn'),
    lastBenefitOn: column('lastBenefitOn'),
  };
};

const signals = new Map<number, Signals>();
const ids: Record<string, number> = {};

// Stands in for the results and activities modules, which register their own sources.
registerHealthSource('test-results', sourceOf(signals));

async function relogin() {
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  worker = await login(t.app, w.users.employeeA.username);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createWorld(t.database);
  await relogin();
  const admin = await login(t.app, w.users.groupAdmin.username);
  const make = async (key: string, hostOrgId: number, foundedOn: string | null) => {
    const res = await call(t.app, admin, {
      method: 'POST',
      url: '/api/studios',
      payload: { name: `健康${key}工作室`, type: 'employee', hostOrgId, foundedOn },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make('idle', w.orgs.workshopA.id, '2019-03-01');
  await make('busy', w.orgs.workshopA.id, '2018-03-01');
  await make('young', w.orgs.branchA.id, '2026-01-10');
  await make('archived', w.orgs.branchA.id, '2019-03-01');
  await make('otherEnt', w.orgs.workshopB.id, '2019-03-01');
  signals.set(ids.busy!, { lastActivityOn: '2026-03-01' });
  signals.set(ids.idle!, { lastResultOn: '2025-01-20', lastBenefitOn: '2025-03-02' });
  const s = (await call(t.app, admin, { method: 'GET', url: `/api/studios/${ids.archived}` })).json();
  await call(t.app, admin, {
    method: 'POST',
    url: `/api/studios/${ids.archived}/archive`,
    payload: { version: s.version },
  });
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const atRiskIds = async (s: Session) => {
  const res = await get(s, '/api/studios/at-risk?pageSize=200');
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((x: { studio: { id: number } }) => x.studio.id)
    .sort();
};

describe('studio health', () => {
  it('shows the last result, activity and benefit dates on the studio', async () => {
    const idle = (await get(entA, `/api/studios/${ids.idle}`)).json();
    expect(idle.health).toMatchObject({
      lastResultOn: '2025-01-20',
      lastActivityOn: null,
      lastBenefitOn: '2025-03-02',
      lastSignalOn: '2025-03-02',
      status: 'atRisk',
    });
    expect(idle.health.sources).toContain('test-results');
    expect((await get(entA, `/api/studios/${ids.busy}`)).json().health.status).toBe('active');
    expect((await get(entA, `/api/studios/${ids.young}`)).json().health.status).toBe('new');
  });

  it('lists at-risk studios in scope only, to admins only', async () => {
    expect(await atRiskIds(entA)).toEqual([ids.idle]);
    expect(await atRiskIds(entB)).toEqual([ids.otherEnt]);
    const page = (await get(entA, '/api/studios/at-risk')).json();
    expect(page.items[0].health.lastSignalOn).toBe('2025-03-02');
    expect((await get(worker, '/api/studios/at-risk')).statusCode).toBe(403);
    expect((await get(null, '/api/studios/at-risk')).statusCode).toBe(401);
    expect((await get(entA, '/api/studios/at-risk?orgId=abc')).statusCode).toBe(400);
  });

  it('tells each enterprise admin once, and again the next month', async () => {
    const first = await notifyAtRiskStudios({ db: t.database.db, clock, scope: [w.orgs.root.path] });
    expect(first).toEqual({ studios: 2, notified: 2 });
    const again = await notifyAtRiskStudios({ db: t.database.db, clock, scope: [w.orgs.root.path] });
    expect(again).toEqual({ studios: 2, notified: 0 });
    const inbox = (await get(entA, '/api/notifications')).json();
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'studios.at_risk', link: '/studios/at-risk' });
    expect(inbox.items[0].body).toContain('健康idle工作室');
    expect(inbox.items[0].body).not.toContain('健康otherEnt工作室');
    // the worker got nothing; nobody can mark another user's notification
    expect((await get(worker, '/api/notifications')).json().total).toBe(0);
    expect(
      (await call(t.app, worker, { method: 'POST', url: `/api/notifications/${inbox.items[0].id}/read` }))
        .statusCode,
    ).toBe(404);
    const read = await call(t.app, entA, {
      method: 'POST',
      url: `/api/notifications/${inbox.items[0].id}/read`,
    });
    expect(read.json()).toEqual({ marked: 1 });
    expect((await get(entA, '/api/notifications?unread=true')).json()).toMatchObject({
      total: 0,
      unreadCount: 0,
    });
    expect((await get(null, '/api/notifications')).statusCode).toBe(401);
  });

  it('moves with the clock: the young studio becomes at risk a year on, a new activity clears the idle one', async () => {
    now = new Date('2027-04-01T02:00:00Z');
    await relogin();
    signals.set(ids.idle!, { lastActivityOn: '2027-01-15' });
    expect(await atRiskIds(entA)).toEqual([ids.busy, ids.young].sort());
    const res = await notifyAtRiskStudios({ db: t.database.db, clock, scope: [w.orgs.root.path] });
    expect(res.studios).toBe(3);
    expect((await get(entA, '/api/notifications')).json().items[0].title).toMatch(/^2 个工作室/);
  });
});

describe('health sources', () => {
  it('merges every source in one read, the latest date of each kind winning, and ignores unknown ids', async () => {
    const a = new Map<number, Signals>([
      [ids.young!, { lastResultOn: '2024-01-01', lastBenefitOn: '2025-02-01' }],
      [999_999, { lastResultOn: '2026-01-01' }],
    ]);
    const b = new Map<number, Signals>([
      [ids.young!, { lastResultOn: '2025-01-01', lastActivityOn: '2023-05-05' }],
      [ids.otherEnt!, { lastResultOn: '2025-01-01', lastActivityOn: '2023-05-05' }],
    ]);
    registerHealthSource('a', sourceOf(a));
    registerHealthSource('b', sourceOf(b));
    try {
      const m = await collectSignals(t.database.db, [ids.young!, ids.otherEnt!, ids.archived!]);
      expect(m.get(ids.young!)).toEqual({
        lastResultOn: '2025-01-01',
        lastActivityOn: '2023-05-05',
        lastBenefitOn: '2025-02-01',
      });
      expect(m.get(ids.otherEnt!)).toEqual({
        lastResultOn: '2025-01-01',
        lastActivityOn: '2023-05-05',
        lastBenefitOn: null,
      });
      expect(m.get(ids.archived!)).toEqual({ lastResultOn: null, lastActivityOn: null, lastBenefitOn: null });
      expect(m.has(999_999)).toBe(false);
      // The studio page reads the same merge, and names every source.
      const young = (await get(entA, `/api/studios/${ids.young}`)).json();
      expect(young.health).toMatchObject({ lastResultOn: '2025-01-01', lastSignalOn: '2025-02-01' });
      expect(young.health.sources).toEqual(expect.arrayContaining(['a', 'b', 'test-results']));
    } finally {
      unregisterHealthSource('a');
      unregisterHealthSource('b');
    }
  });
});
