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
let worker: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  leader = await login(t.app, w.users.leaderA.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'POST', url, payload: payload as object });
const patch = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'PATCH', url, payload: payload as object });

let n = 0;
function newPerson(orgId: number, extra: Record<string, unknown> = {}) {
  n++;
  return { orgId, employeeNo: `${w.tag}-P${n}`, name: `测试${n}`, ...extra };
}
const total = async (q = w.tag) =>
  (await get(admin, `/api/people?q=${encodeURIComponent(q)}&includeArchived=true`)).json().total as number;

describe('people list and search', () => {
  it('keeps each enterprise admin inside their own enterprise', async () => {
    const a = (await get(entA, `/api/people?q=${w.tag}&pageSize=200`)).json();
    const aIds = a.items.map((p: { id: number }) => p.id);
    expect(aIds).toContain(w.users.employeeA.personId);
    expect(aIds).toContain(w.users.leaderA.personId);
    expect(aIds).not.toContain(w.users.entAdminB.personId);
    expect(aIds).not.toContain(w.users.expertB.personId);
    expect(aIds).not.toContain(w.users.groupAdmin.personId);
    const b = (await get(entB, `/api/people?q=${w.tag}&pageSize=200`)).json();
    expect(b.items.map((p: { id: number }) => p.id).sort()).toEqual(
      [w.users.entAdminB.personId, w.users.expertB.personId].sort(),
    );
    expect(b.total).toBe(2);
    const hidden = await get(entA, `/api/people/${w.users.entAdminB.personId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('people.not_found');
    // a filter on the other enterprise's org finds nothing rather than leaking it
    const viaFilter = (await get(entA, `/api/people?orgId=${w.orgs.entB.id}`)).json();
    expect(viaFilter.total).toBe(0);
  });

  it('searches by name or 工号 and filters by org, skill grade, trade and honour', async () => {
    const honour = { kind: 'modelWorker', level: 'province', year: 2019 };
    const p = (
      await post(
        entA,
        '/api/people',
        newPerson(w.orgs.workshopA.id, {
          name: '郑铁柱',
          skillGrade: 'technician',
          trade: '数控车工',
          honours: [honour],
        }),
      )
    ).json();
    await post(
      entA,
      '/api/people',
      newPerson(w.orgs.branchA.id, { name: '钱小花', skillGrade: 'junior', trade: '焊工' }),
    );
    const byName = (await get(entA, `/api/people?q=${encodeURIComponent('铁柱')}`)).json();
    expect(byName.items.map((x: { id: number }) => x.id)).toContain(p.id);
    const byNo = (await get(entA, `/api/people?q=${p.employeeNo}`)).json();
    expect(byNo.items).toHaveLength(1);
    expect(byNo.items[0].name).toBe('郑铁柱');
    const q = `q=${w.tag}&pageSize=200`;
    const ids = async (filter: string) =>
      ((await get(entA, `/api/people?${q}&${filter}`)).json().items as { id: number }[]).map((x) => x.id);
    expect(await ids('skillGrade=technician')).toEqual([p.id]);
    expect(await ids(`trade=${encodeURIComponent('车工')}`)).toEqual([p.id]);
    expect(await ids('honourKind=modelWorker')).toEqual([p.id]);
    expect(await ids(`orgId=${w.orgs.workshopA.id}&skillGrade=technician`)).toEqual([p.id]);
    expect(await ids(`orgId=${w.orgs.branchA.id}`)).toContain(p.id); // subtree of the branch
    const paged = (await get(entA, `/api/people?q=${w.tag}&pageSize=2&page=2`)).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.items.length).toBeLessThanOrEqual(2);
    const badFilter = await get(entA, '/api/people?skillGrade=wizard');
    expect(badFilter.statusCode).toBe(400);
    expect(Object.keys(badFilter.json().error.details.fields)).toEqual(['skillGrade']);
  });

  it('lets a leader read, refuses workers the list, and lets anyone read their own record', async () => {
    expect((await get(null, '/api/people')).statusCode).toBe(401);
    expect((await get(leader, `/api/people?q=${w.tag}`)).statusCode).toBe(200);
    const list = await get(worker, '/api/people');
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe('auth.forbidden');
    const own = await get(worker, `/api/people/${w.users.employeeA.personId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      id: w.users.employeeA.personId,
      username: w.users.employeeA.username,
    });
    expect(own.json().abilities.update).toBe(false);
    expect((await get(worker, `/api/people/${w.users.leaderA.personId}`)).statusCode).toBe(404);
  });
});

