import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.js';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/**
 * Applies the SQL files in server/db/migrations in name order, each in its own transaction, and
 * records them in `schema_migrations`. An advisory lock keeps two starting servers from racing.
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return database.withSession(async (exec) => {
    await exec('SELECT pg_advisory_lock(727274)');
    const applied: string[] = [];
    try {
      await exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = await exec('SELECT name FROM schema_migrations');
      const have = new Set(done.map((r) => String(r.name)));
      for (const file of files) {
        if (have.has(file)) continue;
        const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
        try {
          await exec(
            `BEGIN;\n${sql}\n;INSERT INTO schema_migrations (name) VALUES ('${file.replace(/'/g, "''")}');\nCOMMIT;`,
          );
        } catch (err) {
          await exec('ROLLBACK').catch(() => {});
          throw new Error(`migration ${file} failed: ${(err as Error).message}`);
        }
        applied.push(file);
      }
    } finally {
      await exec('SELECT pg_advisory_unlock(727274)');
    }
    return applied;
  });
}
