import { eq, inArray } from 'drizzle-orm';
import QRCode from 'qrcode';
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
import { applications } from '../applications/applications.table.js';
import { seedStudio } from '../ideas/engagement.fixtures.js';
import { results } from '../results/results.table.js';
import { rulebooks } from '../rulebooks/rulebooks.table.js';
import { studioNamings, studios } from '../studios/studios.table.js';
import { showcaseResults } from './showcase.table.js';
import { decodeQrImages, pdfText } from './showcase.test-support.js';

const PUBLIC_URL = 'https://jx.example.cn';
let t: TestApp;
let w: World;
let leader: Session;
let admin: Session;
let member: Session;
let adminB: Session;
let tag: string;
const ids = {} as Record<
  'pubStudio' | 'privStudio' | 'pub' | 'conf' | 'unrecognised' | 'unmarked' | 'privStudioResult' | 'lateConf',
  number
>;
const photos = {} as Record<'pubStudio' | 'privStudio' | 'pub' | 'conf', number>;
/** Distinctive texts that must never appear on the public site. */
const secrets: string[] = [];

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const put = (s: Session, url: string, payload: object) => call(t.app, s, { method: 'PUT', url, payload });

async function addResult(studioId: number, v: { title: string; status?: string; confidential?: boolean }) {
  const [r] = await t.database.db
    .insert(results)
    .values({
      archiveNo: `CG-${tag}-${v.title.length}${Math.random().toString(36).slice(2, 6)}`,
      kind: 'technicalImprovement',
      studioId,
      title: v.title,
      field: '焊接',
      problem: `${v.title} 的问题描述`,
      status: v.status ?? 'recognised',
      year: 2025,
      confidential: v.confidential ?? false,
      recognisedOn: v.status && v.status !== 'recognised' ? null : '2025-06-01',
      grade: 'first',
    })
    .returning();
  return r!.id;
}

async function uploadPhoto(s: Session, ownerType: string, ownerId: number) {
  const png = await QRCode.toBuffer(`photo-${ownerType}-${ownerId}`, { type: 'png' });
  const res = await call(t.app, s, {
    method: 'POST',
    url: `/api/files?ownerType=${ownerType}&ownerId=${ownerId}&purpose=photo`,
    ...multipartFile(png, 'photo.png'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: `${PUBLIC_URL}/` } });
  w = await createWorld(t.database);
  tag = w.tag;
  [leader, admin, member, adminB] = await Promise.all([
    login(t.app, w.users.leaderA.username),
    login(t.app, w.users.groupAdmin.username),
    login(t.app, w.users.memberA.username),
    login(t.app, w.users.entAdminB.username),
  ]);
  const db = t.database.db;
  const pubStudio = await seedStudio(db, {
    code: `GZS-${tag}-1`,
    name: `展示工作室${tag}`,
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId],
  });
  const privStudio = await seedStudio(db, {
    code: `GZS-${tag}-2`,
    name: `SECRET未公开工作室${tag}`,
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
  });
  secrets.push(privStudio.name);
  ids.pubStudio = pubStudio.id;
  ids.privStudio = privStudio.id;
  await db
    .update(studios)
    .set({ currentLevel: 'group' })
    .where(inArray(studios.id, [pubStudio.id, privStudio.id]));
  for (const s of [pubStudio, privStudio])
    await db.insert(studioNamings).values({
      studioId: s.id,
      level: 'group',
      namingBody: '测试集团工会',
      namedOn: '2024-05-01',
      plaqueNo: `JT-${tag}-${s.id}`,
    });

  ids.pub = await addResult(pubStudio.id, { title: `公开成果${tag}` });
  ids.conf = await addResult(pubStudio.id, { title: `SECRET涉密成果${tag}`, confidential: true });
  ids.unrecognised = await addResult(pubStudio.id, { title: `SECRET评审中成果${tag}`, status: 'scoring' });
  ids.unmarked = await addResult(pubStudio.id, { title: `SECRET未标记成果${tag}` });
  ids.privStudioResult = await addResult(privStudio.id, { title: `SECRET未公开工作室成果${tag}` });
  ids.lateConf = await addResult(pubStudio.id, { title: `SECRET后定密成果${tag}` });
  secrets.push(
    `SECRET涉密成果${tag}`,
    `SECRET评审中成果${tag}`,
    `SECRET未标记成果${tag}`,
    `SECRET未公开工作室成果${tag}`,
    `SECRET后定密成果${tag}`,
  );
  // marked public behind the rules' back: the marks alone must not make them public
  await db.insert(showcaseResults).values([
    { resultId: ids.conf, published: true },
    { resultId: ids.unrecognised, published: true },
    { resultId: ids.privStudioResult, published: true },
  ]);

  photos.pubStudio = await uploadPhoto(leader, 'studio', pubStudio.id);
  photos.privStudio = await uploadPhoto(leader, 'studio', privStudio.id);
  photos.pub = await uploadPhoto(admin, 'result', ids.pub);
  photos.conf = await uploadPhoto(admin, 'result', ids.conf);
});
afterAll(() => t.close());