describe('people writes', () => {
  it('creates a person with abilities, and refuses a duplicate 工号', async () => {
    const body = newPerson(w.orgs.workshopA.id, {
      gender: 'female',
      birthYear: 1988,
      education: 'college',
      email: '',
    });
    const res = await post(entA, '/api/people', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...body,
      email: null,
      orgName: '甲金工车间',
      version: 0,
      honours: [],
    });
    expect(res.json().abilities).toMatchObject({ update: true, archive: true });
    const dup = await post(entA, '/api/people', { ...body, name: '另一个人' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'people.employee_no_taken',
      details: { fields: { employeeNo: '工号已存在' } },
    });
  });

  it('answers 400 with Chinese field details and changes nothing', async () => {
    const before = await total();
    const bad = await post(entA, '/api/people', {
      orgId: w.orgs.workshopA.id,
      employeeNo: '',
      name: 'x'.repeat(51),
      gender: 'robot',
      birthYear: 1800,
      honours: [{ kind: 'modelWorker', level: 'galaxy', year: 2020 }],
    });
    expect(bad.statusCode).toBe(400);
    const { fields } = bad.json().error.details;
    expect(Object.keys(fields).sort()).toEqual([
      'birthYear',
      'employeeNo',
      'gender',
      'honours.0.level',
      'name',
    ]);
    for (const msg of Object.values(fields)) expect(msg).toMatch(/[\u4e00-\u9fa5]/);
    expect(await total()).toBe(before);
  });

  it('refuses writes by leaders and workers (403) and into another enterprise (404)', async () => {
    const before = await total();
    for (const s of [leader, worker]) {
      const res = await post(s, '/api/people', newPerson(w.orgs.workshopA.id));
      expect(res.statusCode).toBe(403);
      const own = (await get(worker, `/api/people/${w.users.employeeA.personId}`)).json();
      expect(
        (await patch(s, `/api/people/${own.id}`, { name: '改名', version: own.version })).statusCode,
      ).toBe(403);
    }
    const cross = await post(entA, '/api/people', newPerson(w.orgs.workshopB.id));
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe('orgs.not_found');
    const other = (await get(entB, `/api/people/${w.users.expertB.personId}`)).json();
    expect(
      (await patch(entA, `/api/people/${other.id}`, { name: '越权', version: other.version })).statusCode,
    ).toBe(404);
    expect((await post(null, '/api/people', newPerson(w.orgs.workshopA.id))).statusCode).toBe(401);
    expect(await total()).toBe(before);
  });

  it('updates with optimistic concurrency: a stale version gets 409 and nothing changes', async () => {
    const honours = [{ kind: 'technicalExpert', level: 'enterprise', year: 2021 }];
    const p = (await post(entA, '/api/people', newPerson(w.orgs.workshopA.id, { honours }))).json();
    const ok = await patch(entA, `/api/people/${p.id}`, {
      name: '新名字',
      skillGrade: 'senior',
      version: p.version,
    });
    expect(ok.statusCode).toBe(200);
    // a partial update leaves the fields it does not mention alone
    expect(ok.json()).toMatchObject({
      name: '新名字',
      skillGrade: 'senior',
      honours,
      version: p.version + 1,
    });
    const stale = await patch(admin, `/api/people/${p.id}`, { name: '旧版本', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect(stale.json().error.details.current).toMatchObject({ name: '新名字', version: p.version + 1 });
    expect((await get(entA, `/api/people/${p.id}`)).json()).toMatchObject({
      name: '新名字',
      version: p.version + 1,
    });
    const moveOut = await patch(entA, `/api/people/${p.id}`, {
      orgId: w.orgs.entB.id,
      version: p.version + 1,
    });
    expect(moveOut.statusCode).toBe(404);
    const moved = await patch(admin, `/api/people/${p.id}`, {
      orgId: w.orgs.entB.id,
      version: p.version + 1,
    });
    expect(moved.json().orgId).toBe(w.orgs.entB.id);
    expect((await get(entA, `/api/people/${p.id}`)).statusCode).toBe(404);
    expect((await get(entB, `/api/people/${p.id}`)).statusCode).toBe(200);
  });

  it('archives and restores, hiding archived people unless asked', async () => {
    const p = (await post(entA, '/api/people', newPerson(w.orgs.branchA.id))).json();
    const archived = await post(entA, `/api/people/${p.id}/archive`, { version: p.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const ids = async (extra: string) =>
      ((await get(entA, `/api/people?q=${p.employeeNo}${extra}`)).json().items as { id: number }[]).map(
        (x) => x.id,
      );
    expect(await ids('')).toEqual([]);
    expect(await ids('&includeArchived=false')).toEqual([]);
    expect(await ids('&includeArchived=true')).toEqual([p.id]);
    expect((await post(entA, `/api/people/${p.id}/restore`, { version: p.version })).statusCode).toBe(409);
    expect(
      (await post(worker, `/api/people/${p.id}/restore`, { version: archived.json().version })).statusCode,
    ).toBe(403);
    expect(
      (await post(entB, `/api/people/${p.id}/restore`, { version: archived.json().version })).statusCode,
    ).toBe(404);
    const restored = await post(entA, `/api/people/${p.id}/restore`, { version: archived.json().version });
    expect(restored.json().archivedAt).toBeNull();
    expect(await ids('')).toEqual([p.id]);
  });
});
