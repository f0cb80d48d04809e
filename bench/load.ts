import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../common/roles.js';
import { buildApp } from '../server/app.js';
import { type Database, openDatabase } from '../server/core/db.js';
import { migrate } from '../server/core/migrate.js';
import { seedOrg, seedPerson, seedUser } from '../server/db/seed/factories.js';

/**
 * A bounded load test on loopback: `sessions` logged-in users of mixed roles send a mix of reads and writes
 * (lists, a studio, the org tree, new ideas, preference changes) over `connections` keep-alive connections (default one each)
 * for `seconds`. Reports throughput, latency, every non-2xx or socket error, and the RSS growth.
 * Full run: `npx tsx bench/load.ts [seconds=180] [sessions=20] [connections=20]` (PGlite, or DATABASE_URL).
 */
export interface LoadReport {
  seconds: number;
  sessions: number;
  connections: number;
  requests: number;
  perSecond: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rssStartMb: number;
  rssEndMb: number;
  rssGrowthMb: number;
}

export async function runLoad(opts: {
  database: Database;
  seconds: number;
  sessions?: number;
  connections?: number;
  dataDir?: string;
}): Promise<LoadReport> {
  const sessionsWanted = opts.sessions ?? 20;
  const connections = opts.connections ?? 20;
  const { database } = opts;
  const tag = `L${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();
  const root = await seedOrg(database.db, { code: `${tag}`, name: `压测集团${tag}`, kind: 'group' });
  const ent = await seedOrg(database.db, {
    code: `${tag}-E`,
    name: '压测企业',
    kind: 'enterprise',
    parent: root,
  });
  const shop = await seedOrg(database.db, {
    code: `${tag}-W`,
    name: '压测车间',
    kind: 'workshop',
    parent: ent,
  });
  const roles: Role[] = ['enterprise_admin', 'studio_leader', 'studio_member', 'employee'];
  const users: string[] = [];
  for (let i = 0; i < sessionsWanted; i++) {
    const person = await seedPerson(database.db, {
      orgId: shop.id,
      employeeNo: `${tag}-${i}`,
      name: `压测${i}`,
      honours: [],
    });
    const username = `load_${tag}_${i}`.toLowerCase();
    await seedUser(database.db, {
      username,
      password: 'load-pass-123',
      personId: person.id,
      displayName: person.name,
      grants: [{ role: roles[i % roles.length]!, orgId: i % roles.length === 0 ? ent.id : shop.id }],
    });
    users.push(username);
  }
  const app: FastifyInstance = await buildApp({
    database,
    config: { dataDir: opts.dataDir ?? path.join('/tmp', `jx-load-${process.pid}`) },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const port = (app.server.address() as { port: number }).port;
    const sessions: { cookie: string; csrf: string }[] = [];
    for (const [i, username] of users.entries()) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'load-pass-123' },
        remoteAddress: `127.9.0.${i + 1}`,
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      sessions.push({ cookie: String(res.headers['set-cookie']).split(';')[0]!, csrf: res.json().csrfToken });
    }
    const admin = sessions[0]!;
    const studio = await app.inject({
      method: 'POST',
      url: '/api/studios',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { name: '压测工作室', type: 'craftsman', hostOrgId: shop.id, leaderPersonId: null },
    });
    if (studio.statusCode !== 201) throw new Error(`studio: ${studio.body}`);
    const studioId = studio.json().id;

    global.gc?.();
    const rssStart = process.memoryUsage().rss;
    // One autocannon instance per session (its cookie and CSRF header on every request), all at once.
    const perSession = Math.max(1, Math.round(connections / sessions.length));
    const results = await Promise.all(
      sessions.map((s) =>
        autocannon({
          url: `http://127.0.0.1:${port}`,
          connections: perSession,
          duration: opts.seconds,
          timeout: 30,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          requests: [
            { method: 'GET', path: '/api/studios' },
            { method: 'GET', path: '/api/orgs/tree' },
            { method: 'GET', path: `/api/studios/${studioId}` },
            { method: 'GET', path: '/api/auth/me' },
            {
              method: 'POST',
              path: '/api/ideas',
              body: JSON.stringify({
                title: '压测金点子',
                content: '减少换模时间的一个办法',
                category: 'efficiency',
              }),
            },
            { method: 'GET', path: '/api/ideas' },
            { method: 'PATCH', path: '/api/auth/prefs', body: JSON.stringify({ locale: 'zh' }) },
            { method: 'GET', path: '/api/notifications' },
          ],
        }),
      ),
    );
    const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
    global.gc?.();
    const rssEnd = process.memoryUsage().rss;
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    return {
      seconds: opts.seconds,
      sessions: sessions.length,
      connections: perSession * sessions.length,
      requests: sum((r) => r.requests.total),
      perSecond: Math.round(sum((r) => r.requests.average)),
      latencyP99Ms: Math.max(...results.map((r) => r.latency.p99)),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      timeouts: sum((r) => r.timeouts),
      rssStartMb: mb(rssStart),
      rssEndMb: mb(rssEnd),
      rssGrowthMb: mb(rssEnd - rssStart),
    };
  } finally {
    await app.close();
  }
}

async function main() {
  const [seconds = '180', sessions = '20', connections = '20'] = process.argv.slice(2);
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
  await migrate(database);
  const report = await runLoad({
    database,
    seconds: Number(seconds),
    sessions: Number(sessions),
    connections: Number(connections),
  });
  console.log(JSON.stringify(report, null, 2));
  await database.close();
  const ok = report.non2xx === 0 && report.errors === 0 && report.timeouts === 0 && report.rssGrowthMb < 250;
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
