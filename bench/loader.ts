import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Role } from '../common/roles.js';
import { type Database, openDatabase } from '../server/core/db.js';
import { migrate } from '../server/core/migrate.js';
import { DEMO_PASSWORD } from '../server/db/seed/demo.js';
import { seedUser } from '../server/db/seed/factories.js';
import { copyLine, type DataSize, layoutOf, leaderOfStudio, type TableData, tablesOf } from './data.js';

/** Where rows go: raw SQL on one connection and COPY ... FROM STDIN (pg) or /dev/blob (PGlite). */
interface Sink {
  exec(sql: string): Promise<Record<string, unknown>[]>;
  copy(t: TableData): Promise<void>;
}

const chunkRows = 5000;
function* chunks(t: TableData): Generator<string> {
  let buf = '';
  let n = 0;
  for (const row of t.rows()) {
    buf += copyLine(row);
    if (++n === chunkRows) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  if (buf) yield buf;
}
const copySql = (t: TableData, source: string) => `COPY ${t.table} (${t.columns.join(', ')}) FROM ${source}`;

function pgSink(client: pg.Client): Sink {
  return {
    exec: async (sql) => (await client.query(sql)).rows,
    copy: async (t) => {
      await pipeline(Readable.from(chunks(t)), client.query(copyFrom(copySql(t, 'STDIN'))));
    },
  };
}

function pgliteSink(db: PGlite): Sink {
  return {
    exec: async (sql) => ((await db.exec(sql)).at(-1)?.rows ?? []) as Record<string, unknown>[],
    copy: async (t) => {
      // One blob per ~200k rows keeps memory bounded.
      let parts: string[] = [];
      let rows = 0;
      const flush = async () => {
        if (!parts.length) return;
        await db.query(copySql(t, "'/dev/blob'"), [], { blob: new Blob(parts) });
        parts = [];
        rows = 0;
      };
      for (const c of chunks(t)) {
        parts.push(c);
        rows += chunkRows;
        if (rows >= 200_000) await flush();
      }
      await flush();
    },
  };
}

/** A bench login: who, with which role on which org (and which person, for leaders and workers). */
export interface BenchUser {
  username: string;
  role: Role;
  orgId: number;
  personId: number | null;
  /** What the load benchmark uses the login for. */
  use: 'nation' | 'enterprise' | 'leader' | 'worker';
}

/** The logins the load benchmark uses: a nation-wide admin, enterprise admins, studio leaders and workers. */
export function benchUsers(size: DataSize): BenchUser[] {
  const l = layoutOf(size);
  const ents = size.groups * size.enterprisesPerGroup;
  const out: BenchUser[] = [
    { username: 'bench_nation', role: 'group_admin', orgId: 1, personId: null, use: 'nation' },
  ];
  for (let k = 0; k < 4; k++) {
    const ent = l.firstEnterprise + Math.floor((k * ents) / 4);
    out.push({
      username: `bench_ent${k}`,
      role: 'enterprise_admin',
      orgId: ent,
      personId: null,
      use: 'enterprise',
    });
  }
  for (let k = 0; k < 4; k++) {
    const studio = 1 + Math.floor((k * size.studios) / 4);
    const person = leaderOfStudio(l, studio);
    const ws = l.firstWorkshop + ((studio - 1) % l.workshops);
    out.push({
      username: `bench_leader${k}`,
      role: 'studio_leader',
      orgId: ws,
      personId: person,
      use: 'leader',
    });
  }
  for (let k = 0; k < 4; k++) {
    // The last person of a workshop: never a studio leader.
    const w = Math.floor((k * l.workshops) / 4);
    const person = Math.min((w + 1) * l.peoplePerWorkshop, size.people);
    out.push({
      username: `bench_worker${k}`,
      role: 'employee',
      orgId: l.firstWorkshop + w,
      personId: person,
      use: 'worker',
    });
  }
  return out;
}

export const BENCH_PASSWORD = DEMO_PASSWORD;

const loadedTables = ['orgs', 'people', 'studios', 'studio_members', 'results', 'ideas', 'activities'];

async function fill(opts: {
  database: Database;
  sink: Sink;
  size: DataSize;
  seed: number;
  log: (s: string) => void;
}) {
  const { database, sink, size, seed, log } = opts;
  const [{ n } = { n: 0 }] = await sink.exec('SELECT count(*)::int AS n FROM orgs');
  if (Number(n) > 0)
    throw new Error('the database already has orgs: load into an empty database (or pass --reset)');
  const started = Date.now();
  const list = loadedTables.map((t) => `'${t}'`).join(', ');
  // Secondary indexes are built once after the load (much faster than row by row); constraints stay.
  const indexes = await sink.exec(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${list})
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const i of indexes) await sink.exec(`DROP INDEX ${String(i.indexname)}`);
  // Rows are generated consistent with their parents: skip the per-row foreign-key triggers while copying
  // (and the data-generation triggers: nothing has cached figures of an empty database).
  await sink.exec('SET session_replication_role = replica');
  for (const t of tablesOf(size, seed)) {
    const t0 = Date.now();
    await sink.copy(t);
    log(`  ${t.table}: ${t.count.toLocaleString('en')} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await sink.exec('SET session_replication_role = DEFAULT');
  const t1 = Date.now();
  await sink.exec("SET maintenance_work_mem = '256MB'");
  for (const i of indexes) await sink.exec(String(i.indexdef));
  log(`  ${indexes.length} indexes in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  for (const t of loadedTables)
    await sink.exec(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  for (const u of benchUsers(size))
    await seedUser(database.db, {
      username: u.username,
      password: BENCH_PASSWORD,
      personId: u.personId,
      displayName: u.username,
      grants: [{ role: u.role, orgId: u.orgId }],
    });
  await sink.exec('VACUUM ANALYZE');
  log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Migrates the PostgreSQL database at `url` and loads the data set into it (`reset` empties it first). */
export async function loadPostgres(opts: {
  url: string;
  size: DataSize;
  seed: number;
  reset?: boolean;
  log?: (s: string) => void;
}) {
  const log = opts.log ?? (() => {});
  const database = await openDatabase({ url: opts.url });
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    await migrate(database);
    if (opts.reset) await client.query(`TRUNCATE ${loadedTables.join(', ')}, users RESTART IDENTITY CASCADE`);
    await fill({ database, sink: pgSink(client), size: opts.size, seed: opts.seed, log });
  } finally {
    await client.end();
    await database.close();
  }
}

/** Creates an embedded PGlite database in `dir` (the app's DATA_DIR layout) and loads the data set. */
export async function loadPglite(opts: {
  dir: string;
  size: DataSize;
  seed: number;
  log?: (s: string) => void;
}) {
  const dataDir = path.join(opts.dir, 'pgdata');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  try {
    await loadIntoPglite({ ...opts, client });
  } finally {
    await client.close();
  }
}

/** Migrates an open (empty) PGlite database and loads the data set into it. */
export async function loadIntoPglite(opts: {
  client: PGlite;
  size: DataSize;
  seed: number;
  log?: (s: string) => void;
}) {
  const database = await openDatabase({ pglite: opts.client });
  await migrate(database);
  await fill({
    database,
    sink: pgliteSink(opts.client),
    size: opts.size,
    seed: opts.seed,
    log: opts.log ?? (() => {}),
  });
}
