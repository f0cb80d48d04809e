import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  PASSWORD,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let entA: Session;
let entB: Session;
let worker: Session;
let n = 0;
/** Every response body of this file, checked at the end for leaked password hashes. */
const bodies: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

async function req(s: Session | null, opts: InjectOptions) {
  const res = await call(t.app, s, opts);
  bodies.push(res.body);
  return res;
}
const get = (s: Session | null, url: string) => req(s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: object = {}) =>
  req(s, { method: 'POST', url, payload });
let attempts = 0;
const tryLogin = async (username: string, password = PASSWORD) => {
  attempts++;
  const remoteAddress = `10.9.0.${attempts}`; // stay under the per-address rate limit
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  bodies.push(res.body);
  return res;
};

/** A fresh employee login in workshop A (a person with an account). */
async function newUser(orgId = w.orgs.workshopA.id) {
  n++;
  const person = await seedPerson(t.database.db, { orgId, employeeNo: `${w.tag}-U${n}`, name: `用户${n}` });
  const username = `u${n}_${w.tag}`.toLowerCase();
  const u = await seedUser(t.database.db, {
    username,
    password: PASSWORD,
    personId: person.id,
    displayName: person.name,
    grants: [{ role: 'employee', orgId }],
  });
  return { id: u.id, username, personId: person.id };
}
const auditOf = (userId: number) =>
  t.database.exec(
    `SELECT action, actor_user_id, before, after FROM audit_log WHERE entity_type = 'user' AND entity_id = '${userId}' ORDER BY id`,
  );

