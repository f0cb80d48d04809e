/**
 * The load benchmark: our real server beside pgbench (the same SQL) and PostGraphile 4 (the same queries), on one
 * PostgreSQL with a loaded data set (bench/generate.ts). Writes bench/out/<label>.json and .md.
 *   npx tsx bench/run.ts --url postgres://… --set national --scale 0.01 [--duration 10] [--warmup 3]
 *     [--connections 32] [--scenarios a,b,c1,c2,d,e] [--workers 1] [--no-peers] [--label name]
 *   npx tsx bench/run.ts --pglite DIR --set group        (every GET API on the embedded database, one at a time)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type DataSetName, dataSets, layoutOf, scaledSize } from './data.js';
import { type Figures, load, percentile, pgbench, startProcess, stopProcess } from './measure.js';
import {
  captureRequest,
  ensurePostgraphile,
  findPgbin,
  graphqlBody,
  installPeerSchema,
  pgbenchScript,
} from './peers.js';
import { loginAll, type Req, type Session, scenariosOf } from './scenarios.js';

const root = path.resolve(import.meta.dirname, '..');
const { values: o } = parseArgs({
  options: {
    url: { type: 'string' },
    pglite: { type: 'string' },
    set: { type: 'string', default: 'national' },
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    scenarios: { type: 'string', default: 'a,b,c1,c2,e,d' },
    workers: { type: 'string', default: '1' },
    'no-peers': { type: 'boolean', default: false },
    label: { type: 'string' },
    port: { type: 'string', default: '3100' },
  },
});
const size = scaledSize(dataSets[o.set as DataSetName], Number(o.scale));
const outDir = path.join(root, 'bench/out');
fs.mkdirSync(outDir, { recursive: true });
const label = o.label ?? `${o.pglite ? 'pglite' : 'pg'}-${o.set}-x${o.scale}`;
const port = Number(o.port);
const base = `http://127.0.0.1:${port}`;
const tsxServer = ['--import', 'tsx', path.join(root, 'bench/server.ts')];
const log = (s: string) => console.log(s);

function send(session: Session | null, req: Req): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    if (req.body) headers['content-type'] = 'application/json';
    const r = http.request(`${base}${req.path}`, { method: req.method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

const fmt = (f: Figures | null | undefined) =>
  f
    ? `${f.rps.toLocaleString('en')} · ${f.p50} · ${f.p95} · ${f.p99}${f.errors + f.non2xx ? ` (${f.errors + f.non2xx} err)` : ''}`
    : '—';
const ratio = (a: Figures | undefined, b: Figures | null | undefined) =>
  a && b?.rps ? (a.rps / b.rps).toFixed(2) : '—';

async function pgMode(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const have = (await c.query('SELECT count(*)::int AS n FROM studios')).rows[0].n;
  if (have !== size.studios)
    throw new Error(`the database has ${have} studios, the set ${o.set} × ${o.scale} has ${size.studios}`);
  const pathOf = async (id: number) =>
    String((await c.query('SELECT path FROM orgs WHERE id = $1', [id])).rows[0]?.path ?? '');
  // A runaway query (a search over millions of rows) is cancelled after 15 s rather than starving the next scenario.
  const guarded = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c statement_timeout=15000')}`;
  process.env.PGOPTIONS = '-c statement_timeout=15000';
  const workers = Number(o.workers);
  const connections = Number(o.connections);
  const durationS = Number(o.duration);
  const warmupS = Number(o.warmup);
  const wanted = new Set(o.scenarios!.split(','));
  const peers = !o['no-peers'];
  const captureFile = path.join(outDir, 'capture.jsonl');
  fs.rmSync(captureFile, { force: true });

  // 1. Log in and capture the SQL of each scenario (a server with the capture hook, one request at a time).
  let server = await startProcess({
    cmd: process.execPath,
    args: tsxServer,
    env: {
      BENCH_DATABASE_URL: guarded,
      PORT: String(port),
      NODE_ENV: 'production',
      BENCH_CAPTURE: captureFile,
    },
  });
  const sessions = await loginAll(base, size);
  // In the order asked (the default runs search last: at national scale it is the slowest).
  const all = scenariosOf(size, sessions);
  const scenarios = [...wanted].map((k) => all.find((s) => s.key === k)).filter((s) => s !== undefined);
  const scripts = new Map<string, { script: string; random?: number }>();
  const cold = new Map<string, number>();
  for (const s of scenarios) {
    if (s.key === 'e') continue;
    const { session, req } = s.next();
    // The first request of its kind: every statement an uncached request runs, and its time.
    const { ms, statements } = await captureRequest({ captureFile, req, send: (r) => send(session, r) });
    cold.set(s.key, Math.round(ms));
    const orgPath = req.random !== undefined && s.key !== 'b' ? await pathOf(req.random) : undefined;
    const script = pgbenchScript({ statements, random: req.random, range: s.randomRange, orgPath });
    const file = path.join(outDir, `pgbench-${s.key}.sql`);
    fs.writeFileSync(file, script);
    scripts.set(s.key, { script: file, random: req.random });
    log(`captured ${s.key}: ${statements.length} statements → ${path.relative(root, file)}`);
  }
  await stopProcess(server);

  // 2. Ours.
  server = await startProcess({
    cmd: process.execPath,
    args: tsxServer,
    env: {
      BENCH_DATABASE_URL: guarded,
      PORT: String(port),
      NODE_ENV: 'production',
      WORKERS: String(workers),
    },
  });
  const idleRss = Math.round(
    Number(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024,
  );
  const ours = new Map<string, Figures>();
  for (const s of scenarios) {
    if (!s.randomRange && s.key.startsWith('c')) {
      // One dashboard (the nation): the first request computes it; report that apart from the cached steady state.
      const { session, req } = s.next();
      const r = await send(session, req);
      log(`ours ${s.key}: first request ${Math.round(r.ms)} ms (HTTP ${r.status})`);
      cold.set(s.key, Math.round(r.ms));
    }
    const f = await load({ base, connections, durationS, warmupS, next: s.next, pid: server.pid });
    ours.set(s.key, f);
    log(`ours ${s.key}: ${fmt(f)} rss ${f.rssMb} MB`);
  }
  await stopProcess(server);

  // 3. pgbench with the captured SQL.
  const pgbin = findPgbin();
  const raw = new Map<string, Figures>();
  if (peers && pgbin)
    for (const [key, { script }] of scripts) {
      const f = pgbench({ pgbin, url, script, connections, durationS, warmupS, dir: outDir });
      raw.set(key, f);
      log(`pgbench ${key}: ${fmt(f)}`);
    }

  // 4. PostGraphile 4.14.1 over SQL functions giving the same queries.
  const pgl = new Map<string, Figures>();
  if (peers) {
    const cli = ensurePostgraphile(path.join(root, 'bench/.peers/postgraphile4'));
    await installPeerSchema(url);
    const p = await startProcess({
      cmd: process.execPath,
      args: [
        cli,
        '-c',
        url,
        '-s',
        'peer',
        '--host',
        '127.0.0.1',
        '--port',
        '5678',
        '--disable-query-log',
        '--disable-graphiql',
      ],
      env: { NODE_ENV: 'production' },
      readyText: 'PostGraphile v4',
    });
    await new Promise((r) => setTimeout(r, 1000));
    const year = 2025;
    for (const s of scenarios) {
      if (!graphqlBody(s.key, 1, year)) continue;
      const check = graphqlBody(s.key, s.next().req.random, year)!;
      const res = await fetch('http://127.0.0.1:5678/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: check,
      });
      const body = await res.text();
      if (!res.ok || body.includes('"errors"'))
        throw new Error(`PostGraphile ${s.key}: ${body.slice(0, 300)}`);
      const f = await load({
        base: 'http://127.0.0.1:5678',
        connections,
        durationS,
        warmupS,
        pid: p.pid,
        next: () => ({
          session: null,
          req: { method: 'POST', path: '/graphql', body: graphqlBody(s.key, s.next().req.random, year)! },
        }),
      });
      pgl.set(s.key, f);
      log(`postgraphile ${s.key}: ${fmt(f)} rss ${f.rssMb} MB`);
    }
    await stopProcess(p);
  }
  await c.end();

  const rows = scenarios.map((s) => {
    const f = ours.get(s.key);
    return `| ${s.title} | ${fmt(f)} | ${cold.get(s.key) ?? '—'} | ${f?.rssMb ?? '—'} | ${fmt(raw.get(s.key))} | ${fmt(pgl.get(s.key))} | ${ratio(f, raw.get(s.key))} | ${ratio(f, pgl.get(s.key))} | ${s.target} |`;
  });
  const md = [
    `### ${label}: ${o.set} × ${o.scale}, ${connections} connections, ${warmupS} s warm-up + ${durationS} s, ${workers} app process(es)`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}. Idle server RSS ${idleRss} MB.`,
    `Data: ${JSON.stringify(size)}`,
    '',
    'Cells: req/s · p50 · p95 · p99 (ms). First request: one uncached request alone (its SQL is what pgbench replays). RSS: peak of the app process(es) under load, MB.',
    '',
    '| scenario | ours | ours, first request (ms) | RSS | pgbench (same SQL) | PostGraphile 4.14.1 | ours ÷ pgbench | ours ÷ PostGraphile | target |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(outDir, `${label}.md`), md);
  fs.writeFileSync(
    path.join(outDir, `${label}.json`),
    JSON.stringify(
      {
        label,
        size,
        connections,
        durationS,
        workers,
        idleRss,
        cold: [...cold],
        ours: [...ours],
        pgbench: [...raw],
        postgraphile: [...pgl],
      },
      null,
      2,
    ),
  );
  log(`\n${md}`);
}

/** Every GET API on the embedded database, one request at a time as the top admin: median and worst of 5. */
async function pgliteMode(dir: string) {
  const server = await startProcess({
    cmd: process.execPath,
    args: tsxServer,
    env: { BENCH_PGLITE_DIR: dir, PORT: String(port), NODE_ENV: 'production' },
  });
  try {
    const sessions = await loginAll(base, size);
    const admin = sessions.find((s) => s.user.use === 'nation')!;
    const l = layoutOf(size);
    const spec = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    const rows: string[] = [];
    let worst = 0;
    const queries: Record<string, string> = {
      '/api/stats/overview': `?orgId=${l.firstEnterprise}`,
      '/api/stats/trend': `?orgId=1&from=2024&to=2026`,
      '/api/stats/compare': `?orgId=1&from=2024&to=2026`,
      '/api/search': `?q=${encodeURIComponent('刀具寿命')}`,
    };
    for (const [p, ops] of Object.entries(spec.paths)) {
      if (!('get' in ops) || /export|download|file|qr|pdf|docx|xlsx|certificate|openapi|docs/.test(p))
        continue;
      const url = p.replace(/\{[^}]+\}/g, '1') + (queries[p] ?? '');
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const r = await send(admin, { method: 'GET', path: url });
        status = r.status;
        times.push(r.ms);
      }
      times.sort((a, b) => a - b);
      const med = percentile(times, 50);
      if (status < 400) worst = Math.max(worst, times.at(-1)!);
      rows.push(`| GET ${url} | ${status} | ${med.toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`);
    }
    const md = [
      `### ${label}: every GET API on PGlite (${o.set} × ${o.scale}), as the top admin, 5 calls each`,
      '',
      `Worst successful call: ${worst.toFixed(0)} ms (target ≤ 300 ms).`,
      '',
      '| API | status | median ms | max ms |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(outDir, `${label}.md`), md);
    log(md);
  } finally {
    await stopProcess(server);
  }
}

if (o.pglite) await pgliteMode(o.pglite);
else {
  const url = o.url ?? process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('pass --url postgres://… or --pglite DIR');
  await pgMode(url);
}
