import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createWorld,
  login,
  PASSWORD,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';

// A clock the tests move forward: lock-outs expire and rate-limit windows roll over without waiting.
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };
const advance = (ms: number) => {
  offset += ms;
};

let t: TestApp;
let w: World;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createWorld(t.database);
});
afterAll(() => t.close());
// Every test starts in a fresh rate-limit window.
beforeEach(() => advance(61_000));

/** A fresh employee login in workshop A, so tests never share lock-out counters or sessions. */
async function newUser() {
  n++;
  const person = await seedPerson(t.database.db, {
    orgId: w.orgs.workshopA.id,
    employeeNo: `${w.tag}-U${n}`,
    name: `用户${n}`,
  });
  const username = `u${n}_${w.tag}`.toLowerCase();
  const u = await seedUser(t.database.db, {
    username,
    password: PASSWORD,
    personId: person.id,
    displayName: person.name,
    grants: [{ role: 'employee', orgId: w.orgs.workshopA.id }],
  });
  return { id: u.id, username };
}

const tryLogin = (username: string, password: string, extra: Partial<InjectOptions> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...extra });
const as = (s: Session, opts: InjectOptions, csrf: string | null = s.csrf) =>
  t.app.inject({
    ...opts,
    headers: {
      ...(opts.headers ?? {}),
      cookie: s.cookie,
      ...(csrf === null ? {} : { 'x-csrf-token': csrf }),
    },
  });
const me = (s: Session) => as(s, { method: 'GET', url: '/api/auth/me' });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie']).split(';')[0]!;

