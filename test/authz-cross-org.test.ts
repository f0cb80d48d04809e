import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/core/db.js';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed/demo.js';
import { seedPerson, seedUser } from '../server/db/seed/factories.js';
import { png, xlsx } from '../server/modules/files/files.fixtures.js';
import { call, login, multipartFile, type Session } from './helpers.js';
import { databaseChecksum, openIsolatedDatabase } from './isolated.js';

/**
 * Cross-org access over the demo group, generated from the route table: every route with an object id is
 * called by people of enterprise 02 (SLHI-02: its admin, a leader, a member and an employee) with ids of
 * objects that belong to other enterprises (the demo's workflows mostly live in SLHI-01).
 * Reads must answer 404 (no existence leak) and writes must change nothing; nested routes get a parent of
 * the caller's own enterprise and a child id from the other one; list routes get the other enterprise's
 * org/studio/person ids as filters and must not show more of it than without the filter.
 */
let database: Database;
let drop: () => Promise<void>;
let app: Awaited<ReturnType<typeof buildApp>>;
const sessions: Record<string, Session> = {};
const OUTSIDERS = ['ent_admin2', 'leader_b', 'member_b', 'worker_b'] as const;

/**
 * The first path segment(s) of a route → SQL selecting one id of that resource; `$IN(x)` marks the org path
 * expression that must lie in the wanted subtree (the caller's own, or any other enterprise's).
 */
const inOrg = (orgIdCol: string) => `$IN((SELECT path FROM orgs WHERE id = ${orgIdCol}))`;
const viaStudio = (table: string) =>
  `SELECT t.id FROM ${table} t JOIN studios s ON s.id = t.studio_id WHERE ${inOrg('s.host_org_id')}`;
/** Recognised, open results are in the group-wide market by design (with their adoptions and benefits). */
const notInMarket = (r: string) =>
  `NOT (${r}.status = 'recognised' AND NOT ${r}.confidential AND ${r}.archived_at IS NULL)`;
