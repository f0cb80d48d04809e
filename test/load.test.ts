import { afterAll, beforeAll, expect, it } from 'vitest';
import { runLoad } from '../bench/load.js';
import type { Database } from '../server/core/db.js';
import { openIsolatedDatabase } from './isolated.js';

/**
 * The short CI form of the load test (bench/load.ts runs it for minutes): 20 logged-in users of mixed
 * roles, one connection each, reads and writes for LOAD_SECONDS (default 20) on loopback. No error, no non-2xx
 * answer, and the process grows by less than 200 MB.
 */
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openIsolatedDatabase());
});
afterAll(() => drop?.());

it('holds mixed reads and writes of 20 sessions without an error', async () => {
  const report = await runLoad({ database, seconds: Number(process.env.LOAD_SECONDS ?? 20), sessions: 20 });
  console.log(`load: ${JSON.stringify(report)}`);
  expect(report.requests).toBeGreaterThan(100);
  expect(report).toMatchObject({ non2xx: 0, errors: 0, timeouts: 0 });
  expect(report.rssGrowthMb).toBeLessThan(200);
}, 120_000);
