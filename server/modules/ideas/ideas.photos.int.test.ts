import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
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
import { auditLog } from '../audit/audit.table.js';
import * as f from '../files/files.fixtures.js';
import { settableClock } from './engagement.fixtures.js';
import { ideas } from './ideas.table.js';

/** An anonymous idea's photo: uploaded without a login, attached once, seen by the handler and the tracking code only. */
const clock = settableClock('2026-05-04T08:00:00Z');
let t: TestApp;
let w: World;
let dataDir: string;
let handler: Session;
let worker: Session;
let otherEnterprise: Session;
let addr = 0;
const nextAddr = () => `10.77.${++addr >> 8}.${addr & 255}`;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-idea-photos-'));
  t = await createTestApp({ clock, config: { dataDir, maxUploadMb: 1 } });
  w = await createWorld(t.database);
  // no routing rule: an idea of workshop A goes to its closest admin, the enterprise admin
  handler = await login(t.app, w.users.entAdminA.username);
  worker = await login(t.app, w.users.employeeA.username);
  otherEnterprise = await login(t.app, w.users.entAdminB.username);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const uploadPhoto = (buf: Buffer, name: string, remoteAddress = nextAddr()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/ideas/photos',
    remoteAddress,
    ...multipartFile(buf, name),
  });
const submitAnon = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/public/ideas', payload, headers, remoteAddress: nextAddr() });
const idea = (title: string, photoToken?: string) => ({
  title,
  content: '机床防护罩松动，附现场照片，请尽快处理。',
  category: 'safety',
  orgCode: w.orgs.workshopA.code,
  photoToken,
});
const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const fileIdOf = (token: string) => Number(token.split('.')[0]);

