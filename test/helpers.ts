import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { inject } from 'vitest';
import type { Role } from '../common/roles.js';
import { buildApp } from '../server/app.js';
import type { Clock } from '../server/core/context.js';
import { type Database, openDatabase } from '../server/core/db.js';
import { seedOrg, seedPerson, seedUser } from '../server/db/seed/factories.js';

export const PASSWORD = 'test-pass-123';

/** A real database for one test file: a copy of the migrated PGlite snapshot, or the run's PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  const url = inject('databaseUrl');
  if (url) return openDatabase({ url });
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]), extensions: { pg_trgm } });
  return openDatabase({ pglite });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { clock?: Clock; config?: Record<string, unknown> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({
    database,
    clock: opts.clock,
    config: { dataDir: fs.mkdtempSync('/tmp/jx-data-'), ...opts.config },
  });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;
/** A unique short tag so parallel tests on one PostgreSQL database never collide on unique codes. */
export function uniq(): string {
  counter++;
  return `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}${counter}`.toUpperCase();
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * Builds a private org subtree — a group with enterprises A and B, each with a branch and a workshop —
 * and one user per role. Usernames and codes carry a unique tag.
 */
export async function createWorld(database: Database) {
  const db = database.db;
  const t = uniq();
  const root = await seedOrg(db, { code: `G${t}`, name: `测试集团${t}`, kind: 'group' });
  const entA = await seedOrg(db, {
    code: `A${t}`,
    name: '甲企业',
    kind: 'enterprise',
    parent: root,
    employeeCount: 500,
  });
  const entB = await seedOrg(db, {
    code: `B${t}`,
    name: '乙企业',
    kind: 'enterprise',
    parent: root,
    employeeCount: 300,
  });
  const branchA = await seedOrg(db, { code: `A${t}-1`, name: '甲一分厂', kind: 'branch', parent: entA });
  const workshopA = await seedOrg(db, {
    code: `A${t}-1-1`,
    name: '甲金工车间',
    kind: 'workshop',
    parent: branchA,
  });
  const branchB = await seedOrg(db, { code: `B${t}-1`, name: '乙一分厂', kind: 'branch', parent: entB });
  const workshopB = await seedOrg(db, {
    code: `B${t}-1-1`,
    name: '乙装配车间',
    kind: 'workshop',
    parent: branchB,
  });
  const orgs = { root, entA, entB, branchA, workshopA, branchB, workshopB };

  let n = 0;
  const user = async (key: string, role: Role, org: { id: number }, personOrg: { id: number } = org) => {
    n++;
    const person = await seedPerson(db, {
      orgId: personOrg.id,
      employeeNo: `${t}-${n}`,
      name: `${key}${n}`,
      honours: [],
    });
    const username = `${key}_${t}`.toLowerCase();
    const grants: { role: Role; orgId: number }[] = [{ role, orgId: org.id }];
    const u = await seedUser(db, {
      username,
      password: PASSWORD,
      personId: person.id,
      displayName: person.name,
      grants,
    });
    return { id: u.id, username, personId: person.id, orgId: personOrg.id };
  };
  const users = {
    groupAdmin: await user('gadmin', 'group_admin', root),
    entAdminA: await user('eadmina', 'enterprise_admin', entA),
    entAdminB: await user('eadminb', 'enterprise_admin', entB),
    leaderA: await user('leadera', 'studio_leader', entA, workshopA),
    memberA: await user('membera', 'studio_member', entA, workshopA),
    expertB: await user('expertb', 'expert', root, entB),
    employeeA: await user('workera', 'employee', workshopA),
  };
  return { tag: t, orgs, users };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

// Where this file's loopback addresses start: random, because the login rate limit is counted in the
// database and on PostgreSQL every test file of a run shares one database.
let logins = Math.floor(Math.random() * 0x3f0000);
/**
 * Logs in through the API. Each call comes from its own loopback address (127.64.0.0/10), so a file that logs
 * in many users stays under the per-address login rate limit (tests of that limit set `remoteAddress` themselves).
 */
export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  logins++;
  const remoteAddress = `127.${64 + ((logins >> 16) & 63)}.${(logins >> 8) & 255}.${logins & 255}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const body = res.json();
  return { cookie, csrf: body.csrfToken, userId: body.userId };
}

/** Sends a request as `session` (or anonymously), with the CSRF header a browser would send. */
export function call(app: FastifyInstance, session: Session | null, opts: InjectOptions) {
  const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ ...opts, headers });
}

/** A multipart body with one file, for upload routes. */
export function multipartFile(buffer: Buffer, filename: string, field = 'file') {
  const boundary = `----jx${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, buffer, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