const resources: [RegExp, string][] = [
  [/^\/api\/studios\/:id\/members\/:memberId/, viaStudio('studio_members')],
  [/^\/api\/studios\/:id\/namings\/:namingId/, viaStudio('studio_namings')],
  [/^\/api\/(studios|points\/studios)\/:id/, `SELECT id FROM studios WHERE ${inOrg('host_org_id')}`],
  [/^\/api\/orgs\/:id/, `SELECT id FROM orgs WHERE $IN(path) AND depth > 1`],
  [/^\/api\/people\/:id/, `SELECT id FROM people WHERE ${inOrg('org_id')}`],
  [/^\/api\/users\/:id\/grants\/:grantId/, `SELECT g.id FROM role_grants g WHERE ${inOrg('g.org_id')}`],
  [
    /^\/api\/users\/:id/,
    `SELECT u.id FROM users u JOIN people p ON p.id = u.person_id WHERE ${inOrg('p.org_id')}`,
  ],
  [
    /^\/api\/applications\/:id\/experts\/:assignmentId/,
    `SELECT r.id FROM review_assignments r WHERE $IN(r.org_path)`,
  ],
  [
    /^\/api\/applications\/:id\/objections\/:objectionId/,
    `SELECT o.id FROM application_objections o JOIN applications a ON a.id = o.application_id JOIN studios s ON s.id = a.studio_id WHERE ${inOrg('s.host_org_id')}`,
  ],
  [/^\/api\/applications\/:id/, viaStudio('applications')],
  [/^\/api\/namings\/:id/, viaStudio('studio_namings')],
  [/^\/api\/files\/:id/, `SELECT id FROM files WHERE $IN(org_path)`],
  [/^\/api\/ideas\/routes\/:id/, `SELECT id FROM idea_routes WHERE ${inOrg('org_id')}`],
  [/^\/api\/ideas\/:id/, `SELECT id FROM ideas WHERE ${inOrg('org_id')}`],
  [/^\/api\/project-requests\/:id/, viaStudio('project_requests')],
  [
    /^\/api\/challenges\/:id\/bids\/:bidId/,
    `SELECT b.id FROM challenge_bids b JOIN studios s ON s.id = b.studio_id WHERE ${inOrg('s.host_org_id')}`,
  ],
  [/^\/api\/challenges\/:id/, `SELECT id FROM challenges WHERE ${inOrg('owner_org_id')}`],
  [/^\/api\/points\/entries\/:id/, `SELECT id FROM point_entries WHERE $IN(org_path)`],
  [/^\/api\/awards\/:id/, `SELECT id FROM awards WHERE ${inOrg('org_id')}`],
  [/^\/api\/clinic\/questions\/:id/, `SELECT id FROM clinic_questions WHERE ${inOrg('org_id')}`],
  [/^\/api\/activities\/:id/, viaStudio('activities')],
  [/^\/api\/contests\/:id/, viaStudio('contests')],
  [/^\/api\/mentorships\/:id/, viaStudio('mentorships')],
  [/^\/api\/funds\/allocations\/:id/, viaStudio('fund_allocations')],
  [/^\/api\/funds\/expenses\/:id/, viaStudio('fund_expenses')],
  [
    /^\/api\/alliances\/:id\/members\/:memberId/,
    `SELECT m.id FROM alliance_members m JOIN studios s ON s.id = m.studio_id WHERE ${inOrg('s.host_org_id')}`,
  ],
  [
    /^\/api\/alliances\/:id\/projects\/:projectId/,
    `SELECT p.id FROM alliance_projects p JOIN studios s ON s.id = p.lead_studio_id WHERE ${inOrg('s.host_org_id')}`,
  ],
  [/^\/api\/alliances\/:id/, `SELECT id FROM alliances WHERE ${inOrg('org_id')}`],
  [/^\/api\/projects\/:id/, viaStudio('projects')],
  [/^\/api\/results\/:id/, `${viaStudio('results')} AND ${notInMarket('t')}`],
  // Benefits and adoptions are shared by the result's studio and the adopting enterprise: both must be foreign.
  [
    /^\/api\/benefits\/:id/,
    `SELECT b.id FROM benefits b JOIN results r ON r.id = b.result_id JOIN studios s ON s.id = r.studio_id WHERE ${inOrg('b.org_id')} AND ${inOrg('s.host_org_id')} AND ${notInMarket('r')}`,
  ],
  [
    /^\/api\/adoptions\/:id/,
    `SELECT a.id FROM adoptions a JOIN results r ON r.id = a.result_id JOIN studios s ON s.id = r.studio_id WHERE ${inOrg('a.org_id')} AND ${inOrg('s.host_org_id')} AND ${notInMarket('r')}`,
  ],
  [
    /^\/api\/notifications\/:id/,
    `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'ent_admin' AND $IN('')`,
  ],
  [/^\/api\/assessment-campaigns\/:id/, `SELECT id FROM assessment_campaigns WHERE ${inOrg('org_id')}`],
  [
    /^\/api\/assessments\/:id\/tasks\/:taskId/,
    `SELECT t.id FROM rectification_tasks t JOIN assessments a ON a.id = t.assessment_id JOIN studios s ON s.id = a.studio_id WHERE ${inOrg('s.host_org_id')}`,
  ],
  [/^\/api\/assessments\/:id/, viaStudio('assessments')],
  [/^\/api\/studio-changes\/:id/, viaStudio('studio_changes')],
  // The showcase editor and plaques (signed in): a studio's or result's own enterprise only.
  [/^\/api\/showcase\/(studios|plaques)\/:id/, `SELECT id FROM studios WHERE ${inOrg('host_org_id')}`],
  [/^\/api\/showcase\/results\/:id/, `${viaStudio('results')} AND ${notInMarket('t')}`],
  [/^\/api\/jobs\/:id/, `SELECT id FROM jobs WHERE ${inOrg('org_id')}`],
  [/^\/api\/ledgers\/imports\/:id/, `SELECT id FROM import_batches WHERE ${inOrg('org_id')}`],
];
/** Resources every logged-in user of the group may see by design (published or group-wide), with the reason. */
const groupWide: [RegExp, string][] = [
  [
    /^\/api\/challenges\/:id/,
    'the challenge board (揭榜挂帅): enterprises post problems for every studio of the group',
  ],
  [
    /^\/api\/clinic\/questions\/:id/,
    'the technical clinic: questions are answered by studios across the group',
  ],
];

/** Routes with an id that belongs to no enterprise, with the reason (they are still in the role matrix). */
const noEnterprise: [RegExp, string][] = [
  [/^\/api\/public\//, 'public by design: only what is published (showcase tests prove nothing else leaks)'],
  [/^\/api\/(rulebooks|points\/rules)\/:id/, 'group-wide configuration set by the group admin'],
];

let pathA = '';
let pathB = '';
let rootPath = '';
/** One id from `sql`: 'own' = in the callers' enterprise (02); 'other' = in any other enterprise (not the group root). */
const idIn = async (sql: string, where: 'own' | 'other'): Promise<string | null> => {
  const pred = (p: string) =>
    where === 'own' ? `${p} LIKE '${pathB}%'` : `(${p} NOT LIKE '${pathB}%' AND ${p} <> '${rootPath}')`;
  let text = sql;
  for (let i = text.indexOf('$IN('); i >= 0; i = text.indexOf('$IN(')) {
    let depth = 0;
    let j = i + 3;
    for (; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) break;
    }
    text = text.slice(0, i) + pred(text.slice(i + 4, j)) + text.slice(j + 1);
  }
  const [r] = await database.exec(`${text} ORDER BY 1 LIMIT 1`);
  return r ? String(Object.values(r)[0]) : null;
};

