import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewListCap, type StatsComparison, type StatsOverview } from '../../../common/schemas/stats.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedInsight } from './insight.test-support.js';
import { getOverview } from './stats.service.js';
import { rowsOf } from './stats.sql.js';

let t: TestApp;
let w: World;
let s: Record<'group' | 'entA' | 'leader', Session>;
const YEAR = 2025;
// Mid-2026 in China: the seeded studios (founded 2020) have had nothing for over 12 months except where seeded.
const clock = { now: () => new Date('2026-06-01T02:00:00Z') };

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createWorld(t.database);
  await seedInsight(t.database.db, w, YEAR);
  s = {
    group: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    leader: await login(t.app, w.users.leaderA.username),
  };
});
afterAll(() => t.close());

const overview = async (session: Session, orgId: number, year = YEAR) => {
  const res = await call(t.app, session, {
    method: 'GET',
    url: `/api/stats/overview?orgId=${orgId}&year=${year}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatsOverview;
};
const fig = (o: StatsOverview, key: string) => {
  const f = o.figures.find((x) => x.key === key);
  if (!f) throw new Error(`figure ${key} missing`);
  return f;
};
/** Plain SQL, written independently of the service, for the expected numbers. */
const count = async (q: ReturnType<typeof sql>) =>
  Number((await rowsOf<{ n: string | number }>(t.database.db, q))[0]!.n);

describe('GET /api/stats/overview', () => {
  it('matches counts computed independently from the tables, for the group', async () => {
    const o = await overview(s.group, w.orgs.root.id);
    const p = `${w.orgs.root.path}%`;
    const studios = (status: string) =>
      count(sql`SELECT count(*) AS n FROM studios WHERE status = ${status} AND archived_at IS NULL
                AND host_org_id IN (SELECT id FROM orgs WHERE path LIKE ${p})`);
    expect(fig(o, 'studios.named').value).toBe(await studios('named'));
    expect(fig(o, 'studios.named').value).toBe(1);
    expect(fig(o, 'studios.rectifying').value).toBe(await studios('rectifying'));
    expect(fig(o, 'studios.cultivating').value).toBe(await studios('cultivating'));
    expect(fig(o, 'studios.namedInYear').value).toBe(1);

    const recognised = await count(
      sql`SELECT count(*) AS n FROM results WHERE status = 'recognised' AND year = ${YEAR} AND archived_at IS NULL
          AND studio_id IN (SELECT s.id FROM studios s JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE ${p})`,
    );
    expect(fig(o, 'results.recognised').value).toBe(recognised);
    expect(recognised).toBe(4);
    const patents = (type: string | null) =>
      count(
        sql`SELECT count(*) AS n FROM results WHERE patent_type IS NOT NULL AND (${type}::text IS NULL OR patent_type = ${type})
            AND year = ${YEAR} AND archived_at IS NULL
            AND studio_id IN (SELECT s.id FROM studios s JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE ${p})`,
      );
    expect(fig(o, 'patents.total').value).toBe(await patents(null));
    expect(fig(o, 'patents.invention').value).toBe(await patents('invention'));
    expect(fig(o, 'patents.utilityModel').value).toBe(await patents('utilityModel'));
    expect(fig(o, 'patents.utilityModel').value).toBe(2);

    // 123,456.00 + the whole split 10,000.00 (both units inside the group); submitted and last year's never count.
    expect(fig(o, 'benefit.verified').value).toBe(12_345_600 + 1_000_000);
    expect(fig(o, 'activities.total').value).toBe(3);
    expect(fig(o, 'training.sessions').value).toBe(2);
    expect(fig(o, 'training.hours').value).toBe(12);
    expect(fig(o, 'training.people').value).toBe(3);
    expect(fig(o, 'training.personHours').value).toBe(8 + 6 + 4);
    expect(fig(o, 'mentorships.started').value).toBe(1);
    expect(fig(o, 'mentorships.active').value).toBe(1);
    expect(fig(o, 'mentorships.completed').value).toBe(1);
    expect(fig(o, 'ideas.submitted').value).toBe(3);
    expect(fig(o, 'ideas.answeredOnTime').value).toBe(1);
    expect(fig(o, 'ideas.adopted').value).toBe(1);
    expect(fig(o, 'projects.total').value).toBe(3);
    expect(fig(o, 'projects.approvedInYear').value).toBe(2);

    // Coverage: both enterprises host a studio; workshops A and B both do. 800 employees (500 + 300).
    expect(fig(o, 'coverage.enterprises').value).toBe(2);
    expect(fig(o, 'coverage.enterprisesWithout').value).toBe(0);
    expect(fig(o, 'coverage.workshopsWithStudio').value).toBe(2);
    expect(fig(o, 'coverage.employees').value).toBe(800);
    const members = await count(
      sql`SELECT count(DISTINCT m.person_id) AS n FROM studio_members m JOIN studios s ON s.id = m.studio_id
          JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE ${p} AND m.left_on IS NULL AND s.archived_at IS NULL
          AND s.status NOT IN ('revoked', 'merged')`,
    );
    expect(fig(o, 'coverage.members').value).toBe(members);
    expect(fig(o, 'coverage.members').value).toBe(3);
    expect(fig(o, 'coverage.studiosPerThousand').value).toBe(3.8);
    expect(fig(o, 'coverage.membersPerThousand').value).toBe(3.8);
    // 电工 (two people in branch A, the only member with that trade left) and 铣工 have no studio.
    const trades = o.tables.find((x) => x.key === 'tradesWithout')!;
    expect(trades.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['电工', 2],
      ['铣工', 1],
    ]);
    expect(o.namedStudios.map((x) => x.name).sort()).toHaveLength(2);
    expect(o.missing).toEqual([]);
  });

  it('gives every figure of a list a drill-down link with the same filters', async () => {
    const o = await overview(s.group, w.orgs.root.id);
    const id = w.orgs.root.id;
    expect(fig(o, 'studios.named').link).toBe(`/studios?orgId=${id}&status=named`);
    const byType = o.tables.find((x) => x.key === 'studiosByType')!;
    const row = byType.rows.find((r) => r.key === 'modelWorker')!;
    expect(row.values).toEqual([1, 0, 0]);
    expect(row.links[0]).toBe(`/studios?orgId=${id}&type=modelWorker&status=named`);
    const kinds = o.tables.find((x) => x.key === 'resultsByKind')!;
    expect(kinds.rows.find((r) => r.key === 'qc')!.links[0]).toBe(
      `/results?orgId=${id}&year=${YEAR}&kind=qc&status=recognised`,
    );
    const years = o.tables.find((x) => x.key === 'resultsByYear')!;
    expect(years.rows.map((r) => r.values[0])).toEqual([0, 0, 0, 1, 4]);
    expect(fig(o, 'patents.invention').link).toBe(`/results?orgId=${id}&year=${YEAR}&patentType=invention`);
  });

  it('scopes an enterprise admin to their subtree: own enterprise yes, sibling and group 404', async () => {
    const o = await overview(s.entA, w.orgs.entA.id);
    expect(fig(o, 'studios.named').value).toBe(1);
    expect(fig(o, 'studios.rectifying').value).toBe(0);
    expect(fig(o, 'benefit.verified').value).toBe(12_345_600 + 600_000);
    expect(fig(o, 'coverage.employees').value).toBe(500);
    expect(o.gaps.workshops).toEqual([]);
    for (const orgId of [w.orgs.entB.id, w.orgs.root.id]) {
      const res = await call(t.app, s.entA, { method: 'GET', url: `/api/stats/overview?orgId=${orgId}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('orgs.not_found');
    }
  });

  it('lists studios at risk (nothing in 12 months) for admins', async () => {
    const o = await overview(s.group, w.orgs.root.id, 2026);
    // On 2026-06-01 SA1's benefit verified on 2025-08-01 is within 12 months; SA2 and SB1 have nothing since
    // before 2025-06-01 and are at risk. The archived and the revoked studio are not watched.
    expect(o.atRisk!.map((x) => x.code.slice(0, 3)).sort()).toEqual(['SA2', 'SB1']);
    expect(fig(o, 'studios.atRisk').value).toBe(o.atRisk!.length);
    expect(fig(o, 'studios.atRisk').link).toBe(`/studios/at-risk?orgId=${w.orgs.root.id}`);
  });

  it('refuses anonymous (401), other roles (403) and bad input (400 with fields)', async () => {
    expect(
      (await call(t.app, null, { method: 'GET', url: `/api/stats/overview?orgId=${w.orgs.root.id}` }))
        .statusCode,
    ).toBe(401);
    const leader = await call(t.app, s.leader, {
      method: 'GET',
      url: `/api/stats/overview?orgId=${w.orgs.entA.id}`,
    });
    expect(leader.statusCode).toBe(403);
    const bad = await call(t.app, s.group, { method: 'GET', url: '/api/stats/overview?orgId=abc&year=19' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['orgId', 'year']);
  });

  it('leaves out, never zeroes, the figures of a source whose tables are not there', async () => {
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE ideas RENAME TO ideas_gone`);
        const ctx = {
          db: tx,
          dbKind: t.database.kind,
          config: {} as never,
          clock,
          ip: null,
          lang: 'zh' as const,
          actor: {
            userId: w.users.groupAdmin.id,
            username: 'g',
            name: 'g',
            personId: null,
            grants: [
              {
                id: 1,
                role: 'group_admin' as const,
                orgId: w.orgs.root.id,
                orgPath: w.orgs.root.path,
                orgName: '',
              },
            ],
          },
        };
        const o = await getOverview({ ctx: ctx as never, query: { orgId: w.orgs.root.id, year: YEAR } });
        expect(o.figures.some((f) => f.key.startsWith('ideas.'))).toBe(false);
        expect(o.missing).toEqual([{ source: 'ideas', label: '金点子' }]);
        expect(o.figures.some((f) => f.key === 'studios.named')).toBe(true);
        throw new Error('rollback');
      })
      .catch((e) => {
        if ((e as Error).message !== 'rollback') throw e;
      });
    const o = await overview(s.group, w.orgs.root.id);
    expect(o.missing).toEqual([]);
  });
});

describe('year-over-year and enterprise comparisons', () => {
  const get = (session: Session, url: string) => call(t.app, session, { method: 'GET', url });

  it('trend has one row per year of the chosen period with the flow metrics', async () => {
    const res = await get(s.group, `/api/stats/trend?orgId=${w.orgs.root.id}&from=${YEAR - 1}&to=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as StatsComparison;
    expect(c.table.rows.map((r) => r.key)).toEqual([String(YEAR - 1), String(YEAR)]);
    const col = (k: string) => c.table.series.findIndex((x) => x.key === k);
    const prev = c.table.rows[0]!.values;
    const cur = c.table.rows[1]!.values;
    expect([prev[col('resultsRecognised')], cur[col('resultsRecognised')]]).toEqual([1, 4]);
    expect([prev[col('benefitVerifiedFen')], cur[col('benefitVerifiedFen')]]).toEqual([
      5_000_000, 13_345_600,
    ]);
    expect([prev[col('projectsApproved')], cur[col('projectsApproved')]]).toEqual([1, 2]);
    expect([prev[col('trainingHours')], cur[col('trainingHours')]]).toEqual([6, 12]);
    expect(col('members')).toBe(-1);
    expect(c.table.rows[1]!.links[col('resultsRecognised')]).toBe(
      `/results?orgId=${w.orgs.root.id}&year=${YEAR}&status=recognised`,
    );
  });

  it('compare has one row per enterprise and their values add up to the group', async () => {
    const res = await get(s.group, `/api/stats/compare?orgId=${w.orgs.root.id}&from=${YEAR}&to=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as StatsComparison;
    expect(c.table.rows.map((r) => r.label)).toEqual(['甲企业', '乙企业']);
    const col = (k: string) => c.table.series.findIndex((x) => x.key === k);
    const a = c.table.rows[0]!.values;
    const b = c.table.rows[1]!.values;
    expect([a[col('studiosNamed')], b[col('studiosNamed')]]).toEqual([1, 1]);
    expect([a[col('studiosCultivating')], b[col('studiosCultivating')]]).toEqual([1, 0]);
    expect([a[col('resultsRecognised')], b[col('resultsRecognised')]]).toEqual([3, 1]);
    expect([a[col('benefitVerifiedFen')], b[col('benefitVerifiedFen')]]).toEqual([12_945_600, 400_000]);
    expect([a[col('ideasSubmitted')], b[col('ideasSubmitted')]]).toEqual([2, 1]);
  });

  it('refuses a reversed or over-long period (400) and other orgs (404)', async () => {
    const rev = await get(s.group, `/api/stats/trend?orgId=${w.orgs.root.id}&from=2025&to=2020`);
    expect(rev.statusCode).toBe(400);
    expect(rev.json().error.code).toBe('stats.invalid_period');
    expect(
      (await get(s.group, `/api/stats/compare?orgId=${w.orgs.root.id}&from=2010&to=2025`)).statusCode,
    ).toBe(400);
    expect(
      (await get(s.entA, `/api/stats/compare?orgId=${w.orgs.entB.id}&from=2025&to=2025`)).statusCode,
    ).toBe(404);
    expect(
      (await get(s.leader, `/api/stats/trend?orgId=${w.orgs.entA.id}&from=2025&to=2025`)).statusCode,
    ).toBe(403);
  });
});

describe('a large org on the dashboard', () => {
  it('sends at most the cap of each list, with its total (a nation has forty thousand workshops)', async () => {
    const before = await overview(s.group, w.orgs.entB.id);
    const extra = overviewListCap + 5;
    await t.database.db.execute(
      sql`INSERT INTO orgs (parent_id, kind, code, name, path, depth)
          SELECT ${w.orgs.branchB.id}, 'workshop', ${`CAPWS-${w.tag}-`} || n, '空白车间' || n, '', 0
          FROM generate_series(1, ${extra}) n`,
    );
    await t.database.db.execute(
      sql`UPDATE orgs o SET path = b.path || o.id || '/', depth = b.depth + 1
          FROM orgs b WHERE b.id = ${w.orgs.branchB.id} AND o.code LIKE ${`CAPWS-${w.tag}-%`}`,
    );
    const o = await overview(s.group, w.orgs.entB.id);
    expect(o.gaps.workshopsTotal).toBe(before.gaps.workshopsTotal + extra);
    expect(o.gaps.workshops).toHaveLength(overviewListCap);
    expect(fig(o, 'coverage.workshops').value).toBe(fig(before, 'coverage.workshops').value + extra);
    expect(o.atRiskTotal).toBeGreaterThanOrEqual(o.atRisk?.length ?? 0);
  });
});
