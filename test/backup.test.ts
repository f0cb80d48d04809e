import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { restoreBackup } from '../server/core/backup.js';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed/demo.js';
import * as f from '../server/modules/files/files.fixtures.js';
import { call, login, multipartFile } from './helpers.js';
import { openIsolatedDatabase, tableContents } from './isolated.js';

/**
 * Backup and restore through the CLI (`npm run jx -- backup|restore <file>`): the demo data plus uploaded
 * attachments go out of one instance and into an empty one, and every table row and file hash must match.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

const hashes = (dir: string) => {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (r === 'pgdata') continue;
      if (e.isDirectory()) walk(r);
      else
        out[r] = crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, r)))
          .digest('hex');
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
};

const cli = (args: string[], env: Record<string, string | undefined>) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, SEED_DEMO: 'false', ...env },
  });

it('round-trips the demo data and the attachment store into an empty instance', async () => {
  const srcDir = path.join(tmp, 'src');
  const dstDir = path.join(tmp, 'dst');
  const file = path.join(tmp, 'jx.backup');
  fs.mkdirSync(srcDir);
  fs.mkdirSync(dstDir);

  const src = await openIsolatedDatabase({ pgliteDataDir: srcDir });
  cleanups.push(src.drop);
  await seedDemo(src.database.db, { peoplePerTeam: 4 });
  const app = await buildApp({ database: src.database, config: { dataDir: srcDir } });
  const admin = await login(app, 'admin', DEMO_PASSWORD);
  const [studio] = await src.database.exec('SELECT id FROM studios ORDER BY id LIMIT 1');
  for (const [buf, name] of [
    [f.png, '照片.png'],
    [f.pdf, '制度 (草案).pdf'],
  ] as const) {
    const res = await call(app, admin, {
      method: 'POST',
      url: `/api/files?ownerType=studio&ownerId=${studio?.id}&purpose=photo`,
      ...multipartFile(buf, name),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await app.close();
  const before = await tableContents(src.database);
  const filesBefore = hashes(srcDir);
  await src.database.close();

  const backup = await cli(['backup', file], { DATA_DIR: srcDir, DATABASE_URL: src.url ?? '' });
  expect(backup.stdout).toMatch(/backed up \d+ tables, \d+ rows, 2 files/);

  const dst = await openIsolatedDatabase({ migrated: false, pgliteDataDir: dstDir });
  cleanups.push(dst.drop);
  await dst.database.close();
  const restore = await cli(['restore', file], { DATA_DIR: dstDir, DATABASE_URL: dst.url ?? '' });
  expect(restore.stdout).toMatch(/restored \d+ tables, \d+ rows, 2 files/);
  // A second restore into the now-filled instance is refused.
  const reopened = await openIsolatedDatabase({ pgliteDataDir: dstDir, reuseUrl: dst.url });
  cleanups.push(reopened.drop);
  await expect(restoreBackup({ database: reopened.database, dataDir: dstDir, file })).rejects.toThrow(
    /empty database/,
  );
  const after = await tableContents(reopened.database);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  expect(before.people?.length).toBeGreaterThan(300);
  expect(before.files?.length).toBe(2);
  expect(hashes(dstDir)).toEqual(filesBefore);
  expect(Object.keys(filesBefore).length).toBe(2);

  // Sequences continue after the restored ids: a new row does not collide.
  const [next] = await reopened.database.exec(
    `INSERT INTO orgs (code, name, kind, path, depth) VALUES ('RESTORED-1', '恢复后新建', 'enterprise', '/x/', 1) RETURNING id`,
  );
  const [max] = await reopened.database.exec("SELECT max(id)::int AS m FROM orgs WHERE code <> 'RESTORED-1'");
  expect(Number(next?.id)).toBeGreaterThan(Number(max?.m));
}, 240_000);
