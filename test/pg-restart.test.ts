import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { type Database, openDatabase } from '../server/core/db.js';
import { migrate } from '../server/core/migrate.js';
import { call, createWorld, login, type Session } from './helpers.js';

/**
 * PostgreSQL restarted under load, with no restart of the app: a throwaway cluster of this test's own (initdb
 * into a temp folder on a free port; the shared server on 5432 is never touched) is stopped while requests
 * keep coming, then started again. While it is down every answer is a clean 503 in the error shape and the
 * process stays up; afterwards requests succeed again on fresh connections.
 */
const binDir = (() => {
  const base = '/usr/lib/postgresql';
  const v = fs
    .readdirSync(base)
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  return path.join(base, String(v), 'bin');
})();
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args], { stdio: 'pipe' })
    : execFileSync(path.join(binDir, cmd), args, { stdio: 'pipe' });

let dir: string;
let port: number;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let session: Session;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
const pgStart = () =>
  asPostgres('pg_ctl', [
    '-D',
    dir,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
const pgStop = () => asPostgres('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  asPostgres('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  port = await freePort();
  pgStart();
  database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await migrate(database);
  const w = await createWorld(database);
  app = await buildApp({ database, config: { dataDir: path.join(dir, 'data') } });
  session = await login(app, w.users.groupAdmin.username);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close().catch(() => {});
  try {
    asPostgres('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']);
  } catch {}
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Eight clients sending requests back to back until `until` resolves; returns every status seen. */
async function load(until: Promise<unknown>) {
  const seen: { status: number; code?: string }[] = [];
  let done = false;
  void until.then(() => {
    done = true;
  });
  const urls = ['/api/health', '/api/orgs/tree', '/api/auth/me', '/api/studios'];
  await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      for (let n = 0; !done; n++) {
        const res = await call(app, session, { method: 'GET', url: urls[(i + n) % urls.length]! });
        seen.push({
          status: res.statusCode,
          code: res.statusCode >= 400 ? res.json().error?.code : undefined,
        });
        await new Promise((r) => setTimeout(r, 5));
      }
    }),
  );
  return seen;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('answers 503 while PostgreSQL is down and recovers by itself when it is back', async () => {
  const up = await load(sleep(1000));
  expect(up.length).toBeGreaterThan(20);
  expect(up.filter((r) => r.status !== 200)).toEqual([]);

  // Stopped under load: requests in flight and new ones fail cleanly.
  const stopping = load(sleep(2500));
  await sleep(300);
  pgStop();
  const down = await stopping;
  const failed = down.filter((r) => r.status !== 200);
  expect(failed.length).toBeGreaterThan(5);
  for (const r of failed) expect(r).toEqual({ status: 503, code: 'internal.unavailable' });
  expect(down.at(-1)?.status).toBe(503);

  pgStart();
  // The pool opens new connections on demand: within a few seconds everything works again, no app restart.
  let recovered = false;
  for (let i = 0; i < 50 && !recovered; i++) {
    recovered = (await call(app, session, { method: 'GET', url: '/api/orgs/tree' })).statusCode === 200;
    if (!recovered) await sleep(200);
  }
  expect(recovered).toBe(true);
  const after = await load(sleep(1000));
  expect(after.filter((r) => r.status !== 200)).toEqual([]);
}, 60_000);