beforeAll(async () => {
  ({ database, drop } = await openIsolatedDatabase());
  await seedDemo(database.db, { peoplePerTeam: 3 });
  app = await buildApp({ database, config: { dataDir: `/tmp/jx-crossorg-${process.pid}` } });
  const [a] = await database.exec(`SELECT path FROM orgs WHERE code = 'SLHI-01'`);
  const [b] = await database.exec(`SELECT id, path FROM orgs WHERE code = 'SLHI-02'`);
  const [team] = await database.exec(
    `SELECT id FROM orgs WHERE path LIKE '${b?.path}%' AND kind = 'team' LIMIT 1`,
  );
  for (const [username, role] of [
    ['leader_b', 'studio_leader'],
    ['member_b', 'studio_member'],
    ['worker_b', 'employee'],
  ] as const) {
    const person = await seedPerson(database.db, {
      orgId: Number(team?.id),
      employeeNo: `XB-${username}`,
      name: username,
      honours: [],
    });
    await seedUser(database.db, {
      username,
      password: DEMO_PASSWORD,
      personId: person.id,
      displayName: username,
      grants: [{ role, orgId: Number(b?.id) }],
    });
  }
  for (const u of OUTSIDERS) sessions[u] = await login(app, u, DEMO_PASSWORD);
  const [g] = await database.exec(`SELECT path FROM orgs WHERE code = 'SLHI'`);
  pathA = String(a?.path);
  pathB = String(b?.path);
  rootPath = String(g?.path);
  await seedForeignRows();
}, 180_000);

/**
 * Rows the demo keeps in no enterprise but SLHI-02's callers' own, or not at all: made in SLHI-01 through the
 * API as its people would, so the routes that read them get a foreign id too.
 */
