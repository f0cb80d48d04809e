import { lt, sql } from 'drizzle-orm';
import type { Clock } from './context.js';
import type { Db } from './db.js';
import { rateLimits } from './rate-limit.table.js';

/**
 * A fixed-window counter kept in the database, so every server process (a node cluster, several instances
 * behind a proxy on one PostgreSQL) counts against the same limit. A key's window starts at its first hit
 * and lasts `windowMs`; the first hit after it ends starts a new one. `name` keeps limiters apart.
 */
export function createRateLimiter({
  name,
  max,
  windowMs,
  db,
  clock,
}: {
  name: string;
  max: number;
  windowMs: number;
  db: Db;
  clock: Clock;
}) {
  return {
    /**
     * Counts a hit for `key`; false when the key is over its limit in the current window. One atomic
     * upsert: concurrent hits on any number of processes are all counted.
     */
    async hit(key: string): Promise<boolean> {
      const now = clock.now();
      const start = now.toISOString();
      const end = new Date(now.getTime() + windowMs).toISOString();
      const expired = sql`${rateLimits.expiresAt} <= ${start}::timestamptz`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key: `${name}:${key}`.slice(0, 300), windowStart: start, expiresAt: end, hits: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            windowStart: sql`CASE WHEN ${expired} THEN excluded.window_start ELSE ${rateLimits.windowStart} END`,
            expiresAt: sql`CASE WHEN ${expired} THEN excluded.expires_at ELSE ${rateLimits.expiresAt} END`,
            hits: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.hits} + 1 END`,
          },
        })
        .returning({ hits: rateLimits.hits });
      return (row?.hits ?? 1) <= max;
    },
  };
}

/** Deletes the counters whose window ended before `now` (they no longer limit anything); returns how many. */
export async function purgeRateLimits({ db, now }: { db: Db; now: Date }): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.expiresAt, now.toISOString()))
    .returning({ key: rateLimits.key });
  return gone.length;
}

/**
 * The sweep `start` runs: every `everyMs` (default 10 minutes) delete the expired counters, so the table
 * holds only the keys seen in the last window. Returns a stop function.
 */
export function startRateLimitSweep({
  db,
  clock,
  log,
  everyMs = 10 * 60_000,
}: {
  db: Db;
  clock: Clock;
  log: (msg: string, err?: unknown) => void;
  everyMs?: number;
}): () => void {
  const tick = async () => {
    try {
      await purgeRateLimits({ db, now: clock.now() });
    } catch (err) {
      log('rate-limit sweep failed', err);
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
