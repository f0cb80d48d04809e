import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  multipartFile,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import * as f from './files.fixtures.js';

let t: TestApp;
let w: World;
let dataDir: string;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let studioId: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-files-'));
  t = await createTestApp({ config: { dataDir, maxUploadMb: 1 } });
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  leader = await login(t.app, w.users.leaderA.username);
  member = await login(t.app, w.users.memberA.username);
  worker = await login(t.app, w.users.employeeA.username);
  const s = await call(t.app, entA, {
    method: 'POST',
    url: '/api/studios',
    payload: {
      name: '附件测试工作室',
      type: 'craftsman',
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.leaderA.personId,
    },
  });
  studioId = s.json().id;
  const m = await call(t.app, leader, {
    method: 'POST',
    url: `/api/studios/${studioId}/members`,
    payload: { personId: w.users.memberA.personId, role: 'member', joinedOn: '2024-01-01' },
  });
  expect(m.statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const upload = (
  s: Session | null,
  buf: Buffer,
  name: string,
  qs = `ownerType=studio&ownerId=${studioId}&purpose=photo`,
) => call(t.app, s, { method: 'POST', url: `/api/files?${qs}`, ...multipartFile(buf, name) });
const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const listCount = async () =>
  (await get(admin, `/api/files?ownerType=studio&ownerId=${studioId}`)).json().length;

describe('uploads', () => {
  it('detects the type from the content: PNG bytes named .pdf are stored as image/png under their hash', async () => {
    const res = await upload(member, f.png, '活动照片.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mime: 'image/png',
      originalName: '活动照片.pdf',
      size: f.png.length,
      purpose: 'photo',
      sha256: sha(f.png),
    });
    const stored = path.join(dataDir, 'files', sha(f.png).slice(0, 2), sha(f.png));
    expect(fs.readFileSync(stored).equals(f.png)).toBe(true);
    const audit = (await get(admin, `/api/audit?entityType=file&entityId=${res.json().id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'files.upload', actorUserId: w.users.memberA.id });
  });

  it('refuses an .exe renamed .pdf, HTML, SVG and macro documents, storing nothing', async () => {
    const before = await listCount();
    for (const [buf, name] of [
      [f.exe, '制度.pdf'],
      [f.html, 'page.png'],
      [f.svg, 'logo.svg'],
      [f.docm, '报告.docx'],
    ] as const) {
      const res = await upload(leader, buf, name);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('files.type_not_allowed');
      expect(fs.existsSync(path.join(dataDir, 'files', sha(buf).slice(0, 2), sha(buf)))).toBe(false);
    }
    expect(await listCount()).toBe(before);
  });

  it('accepts Office documents and legacy .doc/.xls', async () => {
    const docx = await upload(
      leader,
      await f.docx(),
      '工作室管理制度.docx',
      `ownerType=studio&ownerId=${studioId}&purpose=rule`,
    );
    expect(docx.json().mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await upload(leader, await f.xlsx(), '设备清单.xlsx')).json().mime).toMatch(/spreadsheetml/);
    expect((await upload(leader, f.ole('WordDocument'), '旧制度.doc')).json().mime).toBe(
      'application/msword',
    );
    const rules = (await get(member, `/api/files?ownerType=studio&ownerId=${studioId}&purpose=rule`)).json();
    expect(rules.map((x: { originalName: string }) => x.originalName)).toEqual(['工作室管理制度.docx']);
  });

  it('keeps path tricks and long names harmless: the name is never a path', async () => {
    const res = await upload(leader, f.pdf, '../../../etc/passwd.pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json().originalName).toBe('passwd.pdf');
    const long = await upload(leader, f.pdf, `${'很'.repeat(400)}.pdf`);
    expect(long.json().originalName).toHaveLength(200);
    const ctl = await upload(leader, f.pdf, 'a\u0001b.pdf');
    expect(ctl.json().originalName).toBe('ab.pdf');
    const nul = await upload(leader, f.pdf, '..\u0000/x\u0000.pdf');
    expect(nul.json().originalName).toBe('x.pdf');
    // both stored once, under the hash (dedup), and nothing appeared outside the files folder
    // (other files of this suite — a generated docx or xlsx with a timestamp — can share the two-letter folder)
    const stored = fs.readdirSync(path.join(dataDir, 'files', sha(f.pdf).slice(0, 2)));
    expect(stored.filter((n) => n === sha(f.pdf))).toEqual([sha(f.pdf)]);
    expect(stored.every((n) => /^[0-9a-f]{64}$/.test(n))).toBe(true);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['files']);
  });

  it('enforces the size limit, the owner type and the owner access', async () => {
    const big = Buffer.concat([f.png, Buffer.alloc(1024 * 1024 + 10)]);
    const tooBig = await upload(leader, big, 'big.png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('files.too_large');
    expect((await upload(null, f.png, 'a.png')).statusCode).toBe(401);
    expect((await upload(worker, f.png, 'a.png')).statusCode).toBe(403);
    expect((await upload(entB, f.png, 'a.png')).statusCode).toBe(404);
    const unknown = await upload(leader, f.png, 'a.png', 'ownerType=spaceship&ownerId=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields.ownerType).toBeTruthy();
    const bad = await upload(leader, f.png, 'a.png', 'ownerType=studio&ownerId=abc&purpose=selfie');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['ownerId', 'purpose']);
  });
});

describe('downloads', () => {
  it('serves a file only to those who may read the owner, with a safe content-disposition', async () => {
    const up = (
      await upload(
        member,
        f.pdf,
        '工作室简介 (2025).pdf',
        `ownerType=studio&ownerId=${studioId}&purpose=document`,
      )
    ).json();
    const res = await get(worker, up.url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(f.pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="_____ (2025).pdf"; filename*=UTF-8''${encodeURIComponent('工作室简介').replace(/'/g, '%27')}%20%282025%29.pdf`,
    );
    const photo = (await upload(member, f.png, 'p.png')).json();
    expect((await get(member, photo.url)).headers['content-disposition']).toMatch(/^inline;/);
    expect((await get(member, `${photo.url}?download=1`)).headers['content-disposition']).toMatch(
      /^attachment;/,
    );
    const hidden = await get(entB, up.url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('files.not_found');
    expect((await get(null, up.url)).statusCode).toBe(401);
    expect((await get(entB, `/api/files?ownerType=studio&ownerId=${studioId}`)).statusCode).toBe(404);
    expect((await get(member, '/api/files/999999999/content')).statusCode).toBe(404);
  });

  it('soft-deletes: the uploader or the leader may, others may not; audited; restorable by a manager', async () => {
    const mine = (await upload(member, f.gif, 'mine.gif')).json();
    const theirs = (await upload(leader, f.webp, 'theirs.webp')).json();
    const list = (await get(member, `/api/files?ownerType=studio&ownerId=${studioId}`)).json() as any[];
    expect(list.find((x) => x.id === mine.id).abilities.delete).toBe(true);
    expect(list.find((x) => x.id === theirs.id).abilities.delete).toBe(false);
    expect((await call(t.app, member, { method: 'DELETE', url: `/api/files/${theirs.id}` })).statusCode).toBe(
      403,
    );
    expect((await call(t.app, entB, { method: 'DELETE', url: `/api/files/${theirs.id}` })).statusCode).toBe(
      404,
    );
    expect((await call(t.app, member, { method: 'DELETE', url: `/api/files/${mine.id}` })).statusCode).toBe(
      200,
    );
    expect((await call(t.app, leader, { method: 'DELETE', url: `/api/files/${theirs.id}` })).statusCode).toBe(
      200,
    );
    expect((await get(leader, mine.url)).statusCode).toBe(404);
    const after = (await get(member, `/api/files?ownerType=studio&ownerId=${studioId}`)).json() as any[];
    expect(after.map((x) => x.id)).not.toContain(mine.id);
    const audit = (
      await get(admin, `/api/audit?entityType=file&entityId=${mine.id}&action=files.delete`)
    ).json().items;
    expect(audit[0]).toMatchObject({ actorUserId: w.users.memberA.id });
    expect(
      (await call(t.app, member, { method: 'POST', url: `/api/files/${mine.id}/restore` })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, leader, { method: 'POST', url: `/api/files/${mine.id}/restore` })).statusCode,
    ).toBe(200);
    expect((await get(member, mine.url)).statusCode).toBe(200);
  });
});
