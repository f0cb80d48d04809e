import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/core/db.js';
import * as f from '../server/modules/files/files.fixtures.js';
import { call, createWorld, login, multipartFile, type World } from './helpers.js';
import { openIsolatedDatabase } from './isolated.js';

/**
 * Faults: a failure late in an import transaction, a full disk while saving an attachment, and a graceful
 * shutdown with a request in flight. (PostgreSQL restarted under load: pg-restart.test.ts.)
 */
let database: Database;
let drop: () => Promise<void>;
let w: World;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-faults-'));

beforeAll(async () => {
  ({ database, drop } = await openIsolatedDatabase());
  w = await createWorld(database);
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await database.exec(sql))[0]?.n);

describe('an import that fails half-way', () => {
  it('writes nothing when a row late in the file violates the database (trigger injected)', async () => {
    const app = await buildApp({ database, config: { dataDir: path.join(tmp, 'import') } });
    const admin = await login(app, w.users.groupAdmin.username);
    // The database itself refuses the 40th row, after 39 rows were already written inside the transaction.
    await database.exec(`
      CREATE FUNCTION jx_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.employee_no LIKE '%-BOOM' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER jx_test_boom BEFORE INSERT ON people FOR EACH ROW EXECUTE FUNCTION jx_test_boom();`);
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('人员');
      ws.addRow(['工号', '姓名', '组织编码']);
      for (let i = 1; i <= 40; i++)
        ws.addRow([`${w.tag}-imp-${i}${i === 40 ? '-BOOM' : ''}`, `导入${i}`, `A${w.tag}-1-1`]);
      const people = await count('SELECT count(*)::int AS n FROM people');
      const audit = await count('SELECT count(*)::int AS n FROM audit_log');
      const res = await call(app, admin, {
        method: 'POST',
        url: '/api/people/import?dryRun=false',
        ...multipartFile(Buffer.from(await wb.xlsx.writeBuffer()), '人员.xlsx'),
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().error).toMatchObject({ code: 'internal.error', message: expect.any(String) });
      expect(res.body).not.toMatch(/injected failure|jx_test_boom|at .*\.ts/);
      expect(await count('SELECT count(*)::int AS n FROM people')).toBe(people);
      expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(audit);
      expect(
        await count(`SELECT count(*)::int AS n FROM people WHERE employee_no LIKE '${w.tag}-imp-%'`),
      ).toBe(0);
    } finally {
      await database.exec('DROP TRIGGER jx_test_boom ON people; DROP FUNCTION jx_test_boom();');
      await app.close();
    }
  });
});

describe('a full disk while saving an attachment', () => {
  it('answers a clear 507, stores no record and leaves no partial file', async () => {
    // A real full file system: a 512 KiB tmpfs (needs root, as CI runs). Without mount rights the store is
    // made unusable by a file where its folder should be, which checks the same no-dangling-record property.
    const dataDir = path.join(tmp, 'disk');
    fs.mkdirSync(dataDir);
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dataDir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      fs.writeFileSync(path.join(dataDir, 'files'), 'not a folder');
    }
    const app = await buildApp({ database, config: { dataDir } });
    try {
      const admin = await login(app, w.users.groupAdmin.username);
      const s = await call(app, admin, {
        method: 'POST',
        url: '/api/studios',
        payload: {
          name: '磁盘测试',
          type: 'craftsman',
          hostOrgId: w.orgs.workshopA.id,
          leaderPersonId: null,
        },
      });
      expect(s.statusCode, s.body).toBe(201);
      if (mounted) fs.writeFileSync(path.join(dataDir, 'filler'), Buffer.alloc(400 * 1024));
      // A 300 KiB PDF: more than the space left.
      const pdf = Buffer.concat([f.pdf, crypto.randomBytes(300 * 1024)]);
      const filesBefore = await count('SELECT count(*)::int AS n FROM files');
      const auditBefore = await count('SELECT count(*)::int AS n FROM audit_log');
      const res = await call(app, admin, {
        method: 'POST',
        url: `/api/files?ownerType=studio&ownerId=${s.json().id}&purpose=photo`,
        ...multipartFile(pdf, '大文件.pdf'),
      });
      if (mounted) {
        expect(res.statusCode, res.body).toBe(507);
        expect(res.json().error).toMatchObject({
          code: 'files.storage_full',
          message: expect.stringContaining('已满'),
        });
        const left = fs.readdirSync(path.join(dataDir, 'files'), { recursive: true }).map(String);
        expect(left.filter((n) => n.endsWith('.tmp'))).toEqual([]);
      } else {
        expect(res.statusCode).toBeGreaterThanOrEqual(500);
        expect(res.json().error.code).toEqual(expect.any(String));
      }
      expect(await count('SELECT count(*)::int AS n FROM files')).toBe(filesBefore);
      expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(auditBefore);
      // Once space is freed the same upload goes through.
      if (mounted) {
        fs.rmSync(path.join(dataDir, 'filler'));
        const again = await call(app, admin, {
          method: 'POST',
          url: `/api/files?ownerType=studio&ownerId=${s.json().id}&purpose=photo`,
          ...multipartFile(pdf, '大文件.pdf'),
        });
        expect(again.statusCode, again.body).toBe(201);
      }
    } finally {
      await app.close();
      if (mounted) execFileSync('umount', [dataDir]);
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const app = await buildApp({ database, config: { dataDir: path.join(tmp, 'shutdown') } });
    app.get('/api/test/slow', { config: { access: 'public' } }, async () => {
      await new Promise((r) => setTimeout(r, 1500));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const get = (url: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
            let body = '';
            res.on('data', (c) => {
              body += c;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    const slow = get('/api/test/slow');
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const closing = app.close();
    const res = await slow;
    await closing;
    expect(res).toEqual({ status: 200, body: '{"done":true}' });
    expect(Date.now() - started).toBeGreaterThan(800);
    await expect(get('/api/health')).rejects.toThrow(/ECONNREFUSED/);
  });
});
