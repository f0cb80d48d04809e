import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  leader = await login(t.app, w.users.leaderA.username);
  member = await login(t.app, w.users.memberA.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'POST', url, payload: payload as object });
const patch = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'PATCH', url, payload: payload as object });
const year = new Date().getFullYear();

async function createStudio(s: Session, extra: Record<string, unknown> = {}) {
  const res = await post(s, '/api/studios', {
    name: `张卫东劳模创新工作室${Math.random().toString(36).slice(2, 6)}`,
    type: 'modelWorker',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    field: '数控加工',
    foundedOn: '2019-05-01',
    slogan: '匠心筑梦',
    equipment: [{ name: '五轴加工中心', model: 'DMU 50', quantity: 1, value: 1200000 }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function auditOf(studioId: number, action: string) {
  const res = await get(admin, `/api/audit?entityType=studio&entityId=${studioId}&action=${action}`);
  return res.json().items as { action: string; actorUserId: number; before: any; after: any }[];
}

describe('studio registry', () => {
  it('creates a studio with an archive number, the leader membership and an audit record', async () => {
    const s = await createStudio(entA);
    expect(s.code).toMatch(new RegExp(`^GZS-${year}-\\d{4}$`));
    expect(s).toMatchObject({
      status: 'cultivating',
      currentLevel: null,
      memberCount: 1,
      hostOrgName: '甲金工车间',
      enterpriseName: '甲企业',
    });
    expect(s.leaderName).toBe(`leadera4`);
    expect(s.equipment[0]).toMatchObject({ name: '五轴加工中心', quantity: 1 });
    expect(s.abilities).toMatchObject({
      update: true,
      updateCore: true,
      archive: true,
      manageMembers: true,
      manageNamings: false,
    });
    const s2 = await createStudio(admin);
    expect(Number(s2.code.slice(-4))).toBeGreaterThan(Number(s.code.slice(-4)));
    expect((await auditOf(s.id, 'studios.create'))[0]).toMatchObject({ actorUserId: w.users.entAdminA.id });
    const members = (await get(entA, `/api/studios/${s.id}/members`)).json();
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({
      personId: w.users.leaderA.personId,
      role: 'leader',
      joinedOn: '2019-05-01',
    });
  });

  it('answers 401 anonymous, 404 to another enterprise (and leaves it out of lists), 403 to a worker', async () => {
    const s = await createStudio(entA);
    expect((await get(null, `/api/studios/${s.id}`)).statusCode).toBe(401);
    expect((await get(null, '/api/studios')).statusCode).toBe(401);
    const hidden = await get(entB, `/api/studios/${s.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('studios.not_found');
    expect((await patch(entB, `/api/studios/${s.id}`, { slogan: 'x', version: s.version })).statusCode).toBe(
      404,
    );
    expect((await get(entB, `/api/studios/${s.id}/members`)).statusCode).toBe(404);
    const listB = (await get(entB, '/api/studios?pageSize=200')).json();
    expect(listB.items.map((x: { id: number }) => x.id)).not.toContain(s.id);
    const listA = (await get(entA, '/api/studios?pageSize=200')).json();
    expect(listA.items.map((x: { id: number }) => x.id)).toContain(s.id);
    // a worker of the enterprise sees the studio but may not edit it, nor create one
    const seen = await get(worker, `/api/studios/${s.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.update).toBe(false);
    const refused = await patch(worker, `/api/studios/${s.id}`, { slogan: '改口号', version: s.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    expect(
      (
        await post(worker, '/api/studios', {
          name: '某工作室',
          type: 'employee',
          hostOrgId: w.orgs.workshopA.id,
        })
      ).statusCode,
    ).toBe(403);
    // enterprise B cannot create under enterprise A's org
    const other = await post(entB, '/api/studios', {
      name: '越界工作室',
      type: 'employee',
      hostOrgId: w.orgs.workshopA.id,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.details.fields.hostOrgId).toMatch(/依托单位/);
  });

  it('refuses bad input with Chinese field details and changes nothing', async () => {
    const before = (await get(admin, '/api/studios?pageSize=1&includeArchived=true')).json().total;
    const bad = await post(entA, '/api/studios', {
      name: '',
      type: 'robot',
      hostOrgId: 'x',
      equipment: [{ name: '', quantity: 0 }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields;
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining(['name', 'type', 'hostOrgId', 'equipment.0.name', 'equipment.0.quantity']),
    );
    for (const m of Object.values(fields)) expect(m).toMatch(/[\u4e00-\u9fa5]/);
    const future = await post(entA, '/api/studios', {
      name: '未来工作室',
      type: 'employee',
      hostOrgId: w.orgs.workshopA.id,
      foundedOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields.foundedOn).toBe('日期不能晚于今天');
    const stranger = await post(entA, '/api/studios', {
      name: '外人工作室',
      type: 'employee',
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.entAdminB.personId,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details.fields.leaderPersonId).toMatch(/人员不存在/);
    expect((await get(admin, '/api/studios?pageSize=1&includeArchived=true')).json().total).toBe(before);
  });

  it('edits with optimistic concurrency: a stale save is 409 with the current record and loses nothing', async () => {
    const s = await createStudio(entA);
    const ok = await patch(leader, `/api/studios/${s.id}`, {
      slogan: '精益求精',
      intro: '专注数控加工',
      version: s.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ slogan: '精益求精', version: s.version + 1 });
    const stale = await patch(entA, `/api/studios/${s.id}`, { slogan: '别的口号', version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect(stale.json().error.details.current).toMatchObject({ slogan: '精益求精', version: s.version + 1 });
    expect((await get(entA, `/api/studios/${s.id}`)).json().slogan).toBe('精益求精');
    const audit = await auditOf(s.id, 'studios.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before.slogan).toBe('匠心筑梦');
    expect(audit[0]!.after.slogan).toBe('精益求精');
  });

  it('lets the leader edit the profile but not the name, type or host org', async () => {
    const s = await createStudio(entA);
    const refused = await patch(leader, `/api/studios/${s.id}`, { name: '改名工作室', version: s.version });
    expect(refused.statusCode).toBe(403);
    // sending an unchanged core field is fine
    const same = await patch(leader, `/api/studios/${s.id}`, {
      name: s.name,
      siteArea: 120.5,
      version: s.version,
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().siteArea).toBe(120.5);
    // a member may read but not edit
    expect(
      (await patch(member, `/api/studios/${s.id}`, { slogan: 'x', version: s.version + 1 })).statusCode,
    ).toBe(403);
  });

  it('filters the list by type, status, level, enterprise subtree and text, newest first', async () => {
    const tag = w.tag.toLowerCase();
    const a = await createStudio(entA, {
      name: `${tag}焊接工匠工作室`,
      type: 'craftsman',
      field: '焊接',
      hostOrgId: w.orgs.branchA.id,
    });
    const b = await createStudio(admin, {
      name: `${tag}装配职工工作室`,
      type: 'employee',
      field: '装配',
      hostOrgId: w.orgs.workshopB.id,
      leaderPersonId: null,
    });
    const ids = async (qs: string) =>
      (await get(admin, `/api/studios?pageSize=200&${qs}`)).json().items.map((x: { id: number }) => x.id);
    expect(await ids(`q=${encodeURIComponent(tag)}`)).toEqual([b.id, a.id]);
    expect(await ids(`q=${encodeURIComponent(tag)}&sort=oldest`)).toEqual([a.id, b.id]);
    expect(await ids(`q=${encodeURIComponent(tag)}&type=craftsman`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent(tag)}&orgId=${w.orgs.entB.id}`)).toEqual([b.id]);
    expect(await ids(`field=${encodeURIComponent('焊接')}&orgId=${w.orgs.entA.id}`)).toContain(a.id);
    expect(await ids(`q=${encodeURIComponent(tag)}&status=named`)).toEqual([]);
    await post(admin, `/api/studios/${a.id}/namings`, {
      level: 'group',
      namingBody: '集团工会',
      namedOn: '2021-04-28',
    });
    expect(await ids(`q=${encodeURIComponent(tag)}&status=named&level=group`)).toEqual([a.id]);
    const bad = await get(admin, '/api/studios?type=robot&pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['pageSize', 'type']);
  });

  it('archives and restores (admins only), hiding archived studios from the list', async () => {
    const s = await createStudio(entA);
    expect((await post(leader, `/api/studios/${s.id}/archive`, { version: s.version })).statusCode).toBe(403);
    const archived = await post(entA, `/api/studios/${s.id}/archive`, { version: s.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().abilities).toMatchObject({ restore: true, update: false });
    const list = (await get(entA, '/api/studios?pageSize=200')).json();
    expect(list.items.map((x: { id: number }) => x.id)).not.toContain(s.id);
    expect(
      (await patch(entA, `/api/studios/${s.id}`, { slogan: 'x', version: archived.json().version })).json()
        .error.code,
    ).toBe('studios.inactive');
    const stale = await post(entA, `/api/studios/${s.id}/restore`, { version: s.version });
    expect(stale.statusCode).toBe(409);
    const restored = await post(entA, `/api/studios/${s.id}/restore`, { version: archived.json().version });
    expect(restored.json().archivedAt).toBeNull();
    expect((await auditOf(s.id, 'studios.archive')).length).toBe(1);
  });
});

describe('naming history', () => {
  it('keeps currentLevel at the highest unrevoked level and names a cultivating studio', async () => {
    const s = await createStudio(entA);
    expect(
      (
        await post(entA, `/api/studios/${s.id}/namings`, {
          level: 'group',
          namingBody: '集团',
          namedOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const plaque = `${w.tag}-P1`;
    const g = await post(admin, `/api/studios/${s.id}/namings`, {
      level: 'group',
      namingBody: '示例集团工会',
      namedOn: '2020-04-28',
      plaqueNo: plaque,
    });
    expect(g.statusCode).toBe(201);
    const p = await post(admin, `/api/studios/${s.id}/namings`, {
      level: 'province',
      namingBody: '省总工会',
      namedOn: '2022-04-28',
    });
    await post(admin, `/api/studios/${s.id}/namings`, {
      level: 'city',
      namingBody: '市总工会',
      namedOn: '2021-04-28',
    });
    let cur = (await get(entA, `/api/studios/${s.id}`)).json();
    expect(cur).toMatchObject({ status: 'named', currentLevel: 'province' });
    expect(cur.namings.map((n: { level: string }) => n.level)).toEqual(['group', 'city', 'province']);
    // the studio page shows each naming exactly as the naming API answered it
    expect(cur.namings[0]).toEqual(g.json());
    expect(cur.namings[2]).toEqual(p.json());
    const dup = await post(admin, `/api/studios/${s.id}/namings`, {
      level: 'city',
      namingBody: '市总工会',
      namedOn: '2021-04-28',
      plaqueNo: plaque,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('studios.plaque_taken');
    const revoked = await patch(admin, `/api/studios/${s.id}/namings/${p.json().id}`, {
      revokedOn: '2024-01-01',
      version: 0,
    });
    expect(revoked.statusCode).toBe(200);
    cur = (await get(entA, `/api/studios/${s.id}`)).json();
    expect(cur.currentLevel).toBe('city');
    expect(cur.namings[2]).toEqual(revoked.json());
    expect(cur.namings[2].revokedOn).toBe('2024-01-01');
    const early = await patch(admin, `/api/studios/${s.id}/namings/${g.json().id}`, {
      revokedOn: '2019-01-01',
      version: 0,
    });
    expect(early.json().error.details.fields.revokedOn).toBe('撤销日期不能早于命名日期');
    const audit = await auditOf(s.id, 'studios.naming_update');
    expect(audit[0]!.after.currentLevel).toBe('city');
    // an entry deleted by mistake leaves the page
    const city = cur.namings[1];
    const gone = await post(admin, `/api/studios/${s.id}/namings/${city.id}/archive`, {
      version: city.version,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    cur = (await get(entA, `/api/studios/${s.id}`)).json();
    expect(cur.namings.map((n: { id: number }) => n.id)).toEqual([g.json().id, p.json().id]);
  });

  it('pages the list with the exact total on every page, past the end too', async () => {
    const tag = `${w.tag.toLowerCase()}pg`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createStudio(entA, { name: `${tag}分页工作室${i}` }));
    const newest = made.map((x) => x.id).reverse();
    const page = async (n: number) =>
      (await get(entA, `/api/studios?q=${encodeURIComponent(tag)}&pageSize=2&page=${n}`)).json();
    expect(await page(1)).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect((await page(1)).items.map((x: { id: number }) => x.id)).toEqual(newest.slice(0, 2));
    expect((await page(2)).items.map((x: { id: number }) => x.id)).toEqual(newest.slice(2));
    expect((await page(2)).total).toBe(3);
    expect(await page(3)).toEqual({ items: [], total: 3, page: 3, pageSize: 2 });
    expect((await get(entA, `/api/studios?q=${tag}nothing&pageSize=2`)).json()).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 2,
    });
    // another enterprise's admin counts none of them
    expect(
      (await get(entB, `/api/studios?q=${encodeURIComponent(tag)}&page=2&pageSize=2`)).json().total,
    ).toBe(0);
  });
});

describe('export', () => {
  it('exports the filtered list as an .xlsx with Chinese headers', async () => {
    const tag = `${w.tag.toLowerCase()}exp`;
    const s = await createStudio(entA, { name: `${tag}数控技能大师工作室`, type: 'masterSkill' });
    const res = await get(entA, `/api/studios/export?q=${encodeURIComponent(tag)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['档案编号', '工作室名称', '类型', '领衔人', '命名级别', '成员人数']),
    );
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(s.code);
    expect(row.getCell(2).value).toBe(s.name);
    expect(row.getCell(3).value).toBe('技能大师工作室');
    expect(row.getCell(9).value).toBe('培育中');
    const none = await get(entB, `/api/studios/export?q=${encodeURIComponent(tag)}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(none.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });
});
