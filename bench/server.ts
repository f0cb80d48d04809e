/**
 * Our real server for the load benchmark: buildApp on the bench database, logging off, on loopback.
 * Env: BENCH_DATABASE_URL (PostgreSQL) or BENCH_PGLITE_DIR (a loaded PGlite directory), PORT (3100),
 * WORKERS (1; more forks a node cluster sharing the port), BENCH_CAPTURE (a file: each request's SQL is appended
 * as JSON lines `{ sql, params }`, used to build the pgbench scripts).
 * Prints `ready <port>` once listening.
 */
import cluster from 'node:cluster';
import fs from 'node:fs';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/core/db.js';
import { migrate } from '../server/core/migrate.js';

const port = Number(process.env.PORT ?? 3100);
const workers = Number(process.env.WORKERS ?? 1);

if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++)
    cluster.fork().on('message', (m) => {
      if (m === 'ready' && ++ready === workers) console.log(`ready ${port}`);
    });
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const capture = process.env.BENCH_CAPTURE;
  if (capture) {
    // Wraps the client's query to record the SQL of each request (PostgreSQL only; the runner sends one request at a time).
    const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string; values?: unknown[] };
      const text = typeof q === 'string' ? q : q.text;
      const values = typeof q === 'string' ? args[1] : (q.values ?? args[1]);
      const line = { sql: text, params: Array.isArray(values) ? values : [] };
      fs.appendFileSync(capture, `${JSON.stringify(line)}\n`);
      return orig.apply(this, args);
    } as never;
  }
  const database = await openDatabase(
    process.env.BENCH_PGLITE_DIR
      ? { dataDir: process.env.BENCH_PGLITE_DIR }
      : { url: process.env.BENCH_DATABASE_URL },
  );
  await migrate(database);
  const app = await buildApp({ database, logger: false, config: { seedDemo: false, logLevel: 'warn' } });
  await app.listen({ host: '127.0.0.1', port });
  if (cluster.isWorker) process.send?.('ready');
  else console.log(`ready ${port}`);
  process.on('SIGTERM', async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
