import type { Clock } from './context.js';

/** A fixed-window in-memory counter: enough for one process; a cluster would move this into the database. */
export function createRateLimiter({ max, windowMs, clock }: { max: number; windowMs: number; clock: Clock }) {
  const hits = new Map<string, { start: number; n: number }>();
  return {
    /** Counts a hit for `key`; false when the key is over its limit in the current window. */
    hit(key: string): boolean {
      const now = clock.now().getTime();
      const h = hits.get(key);
      if (!h || now - h.start >= windowMs) {
        if (hits.size > 10_000) hits.clear();
        hits.set(key, { start: now, n: 1 });
        return true;
      }
      h.n++;
      return h.n <= max;
    },
  };
}
