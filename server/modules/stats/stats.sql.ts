import type { SQL } from 'drizzle-orm';
import type { Db } from '../../core/db.js';

/** Runs a raw query and returns its rows (PGlite and node-postgres both answer `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** The first row's `n` as a number (counts are cast to int / sums to float8 in the SQL). */
export async function numberOf(db: Db, query: SQL): Promise<number> {
  const [row] = await rowsOf<{ n: number | string | null }>(db, query);
  return Number(row?.n ?? 0);
}

/** First and last day of a span of whole years, as YYYY-MM-DD. */
export function yearSpan(from: number, to: number = from): { start: string; end: string } {
  return { start: `${from}-01-01`, end: `${to}-12-31` };
}
