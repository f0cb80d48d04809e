import { sql } from 'drizzle-orm';
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
import { cachedByGeneration, dataGeneration } from './stats.cache.js';

let t: TestApp;
let w: World;
let group: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  group = await login(t.app, w.users.groupAdmin.username);
});
afterAll(() => t.close());

const named = async (orgId: number) => {
  const res = await call(t.app, group, { method: 'GET', url: `/api/stats/overview?orgId=${orgId}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as StatsOverview).figures.find((f) => f.key === 'studios.named')!.value;
};
const addStudio = (code: string) =>
  t.database.db.execute(
    sql`INSERT INTO studios (code, name, type, host_org_id, status) VALUES (${code}, ${`缓存测试${code}`}, 'employee', ${w.orgs.workshopA.id}, 'named')`,
  );

describe('the dashboard cache (data generation)', () => {
  it('bumps the generation in the same statement as a write to a table the dashboard reads', async () => {
    const before = await dataGeneration(t.database.db);
    await addStudio(`GEN-${w.tag}`);
    expect(BigInt(await dataGeneration(t.database.db))).toBeGreaterThan(BigInt(before));
  });

  it('answers from the cache while nothing changed, and sees a new studio at once', async () => {
    const first = await named(w.orgs.root.id);
    expect(await named(w.orgs.root.id)).toBe(first);
    await addStudio(`NEW-${w.tag}`);
    expect(await named(w.orgs.root.id)).toBe(first + 1);
    await t.database.db.execute(
      sql`UPDATE studios SET status = 'cultivating' WHERE code = ${`NEW-${w.tag}`}`,
    );
    expect(await named(w.orgs.root.id)).toBe(first);
  });

  it('computes once for concurrent callers and again after a write', async () => {
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return runs;
    };
    const key = `test:${w.tag}`;
    const [a, b] = await Promise.all([
      cachedByGeneration(t.database.db, key, compute),
      cachedByGeneration(t.database.db, key, compute),
    ]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cachedByGeneration(t.database.db, key, compute)).toBe(1);
    await addStudio(`AGAIN-${w.tag}`);
    expect(await cachedByGeneration(t.database.db, key, compute)).toBe(2);
  });

  it('serves a slow computation as computed after a write, refreshing it once in the background', async () => {
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      return runs;
    };
    const key = `slow:${w.tag}`;
    const slow = { staleWhenSlowerThanMs: 20 };
    expect(await cachedByGeneration(t.database.db, key, compute, slow)).toBe(1);
    await addStudio(`STALE-${w.tag}`);
    // The data changed: both callers get the value as computed at once, and one recomputation starts.
    const [a, b] = await Promise.all([
      cachedByGeneration(t.database.db, key, compute, slow),
      cachedByGeneration(t.database.db, key, compute, slow),
    ]);
    expect([a, b, runs]).toEqual([1, 1, 2]);
    await new Promise((r) => setTimeout(r, 80));
    expect(await cachedByGeneration(t.database.db, key, compute, slow)).toBe(2);
    expect(runs).toBe(2);
    // A fast computation is never served stale.
    let quick = 0;
    const fast = async () => ++quick;
    expect(
      await cachedByGeneration(t.database.db, `fast:${w.tag}`, fast, { staleWhenSlowerThanMs: 1000 }),
    ).toBe(1);
    await addStudio(`FAST-${w.tag}`);
    expect(
      await cachedByGeneration(t.database.db, `fast:${w.tag}`, fast, { staleWhenSlowerThanMs: 1000 }),
    ).toBe(2);
  });
});
