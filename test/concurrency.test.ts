import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
/** Set on PostgreSQL: lets a second connection hold a row lock while the app's requests wait on it. */
let url: string | undefined;
let app: Awaited<ReturnType<typeof buildApp>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ({ database, drop, url } = await openIsolatedDatabase());
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
  interface Case {
    table: string;
    sql: string;
    url: string;
    change: (i: number) => object;
    editors?: string[];
    /** How the record is read back (default: GET url). */
    read?: (id: number) => Promise<{ version: number } & Record<string, unknown>>;
  }
  const cases: Record<string, Case> = {
    studio: {
      table: 'studios',
      sql: `SELECT s.id FROM studios s JOIN users u ON u.username = 'leader' JOIN studio_members m ON m.studio_id = s.id AND m.person_id = u.person_id AND m.role = 'leader' ORDER BY s.id LIMIT 1`,
      url: '/api/studios/',
      change: (i) => ({ slogan: `口号${i}` }),
      editors: ['ent_admin', 'leader', 'admin', 'ent_admin', 'leader'],
    },
    org: {
      table: 'orgs',
      sql: `SELECT id FROM orgs WHERE code = 'SLHI-01-B1'`,
      url: '/api/orgs/',
      change: (i) => ({ employeeCount: 100 + i }),
    },
    person: {
      table: 'people',
      sql: `SELECT id FROM people WHERE org_id IN (SELECT id FROM orgs WHERE code LIKE 'SLHI-01-%') ORDER BY id LIMIT 1`,
      url: '/api/people/',
      change: (i) => ({ phone: `1390000000${i}` }),
    },
    'fund allocation': {
      table: 'fund_allocations',
      sql: `SELECT a.id FROM fund_allocations a JOIN studios s ON s.id = a.studio_id JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE (SELECT path FROM orgs WHERE code = 'SLHI-01') || '%' AND a.archived_at IS NULL ORDER BY a.id LIMIT 1`,
      url: '/api/funds/allocations/',
      change: (i) => ({ note: `补充说明${i}` }),
    },
    adoption: {
      table: 'adoptions',
      sql: `SELECT id FROM adoptions WHERE archived_at IS NULL ORDER BY id LIMIT 1`,
      url: '/api/adoptions/',
      change: (i) => ({ scope: `推广到${i + 2}条生产线` }),
      editors: ['admin', 'admin', 'admin', 'admin', 'admin'],
    },
    activity: {
      table: 'activities',
      sql: `SELECT a.id FROM activities a JOIN studios s ON s.id = a.studio_id JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE (SELECT path FROM orgs WHERE code = 'SLHI-01') || '%' AND a.archived_at IS NULL ORDER BY a.id LIMIT 1`,
      url: '/api/activities/',
      change: (i) => ({ summary: `活动小结${i}` }),
    },
    mentorship: {
      table: 'mentorships',
      sql: `SELECT m.id FROM mentorships m JOIN studios s ON s.id = m.studio_id JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE (SELECT path FROM orgs WHERE code = 'SLHI-01') || '%' AND m.archived_at IS NULL AND m.status = 'active' ORDER BY m.id LIMIT 1`,
      url: '/api/mentorships/',
      change: (i) => ({ goals: `培养目标${i}：独立完成数控编程` }),
    },
    'point rule': {
      table: 'point_rules',
      sql: `SELECT id FROM point_rules ORDER BY id LIMIT 1`,
      url: '/api/points/rules/',
      change: (i) => ({ points: 20 + i }),
      editors: ['admin', 'admin', 'admin', 'admin', 'admin'],
      read: async (id) =>
        ((await get('admin', '/api/points/rules')).json() as { id: number; version: number }[]).find(
          (r) => r.id === id,
        )!,
    },
  };

  for (const [kind, c] of Object.entries(cases)) {
    it(`lets exactly one of five simultaneous ${kind} edits win; the others get 409 with the current version`, async () => {
      const [row] = await database.exec(c.sql);
      expect(row, `a demo ${kind}`).toBeDefined();
      const id = Number(row!.id);
      const url = `${c.url}${id}`;
      const read = c.read ?? (async () => (await get('ent_admin', url)).json());
      const before = await read(id);
      const editors = c.editors ?? ['ent_admin', 'admin', 'ent_admin', 'admin', 'ent_admin'];
      const answers = await Promise.all(
        editors.map((who, i) => patch(who, url, { ...c.change(i), version: before.version })),
      );
      const won = answers.filter((a) => a.statusCode === 200);
      const lost = answers.filter((a) => a.statusCode === 409);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      const after = await read(id);
      expect(after.version).toBe(before.version + 1);
      expect(after).toMatchObject(c.change(answers.indexOf(won[0]!)));
      for (const l of lost) {
        expect(l.json().error.code).toBe('conflict.stale');
        // The record as it is after the winner's write, never the copy the loser read before it.
        expect(l.json().error.details.current).toMatchObject({
          version: after.version,
          ...c.change(answers.indexOf(won[0]!)),
        });
      }
    });
  }

  // On PostgreSQL, a deterministic version of the race: another connection bumps the record and holds the lock
  // until all five requests have read it and wait on their UPDATE. Every one must answer 409 with the record as
  // it is after that commit — not the copy it read before it.
  for (const [kind, c] of Object.entries(cases))
    it.runIf(inject('databaseUrl'))(
      `answers a ${kind} edit that lost to a concurrent commit with the record as committed`,
      async () => {
        const [row] = await database.exec(c.sql);
        const id = Number(row!.id);
        const read = c.read ?? (async () => (await get('admin', `${c.url}${id}`)).json());
        const before = await read(id);
        const holder = new pg.Client({ connectionString: url });
        await holder.connect();
        try {
          await holder.query('BEGIN');
          await holder.query(`UPDATE ${c.table} SET version = version + 1 WHERE id = $1`, [id]);
          const editors = c.editors ?? ['ent_admin', 'admin', 'ent_admin', 'admin', 'ent_admin'];
          const pending = Promise.all(
            editors.map((who, i) => patch(who, `${c.url}${id}`, { ...c.change(i), version: before.version })),
          );
          await expect
            .poll(
              async () =>
                Number(
                  (
                    await holder.query(
                      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
                    )
                  ).rows[0].n,
                ),
              { timeout: 15_000, interval: 50 },
            )
            .toBe(editors.length);
          await holder.query('COMMIT');
          const answers = await pending;
          expect(answers.map((a) => a.statusCode)).toEqual(editors.map(() => 409));
          for (const a of answers) expect(a.json().error.details.current.version).toBe(before.version + 1);
        } finally {
          await holder.end();
        }
      },
    );

  it('lets one of five simultaneous org moves, then archives, win; the others get 409 with the current org', async () => {
    const [leaf] = await database.exec(
      `SELECT o.id, o.parent_id FROM orgs o WHERE o.path LIKE (SELECT path FROM orgs WHERE code = 'SLHI-01') || '%'
         AND o.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM orgs c WHERE c.parent_id = o.id) ORDER BY o.id LIMIT 1`,
    );
    const url = `/api/orgs/${leaf!.id}`;
    const race = async (action: string, payload: (v: number) => object) => {
      const before = (await get('admin', url)).json();
      const answers = await Promise.all(
        ['admin', 'ent_admin', 'admin', 'ent_admin', 'admin'].map((who) =>
          call(app, s[who]!, { method: 'POST', url: `${url}/${action}`, payload: payload(before.version) }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      const after = (await get('admin', url)).json();
      expect(after.version).toBe(before.version + 1);
      for (const l of answers.filter((a) => a.statusCode === 409))
        expect(l.json().error.details.current).toMatchObject({ id: after.id, version: after.version });
      return after;
    };
    await race('move', (version) => ({ parentId: leaf!.parent_id, version }));
    const archived = await race('archive', (version) => ({ version }));
    expect(archived.archivedAt).not.toBeNull();
    const restored = await call(app, s.admin!, {
      method: 'POST',
      url: `${url}/restore`,
      payload: { version: archived.version },
    });
    expect(restored.statusCode).toBe(200);
  });
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

  // The interleaving the loop above may never hit, forced on PostgreSQL: a manual edit holds the person's row
  // while the import reads it and waits on its own UPDATE; the edit commits; the import must then refuse
  // (409, nothing written), not overwrite the edit with values computed from what it read before.
  it.runIf(inject('databaseUrl'))(
    'refuses an import whose row changed under it while it waited',
    async () => {
      const [p] = await database.exec(
        `SELECT p.id, p.employee_no, o.code FROM people p JOIN orgs o ON o.id = p.org_id WHERE o.code LIKE 'SLHI-01-%' ORDER BY p.id DESC LIMIT 1 OFFSET 1`,
      );
      const before = (await get('ent_admin', `/api/people/${p!.id}`)).json();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('人员');
      ws.addRow(['工号', '姓名', '组织编码', '手机']);
      ws.addRow([p!.employee_no, '导入者写的名字', p!.code, '13900000000']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`UPDATE people SET phone = '13811112222', version = version + 1 WHERE id = $1`, [
          p!.id,
        ]);
        const importing = call(app, s.ent_admin!, {
          method: 'POST',
          url: '/api/people/import?dryRun=false',
          ...multipartFile(file, '人员.xlsx'),
        });
        await expect
          .poll(
            async () =>
              Number(
                (
                  await holder.query(
                    `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
                  )
                ).rows[0].n,
              ),
            { timeout: 15_000, interval: 50 },
          )
          .toBe(1);
        await holder.query('COMMIT');
        const imp = await importing;
        expect(imp.statusCode, imp.body).toBe(409);
        const after = (await get('ent_admin', `/api/people/${p!.id}`)).json();
        expect(after).toMatchObject({ phone: '13811112222', name: before.name, version: before.version + 1 });
      } finally {
        await holder.end();
      }
    },
  );
});
