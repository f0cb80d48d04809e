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
let w2: World;
let admin: Session;
let entA: Session;
let entB: Session;
let otherGroupAdmin: Session;
let person: { id: number; employeeNo: string };
let personB: { id: number };

interface Entry {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  actorUserId: number | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const post = (s: Session, url: string, payload: object) => call(t.app, s, { method: 'POST', url, payload });
const entries = async (s: Session, query: string) => {
  const res = await get(s, `/api/audit?pageSize=200&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Entry[];
};
/** Today as a calendar day in China, the zone the audit day filters use. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  w2 = await createWorld(t.database); // a second, unrelated group in the same database
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  otherGroupAdmin = await login(t.app, w2.users.groupAdmin.username);

  // The mutations under audit, made by enterprise A's admin (and one by B's).
  const created = await post(entA, '/api/people', {
    orgId: w.orgs.workshopA.id,
    employeeNo: `${w.tag}-AU1`,
    name: '审计甲',
  });
  person = created.json();
  const updated = await call(t.app, entA, {
    method: 'PATCH',
    url: `/api/people/${person.id}`,
    payload: { name: '审计乙', version: 0 },
  });
  await post(entA, `/api/people/${person.id}/archive`, { version: updated.json().version });
  await call(t.app, entA, {
    method: 'PATCH',
    url: `/api/users/${w.users.memberA.id}`,
    payload: { disabled: true },
  });
  await post(entA, `/api/users/${w.users.employeeA.id}/grants`, {
    role: 'studio_member',
    orgId: w.orgs.workshopA.id,
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: w.users.employeeA.username, password: 'wrong-pass-1' },
    // Its own address: login rate limits are counted in the database, shared by every test file on PostgreSQL.
    remoteAddress: '10.72.0.1',
  });
  personB = (
    await post(entB, '/api/people', {
      orgId: w.orgs.workshopB.id,
      employeeNo: `${w.tag}-BU1`,
      name: '审计丙',
    })
  ).json();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records every mutation with actor, action, entity, before and after', async () => {
    const trail = (await entries(admin, `entityType=person&entityId=${person.id}`)).reverse();
    expect(trail.map((e) => e.action)).toEqual(['people.create', 'people.update', 'people.archive']);
    for (const e of trail)
      expect(e).toMatchObject({
        actorUserId: w.users.entAdminA.id,
        actorName: expect.any(String),
        entityType: 'person',
      });
    expect(trail[0]!.before).toBeNull();
    expect(trail[0]!.after).toMatchObject({ name: '审计甲', employeeNo: `${w.tag}-AU1` });
    expect(trail[1]!.before).toMatchObject({ name: '审计甲' });
    expect(trail[1]!.after).toMatchObject({ name: '审计乙' });
    expect(trail[2]!.before).toEqual({ archivedAt: null });
    expect(trail[2]!.after!.archivedAt).toEqual(expect.any(String));

    const member = await entries(admin, `entityType=user&entityId=${w.users.memberA.id}`);
    expect(member[0]).toMatchObject({
      action: 'users.disable',
      before: { disabled: false },
      after: { disabled: true },
    });
    const employee = await entries(admin, `entityType=user&entityId=${w.users.employeeA.id}`);
    expect(employee.map((e) => e.action)).toEqual(
      expect.arrayContaining(['roles.grant', 'auth.login_failed']),
    );
    expect(employee.find((e) => e.action === 'roles.grant')!.after).toEqual({
      role: 'studio_member',
      orgId: w.orgs.workshopA.id,
    });
    const raw = (await get(admin, `/api/audit?entityId=${person.id}`)).json().items[0];
    expect(raw).not.toHaveProperty('orgPath');
    expect(raw).not.toHaveProperty('ip');
  });

  it('shows each admin only the records of their subtree', async () => {
    const seenByB = await entries(entB, '');
    const idsB = seenByB.map((e) => `${e.entityType}:${e.entityId}`);
    expect(idsB).toContain(`person:${personB.id}`);
    expect(idsB).not.toContain(`person:${person.id}`);
    expect(idsB).not.toContain(`user:${w.users.memberA.id}`);
    expect(idsB).not.toContain(`user:${w.users.employeeA.id}`);
    expect(seenByB.every((e) => e.actorUserId !== w.users.entAdminA.id)).toBe(true);
    expect((await get(entB, `/api/audit?entityType=person&entityId=${person.id}`)).json().total).toBe(0);

    const idsA = (await entries(entA, '')).map((e) => `${e.entityType}:${e.entityId}`);
    expect(idsA).toContain(`person:${person.id}`);
    expect(idsA).toContain(`user:${w.users.employeeA.id}`); // the failed login of one of A's people
    expect(idsA).not.toContain(`person:${personB.id}`);

    // the admin of another group sees nothing of this one
    const foreign = await entries(otherGroupAdmin, '');
    expect(foreign.map((e) => `${e.entityType}:${e.entityId}`)).not.toContain(`person:${person.id}`);
    expect(
      foreign.every((e) => e.actorUserId !== w.users.entAdminA.id && e.actorUserId !== w.users.entAdminB.id),
    ).toBe(true);
  });

  it('filters by entity, action, actor, text and day', async () => {
    const byAction = await entries(entA, 'action=people.update');
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.every((e) => e.action === 'people.update')).toBe(true);
    const byActor = await entries(admin, `actorUserId=${w.users.entAdminB.id}&entityType=person`);
    expect(byActor.map((e) => e.entityId)).toEqual([String(personB.id)]);
    const byType = await entries(entA, 'entityType=user');
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((e) => e.entityType === 'user')).toBe(true);
    const byText = await entries(admin, 'q=people.arch');
    expect(byText.map((e) => e.action)).toEqual(['people.archive']);
    const day = today();
    expect((await entries(admin, `entityId=${person.id}&from=${day}&to=${day}`)).length).toBe(3);
    expect((await entries(admin, `entityId=${person.id}&from=${addDays(day, 1)}`)).length).toBe(0);
    expect((await entries(admin, `entityId=${person.id}&to=${addDays(day, -1)}`)).length).toBe(0);
    const paged = (await get(admin, `/api/audit?entityId=${person.id}&pageSize=2&page=2`)).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it('is for admins only and validates its filters', async () => {
    expect((await get(null, '/api/audit')).statusCode).toBe(401);
    for (const u of [w.users.leaderA, w.users.employeeA, w.users.expertB]) {
      const s = await login(t.app, u.username);
      const res = await get(s, '/api/audit');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
    }
    const bad = await get(admin, '/api/audit?from=yesterday&actorUserId=-1');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['actorUserId', 'from']);
  });
});
