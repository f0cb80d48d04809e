import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { rowsOf } from './stats.sql.js';

/**
 * Figures computed from many rows (the whole-nation dashboard reads millions) are kept per database handle
 * and reused while the data generation (migration 0012: bumped in the same transaction as every write to the
 * tables the dashboard reads) is unchanged. A write anywhere recomputes on the next request: the figures are
 * never stale, only reused — except where a caller allows a slow computation to be served stale (below).
 * Each app process keeps its own copy; no process needs another's. Entries also expire after `maxAgeMs` (a
 * bound should a source table ever be added without its trigger).
 */
interface Entry {
  gen: string;
  at: number;
  value: Promise<unknown>;
  /** How long the computation took, once it has finished. */
  tookMs?: number;
  /** A recomputation running in the background while the old value is served. */
  refreshing?: boolean;
}
const caches = new WeakMap<object, Map<string, Entry>>();
const maxEntries = 500;
const maxAgeMs = 10 * 60_000;

/** The current data generation: the sum of the shards. */
export async function dataGeneration(db: Db): Promise<string> {
  const [r] = await rowsOf<{ g: string | null }>(db, sql`SELECT sum(n)::text AS g FROM stats_generation`);
  return r?.g ?? '0';
}

export interface CacheOptions {
  /**
   * When the data changed but the cached value took at least this long to compute, serve the cached value
   * (it carries the time it was computed) and recompute once in the background, so that a dashboard whose
   * figures take seconds to compute never makes its reader wait after every write. Never past `maxAgeMs`.
   */
  staleWhenSlowerThanMs?: number;
}

/**
 * `compute()`'s value for `key`, reused while the data generation stays the same. Concurrent callers of an
 * uncached key share one computation. A transaction (its own handle) never shares the app's cache.
 */
export async function cachedByGeneration<T>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
  opts: CacheOptions = {},
): Promise<T> {
  const gen = await dataGeneration(db);
  let m = caches.get(db);
  if (!m) {
    m = new Map();
    caches.set(db, m);
  }
  const cache = m;
  const hit = cache.get(key);
  const fresh = hit && Date.now() - hit.at < maxAgeMs;
  if (hit && fresh) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    if (hit.gen === gen) return hit.value as Promise<T>;
    const slow = opts.staleWhenSlowerThanMs;
    if (slow !== undefined && hit.tookMs !== undefined && hit.tookMs >= slow) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = start(gen, compute);
        next.value.then(
          () => {
            // The new value replaces the old one only once it is ready.
            if (cache.get(key) === hit) cache.set(key, next);
          },
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value as Promise<T>;
    }
  }
  const entry = start(gen, compute);
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  entry.value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.value as Promise<T>;
}

/** Starts `compute()` for generation `gen`, recording how long it takes. */
function start<T>(gen: string, compute: () => Promise<T>): Entry {
  const t0 = Date.now();
  const entry: Entry = { gen, at: t0, value: Promise.resolve() };
  entry.value = compute().then((v) => {
    entry.tookMs = Date.now() - t0;
    return v;
  });
  return entry;
}
