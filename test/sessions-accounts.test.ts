import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/core/db.js';
import {
  call,
  createWorld,
  login,
  openTestDatabase,
  PASSWORD,
  type Session,
  uniq,
  type World,
} from './helpers.js';

/**
 * Sessions and accounts: fixation, reuse after logout, passwords kept out of logs and responses, and the
 * security headers. (Lock-out, rate limits, CSRF and expiry: accounts.auth.int.test.ts.)
 */
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let w: World;
let admin: Session;
const logged: string[] = [];
const stream = new PassThrough();
stream.on('data', (chunk) => logged.push(String(chunk)));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({
    database,
    logger: true,
    logStream: stream,
    config: { logLevel: 'trace', dataDir: `/tmp/jx-sessions-${process.pid}` },
  });
  w = await createWorld(database);
  admin = await login(app, w.users.groupAdmin.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie']).split(';')[0]!;
const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('sessions', () => {
  it('never adopts a session id planted before login (fixation)', async () => {
    const planted = 'jx_session=attacker-chosen-value-0123456789abcdef';
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: w.users.memberA.username, password: PASSWORD },
      headers: { cookie: planted },
      remoteAddress: '127.3.0.1',
    });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res)).not.toBe(planted);
    expect(cookieOf(res)).toMatch(/^jx_session=[A-Za-z0-9_-]{40,}$/);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(cookieOf(res))).statusCode).toBe(200);
  });

  it('refuses a session after logout, also for state-changing calls with the right CSRF token', async () => {
    const s = await login(app, w.users.leaderA.username);
    const out = await call(app, s, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me(s.cookie)).statusCode).toBe(401);
    const write = await call(app, s, { method: 'PATCH', url: '/api/auth/prefs', payload: {} });
    expect(write.statusCode).toBe(401);
    expect(write.json().error.code).toBe('auth.unauthenticated');
  });
});

describe('passwords', () => {
  it('are never logged nor returned: login, create account, reset and change', async () => {
    const consoleLines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...a: unknown[]) => {
        consoleLines.push(a.map(String).join(' '));
      }),
    );
    const bodies: string[] = [];
    const secrets = [`Create-${uniq()}-pw`, `Reset-${uniq()}-pw`, `Change-${uniq()}-pw`, PASSWORD];
    try {
      const t = uniq().toLowerCase();
      const person = await call(app, admin, {
        method: 'POST',
        url: '/api/people',
        payload: { orgId: w.orgs.workshopA.id, employeeNo: `PW${t}`, name: '密码测试' },
      });
      expect(person.statusCode, person.body).toBeLessThan(300);
      const created = await call(app, admin, {
        method: 'POST',
        url: '/api/users',
        payload: { personId: person.json().id, username: `pw_${t}`, password: secrets[0] },
      });
      bodies.push(created.body);
      expect(created.statusCode, created.body).toBeLessThan(300);
      const userId = created.json().userId;
      const bad = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `pw_${t}`, password: `${secrets[0]}-wrong` },
        remoteAddress: '127.3.0.2',
      });
      bodies.push(bad.body);
      const reset = await call(app, admin, {
        method: 'POST',
        url: `/api/users/${userId}/reset-password`,
        payload: { newPassword: secrets[1] },
      });
      bodies.push(reset.body);
      expect(reset.statusCode, reset.body).toBe(200);
      const s = await login(app, `pw_${t}`, secrets[1]);
      const change = await call(app, s, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: secrets[1], newPassword: secrets[2] },
      });
      bodies.push(change.body);
      expect(change.statusCode, change.body).toBe(200);
      const s2 = await login(app, `pw_${t}`, secrets[2]);
      for (const url of [
        '/api/auth/me',
        `/api/users/${userId}`,
        `/api/audit?entityType=user&entityId=${userId}`,
        '/api/audit',
      ]) {
        const r = await call(app, url.startsWith('/api/auth') ? s2 : admin, { method: 'GET', url });
        expect(r.statusCode, `${url} ${r.body}`).toBe(200);
        bodies.push(r.body);
      }
      const auditRows = await database.exec(`SELECT row_to_json(a)::text AS j FROM audit_log a`);
      bodies.push(...auditRows.map((r) => String(r.j)));
    } finally {
      for (const s of spies) s.mockRestore();
    }
    await new Promise((r) => setImmediate(r));
    const log = logged.join('');
    expect(log).toContain('/api/auth/login'); // the capture works: requests are in the log
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(consoleLines.join('\n')).not.toContain(secret);
      for (const b of bodies) expect(b).not.toContain(secret);
    }
    for (const b of bodies) {
      expect(b).not.toMatch(/\$argon2/);
      expect(b).not.toMatch(/"password(Hash)?":/i);
    }
  });
});

describe('security headers', () => {
  it('are on API answers, errors and the HTML page', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/nowhere', '/', '/studios']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toMatch(/object-src 'none'/);
    }
  });
});
