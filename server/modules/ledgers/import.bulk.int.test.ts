import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImportBatch, ImportCheck } from '../../../common/schemas/ledgers.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  multipartFile,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { rowsOf } from '../stats/stats.sql.js';

/**
 * The set-based import: what each written record carries (archive numbers, the leader's membership, the audit
 * record of every row, contributors, the draft benefit), across more rows than one statement writes, and the
 * rules of the single-record services checked in the dry run without writing anything.
 */
let t: TestApp;
let w: World;
let admin: Session;
let leader: { name: string; employeeNo: string };
let member: { name: string; employeeNo: string };

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2025-06-01T02:00:00Z') } });
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.entAdminA.username);
  const person = async (id: number) =>
    (
      await rowsOf<{ name: string; employeeNo: string }>(
        t.database.db,
        sql`SELECT name, employee_no AS "employeeNo" FROM people WHERE id = ${id}`,
      )
    )[0]!;
  leader = await person(w.users.leaderA.personId);
  member = await person(w.users.memberA.personId);
}, 60_000);
afterAll(() => t.close());

const sheet = async (header: unknown[], rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = async (kind: string, buf: Buffer) => {
  const f = multipartFile(buf, '台账.xlsx');
  const res = await call(t.app, admin, {
    method: 'POST',
    url: `/api/ledgers/imports?kind=${kind}&orgId=${w.orgs.entA.id}`,
    payload: f.payload,
    headers: f.headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ImportBatch;
};
const check = async (b: ImportBatch) => {
  const res = await call(t.app, admin, {
    method: 'POST',
    url: `/api/ledgers/imports/${b.id}/check`,
    payload: { mapping: b.mapping },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportCheck;
};
const apply = (b: ImportBatch) =>
  call(t.app, admin, { method: 'POST', url: `/api/ledgers/imports/${b.id}/apply`, payload: {} });

describe('the set-based ledger import', () => {
  it('writes more rows than one statement takes: consecutive archive numbers, leaders’ memberships, one audit record a row', async () => {
    const n = 5_050;
    const rows = Array.from({ length: n }, (_, i) => [
      `批量工作室${w.tag}-${i + 1}`,
      w.orgs.workshopA.name,
      '职工',
      i % 1000 === 0 ? leader.name : null,
      i % 1000 === 0 ? leader.employeeNo : null,
      i % 1000 === 0 ? '2020-05-04' : null,
    ]);
    const b = await upload(
      'studios',
      await sheet(['工作室名称', '依托单位', '类型', '领衔人', '领衔人工号', '成立时间'], rows),
    );
    const c = await check(b);
    expect(c.errors).toEqual([]);
    expect([c.rows, c.create, c.unchanged, c.preview.length]).toEqual([n, n, 0, 200]);
    // The dry run writes nothing.
    const count = async () =>
      (
        await rowsOf<{ n: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM studios WHERE name LIKE ${`批量工作室${w.tag}-%`}`,
        )
      )[0]!.n;
    expect(await count()).toBe(0);

    const queued = await call(t.app, admin, {
      method: 'POST',
      url: `/api/ledgers/imports/${b.id}/jobs`,
      payload: {},
    });
    expect(queued.statusCode, queued.body).toBe(202);
    let job: { status: string; done: number; total: number; result: unknown } | undefined;
    for (let i = 0; i < 600 && !['done', 'failed'].includes(job?.status ?? ''); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call(t.app, admin, { method: 'GET', url: `/api/jobs/${queued.json().id}` })).json();
    }
    expect(job).toMatchObject({ status: 'done', done: n, total: n, result: { created: n, unchanged: 0 } });

    const made = await rowsOf<{ id: number; name: string; code: string; audits: number; after: string }>(
      t.database.db,
      sql`SELECT s.id, s.name, s.code,
            (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'studio' AND a.entity_id = s.id::text
               AND a.action = 'studios.create') AS audits,
            (SELECT a.after->>'name' FROM audit_log a WHERE a.entity_type = 'studio' AND a.entity_id = s.id::text
               AND a.action = 'studios.create' AND (a.after->>'hostOrgId')::int = s.host_org_id
               AND a.org_path = ${w.orgs.workshopA.path} AND a.actor_user_id = ${w.users.entAdminA.id}) AS after
          FROM studios s WHERE s.name LIKE ${`批量工作室${w.tag}-%`} ORDER BY s.code`,
    );
    expect(made).toHaveLength(n);
    expect(made.every((s) => s.audits === 1 && s.after === s.name)).toBe(true);
    // GZS-2025-nnnn, one counter range: consecutive, none shared.
    const seq = made.map((s) => Number(s.code.split('-')[2]));
    expect(made.every((s) => s.code.startsWith('GZS-2025-'))).toBe(true);
    expect(seq.at(-1)! - seq[0]!).toBe(n - 1);
    expect(new Set(seq).size).toBe(n);

    const leaders = await rowsOf<{ name: string; joined: string; leaderId: number }>(
      t.database.db,
      sql`SELECT s.name, m.joined_on::text AS joined, s.leader_person_id AS "leaderId" FROM studio_members m
          JOIN studios s ON s.id = m.studio_id
          WHERE s.name LIKE ${`批量工作室${w.tag}-%`} AND m.role = 'leader' AND m.left_on IS NULL ORDER BY s.id`,
    );
    expect(leaders).toHaveLength(6);
    expect(leaders.every((l) => l.joined === '2020-05-04' && l.leaderId === w.users.leaderA.personId)).toBe(
      true,
    );
  }, 120_000);

  it('members and results: audited with their details, contributors, the workflow event and the draft benefit', async () => {
    const studio = `成果工作室${w.tag}`;
    const s = await upload(
      'studios',
      await sheet(['工作室名称', '依托单位', '类型'], [[studio, w.orgs.workshopA.name, '劳模']]),
    );
    await check(s);
    expect((await apply(s)).json()).toEqual({ created: 1, unchanged: 0 });

    const m = await upload(
      'members',
      await sheet(
        ['工作室', '姓名', '工号', '角色', '分工'],
        [[studio, member.name, member.employeeNo, '骨干', '编程']],
      ),
    );
    expect((await check(m)).errors).toEqual([]);
    expect((await apply(m)).json()).toEqual({ created: 1, unchanged: 0 });
    const [ma] = await rowsOf<{
      after: { personName: string; role: string; division: string; personId: number };
    }>(
      t.database.db,
      sql`SELECT a.after FROM audit_log a JOIN studios s ON a.entity_id = s.id::text
          WHERE s.name = ${studio} AND a.action = 'studios.member_add'`,
    );
    expect(ma!.after).toMatchObject({
      personName: member.name,
      personId: w.users.memberA.personId,
      role: 'core',
      division: '编程',
    });

    const title = `液压夹具${w.tag}`;
    const r = await upload(
      'results',
      await sheet(
        ['工作室', '成果名称', '成果类别', '年度', '主要完成人', '经济效益（元）'],
        [
          [studio, title, '小革新', 2023, `${leader.name}、${member.name}、${member.name}`, 1000],
          [studio, `${title}二`, '小发明', 2024, member.name, 250.5],
        ],
      ),
    );
    const rc = await check(r);
    // createResult's own contributor rule, shared: the same person twice is refused, on its column.
    expect(rc.errors).toEqual([{ row: 2, column: '主要完成人', message: '完成人重复' }]);
    const r2 = await upload(
      'results',
      await sheet(
        ['工作室', '成果名称', '成果类别', '年度', '主要完成人', '经济效益（元）'],
        [
          [studio, title, '小革新', 2023, `${leader.name}、${member.name}`, 1000],
          [studio, `${title}二`, '小发明', 2024, member.name, null],
        ],
      ),
    );
    expect((await check(r2)).errors).toEqual([]);
    expect((await apply(r2)).json()).toEqual({ created: 2, unchanged: 0 });
    const got = await rowsOf<{
      title: string;
      year: number;
      archiveNo: string;
      words: boolean;
      events: number;
      people: string;
      audit: { contributors: unknown[]; year: number; status: string };
      benefit: { amountFen: number; status: string } | null;
    }>(
      t.database.db,
      sql`SELECT r.title, r.year, r.archive_no AS "archiveNo", r.search_text @@ to_tsquery('simple', '液压') AS words,
            (SELECT count(*)::int FROM innovation_events e WHERE e.entity_type = 'result' AND e.entity_id = r.id
               AND e.action = 'create' AND e.to_status = 'draft') AS events,
            (SELECT string_agg(c.person_id::text || ':' || c.share::text || ':' || c.role, ',' ORDER BY c.seq)
               FROM result_contributors c WHERE c.result_id = r.id) AS people,
            (SELECT a.after FROM audit_log a WHERE a.action = 'results.create' AND a.entity_id = r.id::text) AS audit,
            (SELECT a.after FROM audit_log a JOIN benefits b ON a.entity_id = b.id::text
               WHERE a.action = 'benefits.create' AND b.result_id = r.id) AS benefit
          FROM results r WHERE r.title LIKE ${`${title}%`} ORDER BY r.title`,
    );
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({
      year: 2023,
      words: true,
      events: 1,
      people: `${w.users.leaderA.personId}:50.00:main,${w.users.memberA.personId}:50.00:participant`,
      audit: { year: 2023, status: 'draft' },
      benefit: { amountFen: 100_000, status: 'draft' },
    });
    expect(got[0]!.audit.contributors).toHaveLength(2);
    expect(got[0]!.archiveNo).toMatch(/^CG-2025-\d{5}$/);
    expect(got[1]).toMatchObject({ year: 2024, events: 1, benefit: null });
    expect(Number(got[1]!.archiveNo.slice(-5))).toBe(Number(got[0]!.archiveNo.slice(-5)) + 1);
  });

  it('checks the single-record rules in the dry run: no date after today, every problem on its column', async () => {
    const b = await upload(
      'studios',
      await sheet(
        ['工作室名称', '依托单位', '类型', '成立时间'],
        [
          [`未来工作室${w.tag}`, w.orgs.workshopA.name, '职工', '2030-01-01'],
          [`他处工作室${w.tag}`, w.orgs.workshopB.name, '职工', null],
        ],
      ),
    );
    const c = await check(b);
    expect(c.errors).toEqual([
      { row: 2, column: '成立时间', message: '日期不能晚于今天' },
      { row: 3, column: '依托单位', message: expect.stringContaining('须在所选组织范围内') },
    ]);
    const studio = `日期工作室${w.tag}`;
    const s = await upload(
      'studios',
      await sheet(['工作室名称', '依托单位', '类型'], [[studio, w.orgs.workshopA.name, '职工']]),
    );
    await check(s);
    expect((await apply(s)).statusCode).toBe(200);
    const m = await upload(
      'members',
      await sheet(['工作室', '姓名', '加入时间'], [[studio, member.name, '2026-01-01']]),
    );
    expect((await check(m)).errors).toEqual([{ row: 2, column: '加入时间', message: '日期不能晚于今天' }]);
    // The rules bind what would be created: a studio already there stays unchanged whatever its row says.
    const again = await upload(
      'studios',
      await sheet(
        ['工作室名称', '依托单位', '类型', '成立时间'],
        [[studio, w.orgs.workshopA.name, '职工', '2030-01-01']],
      ),
    );
    const c2 = await check(again);
    expect([c2.errors, c2.create, c2.unchanged]).toEqual([[], 0, 1]);
  });

  // A host org archived while the apply waits to lock it: the apply plans again under the lock, finds the org
  // gone and writes nothing (PostgreSQL only: PGlite has one connection).
  it.runIf(inject('databaseUrl'))(
    'plans again when a record it points at is archived while it waits, and writes nothing',
    async () => {
      const name = `竞态工作室${w.tag}`;
      const b = await upload(
        'studios',
        await sheet(['工作室名称', '依托单位', '类型'], [[name, w.orgs.branchA.name, '职工']]),
      );
      expect((await check(b)).errors).toEqual([]);
      const holder = new pg.Client({ connectionString: inject('databaseUrl') });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('UPDATE orgs SET archived_at = now() WHERE id = $1', [w.orgs.branchA.id]);
        const applying = apply(b);
        const waiting = async () =>
          Number(
            (
              await holder.query(
                `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                   AND query LIKE '%FOR SHARE%'`,
              )
            ).rows[0].n,
          );
        let n = 0;
        for (let i = 0; i < 300 && n === 0; i++) {
          await new Promise((r) => setTimeout(r, 50));
          n = await waiting();
        }
        expect(n).toBe(1);
        await holder.query('COMMIT');
        const res = await applying;
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe('imports.has_errors');
        expect(res.json().error.details.errors).toEqual([
          { row: 2, column: '依托单位', message: expect.stringContaining('未找到单位') },
        ]);
        expect(await rowsOf(t.database.db, sql`SELECT 1 FROM studios WHERE name = ${name}`)).toHaveLength(0);
      } finally {
        await holder.query('ROLLBACK').catch(() => {});
        await holder.query('UPDATE orgs SET archived_at = NULL WHERE id = $1', [w.orgs.branchA.id]);
        await holder.end();
      }
    },
  );
});
