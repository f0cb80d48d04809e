import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../db/schema.js';

export type Schema = typeof schema;
/** The drizzle database, or a transaction on it: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs raw SQL text (several statements allowed) on one connection; returns the last result's rows. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs `fn` with all its `exec` calls on the same connection (for session-level locks). */
  withSession<T>(fn: (exec: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens PGlite in `dataDir/pgdata`, or a PostgreSQL pool when `url` is given. */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  pglite?: PGlite;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: Number(process.env.DB_POOL_MAX ?? 8),
      // No JIT: our statements are short, and a cost estimate inflated by per-row lookups (a search that reads
      // 1,000 rows but is estimated at millions) made PostgreSQL spend 300 ms compiling a 15 ms query.
      options: '-c jit=off',
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the pool
    // discards it and the next query opens a new one.
    pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (sql) => lastRows(await pool.query(sql)),
      withSession: async (fn) => {
        const conn = await pool.connect();
        try {
          return await fn(async (sql) => lastRows(await conn.query(sql)));
        } finally {
          conn.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let client = opts.pglite;
  if (!client) {
    const dir = opts.dataDir ? path.join(opts.dataDir, 'pgdata') : undefined;
    if (dir) fs.mkdirSync(dir, { recursive: true });
    client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  }
  const c = client;
  const db = drizzlePglite({ client: c, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (sql) => (await c.exec(sql)).at(-1)?.rows ?? [],
    withSession: (fn) => fn(async (sql) => (await c.exec(sql)).at(-1)?.rows ?? []),
    close: () => c.close(),
  };
}

function lastRows(r: unknown): Record<string, unknown>[] {
  const last = Array.isArray(r) ? r.at(-1) : r;
  return ((last as { rows?: Record<string, unknown>[] } | undefined)?.rows ?? []) as Record<
    string,
    unknown
  >[];
}
