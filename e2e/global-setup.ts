import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000} s:\n${log()}`);
}

/**
 * Builds the web app, starts `server/main.ts start` (migrations + demo seed on an empty PGlite in a
 * temporary DATA_DIR) on a free port, and gives specs its address as `inject('baseUrl')`.
 */
export default async function setup(project: TestProject) {
  fs.mkdirSync(results, { recursive: true });
  // A web build of this run's own (WEB_DIST), so that another run building at the same time cannot swap the
  // files under a page. Vitest sets NODE_ENV=test, which would give a development build of React (and no
  // service worker): build what production serves.
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-web-'));
  console.log(`[e2e] building the web app into ${webDist}…`);
  execFileSync('npm', ['run', 'build:web', '--silent', '--', '--outDir', webDist], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });

  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(results, 'e2e-server.log');
  const out = fs.createWriteStream(logFile);
  console.log(`[e2e] starting the server on ${baseUrl} (data in ${dataDir}, log in ${logFile})…`);
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts', 'start'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        PUBLIC_URL: baseUrl,
        WEB_DIST: webDist,
        // Every spec's browser logs in from 127.0.0.1, many users a minute: the per-address limit is for real clients.
        LOGIN_LIMIT_PER_ADDRESS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let tail = '';
  const keep = (b: Buffer) => {
    out.write(b);
    tail = (tail + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([
        new Promise((r) => child.once('exit', r)),
        new Promise((r) => setTimeout(r, 10_000)).then(() => child.kill('SIGKILL')),
      ]);
    }
    out.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(webDist, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => tail, 300_000);
  } catch (err) {
    await stop();
    throw err;
  }
  console.log('[e2e] server ready');
  project.provide('baseUrl', baseUrl);
  project.provide('webDist', webDist);
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The web build of this run (specs that start a server of their own serve it too). */
    webDist: string;
  }
}