describe('login and sessions', () => {
  it('sets an httpOnly SameSite cookie, returns the CSRF token, and stores only a hash of the token', async () => {
    const u = await newUser();
    const res = await tryLogin(u.username.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^jx_session=[\w-]{20,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    const body = res.json();
    expect(body).toMatchObject({
      userId: u.id,
      username: u.username,
      mustChangePassword: false,
      locale: 'zh',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.permissions).toContain('orgs.read');
    expect(res.body).not.toMatch(/passwordHash|argon2/);
    const token = cookieOf(res).split('=')[1]!;
    const rows = await t.database.exec(`SELECT id FROM sessions WHERE user_id = ${u.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    const s = { cookie: cookieOf(res), csrf: body.csrfToken, userId: u.id };
    expect((await me(s)).json()).toMatchObject({ userId: u.id, csrfToken: body.csrfToken });
  });

  it('answers a wrong password and an unknown user alike with 401, in Chinese or English', async () => {
    const u = await newUser();
    const wrong = await tryLogin(u.username, 'wrong-pass-1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({
      code: 'auth.invalid_credentials',
      message: '用户名或密码错误',
    });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await tryLogin(`nobody_${w.tag}`, 'wrong-pass-1', {
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toMatchObject({
      code: 'auth.invalid_credentials',
      message: 'Wrong username or password',
    });
    const empty = await tryLogin('', '');
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.details.fields).sort()).toEqual(['password', 'username']);
  });

  it('locks the account after 5 failures, even for the right password, until the lock expires', async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, `bad-${i}-x`)).statusCode).toBe(401);
    const fifth = await tryLogin(u.username, 'bad-5-x');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    expect(fifth.json().error.details.lockedUntil).toBeTruthy();
    const right = await tryLogin(u.username, PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('auth.locked');
    advance(14 * 60_000);
    expect((await tryLogin(u.username, PASSWORD)).statusCode).toBe(423);
    advance(61_000);
    expect((await tryLogin(u.username, PASSWORD)).statusCode).toBe(200);
    const audit = await t.database.exec(
      `SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = '${u.id}' ORDER BY id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      ...Array(4).fill('auth.login_failed'),
      'auth.locked',
      'auth.login',
    ]);
  });

  it('counts failures made at the same moment: parallel guesses still lock the account', async () => {
    const u = await newUser();
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        tryLogin(u.username, `guess-${i}-x`, { remoteAddress: `10.3.0.${i}` }),
      ),
    );
    expect(guesses.filter((r) => r.statusCode === 423).length).toBeGreaterThanOrEqual(1);
    expect((await tryLogin(u.username, PASSWORD, { remoteAddress: '10.3.0.99' })).statusCode).toBe(423);
  });

  it('forgets earlier failures after a successful login', async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) await tryLogin(u.username, `bad-${i}-x`);
    expect((await tryLogin(u.username, PASSWORD)).statusCode).toBe(200);
    expect((await tryLogin(u.username, 'bad-again-1')).statusCode).toBe(401);
    expect((await tryLogin(u.username, PASSWORD)).statusCode).toBe(200);
  });

  it('lets the per-address limit be raised for a workshop behind one NAT address (LOGIN_LIMIT_PER_ADDRESS)', async () => {
    const nat = await createTestApp({ config: { loginLimitPerAddress: 30 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 31; i++)
        codes.push(
          (
            await nat.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: `worker${i}_${w.tag}`, password: 'whatever-1' },
              remoteAddress: '10.77.0.1',
            })
          ).statusCode,
        );
      expect(codes.slice(0, 30)).toEqual(Array(30).fill(401));
      expect(codes[30]).toBe(429);
    } finally {
      await nat.close();
    }
  });

  it('rate-limits login attempts per username and per address (429), and a forged X-Forwarded-For does not help', async () => {
    const name = `ghost_${w.tag}`;
    for (let i = 0; i < 10; i++)
      expect((await tryLogin(name, 'whatever-1', { remoteAddress: `10.1.0.${i}` })).statusCode).toBe(401);
    const limited = await tryLogin(name, 'whatever-1', { remoteAddress: '10.1.0.99' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('request.rate_limited');
    advance(61_000);
    for (let i = 0; i < 10; i++)
      await tryLogin(`ghost${i}_${w.tag}`, 'whatever-1', { remoteAddress: '10.2.0.1' });
    const sameIp = await tryLogin(`ghostx_${w.tag}`, 'whatever-1', { remoteAddress: '10.2.0.1' });
    expect(sameIp.statusCode).toBe(429);
    const forged = await tryLogin(`ghosty_${w.tag}`, 'whatever-1', {
      remoteAddress: '10.2.0.1',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(forged.statusCode).toBe(429);
    expect((await tryLogin(`ghostz_${w.tag}`, 'whatever-1', { remoteAddress: '10.2.0.2' })).statusCode).toBe(
      401,
    );
  });

  it('refuses a state-changing request without or with a wrong CSRF token (403)', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    for (const csrf of [null, 'x', `${s.csrf.slice(0, -1)}${s.csrf.endsWith('A') ? 'B' : 'A'}`]) {
      const res = await as(s, { method: 'POST', url: '/api/auth/logout' }, csrf);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.csrf');
    }
    const foreign = await login(t.app, w.users.employeeA.username);
    expect((await as(s, { method: 'POST', url: '/api/auth/logout' }, foreign.csrf)).statusCode).toBe(403);
    expect((await me(s)).statusCode).toBe(200); // still logged in
    const patch = await as(s, { method: 'PATCH', url: '/api/auth/prefs', payload: { locale: 'en' } }, null);
    expect(patch.json().error.code).toBe('auth.csrf');
    expect((await me(s)).json().locale).toBe('zh');
    expect(
      (await as(s, { method: 'PATCH', url: '/api/auth/prefs', payload: { locale: 'en' } })).statusCode,
    ).toBe(200);
    expect((await me(s)).json().locale).toBe('en');
  });

  it('logs out: the old cookie is useless afterwards', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    const other = await login(t.app, u.username);
    const out = await as(s, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/jx_session=;/);
    const after = await me(s);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.unauthenticated');
    expect((await me(other)).statusCode).toBe(200); // only this device
  });

  it('logs out everywhere: every session of the user ends, others keep theirs', async () => {
    const u = await newUser();
    const s1 = await login(t.app, u.username);
    const s2 = await login(t.app, u.username);
    const bystander = await login(t.app, w.users.leaderA.username);
    expect((await as(s1, { method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(200);
    expect((await me(s1)).statusCode).toBe(401);
    expect((await me(s2)).statusCode).toBe(401);
    expect((await me(bystander)).statusCode).toBe(200);
  });

  it('ends the session a browser already had when it logs in again (no session fixation)', async () => {
    const u = await newUser();
    const planted = await login(t.app, u.username);
    const res = await tryLogin(u.username, PASSWORD, { headers: { cookie: planted.cookie } });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res)).not.toBe(planted.cookie);
    expect((await me(planted)).statusCode).toBe(401);
    const fresh = { cookie: cookieOf(res), csrf: res.json().csrfToken, userId: u.id };
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('expires sessions after the configured lifetime', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    advance(11 * 3_600_000);
    expect((await me(s)).statusCode).toBe(200);
    advance(3_600_000 + 1000);
    expect((await me(s)).statusCode).toBe(401);
  });
});

describe('change own password', () => {
  const change = (s: Session, body: object) =>
    as(s, { method: 'POST', url: '/api/auth/password', payload: body });

  it('checks the current password and the strength of the new one, changing nothing on refusal', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    const wrong = await change(s, { currentPassword: 'not-mine-1', newPassword: 'brand-new-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'auth.wrong_password',
      details: { fields: { currentPassword: '当前密码不正确' } },
    });
    const weak = await change(s, { currentPassword: PASSWORD, newPassword: 'abcdefghij' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.weak_password');
    expect(Object.keys(weak.json().error.details.fields)).toEqual(['newPassword']);
    const short = await change(s, { currentPassword: PASSWORD, newPassword: 'a1' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields.newPassword).toMatch(/[\u4e00-\u9fa5]/);
    expect((await me(s)).statusCode).toBe(200);
    expect((await tryLogin(u.username, PASSWORD)).statusCode).toBe(200);
  });

  it('on success ends every other session and hands back a new working cookie', async () => {
    const u = await newUser();
    const s = await login(t.app, u.username);
    const other = await login(t.app, u.username);
    const res = await change(s, { currentPassword: PASSWORD, newPassword: 'brand-new-pass-2' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/passwordHash|argon2/);
    const fresh = { cookie: cookieOf(res), csrf: res.json().csrfToken, userId: u.id };
    expect((await me(fresh)).statusCode).toBe(200);
    expect((await me(s)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);
    expect((await tryLogin(u.username, PASSWORD)).statusCode).toBe(401);
    expect((await tryLogin(u.username, 'brand-new-pass-2')).statusCode).toBe(200);
  });
});
