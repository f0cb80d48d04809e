import http from 'node:http';
import type { DataSize } from './data.js';
import { layoutOf } from './data.js';
import { BENCH_PASSWORD, type BenchUser, benchUsers } from './loader.js';

/** A logged-in bench user: the cookie and CSRF token a browser would send. */
export interface Session {
  user: BenchUser;
  cookie: string;
  csrf: string;
}

export interface Req {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The random value drawn for this request (an org or studio id), for the pgbench script. */
  random?: number;
}

export interface Scenario {
  key: string;
  title: string;
  /** The target from issue #10. */
  target: string;
  /** Draws the next request and the session that sends it. */
  next(): { session: Session; req: Req };
  /** The random variable of the pgbench script (a range of ids), when the scenario has one. */
  randomRange?: [number, number];
}

/** Logs in through the API (each from its own loopback address: the login limit is per address). */
export async function loginAll(base: string, size: DataSize): Promise<Session[]> {
  const out: Session[] = [];
  let k = 0;
  for (const user of benchUsers(size)) {
    k++;
    const body = JSON.stringify({ username: user.username, password: BENCH_PASSWORD });
    const res = await new Promise<{ status: number; cookie: string; body: string }>((resolve, reject) => {
      const req = http.request(
        `${base}/api/auth/login`,
        {
          method: 'POST',
          localAddress: `127.0.${Math.floor(k / 250)}.${(k % 250) + 2}`,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let data = '';
          res.on('data', (c) => {
            data += c;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              cookie: String(res.headers['set-cookie'] ?? '').split(';')[0]!,
              body: data,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    if (res.status !== 200) throw new Error(`login ${user.username}: ${res.status} ${res.body}`);
    out.push({ user, cookie: res.cookie, csrf: JSON.parse(res.body).csrfToken });
  }
  return out;
}

/** Chinese queries of the search scenario: words of the generated titles, a name and a miss. */
export const searchWords = ['刀具寿命', '焊缝质量提升', '数控加工', '工装夹具', '王伟', '液压', '节能改造'];

/** The load scenarios (a)–(e) over the data set `size` with the logged-in `sessions`. */
export function scenariosOf(size: DataSize, sessions: Session[]): Scenario[] {
  const l = layoutOf(size);
  const ents = size.groups * size.enterprisesPerGroup;
  const entRange: [number, number] = [l.firstEnterprise, l.firstEnterprise + ents - 1];
  const by = (use: BenchUser['use']) => sessions.filter((s) => s.user.use === use);
  const nation = by('nation')[0]!;
  const entAdmins = by('enterprise');
  const leaders = by('leader');
  const workers = by('worker');
  const rand = ([lo, hi]: [number, number]) => lo + Math.floor(Math.random() * (hi - lo + 1));
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const leaderStudio = (s: Session) => 1 + Math.floor((leaders.indexOf(s) * size.studios) / 4);
  let n = 0;
  return [
    {
      key: 'a',
      title: '(a) studio list: one enterprise subtree, named, newest first, 20 per page',
      target: '≥ 3,000 req/s, p99 ≤ 50 ms',
      randomRange: entRange,
      next: () => {
        const org = rand(entRange);
        return {
          session: nation,
          req: {
            method: 'GET',
            path: `/api/studios?orgId=${org}&status=named&sort=newest&pageSize=20`,
            random: org,
          },
        };
      },
    },
    {
      key: 'b',
      title: '(b) one studio by id',
      target: '≥ 5,000 req/s, p99 ≤ 50 ms',
      randomRange: [1, size.studios],
      next: () => {
        const id = rand([1, size.studios]);
        return { session: nation, req: { method: 'GET', path: `/api/studios/${id}`, random: id } };
      },
    },
    {
      key: 'c1',
      title: '(c) dashboard of one enterprise (mid-level org)',
      target: '≥ 1,500 req/s, p99 ≤ 100 ms',
      randomRange: entRange,
      next: () => {
        const org = rand(entRange);
        return {
          session: nation,
          req: { method: 'GET', path: `/api/stats/overview?orgId=${org}`, random: org },
        };
      },
    },
    {
      key: 'c2',
      title: '(c) dashboard of the whole nation',
      target: 'p95 ≤ 200 ms',
      next: () => ({ session: nation, req: { method: 'GET', path: '/api/stats/overview?orgId=1' } }),
    },
    {
      key: 'd',
      title: '(d) Chinese search (all types) by enterprise admins',
      target: 'p95 ≤ 100 ms',
      next: () => ({
        session: pick(entAdmins),
        req: { method: 'GET', path: `/api/search?q=${encodeURIComponent(pick(searchWords))}` },
      }),
    },
    {
      key: 'e',
      title: '(e) mixed: workers/leaders list and open studios, leaders record activities (1 in 10 writes)',
      target: '(no target; reported)',
      next: () => {
        const i = n++ % 10;
        if (i === 0) {
          const s = pick(leaders);
          const body = JSON.stringify({
            studioId: leaderStudio(s),
            kind: 'exchange',
            title: `压测交流活动${n}`,
            heldOn: '2026-05-01',
            hours: 2,
          });
          return { session: s, req: { method: 'POST', path: '/api/activities', body } };
        }
        const s = pick([...workers, ...leaders]);
        if (i < 6) return { session: s, req: { method: 'GET', path: '/api/studios?pageSize=20' } };
        if (i < 8) {
          // A studio the user may see: their own (leaders) or one hosted by their workshop (workers).
          const id = s.user.use === 'leader' ? leaderStudio(s) : s.user.orgId - l.firstWorkshop + 1;
          return { session: s, req: { method: 'GET', path: `/api/studios/${id}` } };
        }
        return { session: s, req: { method: 'GET', path: '/api/auth/me' } };
      },
    },
  ];
}
