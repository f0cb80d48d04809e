import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/core/db.js';
import * as schema from '../server/db/schema.js';
import { openTestDatabase } from './helpers.js';

/**
 * Migrations are hand-written SQL and the drizzle tables are hand-written TypeScript: this test keeps
 * the two equal, so a query built from a table.ts never meets a column the database does not have.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t))
  .filter((c) => (c.schema ?? 'public') === 'public');

async function migratedColumns() {
  const rows = await database.exec(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, Record<string, 'NOT NULL' | 'NULL'>>();
  for (const r of rows) {
    const t = String(r.table_name);
    if (!byTable.has(t)) byTable.set(t, {});
    byTable.get(t)![String(r.column_name)] = r.is_nullable === 'NO' ? 'NOT NULL' : 'NULL';
  }
  return byTable;
}

describe('schema drift between server/db/schema.ts and the SQL migrations', () => {
  it('exports the core tables', () => {
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['orgs', 'people', 'users', 'sessions', 'role_grants', 'audit_log']),
    );
  });

  it('has every drizzle table in the migrated database with the same columns and NOT NULL-ness', async () => {
    const db = await migratedColumns();
    for (const t of tables) {
      const expected = Object.fromEntries(t.columns.map((c) => [c.name, c.notNull ? 'NOT NULL' : 'NULL']));
      expect(db.get(t.name), `table ${t.name} is missing from the migrations`).toBeDefined();
      expect(db.get(t.name), `columns of ${t.name}: table.ts vs SQL`).toEqual(expected);
    }
  });

  it('has a drizzle table for every table the migrations create', async () => {
    const db = await migratedColumns();
    const declared = new Set(tables.map((t) => t.name));
    const undeclared = [...db.keys()].filter((name) => name !== 'schema_migrations' && !declared.has(name));
    expect(undeclared, 'tables created by SQL but not exported from server/db/schema.ts').toEqual([]);
  });
});
