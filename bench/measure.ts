import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import type { Req, Session } from './scenarios.js';

/** One measured run: throughput, latency percentiles (ms), failures and the server's peak memory. */
export interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  rssMb: number | null;
}

/** Starts a process and resolves once it prints `ready` (or `readyText`) on stdout. */
export async function startProcess(opts: {
  cmd: string;
  args: string[];
  env?: Record<string, string>;
  readyText?: string;
  cwd?: string;
  timeoutMs?: number;
}): Promise<ChildProcess> {
  const child = spawn(opts.cmd, opts.args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), opts.timeoutMs ?? 60_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes(opts.readyText ?? 'ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Resident memory (MB) of a process and its children (a cluster's workers). */
export function rssOf(pid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '--pid', String(pid), '--ppid', String(pid)], {
      encoding: 'utf8',
    });
    return out
      .split('\n')
      .map((x) => Number(x.trim()) || 0)
      .reduce((s, x) => s + x, 0);
  } catch {
    return 0;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/**
 * Runs autocannon against `base`: a warm-up of `warmupS` seconds, then `durationS` measured, `connections`
 * connections. `next` draws each request (with the session whose cookie and CSRF token it carries).
 */
export async function load(opts: {
  base: string;
  connections: number;
  durationS: number;
  warmupS: number;
  next: () => { session: Session | null; req: Req };
  pid?: number;
}): Promise<Figures> {
  const run = (durationS: number) =>
    new Promise<{ result: autocannon.Result; latencies: number[]; rss: number }>((resolve, reject) => {
      const latencies: number[] = [];
      let rss = 0;
      const timer = opts.pid
        ? setInterval(() => {
            rss = Math.max(rss, rssOf(opts.pid!));
          }, 1000)
        : null;
      const inst = autocannon(
        {
          url: opts.base,
          connections: opts.connections,
          duration: durationS,
          timeout: 10,
          requests: [
            {
              setupRequest: (r: Record<string, unknown>) => {
                const { session, req } = opts.next();
                const headers: Record<string, string> = { accept: 'application/json' };
                if (session) {
                  headers.cookie = session.cookie;
                  headers['x-csrf-token'] = session.csrf;
                }
                if (req.body) headers['content-type'] = 'application/json';
                return { ...r, method: req.method, path: req.path, body: req.body, headers };
              },
            },
          ],
        } as unknown as autocannon.Options,
        (err, result) => {
          if (timer) clearInterval(timer);
          if (err) reject(err);
          else resolve({ result, latencies, rss });
        },
      );
      inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
      });
    });
  if (opts.warmupS > 0) await run(opts.warmupS);
  const { result, latencies, rss } = await run(opts.durationS);
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.total / opts.durationS),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssMb: opts.pid ? Math.round(rss / 1024) : null,
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Runs pgbench on `script` and reads throughput and latency percentiles from its per-transaction log. */
export function pgbench(opts: {
  pgbin: string;
  url: string;
  script: string;
  connections: number;
  durationS: number;
  warmupS: number;
  dir: string;
}): Figures {
  const args = (t: number, log: boolean) => [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(opts.connections),
    '-j',
    '2',
    '-T',
    String(t),
    ...(log ? ['-l', '--log-prefix', `${opts.dir}/pgbench_log`] : []),
    '-f',
    opts.script,
    opts.url,
  ];
  for (const f of fs.readdirSync(opts.dir)) if (f.startsWith('pgbench_log')) fs.rmSync(`${opts.dir}/${f}`);
  if (opts.warmupS > 0) execFileSync(`${opts.pgbin}/pgbench`, args(opts.warmupS, false), { stdio: 'pipe' });
  const out = execFileSync(`${opts.pgbin}/pgbench`, args(opts.durationS, true), {
    encoding: 'utf8',
    stdio: 'pipe',
  });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  const lat: number[] = [];
  for (const f of fs.readdirSync(opts.dir))
    if (f.startsWith('pgbench_log')) {
      for (const line of fs.readFileSync(`${opts.dir}/${f}`, 'utf8').split('\n'))
        if (line) lat.push(Number(line.split(' ')[2]) / 1000);
      fs.rmSync(`${opts.dir}/${f}`);
    }
  lat.sort((a, b) => a - b);
  return {
    rps: Math.round(tps),
    p50: round(percentile(lat, 50)),
    p95: round(percentile(lat, 95)),
    p99: round(percentile(lat, 99)),
    requests: lat.length,
    errors: failed,
    non2xx: 0,
    rssMb: null,
  };
}
