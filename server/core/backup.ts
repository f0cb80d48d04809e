import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Database } from './db.js';

/**
 * Backup format (one gzip-compressed JSON-lines file, the same for PGlite and PostgreSQL):
 *   {"format":"jiangxin-backup","version":1,"createdAt":…,"migrations":[…]}
 *   {"table":"orgs","columns":[…]}            then one {"row":<row_to_json text>} per row
 *   {"sequence":"orgs_id_seq","value":42,"called":true}
 *   {"file":"files/ab/ab12…","size":n,"sha256":…,"data":<base64>}
 *   {"end":true,"tables":n,"rows":n,"files":n}
 * Rows are PostgreSQL's own JSON rendering of each row and are read back with json_populate_recordset,
 * so every type (timestamps, jsonb, arrays, tsvector) round-trips exactly on either database.
 */
const FORMAT = 'jiangxin-backup';
const VERSION = 1;
const BATCH = 500;

type Exec = (sql: string) => Promise<Record<string, unknown>[]>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function tablesOf(exec: Exec): Promise<string[]> {
  const rows = await exec(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => String(r.tablename));
}

/** Columns that may be written: generated columns are recomputed by the database. */
async function writableColumns(exec: Exec, table: string): Promise<string[]> {
  const rows = await exec(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${literal(table)}
       AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  return rows.map((r) => String(r.column_name));
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function dependencyOrder(exec: Exec, tables: string[]): Promise<string[]> {
  const edges = await exec(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const strip = (s: string) => s.replace(/^public\./, '').replace(/^"|"$/g, '');
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    const child = strip(String(e.child));
    const parent = strip(String(e.parent));
    if (child !== parent) deps.get(child)?.add(parent);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const p of deps.get(t) ?? []) visit(p);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

/** Every regular file under dataDir except the embedded database and temp files, as paths relative to dataDir. */
function storeFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(dataDir, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && e.name === 'pgdata') continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
}

/**
 * Writes a consistent backup of every table (one REPEATABLE READ snapshot) and of the attachment store.
 * The store is copied after the snapshot: stored files are content-addressed and written before their
 * row commits and never removed, so every file the snapshot refers to is already on disk.
 */
export async function writeBackup(opts: {
  database: Database;
  dataDir: string;
  file: string;
}): Promise<BackupSummary> {
  const { database, dataDir, file } = opts;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  const done = pipeline(gzip, out);
  const write = (obj: unknown) =>
    new Promise<void>((resolve) => {
      if (gzip.write(`${JSON.stringify(obj)}\n`)) resolve();
      else gzip.once('drain', resolve);
    });
  const summary: BackupSummary = { tables: 0, rows: 0, files: 0 };
  try {
    await database.withSession(async (exec) => {
      await exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const migrations = (await exec('SELECT name FROM schema_migrations ORDER BY name')).map((r) =>
          String(r.name),
        );
        await write({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations });
        for (const table of await dependencyOrder(exec, await tablesOf(exec))) {
          const columns = await writableColumns(exec, table);
          await write({ table, columns });
          summary.tables++;
          const list = columns.map(ident).join(', ');
          await exec(
            `DECLARE jx_backup NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${list} FROM ${ident(table)}${columns.includes('id') ? ' ORDER BY id' : ''}) x`,
          );
          for (;;) {
            const rows = await exec(`FETCH ${BATCH} FROM jx_backup`);
            for (const r of rows) await write({ row: String(r.j) });
            summary.rows += rows.length;
            if (rows.length < BATCH) break;
          }
          await exec('CLOSE jx_backup');
        }
        const seqs = await exec(
          `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
        );
        for (const s of seqs)
          await write({
            sequence: String(s.sequencename),
            value: s.last_value == null ? 1 : Number(s.last_value),
            called: s.last_value != null,
          });
      } finally {
        await exec('COMMIT');
      }
    });
    for (const rel of storeFiles(dataDir)) {
      const data = fs.readFileSync(path.join(dataDir, rel));
      const sha256 = crypto.createHash('sha256').update(data).digest('hex');
      await write({ file: rel, size: data.length, sha256, data: data.toString('base64') });
      summary.files++;
    }
    await write({ end: true, ...summary });
    gzip.end();
    await done;
    fs.renameSync(`${file}.partial`, file);
    return summary;
  } catch (err) {
    gzip.destroy();
    await done.catch(() => {});
    fs.rmSync(`${file}.partial`, { force: true });
    throw err;
  }
}

/**
 * Restores a backup into an empty, migrated instance: every table in one transaction (all or nothing),
 * sequences reset, then the attachment store under dataDir (each file checked against its hash).
 * Throws when the target already holds data or runs different migrations than the backup.
 */
export async function restoreBackup(opts: {
  database: Database;
  dataDir: string;
  file: string;
}): Promise<BackupSummary> {
  const { database, dataDir, file } = opts;
  const input = fs.createReadStream(file);
  const lines = readline.createInterface({
    input: input.pipe(zlib.createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // Take the iterator now: readline drops lines emitted before anyone iterates (e.g. while a connection opens).
  const iter = lines[Symbol.asyncIterator]();
  const summary: BackupSummary = { tables: 0, rows: 0, files: 0 };
  let ended = false;
  try {
    await restoreInto();
  } finally {
    lines.close();
    input.destroy();
  }
  return summary;

  async function restoreInto() {
    await database.withSession(async (exec) => {
      const next = async (): Promise<Record<string, unknown> | null> => {
        const r = await iter.next();
        return r.done ? null : (JSON.parse(r.value) as Record<string, unknown>);
      };
      const head = await next();
      if (head?.format !== FORMAT || head.version !== VERSION) throw new Error('not a Jiangxin backup file');
      const have = (await exec('SELECT name FROM schema_migrations ORDER BY name')).map((r) =>
        String(r.name),
      );
      if (JSON.stringify(have) !== JSON.stringify(head.migrations))
        throw new Error(
          `the backup was taken at migrations ${(head.migrations as string[]).at(-1)}, this database is at ${have.at(-1)}`,
        );
      const tables = await tablesOf(exec);
      for (const t of ['orgs', 'users']) {
        const [r] = await exec(`SELECT EXISTS (SELECT 1 FROM ${ident(t)}) AS x`);
        if (r?.x === true) throw new Error(`restore needs an empty database, but table ${t} has rows`);
      }
      await exec('BEGIN');
      try {
        // Rows go in foreign-key order; with the right (superuser) the checks are also off for the load,
        // so self-references (an org's parent) need no particular row order.
        await exec('SAVEPOINT jx_role');
        await exec('SET LOCAL session_replication_role = replica').catch(() =>
          exec('ROLLBACK TO SAVEPOINT jx_role'),
        );
        // Rows a migration inserted (default rules) are replaced by the backup's.
        await exec(`TRUNCATE ${tables.map(ident).join(', ')} RESTART IDENTITY CASCADE`);
        let table = '';
        let columns: string[] = [];
        let batch: string[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const list = columns.map(ident).join(', ');
          await exec(
            `INSERT INTO ${ident(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, ${literal(`[${batch.join(',')}]`)})`,
          );
          summary.rows += batch.length;
          batch = [];
        };
        for (let rec = await next(); rec; rec = await next()) {
          if (typeof rec.table === 'string') {
            await flush();
            table = rec.table;
            columns = rec.columns as string[];
            if (!tables.includes(table)) throw new Error(`table ${table} does not exist here`);
            summary.tables++;
          } else if (typeof rec.row === 'string') {
            batch.push(rec.row);
            if (batch.length >= BATCH) await flush();
          } else if (typeof rec.sequence === 'string') {
            await flush();
            await exec(
              `SELECT setval(${literal(`public.${ident(rec.sequence)}`)}, ${Number(rec.value)}, ${rec.called ? 'true' : 'false'})`,
            );
          } else if (typeof rec.file === 'string') {
            await flush();
            restoreFile(dataDir, rec);
            summary.files++;
          } else if (rec.end === true) {
            await flush();
            ended = true;
          }
        }
        if (!ended) throw new Error('the backup file is truncated');
        await exec('COMMIT');
      } catch (err) {
        await exec('ROLLBACK').catch(() => {});
        throw err;
      }
    });
  }
}

function restoreFile(dataDir: string, rec: Record<string, unknown>) {
  const rel = String(rec.file);
  const target = path.resolve(dataDir, rel);
  if (!target.startsWith(path.resolve(dataDir) + path.sep) || rel.split('/').includes('pgdata'))
    throw new Error(`refusing to restore ${rel} outside the data folder`);
  const data = Buffer.from(String(rec.data), 'base64');
  if (crypto.createHash('sha256').update(data).digest('hex') !== rec.sha256)
    throw new Error(`file ${rel} is corrupt in the backup`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restore.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, target);
}