async function seedForeignRows() {
  const ent = await login(app, 'ent_admin', DEMO_PASSWORD);
  const admin = await login(app, 'admin', DEMO_PASSWORD);
  const [a] = await database.exec(`SELECT id FROM orgs WHERE code = 'SLHI-01'`);
  const [studio] = await database.exec(
    `SELECT s.id FROM studios s JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE '${pathA}%' ORDER BY s.id LIMIT 1`,
  );
  const [handler] = await database.exec(`SELECT id FROM users WHERE username = 'ent_admin'`);
  const made = [
    await call(app, ent, {
      method: 'POST',
      url: `/api/files?ownerType=studio&ownerId=${studio!.id}&purpose=photo`,
      ...multipartFile(png, '车间.png'),
    }),
    await call(app, ent, {
      method: 'POST',
      url: '/api/ideas/routes',
      payload: { orgId: a!.id, category: 'safety', handlerUserId: handler!.id, deadlineDays: 10 },
    }),
    await call(app, ent, { method: 'POST', url: '/api/ledgers/studios/jobs', payload: { orgId: a!.id } }),
    await call(app, ent, {
      method: 'POST',
      url: `/api/ledgers/imports?kind=studios&orgId=${a!.id}`,
      ...multipartFile(await xlsx(), '工作室台账.xlsx'),
    }),
    await call(app, admin, {
      method: 'POST',
      url: '/api/assessment-campaigns',
      payload: {
        orgId: a!.id,
        year: 2025,
        selfDeadline: '2026-12-31',
        reviewDeadline: '2027-01-31',
      },
    }),
    await call(app, ent, {
      method: 'POST',
      url: '/api/studio-changes',
      payload: { kind: 'revocation', studioId: studio!.id, reason: '连续两年未开展活动' },
    }),
  ];
  for (const m of made) expect(m.statusCode, m.body).toBeLessThan(300);
  // The export runs in the background and writes its file: let it finish, or it would change the data while
  // the test asserts that nothing changes.
  for (let i = 0; i < 400; i++) {
    const [busy] = await database.exec(
      `SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running')`,
    );
    if (Number(busy!.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const [left] = await database.exec(
    `SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running')`,
  );
  expect(Number(left!.n)).toBe(0);
}
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('cross-org object ids', () => {
  it('answers 404 to ids of another enterprise, nested ids included, and changes nothing', async () => {
    const failures: string[] = [];
    const covered = new Set<string>();
    const missing: string[] = [];
    let calls = 0;
    const before = await databaseChecksum(database);
    for (const r of app.routeTable) {
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (!params.some((p) => /id$/i.test(p))) continue;
      if (noEnterprise.some(([re]) => re.test(r.url))) continue;
      const res = resources.find(([re]) => re.test(r.url));
      if (!res) {
        missing.push(`${r.method} ${r.url}`);
        continue;
      }
      const foreign = await idIn(res[1], 'other');
      if (!foreign) {
        missing.push(`${r.method} ${r.url} (no row outside SLHI-02)`);
        continue;
      }
      // Nested: the parent is the caller's own (enterprise 01), the child the other enterprise's.
      let url = r.url;
      const idParams = params.filter((p) => /id$/i.test(p));
      if (idParams.length > 1) {
        const parent = resources.find(([re]) => re.test(r.url.replace(/\/:\w+Id.*$/, '')));
        const own = parent ? await idIn(parent[1], 'own') : null;
        if (!own) {
          missing.push(`${r.method} ${r.url} (no parent in SLHI-02)`);
          continue;
        }
        url = url.replace(':id', own);
      }
      url = url
        .replace(/:(\w+Id|id)\b/, foreign)
        .replace(':action', 'submit')
        .replace(':kind', 'studios')
        .replace(':form', 'x');
      const wide = groupWide.find(([re]) => re.test(r.url));
      for (const who of OUTSIDERS) {
        const out = await call(app, sessions[who]!, {
          method: r.method as 'GET',
          url,
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        calls++;
        const code = out.statusCode >= 400 ? out.json().error?.code : undefined;
        const refusedAtRoute = out.statusCode === 403 && code === 'auth.forbidden';
        const ok =
          out.statusCode === 404 ||
          refusedAtRoute ||
          (r.method !== 'GET' && out.statusCode === 400 && code === 'request.invalid') ||
          (wide && out.statusCode < 500);
        if (!ok) failures.push(`${r.method} ${url} as ${who} → ${out.statusCode} ${out.body.slice(0, 120)}`);
      }
      covered.add(`${r.method} ${r.url}`);
    }
    expect(await databaseChecksum(database)).toBe(before);
    console.log(
      `cross-org ids: ${covered.size} routes × ${OUTSIDERS.length} roles = ${calls} calls; not covered: ${missing.join('; ')}`,
    );
    expect(failures).toEqual([]);
    expect(covered.size).toBeGreaterThanOrEqual(135);
  }, 300_000);

  it('never lets a list filter reach into another enterprise', async () => {
    // The callers are in SLHI-02; the filters name SLHI-01 (called B here: the other enterprise).
    const [bOrg] = await database.exec(`SELECT id FROM orgs WHERE code = 'SLHI-01'`);
    const inB = (col: string) => `(SELECT path FROM orgs WHERE id = ${col}) LIKE '${pathA}%'`;
    const [bStudio] = (await database.exec(`SELECT id FROM studios WHERE ${inB('host_org_id')} LIMIT 1`)).map(
      (r) => r.id,
    );
    const [bPerson] = (await database.exec(`SELECT id FROM people WHERE ${inB('org_id')} LIMIT 1`)).map(
      (r) => r.id,
    );
    // Text that only the other enterprise's rows carry: its studio names and people's employee numbers.
    const markers = (
      await database.exec(
        `SELECT name AS m FROM studios WHERE ${inB('host_org_id')}
           AND name NOT IN (SELECT name FROM studios WHERE NOT ${inB('host_org_id')})
         UNION SELECT employee_no FROM people WHERE ${inB('org_id')}`,
      )
    ).map((r) => String(r.m));
    expect(markers.length).toBeGreaterThan(10);
    const shown = (body: string) => markers.filter((m) => body.includes(m));
    const failures: string[] = [];
    let lists = 0;
    for (const r of app.routeTable) {
      if (r.method !== 'GET' || r.url.includes(':') || r.access === 'public') continue;
      const filters = `orgId=${bOrg?.id}&studioId=${bStudio}&personId=${bPerson}&hostOrgId=${bOrg?.id}`;
      for (const who of OUTSIDERS) {
        const plain = await call(app, sessions[who]!, { method: 'GET', url: r.url });
        const filtered = await call(app, sessions[who]!, { method: 'GET', url: `${r.url}?${filters}` });
        lists++;
        if (filtered.statusCode >= 500) failures.push(`${r.url} as ${who} → ${filtered.statusCode}`);
        if (filtered.statusCode !== 200) continue;
        const extra = shown(filtered.body).filter((m) => !shown(plain.body).includes(m));
        if (extra.length)
          failures.push(`${r.url}?${filters} as ${who} shows ${extra.slice(0, 3).join(', ')}`);
      }
    }
    console.log(`list filters: ${lists} list × role calls with the other enterprise's ids`);
    expect(failures).toEqual([]);
  }, 300_000);
});