describe('anonymous idea photos', () => {
  it('accepts a JPEG/PNG/WebP without a login, audited with no actor, and refuses other types in Chinese', async () => {
    for (const [buf, name] of [
      [f.png, '现场.png'],
      [f.jpeg, '现场.jpg'],
      [f.webp, '现场.webp'],
    ] as const) {
      const res = await uploadPhoto(buf, name);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().token).toMatch(/^\d+\.[A-Za-z0-9_-]{32}$/);
      expect(res.json().expiresAt).toBe('2026-05-04T09:00:00.000Z');
    }
    const ok = (await uploadPhoto(f.png, 'a.png')).json();
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'files.upload'), eq(auditLog.entityId, String(fileIdOf(ok.token)))));
    expect(audit).toMatchObject({ actorUserId: null, actorName: null, ip: null });
    expect(JSON.stringify(audit!.after)).not.toContain('pending:');

    // PDFs, GIFs and scripts named .jpg are refused by their content, before anything is stored
    for (const [buf, name] of [
      [f.pdf, '照片.jpg'],
      [f.gif, '动图.gif'],
      [f.html, 'x.png'],
    ] as const) {
      const res = await uploadPhoto(buf, name);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'ideas.photo_type_not_allowed',
        message: '只能上传 JPEG、PNG 或 WebP 格式的照片',
      });
    }
    const big = Buffer.concat([f.jpeg, Buffer.alloc(1024 * 1024 + 10)]);
    const tooBig = await uploadPhoto(big, '大照片.jpg');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('files.too_large');
    expect(tooBig.json().error.message).toBe('文件超过大小限制');
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/public/ideas/photos',
      payload: {},
      remoteAddress: nextAddr(),
    });
    expect(noFile.statusCode).toBe(400);
  });

  it('rate-limits uploads per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await uploadPhoto(f.png, 'p.png', '10.250.0.9')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('attaches the photo once: visible to the handler and via the tracking code, 404 for anyone else', async () => {
    const { token } = (await uploadPhoto(f.png, '防护罩.png')).json();
    const fileId = fileIdOf(token);
    // before it is attached nobody can read it, not even a group admin
    const admin = await login(t.app, w.users.groupAdmin.username);
    expect((await get(admin, `/api/files/${fileId}/content`)).statusCode).toBe(404);

    const created = await submitAnon(idea(`防护罩松动${w.tag}`, token));
    expect(created.statusCode, created.body).toBe(201);
    const { trackingCode } = created.json();

    // the same token cannot be attached to a second idea, and the refused idea is not made
    const reuse = await submitAnon(idea(`借用照片${w.tag}`, token));
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('ideas.photo_token_invalid');
    expect(reuse.json().error.details.fields.photoToken).toBeTruthy();
    const [made] = await t.database.db
      .select({ n: count() })
      .from(ideas)
      .where(eq(ideas.title, `借用照片${w.tag}`));
    expect(made?.n).toBe(0);
    // a forged secret for the same file id is refused too
    const forged = await submitAnon(idea(`伪造${w.tag}`, `${fileId}.${'A'.repeat(32)}`));
    expect(forged.json().error.code).toBe('ideas.photo_token_invalid');

    // the tracking code lists the photo and serves its bytes without a login
    const tracked = (await get(null, `/api/public/ideas/track/${trackingCode}`)).json();
    expect(tracked.photos).toEqual([
      { id: fileId, url: `/api/public/ideas/track/${trackingCode}/files/${fileId}` },
    ]);
    const bytes = await get(null, tracked.photos[0].url);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.rawPayload.equals(f.png)).toBe(true);

    // the handler sees it on the idea
    const queue = (await get(handler, '/api/ideas?view=queue')).json();
    const ideaId = queue.items.find((i: { code: string }) => i.code === created.json().code).id;
    const list = await get(handler, `/api/files?ownerType=idea&ownerId=${ideaId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject([
      { id: fileId, mime: 'image/png', purpose: 'photo', uploadedBy: null },
    ]);
    expect((await get(handler, `/api/files/${fileId}/content`)).statusCode).toBe(200);

    // an unrelated employee of the same enterprise and another enterprise's admin get 404
    for (const s of [worker, otherEnterprise]) {
      expect((await get(s, `/api/files/${fileId}/content`)).statusCode).toBe(404);
      expect((await get(s, `/api/files?ownerType=idea&ownerId=${ideaId}`)).statusCode).toBe(404);
    }
    // another idea's tracking code does not open this photo
    const other = (await submitAnon(idea(`没有照片${w.tag}`))).json();
    expect((await get(null, `/api/public/ideas/track/${other.trackingCode}`)).json().photos).toEqual([]);
    const cross = await get(null, `/api/public/ideas/track/${other.trackingCode}/files/${fileId}`);
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe('files.not_found');
    // and the audit shows the attachment without an actor
    const [attach] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'files.attach'), eq(auditLog.entityId, String(fileId))));
    expect(attach).toMatchObject({ actorUserId: null, ip: null });
  });

  it('refuses an upload left unused past its hour', async () => {
    const { token } = (await uploadPhoto(f.jpeg, 'old.jpg')).json();
    clock.set('2026-05-04T09:30:00Z');
    try {
      const late = await submitAnon(idea(`过期照片${w.tag}`, token));
      expect(late.statusCode).toBe(400);
      expect(late.json().error.code).toBe('ideas.photo_token_invalid');
    } finally {
      clock.set('2026-05-04T08:00:00Z');
    }
  });
});

describe('idempotent anonymous submission', () => {
  const count1 = async (title: string) => {
    const [r] = await t.database.db.select({ n: count() }).from(ideas).where(eq(ideas.title, title));
    return r?.n ?? 0;
  };

  it('returns the same tracking code for a key sent twice in a row and twice at once', async () => {
    const key = crypto.randomUUID();
    const title = `离线匿名建议${w.tag}`;
    const first = await submitAnon(idea(title), { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const again = await submitAnon(idea(title), { 'idempotency-key': key });
    expect(again.json()).toEqual(first.json());
    expect(await count1(title)).toBe(1);

    const key2 = crypto.randomUUID();
    const title2 = `同时重发${w.tag}`;
    const both = await Promise.all([
      submitAnon(idea(title2), { 'idempotency-key': key2 }),
      submitAnon(idea(title2), { 'idempotency-key': key2 }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(both[0]!.json().trackingCode).toBe(both[1]!.json().trackingCode);
    expect(await count1(title2)).toBe(1);
    // a different key is a different idea
    const third = await submitAnon(idea(title), { 'idempotency-key': crypto.randomUUID() });
    expect(third.json().trackingCode).not.toBe(first.json().trackingCode);
  });
});
