import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/core/db.js';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed/demo.js';
import { call, login, multipartFile, type Session } from './helpers.js';
import { openIsolatedDatabase } from './isolated.js';

/**
 * Concurrency over the demo data, on PGlite and PostgreSQL alike: simultaneous edits of one record (one wins,
 * the others get 409 with the current version), two experts scoring at the same moment (both kept), and a
 * spreadsheet import racing a manual edit of the same person (no lost update).
 */
let database: Database;
let drop: () => Promise<void>;
let app: Awaited<ReturnType<typeof buildApp>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ({ database, drop } = await openIsolatedDatabase());
  await seedDemo(database.db, { peoplePerTeam: 3 });
  app = await buildApp({ database, config: { dataDir: `/tmp/jx-concurrency-${process.pid}` } });
  for (const u of ['admin', 'ent_admin', 'leader', 'expert', 'expert2'])
    s[u] = await login(app, u, DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await drop?.();
});

const get = (who: string, url: string) => call(app, s[who]!, { method: 'GET', url });
const patch = (who: string, url: string, payload: object) =>
  call(app, s[who]!, { method: 'PATCH', url, payload });

describe('optimistic concurrency', () => {
  const cases: [string, string, (i: number) => object][] = [
    [
      'studio',
      `SELECT s.id FROM studios s JOIN users u ON u.username = 'leader' JOIN studio_members m ON m.studio_id = s.id AND m.person_id = u.person_id AND m.role = 'leader' ORDER BY s.id LIMIT 1`,
      (i) => ({ slogan: `口号${i}` }),
    ],
    ['org', `SELECT id FROM orgs WHERE code = 'SLHI-01-B1'`, (i) => ({ employeeCount: 100 + i })],
    [
      'person',
      `SELECT id FROM people WHERE org_id IN (SELECT id FROM orgs WHERE code LIKE 'SLHI-01-%') ORDER BY id LIMIT 1`,
      (i) => ({ phone: `1390000000${i}` }),
    ],
  ];
  const urlOf: Record<string, string> = {
    studio: '/api/studios/',
    org: '/api/orgs/',
    person: '/api/people/',
  };

  for (const [kind, sql, change] of cases) {
    it(`lets exactly one of five simultaneous ${kind} edits win; the others get 409 with the current version`, async () => {
      const [row] = await database.exec(sql);
      const url = `${urlOf[kind]}${row?.id}`;
      const before = (await get('ent_admin', url)).json();
      const editors =
        kind === 'studio'
          ? ['ent_admin', 'leader', 'admin', 'ent_admin', 'leader']
          : ['ent_admin', 'admin', 'ent_admin', 'admin', 'ent_admin'];
      const answers = await Promise.all(
        editors.map((who, i) => patch(who, url, { ...change(i), version: before.version })),
      );
      const won = answers.filter((a) => a.statusCode === 200);
      const lost = answers.filter((a) => a.statusCode === 409);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      const after = (await get('ent_admin', url)).json();
      expect(after.version).toBe(before.version + 1);
      expect(after).toMatchObject(change(answers.indexOf(won[0]!)));
      for (const l of lost) {
        expect(l.json().error.code).toBe('conflict.stale');
        expect(l.json().error.details.current.version).toBe(after.version);
      }
    });
  }
});

describe('simultaneous reviews', () => {
  it('keeps both scores when two experts submit at the same moment', async () => {
    // The demo has a result in scoring with one assigned expert; a second expert is assigned alongside.
    const [r] = await database.exec(
      `SELECT r.id FROM results r JOIN result_reviewers rr ON rr.result_id = r.id
        JOIN users u ON u.id = rr.user_id WHERE r.status = 'scoring' AND u.username = 'expert' LIMIT 1`,
    );
    expect(r).toBeDefined();
    await database.exec(
      `INSERT INTO result_reviewers (result_id, user_id) SELECT ${r?.id}, id FROM users WHERE username = 'expert2'`,
    );
    const items = { advanced: 10, innovation: 8, difficulty: 6, social: 4, promotion: 2, value: 10 };
    const url = `/api/results/${r?.id}/score`;
    const answers = await Promise.all(
      ['expert', 'expert2'].map((who) =>
        call(app, s[who]!, { method: 'PUT', url, payload: { items, opinion: `${who}意见` } }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const kept = await database.exec(
      `SELECT u.username, rs.total::float AS total, rs.opinion FROM result_scores rs JOIN users u ON u.id = rs.reviewer_user_id
        WHERE rs.result_id = ${r?.id} ORDER BY u.username`,
    );
    expect(kept).toEqual([
      { username: 'expert', total: 40, opinion: 'expert意见' },
      { username: 'expert2', total: 40, opinion: 'expert2意见' },
    ]);
  });
});

describe('an import racing a manual edit', () => {
  it('never loses an update: each accepted change is kept, or the other side saw it first', async () => {
    const [p] = await database.exec(
      `SELECT p.id, p.employee_no, o.code FROM people p JOIN orgs o ON o.id = p.org_id WHERE o.code LIKE 'SLHI-01-%' ORDER BY p.id DESC LIMIT 1`,
    );
    const url = `/api/people/${p?.id}`;
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const current = (await get('ent_admin', url)).json();
      const newName = `并发导入${round}`;
      const newPhone = `1380000000${round}`;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('人员');
      ws.addRow(['工号', '姓名', '组织编码', '手机']);
      ws.addRow([p?.employee_no, newName, p?.code, current.phone ?? '']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const importReq = call(app, s.ent_admin!, {
        method: 'POST',
        url: '/api/people/import?dryRun=false',
        ...multipartFile(file, '人员.xlsx'),
      });
      const editReq = patch('admin', url, { phone: newPhone, version: current.version });
      const [imp, edit] =
        round % 2
          ? await Promise.all([importReq, editReq])
          : (await Promise.all([editReq, importReq])).reverse();
      outcomes.push(`${imp!.statusCode}/${edit!.statusCode}`);
      expect([200, 409]).toContain(imp!.statusCode);
      expect([200, 409]).toContain(edit!.statusCode);
      expect(imp!.statusCode === 200 || edit!.statusCode === 200).toBe(true);
      const after = (await get('ent_admin', url)).json();
      if (imp!.statusCode === 200) expect(after.name).toBe(newName);
      if (edit!.statusCode === 200) {
        // Kept, unless the import ran after the edit and so overwrote a value it had seen.
        const [audit] = await database.exec(
          `SELECT before->>'phone' AS phone FROM audit_log WHERE action = 'people.import' AND entity_id = '${p?.id}' ORDER BY id DESC LIMIT 1`,
        );
        expect(after.phone === newPhone || (imp!.statusCode === 200 && audit?.phone === newPhone)).toBe(true);
      }
      expect(after.version).toBe(
        current.version + (imp!.statusCode === 200 ? 1 : 0) + (edit!.statusCode === 200 ? 1 : 0),
      );
    }
    console.log(`import vs edit outcomes (import/edit): ${outcomes.join(' ')}`);
  });
});