describe('publishing', () => {
  it('lets the leader publish the studio with a story, refuses members and other enterprises', async () => {
    expect((await get(null, `/api/public/showcase/studios/${ids.pubStudio}`)).statusCode).toBe(404);
    const body = { published: true, story: `领衔人的故事${tag}`, version: 0 };
    expect((await put(member, `/api/showcase/studios/${ids.pubStudio}`, body)).statusCode).toBe(403);
    expect((await put(adminB, `/api/showcase/studios/${ids.pubStudio}`, body)).statusCode).toBe(404);
    const res = await put(leader, `/api/showcase/studios/${ids.pubStudio}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      published: true,
      story: body.story,
      version: 1,
      plaqueNo: `JT-${tag}-${ids.pubStudio}`,
    });
    expect((await put(leader, `/api/showcase/studios/${ids.pubStudio}`, body)).json().error.code).toBe(
      'conflict.stale',
    );
    const audit = await get(admin, `/api/audit?entityType=studio&entityId=${ids.pubStudio}`);
    expect(JSON.stringify(audit.json())).toContain('showcase.publish_studio');
  });

  it('marks results public, refusing confidential ones', async () => {
    const res = await put(leader, `/api/showcase/results/${ids.pub}`, { published: true, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ published: true, visible: true });
    const conf = await put(leader, `/api/showcase/results/${ids.conf}`, { published: true, version: 1 });
    expect(conf.json().error.code).toBe('showcase.confidential');
    expect(
      (await put(adminB, `/api/showcase/results/${ids.pub}`, { published: false, version: 1 })).statusCode,
    ).toBe(404);
    // marked public while open, then made confidential: it leaves the public site at once
    expect(
      (await put(leader, `/api/showcase/results/${ids.lateConf}`, { published: true, version: 0 }))
        .statusCode,
    ).toBe(200);
    await t.database.db.update(results).set({ confidential: true }).where(eq(results.id, ids.lateConf));
    const list = await get(leader, '/api/showcase/results?pageSize=200');
    const late = list.json().items.find((r: { resultId: number }) => r.resultId === ids.lateConf);
    expect(late).toMatchObject({ published: true, visible: false, confidential: true });
  });
});

describe('the public showcase', () => {
  it('shows the published studio with its story, team, naming and public result', async () => {
    const res = await get(null, `/api/public/showcase/studios/${ids.pubStudio}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.story).toBe(`领衔人的故事${tag}`);
    expect(s.team.map((m: { role: string }) => m.role)).toEqual(['leader', 'member']);
    expect(s.namings[0]).toMatchObject({ level: 'group', plaqueNo: `JT-${tag}-${ids.pubStudio}` });
    expect(s.results.map((r: { id: number }) => r.id)).toEqual([ids.pub]);
    expect(s.photoIds).toEqual([photos.pubStudio]);
    expect(res.body).not.toContain('contactPhone');
    const home = (await get(null, '/api/public/showcase')).json();
    expect(home.studios.map((x: { id: number }) => x.id)).toContain(ids.pubStudio);
    expect(home.counts.studios).toBeGreaterThanOrEqual(1);
    const gallery = await get(null, `/api/public/showcase/results?q=${encodeURIComponent(tag)}`);
    expect(gallery.json().items.map((r: { id: number }) => r.id)).toEqual([ids.pub]);
    const byEnterprise = await get(
      null,
      `/api/public/showcase/results?enterpriseId=${w.orgs.entB.id}&q=${tag}`,
    );
    expect(byEnterprise.json().total).toBe(0);
    const byKind = await get(null, `/api/public/showcase/results?kind=patent&q=${tag}`);
    expect(byKind.json().total).toBe(0);
  });

  it('leaks nothing unpublished or confidential through any public API route', async () => {
    const publicGets = t.app.routeTable.filter(
      (r) => r.access === 'public' && r.method === 'GET' && r.url.startsWith('/api/public/'),
    );
    expect(publicGets.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/api/public/showcase', '/api/public/showcase/studios/:id']),
    );
    const allIds = [...Object.values(ids), ...Object.values(photos)];
    const queries = ['', `?q=${encodeURIComponent(tag)}`, '?pageSize=200', '?text=SECRET', `?text=${tag}`];
    let body = '';
    let calls = 0;
    for (const r of publicGets) {
      const urls = r.url.includes(':')
        ? allIds.map((id) => r.url.replace(/:[A-Za-z]+/, String(id)))
        : queries.map((q) => r.url + q);
      for (const url of urls) {
        const res = await get(null, url);
        calls++;
        expect(res.statusCode, url).toBeLessThan(500);
        body += `\n${url} ${res.statusCode} ${res.rawPayload.toString('latin1').slice(0, 16)} ${res.body}`;
      }
    }
    expect(calls).toBeGreaterThan(30);
    // the public things are there, so this walk can see what it looks for
    expect(body).toContain(`公开成果${tag}`);
    expect(body).toContain(`展示工作室${tag}`);
    for (const s of secrets) expect(body, s).not.toContain(s);
    // and the private ids answer 404
    for (const id of [ids.conf, ids.unrecognised, ids.unmarked, ids.privStudioResult, ids.lateConf])
      expect((await get(null, `/api/public/showcase/results/${id}`)).statusCode).toBe(404);
    expect((await get(null, `/api/public/showcase/studios/${ids.privStudio}`)).statusCode).toBe(404);
  });

  it('serves photos only of published studios and public results', async () => {
    const ok = await get(null, `/api/public/showcase/photos/${photos.pubStudio}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect((await get(null, `/api/public/showcase/photos/${photos.pub}`)).statusCode).toBe(200);
    expect((await get(null, `/api/public/showcase/photos/${photos.privStudio}`)).statusCode).toBe(404);
    expect((await get(null, `/api/public/showcase/photos/${photos.conf}`)).statusCode).toBe(404);
  });

  it('lists namings of published studios and current 公示 notices', async () => {
    const namings = (await get(null, '/api/public/showcase/namings')).json();
    const names = namings.map((n: { studioName: string }) => n.studioName);
    expect(names).toContain(`展示工作室${tag}`);
    expect(names).not.toContain(`SECRET未公开工作室${tag}`);
    const [rb] = await t.database.db.select({ id: rulebooks.id }).from(rulebooks).limit(1);
    if (!rb) throw new Error('the migrations seed a rulebook');
    const today = new Date().toISOString().slice(0, 10);
    await t.database.db.insert(applications).values({
      studioId: ids.privStudio,
      level: 'province',
      state: 'publicity',
      rulebookId: rb.id,
      materials: {} as never,
      publicityStart: today,
      publicityEnd: today,
    });
    const notices = (await get(null, '/api/public/showcase/notices')).json();
    const mine = notices.find((n: { studioName: string }) => n.studioName === `SECRET未公开工作室${tag}`);
    // a 公示 names the studio (that is what a 公示 is) but does not link an unpublished studio's page
    expect(mine).toMatchObject({ level: 'province', studioId: null });
  });
});

describe('QR plaques', () => {
  it('prints a plaque whose QR code opens the studio’s public page', async () => {
    const res = await get(leader, `/api/showcase/plaques/${ids.pubStudio}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    const url = `${PUBLIC_URL}/showcase/studios/${ids.pubStudio}`;
    expect(text).toContain(`展示工作室${tag}`);
    expect(text).toContain(`JT-${tag}-${ids.pubStudio}`);
    expect(text).toContain('集团级');
    expect(text).toContain(url);
    expect(decodeQrImages(res.rawPayload)).toEqual([url]);
    // the URL in the code is the page a visitor lands on
    expect((await get(null, `/api/public/showcase/studios/${ids.pubStudio}`)).statusCode).toBe(200);
  });

  it('prints a sheet for several studios, and refuses unpublished ones', async () => {
    const refused = await get(leader, `/api/showcase/plaques?ids=${ids.pubStudio},${ids.privStudio}`);
    expect(refused.json().error.code).toBe('showcase.not_published');
    expect((await get(member, `/api/showcase/plaques/${ids.pubStudio}`)).statusCode).toBe(403);
    await put(admin, `/api/showcase/studios/${ids.privStudio}`, { published: true, version: 0 });
    const sheet = await get(admin, `/api/showcase/plaques?ids=${ids.pubStudio},${ids.privStudio}`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(decodeQrImages(sheet.rawPayload).sort()).toEqual(
      [ids.pubStudio, ids.privStudio].map((id) => `${PUBLIC_URL}/showcase/studios/${id}`).sort(),
    );
    const text = pdfText(sheet.rawPayload);
    for (const id of [ids.pubStudio, ids.privStudio]) expect(text).toContain(`/showcase/studios/${id}`);
    await put(admin, `/api/showcase/studios/${ids.privStudio}`, { published: false, version: 1 });
  });
});