describe('accounts managed by admins', () => {
  it('creates an account for a person in scope, with the 职工 role and a forced password change', async () => {
    n++;
    const person = await seedPerson(t.database.db, {
      orgId: w.orgs.workshopA.id,
      employeeNo: `${w.tag}-C${n}`,
      name: '新职工',
    });
    const username = `new${n}_${w.tag}`.toLowerCase();
    const weak = await post(entA, '/api/users', { personId: person.id, username, password: 'onlyletters' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields).toHaveProperty('password');
    expect(
      (await post(entB, '/api/users', { personId: person.id, username, password: 'good-pass-1' })).statusCode,
    ).toBe(404);
    expect(
      (await post(worker, '/api/users', { personId: person.id, username, password: 'good-pass-1' }))
        .statusCode,
    ).toBe(403);
    const res = await post(entA, '/api/users', { personId: person.id, username, password: 'good-pass-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username,
      personId: person.id,
      disabled: false,
      grants: [{ role: 'employee', orgId: w.orgs.workshopA.id }],
    });
    const dupName = await post(entA, '/api/users', {
      personId: w.users.employeeA.personId,
      username: username.toUpperCase(),
      password: 'good-pass-1',
    });
    expect(dupName.statusCode).toBe(409);
    const dupPerson = await post(entA, '/api/users', {
      personId: person.id,
      username: `other${n}_${w.tag}`,
      password: 'good-pass-1',
    });
    expect(dupPerson.statusCode).toBe(409);
    expect(dupPerson.json().error.code).toBe('users.person_has_account');
    const first = await tryLogin(username, 'good-pass-1');
    expect(first.json().mustChangePassword).toBe(true);
    const [created] = await auditOf(res.json().userId);
    expect(created).toMatchObject({ action: 'users.create', actor_user_id: w.users.entAdminA.id });
  });

  it('shows an account only to admins over it: 401, 403 for a worker, 404 for another enterprise', async () => {
    const url = `/api/users/${w.users.employeeA.id}`;
    expect((await get(null, url)).statusCode).toBe(401);
    expect((await get(worker, url)).statusCode).toBe(403);
    const other = await get(entB, url);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('users.not_found');
    expect((await get(entA, `/api/users/${w.users.groupAdmin.id}`)).statusCode).toBe(404);
    const ok = await get(entA, url);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ userId: w.users.employeeA.id, username: w.users.employeeA.username });
  });

  it('resets a password: sets a temporary one, unlocks the account and ends its sessions', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    for (let i = 0; i < 5; i++) await tryLogin(u.username, `bad-${i}-x`);
    expect((await tryLogin(u.username)).statusCode).toBe(423);
    const url = `/api/users/${u.id}/reset-password`;
    expect((await post(entB, url, { newPassword: 'temp-pass-9' })).statusCode).toBe(404);
    expect((await post(worker, url, { newPassword: 'temp-pass-9' })).statusCode).toBe(403);
    expect((await post(entA, url, { newPassword: 'temporary' })).json().error.code).toBe(
      'auth.weak_password',
    );
    const res = await post(entA, url, { newPassword: 'temp-pass-9' });
    expect(res.statusCode).toBe(200);
    expect((await get(s, '/api/auth/me')).statusCode).toBe(401);
    expect((await tryLogin(u.username)).statusCode).toBe(401);
    const fresh = await tryLogin(u.username, 'temp-pass-9');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().mustChangePassword).toBe(true);
    const actions = (await auditOf(u.id)).map((r) => r.action);
    expect(actions).toContain('users.reset_password');
  });

  it('disables an account: its sessions end and login answers 403 auth.disabled; re-enabling restores it', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    const url = `/api/users/${u.id}`;
    const patch = (as: Session, disabled: unknown) =>
      req(as, { method: 'PATCH', url, payload: { disabled } });
    expect((await patch(entB, true)).statusCode).toBe(404);
    expect((await patch(worker, true)).statusCode).toBe(403);
    expect((await patch(entA, 'yes')).statusCode).toBe(400);
    expect((await get(s, '/api/auth/me')).statusCode).toBe(200);
    const res = await patch(entA, true);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await get(s, '/api/auth/me')).statusCode).toBe(401);
    const refused = await tryLogin(u.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.disabled');
    expect((await patch(entA, false)).json().disabled).toBe(false);
    expect((await tryLogin(u.username)).statusCode).toBe(200);
    const self = await req(entA, {
      method: 'PATCH',
      url: `/api/users/${w.users.entAdminA.id}`,
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(403);
    const [disable] = (await auditOf(u.id)).filter((r) => r.action === 'users.disable');
    expect(disable).toMatchObject({
      actor_user_id: w.users.entAdminA.id,
      before: { disabled: false },
      after: { disabled: true },
    });
  });

  it('grants and revokes roles within the granter’s reach', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    const url = `/api/users/${u.id}/grants`;
    expect((await get(s, '/api/people')).statusCode).toBe(403);
    const tooHigh = await post(entA, url, { role: 'group_admin', orgId: w.orgs.entA.id });
    expect(tooHigh.statusCode).toBe(403);
    expect(tooHigh.json().error.code).toBe('roles.invalid_scope');
    const sibling = await post(entA, url, { role: 'studio_leader', orgId: w.orgs.workshopB.id });
    expect(sibling.statusCode).toBe(404);
    const parent = await post(entA, url, { role: 'studio_leader', orgId: w.orgs.root.id });
    expect(parent.statusCode).toBe(404);
    expect((await post(entB, url, { role: 'studio_leader', orgId: w.orgs.workshopB.id })).statusCode).toBe(
      404,
    );
    expect((await post(worker, url, { role: 'studio_leader', orgId: w.orgs.workshopA.id })).statusCode).toBe(
      403,
    );
    expect((await post(entA, url, { role: 'wizard', orgId: w.orgs.workshopA.id })).statusCode).toBe(400);

    const granted = await post(entA, url, { role: 'studio_leader', orgId: w.orgs.workshopA.id });
    expect(granted.statusCode).toBe(200);
    const grant = granted.json().grants.find((g: { role: string }) => g.role === 'studio_leader');
    expect(grant).toMatchObject({ orgId: w.orgs.workshopA.id, orgPath: w.orgs.workshopA.path });
    expect((await get(s, '/api/people')).statusCode).toBe(200); // takes effect on the next request

    const employeeGrant = granted.json().grants.find((g: { role: string }) => g.role === 'employee');
    const foreign = await req(entA, {
      method: 'DELETE',
      url: `/api/users/${w.users.employeeA.id}/grants/${grant.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('roles.not_found');
    const revoked = await req(entA, { method: 'DELETE', url: `${url}/${grant.id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().grants.map((g: { id: number }) => g.id)).toEqual([employeeGrant.id]);
    expect((await get(s, '/api/people')).statusCode).toBe(403);
    const actions = (await auditOf(u.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['roles.grant', 'roles.revoke']));
  });

  it('an enterprise admin cannot revoke a role granted above their reach', async () => {
    const u = await newUser();
    const admin = await login(t.app, w.users.groupAdmin.username);
    const g = (
      await post(admin, `/api/users/${u.id}/grants`, { role: 'expert', orgId: w.orgs.root.id })
    ).json();
    const expertGrant = g.grants.find((x: { role: string }) => x.role === 'expert');
    const res = await req(entA, { method: 'DELETE', url: `/api/users/${u.id}/grants/${expertGrant.id}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('roles.invalid_scope');
  });
});

describe('secrets', () => {
  it('never returns a password hash and never writes one to the audit log', async () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const b of bodies) expect(b).not.toMatch(/passwordHash|password_hash|\$argon2/);
    const rows = await t.database.exec(
      `SELECT count(*)::int AS n FROM audit_log WHERE coalesce(before::text, '') || coalesce(after::text, '') ~ '(argon2|passwordHash|password_hash|good-pass-1|temp-pass-9|brand-new)'`,
    );
    expect(rows[0]!.n).toBe(0);
    const all = await t.database.exec('SELECT count(*)::int AS n FROM audit_log');
    expect(all[0]!.n).toBeGreaterThan(10);
  });
});
