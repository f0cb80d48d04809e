import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/core/db.js';
import { createRateLimiter, purgeRateLimits } from '../server/core/rate-limit.js';
import { createWorld, openTestDatabase, type World } from './helpers.js';

/**
 * Rate limits and lock-out hold across server processes: two app instances on one database (on PGlite they
 * share the Database object; on PostgreSQL each has a connection pool of its own, as two processes would)
 * count against the same limits, so splitting attempts over the instances does not multiply them.
 */
let dbA: Database;
let dbB: Database;
let appA: FastifyInstance;
let appB: FastifyInstance;
let w: World;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-rl-'));
// Addresses and names of this run only: on PostgreSQL every test file of a run shares the database.
const run = `${process.pid % 200}.${Math.floor(Math.random() * 250)}`;

beforeAll(async () => {
  dbA = await openTestDatabase();
  dbB = inject('databaseUrl') ? await openTestDatabase() : dbA;
  appA = await buildApp({ database: dbA, config: { dataDir } });
  appB = await buildApp({ database: dbB, config: { dataDir } });
  w = await createWorld(dbA);
});
afterAll(async () => {
  await appA.close();
  await appB.close();
  await dbA.close();
  if (dbB !== dbA) await dbB.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const tryLogin = (app: FastifyInstance, username: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
/** Instance A for even attempts, B for odd ones. */
const side = (i: number) => (i % 2 === 0 ? appA : appB);

describe('rate limits shared by every server instance on the database', () => {
  it('limits login attempts per address across instances: 10 split over A and B, the 11th refused on both', async () => {
    const ip = `10.61.${run}`;
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await tryLogin(side(i), `ghost${i}_${w.tag}`, 'whatever-1', ip)).statusCode);
    expect(codes).toEqual(Array(10).fill(401));
    for (const app of [appA, appB]) {
      const res = await tryLogin(app, `ghostx_${w.tag}`, 'whatever-1', ip);
      expect(res.statusCode).toBe(429);
      expect(res.json().error).toMatchObject({ code: 'request.rate_limited', message: expect.any(String) });
    }
    // Another address is not affected.
    expect((await tryLogin(appB, `ghosty_${w.tag}`, 'whatever-1', `10.62.${run}`)).statusCode).toBe(401);
  });

  it('limits login attempts per username across instances, whatever the address', async () => {
    const name = `nobody_${w.tag}`.toLowerCase();
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await tryLogin(side(i), name, 'whatever-1', `10.63.${i}.${run.split('.')[1]}`)).statusCode);
    expect(codes).toEqual(Array(10).fill(401));
    expect((await tryLogin(appA, name, 'whatever-1', `10.64.${run}`)).statusCode).toBe(429);
    expect((await tryLogin(appB, name.toUpperCase(), 'whatever-1', `10.65.${run}`)).statusCode).toBe(429);
  });

  it('locks an account after 5 failures split over A and B; the right password then fails on either', async () => {
    const user = w.users.employeeA.username;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await tryLogin(side(i), user, `wrong-${i}-x`, `10.66.${i}.${run.split('.')[1]}`)).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    for (const app of [appA, appB]) {
      const res = await tryLogin(app, user, 'test-pass-123', `10.67.${run}`);
      expect(res.statusCode).toBe(423);
      expect(res.json().error.code).toBe('auth.locked');
    }
  });

  it('limits anonymous idea submission per address across instances: 5 split over A and B, the 6th refused', async () => {
    const ip = `10.68.${run}`;
    const payload = {
      title: '多实例限流测试',
      content: '两台服务器共用一个计数',
      category: 'other',
      orgCode: w.orgs.entA.code,
    };
    const submit = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/api/public/ideas', payload, remoteAddress: ip });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await submit(side(i))).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201]);
    for (const app of [appB, appA]) {
      const res = await submit(app);
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('request.rate_limited');
    }
    const stored = await dbA.exec(
      `SELECT count(*)::int AS n FROM ideas WHERE title = '多实例限流测试' AND org_id = ${w.orgs.entA.id}`,
    );
    expect(Number(stored[0]?.n)).toBe(5);
  });

  it('counts hits made at the same moment on both instances: exactly `max` of 40 parallel hits pass', async () => {
    const clock = { now: () => new Date() };
    const name = `par${w.tag}`;
    const a = createRateLimiter({ name, max: 10, windowMs: 60_000, db: dbA.db, clock });
    const b = createRateLimiter({ name, max: 10, windowMs: 60_000, db: dbB.db, clock });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit('k')));
    expect(results.filter(Boolean)).toHaveLength(10);
    const row = await dbA.exec(`SELECT hits FROM rate_limits WHERE key = '${name}:k'`);
    expect(Number(row[0]?.hits)).toBe(40);
  });

  it('starts a new window after windowMs, and the sweep deletes only expired counters', async () => {
    // A clock in 2001, so this sweep cannot delete the live counters of other test files sharing PostgreSQL.
    let now = Date.parse('2001-01-01T00:00:00Z');
    const clock = { now: () => new Date(now) };
    const name = `win${w.tag}`;
    const a = createRateLimiter({ name, max: 2, windowMs: 60_000, db: dbA.db, clock });
    const b = createRateLimiter({ name, max: 2, windowMs: 60_000, db: dbB.db, clock });
    expect([await a.hit('x'), await b.hit('x'), await a.hit('x')]).toEqual([true, true, false]);
    now += 59_999;
    expect(await b.hit('x')).toBe(false);
    now += 1;
    expect([await b.hit('x'), await a.hit('x'), await b.hit('x')]).toEqual([true, true, false]);
    await a.hit('y');
    now += 30_000;
    await a.hit('z'); // z's window ends at +90 s, x's and y's at +60 s
    now += 30_001;
    const keys = async () =>
      (await dbA.exec(`SELECT key FROM rate_limits WHERE key LIKE '${name}:%' ORDER BY key`)).map(
        (r) => r.key,
      );
    expect(await keys()).toEqual([`${name}:x`, `${name}:y`, `${name}:z`]);
    expect(await purgeRateLimits({ db: dbB.db, now: new Date(now) })).toBeGreaterThanOrEqual(2);
    expect(await keys()).toEqual([`${name}:z`]);
    // A swept key starts afresh.
    expect(await a.hit('x')).toBe(true);
  });
});
