import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../server/core/db.js';
import { openDatabase } from '../server/core/db.js';
import { migrate } from '../server/core/migrate.js';
import { openTestDatabase } from './helpers.js';

/**
 * A database of the test's own, where no other test file writes at the same time (needed to compare
 * whole tables): a PGlite copy of the snapshot, or on PostgreSQL a fresh migrated database of its own.
 * `url` is set on PostgreSQL (for child processes); `drop` removes it.
 */
export async function openIsolatedDatabase(
  opts: { migrated?: boolean; pgliteDataDir?: string; reuseUrl?: string } = {},
): Promise<{
  database: Database;
  url?: string;
  drop(): Promise<void>;
}> {
  const base = inject('databaseUrl');
  if (!base) {
    if (opts.pgliteDataDir) {
      const database = await openDatabase({ dataDir: opts.pgliteDataDir });
      if (opts.migrated !== false) await migrate(database);
      return { database, drop: () => database.close() };
    }
    if (opts.migrated === false) {
      const database = await openDatabase({ pglite: await PGlite.create({ extensions: { pg_trgm } }) });
      return { database, drop: () => database.close() };
    }
    const database = await openTestDatabase();
    return { database, drop: () => database.close() };
  }
  if (opts.reuseUrl) {
    const database = await openDatabase({ url: opts.reuseUrl });
    return { database, url: opts.reuseUrl, drop: () => database.close() };
  }
  const name = `jx_iso_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openDatabase({ url });
  if (opts.migrated !== false) await migrate(database);
  let closed = false;
  return {
    database,
    url,
    drop: async () => {
      if (!closed) await database.close().catch(() => {});
      closed = true;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Every public table's rows as sorted JSON text: two databases hold the same data when these are equal. */
export async function tableContents(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const tables = await database.exec(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`,
  );
  for (const t of tables) {
    const name = String(t.tablename);
    const rows = await database.exec(`SELECT row_to_json(x)::text AS j FROM "${name}" x`);
    out[name] = rows.map((r) => String(r.j)).sort();
  }
  return out;
}

/** One checksum over every table (row count and a hash of the sorted rows of each), in one query. */
export async function databaseChecksum(database: Database): Promise<string> {
  const tables = await database.exec(
    // rate_limits counts requests, refused ones included (that is its job): it is not data a refusal must leave alone.
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'rate_limits' ORDER BY 1`,
  );
  const sql = tables
    .map((t) => {
      const name = String(t.tablename).replace(/"/g, '""');
      return `SELECT '${name}' AS t, count(*)::int AS n, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS h FROM "${name}" x`;
    })
    .join(' UNION ALL ');
  const rows = await database.exec(sql);
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join('\n');
}
