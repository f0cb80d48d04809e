import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as f from '../server/modules/files/files.fixtures.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  multipartFile,
  type Session,
  type TestApp,
  type World,
} from './helpers.js';

/**
 * Hostile uploads against every upload route (attachments, the three spreadsheet imports and the anonymous
 * idea photo): oversized files, wrong content for the extension, path tricks in names, and an .xlsx zip
 * bomb — refused with a 4xx in the error shape, nothing stored in the database and nothing written outside
 * the content-addressed store.
 */
let t: TestApp;
let w: World;
let admin: Session;
let dataDir: string;
let studioId: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-upl-'));
  t = await createTestApp({ config: { dataDir, maxUploadMb: 1 } });
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  const s = await call(t.app, admin, {
    method: 'POST',
    url: '/api/studios',
    payload: { name: '上传测试', type: 'craftsman', hostOrgId: w.orgs.workshopA.id, leaderPersonId: null },
  });
  studioId = s.json().id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A minimal .xlsx whose sheet inflates to `mb` MiB of zeros from well under 1 MB: a zip bomb. */
function zipBomb(mb: number): Buffer {
  const data = zlib.deflateRawSync(Buffer.alloc(mb * 1024 * 1024), { level: 9 });
  const entries: [string, Buffer, number, number][] = [
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>'), 0, 0],
    ['xl/worksheets/sheet1.xml', data, 8, mb * 1024 * 1024],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, body, method, size] of entries) {
    const n = Buffer.from(name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(method ? size : body.length, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(method ? size : body.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, n, body);
    centrals.push(ch, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const count = async (sql: string) => Number((await t.database.exec(sql))[0]?.n);
const sha = (buf: Buffer) => crypto.createHash('sha256').update(buf).digest('hex');
/** Anonymous uploads (no owner yet) of the contents this file sends: other files may upload at the same time. */
const hostileHashes = new Set<string>();
const state = async () => ({
  pending: await count(
    `SELECT count(*)::int AS n FROM files WHERE owner_type = 'anonymous.pending' AND sha256 IN (${
      [...hostileHashes].map((h) => `'${h}'`).join(',') || "''"
    })`,
  ),
  files: await count(
    `SELECT count(*)::int AS n FROM files WHERE owner_type = 'studio' AND owner_id = ${studioId}`,
  ),
  people: await count(
    `SELECT count(*)::int AS n FROM people WHERE org_id IN (${Object.values(w.orgs)
      .map((o) => o.id)
      .join(',')})`,
  ),
  orgs: await count(`SELECT count(*)::int AS n FROM orgs WHERE path LIKE '${w.orgs.root.path}%'`),
  batches: await count(
    `SELECT count(*)::int AS n FROM import_batches WHERE created_by = ${w.users.groupAdmin.id}`,
  ),
});
/** Every stored file is `files/<2 hex>/<sha256>` under the data folder: nothing else, nowhere else. */
const strayFiles = () =>
  (fs.readdirSync(dataDir, { recursive: true }) as string[])
    .map(String)
    .filter((p) => fs.statSync(path.join(dataDir, p)).isFile())
    .filter((p) => !/^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p));

const routes = () => [
  `/api/files?ownerType=studio&ownerId=${studioId}&purpose=photo`,
  '/api/people/import?dryRun=false',
  '/api/orgs/import?dryRun=false',
  `/api/ledgers/imports?kind=studios&orgId=${w.orgs.entA.id}`,
  PUBLIC_PHOTOS,
];
const PUBLIC_PHOTOS = '/api/public/ideas/photos';
let addr = Math.floor(Math.random() * 0xff00);
/** The public photo route is sent without a login, each upload from its own address (it is rate limited). */
const upload = (url: string, buf: Buffer, name: string) => {
  hostileHashes.add(sha(buf));
  addr++;
  return url === PUBLIC_PHOTOS
    ? call(t.app, null, {
        method: 'POST',
        url,
        remoteAddress: `10.71.${(addr >> 8) & 255}.${addr & 255}`,
        ...multipartFile(buf, name),
      })
    : call(t.app, admin, { method: 'POST', url, ...multipartFile(buf, name) });
};

describe('hostile uploads', () => {
  it('refuses oversized files, wrong content and zip bombs on every upload route, storing nothing', async () => {
    const bomb = zipBomb(300);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await state();
    const tried: string[] = [];
    for (const url of routes()) {
      const photo = url === PUBLIC_PHOTOS;
      const cases: [string, Buffer, string, number[]][] = [
        ['oversized', Buffer.concat([f.pdf, Buffer.alloc(1536 * 1024)]), '大.pdf', [413]],
        ['exe as .xlsx', f.exe, '台账.xlsx', [400]],
        ['html as .xlsx', f.html, '台账.xlsx', [400]],
        ['pdf as .xlsx', f.pdf, '台账.xlsx', url.includes('/api/files') ? [201] : [400]],
      ];
      if (photo)
        cases.push(
          ['exe as .jpg', f.exe, '照片.jpg', [400]],
          ['svg with script as .png', f.svg, '照片.png', [400]],
          ['oversized png', Buffer.concat([f.png, Buffer.alloc(1536 * 1024)]), '照片.png', [413]],
          // A photo route never unpacks: the zip is refused for its type before anything is inflated.
          ['zip bomb .xlsx', bomb, '台账.xlsx', [400]],
        );
      else if (!url.includes('/api/files')) cases.push(['zip bomb .xlsx', bomb, '台账.xlsx', [413]]);
      for (const [what, buf, name, statuses] of cases) {
        const started = Date.now();
        const res = await upload(url, buf, name);
        tried.push(`${url.split('?')[0]} ${what} → ${res.statusCode}`);
        expect(statuses, `${url} ${what}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        if (res.statusCode >= 400) {
          expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          if (what === 'zip bomb .xlsx')
            expect(res.json().error.code).toBe(
              photo ? 'ideas.photo_type_not_allowed' : 'imports.unpacked_too_large',
            );
        }
        expect(Date.now() - started).toBeLessThan(15_000);
      }
    }
    // The one accepted upload (a real PDF named .xlsx, stored as application/pdf) is the only change.
    expect(await state()).toEqual({ ...before, files: before.files + 1 });
    expect(strayFiles()).toEqual([]);
    console.log(`hostile uploads: ${tried.length} uploads — ${tried.join('; ')}`);
  }, 120_000);

  it('keeps path tricks and NUL in names harmless: the name is cleaned and never used as a path', async () => {
    for (const name of [
      '../../etc/passwd.pdf',
      '..\\..\\windows\\win.ini.pdf',
      'a\u0000b.pdf',
      '/abs/path.pdf',
      '%2e%2e%2fx.pdf',
    ]) {
      const res = await upload(routes()[0]!, f.pdf, name);
      expect(res.statusCode, res.body).toBe(201);
      const stored = res.json().originalName as string;
      expect(/[/\\]/.test(stored) || stored.includes('\u0000')).toBe(false);
      expect(stored).not.toBe('..');
    }
    for (const url of routes().slice(1)) {
      const res = await upload(url, f.pdf, '../../../../tmp/jx-escape.xlsx');
      expect(res.statusCode).toBe(400);
    }
    // The anonymous photo: a real PNG under a hostile name is stored, its name cleaned.
    for (const name of ['../../../../tmp/jx-escape.png', 'a\u0000b.png', '/abs/照片.png']) {
      const res = await upload(PUBLIC_PHOTOS, f.png, name);
      expect(res.statusCode, res.body).toBe(201);
      const fileId = Number(String(res.json().token).split('.')[0]);
      const [row] = await t.database.exec(`SELECT original_name FROM files WHERE id = ${fileId}`);
      const stored = String(row?.original_name);
      expect(/[/\\]/.test(stored) || stored.includes('\u0000')).toBe(false);
    }
    expect(fs.existsSync('/tmp/jx-escape.png')).toBe(false);
    expect(fs.existsSync('/tmp/jx-escape.xlsx')).toBe(false);
    expect(strayFiles()).toEqual([]);
  });
});
