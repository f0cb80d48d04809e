import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { rowsOf } from './stats.sql.js';

/**
 * Figures computed from many rows (the whole-nation dashboard reads millions) are kept per database handle
 * and reused while the data generation (migration 0012: bumped in the same transaction as every write to the
 * tables the dashboard reads) is unchanged. A write anywhere recomputes on the next request: the figures are
 * never stale, only reused. Each app process keeps its own copy; no process needs another's. Entries also
 * expire after `maxAgeMs` (a bound should a source table ever be added without its trigger).
 */
const caches = new WeakMap<object, Map<string, { gen: string; at: number; value: Promise<unknown> }>>();
const maxEntries = 500;
const maxAgeMs = 10 * 60_000;

/** The current data generation: the sum of the shards. */
export async function dataGeneration(db: Db): Promise<string> {
  const [r] = await rowsOf<{ g: string | null }>(db, sql`SELECT sum(n)::text AS g FROM stats_generation`);
  return r?.g ?? '0';
}

/**
 * `compute()`'s value for `key`, reused while the data generation stays the same. Concurrent callers of an
 * uncached key share one computation. A transaction (its own handle) never shares the app's cache.
 */
export async function cachedByGeneration<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const gen = await dataGeneration(db);
  let m = caches.get(db);
  if (!m) {
    m = new Map();
    caches.set(db, m);
  }
  const hit = m.get(key);
  if (hit && hit.gen === gen && Date.now() - hit.at < maxAgeMs) {
    m.delete(key);
    m.set(key, hit); // most recently used last
    return hit.value as Promise<T>;
  }
  const value = compute();
  const cache = m;
  cache.delete(key);
  cache.set(key, { gen, at: Date.now(), value });
  if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}
