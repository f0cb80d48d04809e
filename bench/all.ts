/**
 * The whole benchmark in one command.
 *   npm run bench:quick   national × 0.01 into PostgreSQL, 5 s per scenario; group × 0.1 on PGlite (a few minutes)
 *   npm run bench:full    the national set into PostgreSQL, 10 s per scenario; the group set on PGlite (~40 min)
 * Then a ledger import (10k / 100k rows: the target is 100k in 60 s), the web app's weight and page timings
 * (building web/dist when missing; Debian's chromium is installed first when missing).
 * PostgreSQL: BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/jx_bench_quick|jx_bench (created when
 * missing; the run empties it first). PostGraphile 4.14.1 is installed into bench/.peers (not a project
 * dependency). Results land in bench/out/*.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const mode = process.argv[2] === 'full' ? 'full' : 'quick';
const root = path.resolve(import.meta.dirname, '..');
const url =
  process.env.BENCH_DATABASE_URL ??
  `postgres://postgres@127.0.0.1:5432/jx_bench${mode === 'quick' ? '_quick' : ''}`;
const scale = mode === 'quick' ? '0.01' : '1';
const groupScale = mode === 'quick' ? '0.1' : '1';

async function ensureDatabase(u: string) {
  const target = new URL(u);
  const name = target.pathname.slice(1);
  const admin = new URL(u);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await c.end();
  }
}

const tsx = (script: string, args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), ...args], {
    cwd: root,
    stdio: 'inherit',
  });

/** Debian's Chromium for the page timings: installed when missing and we may (as in .ci/run). */
function ensureChromium() {
  const exe = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (fs.existsSync(exe)) return;
  console.log(`${exe} is missing: installing Debian's chromium and a CJK font`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-wqy-microhei'], { stdio: 'inherit' });
}

ensureChromium();
await ensureDatabase(url);
const t0 = Date.now();
tsx('generate.ts', ['--set', 'national', '--scale', scale, '--url', url, '--reset']);
const loadS = Math.round((Date.now() - t0) / 1000);
const label = `${mode}-pg-national-x${scale}`;
tsx('run.ts', [
  '--url',
  url,
  '--set',
  'national',
  '--scale',
  scale,
  '--duration',
  mode === 'quick' ? '5' : '10',
  '--warmup',
  mode === 'quick' ? '2' : '3',
  '--label',
  label,
]);
// Last: the import adds studios to the database.
tsx('import.ts', [
  '--url',
  url,
  '--set',
  'national',
  '--scale',
  scale,
  '--rows',
  mode === 'quick' ? '10000' : '100000',
  '--label',
  `${mode}-import`,
]);
const pgliteDir = path.join(root, 'bench/out/pglite-group');
tsx('generate.ts', ['--set', 'group', '--scale', groupScale, '--pglite', pgliteDir]);
tsx('run.ts', [
  '--pglite',
  pgliteDir,
  '--set',
  'group',
  '--scale',
  groupScale,
  '--label',
  `${mode}-pglite-group`,
]);
if (!fs.existsSync(path.join(root, 'web/dist/index.html')))
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
tsx('web.ts', ['--url', url, '--set', 'national', '--scale', scale, '--label', `${mode}-web`]);
console.log(
  `\nnational × ${scale} loaded in ${loadS} s; results in bench/out/${label}.md and bench/out/${mode}-*.md`,
);
