import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../common/schemas/jobs.js';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { buildApp } from '../../app.js';
import { queueOf } from '../jobs/jobs.runner.js';
import { seedInsight } from '../stats/insight.test-support.js';

let t: TestApp;
let w: World;
let s: Record<'group' | 'entA' | 'leader' | 'entB', Session>;
const dataDir = `/tmp/jx-ledgers-${process.pid}-${Date.now()}`;

beforeAll(async () => {
  t = await createTestApp({ config: { dataDir } });
  w = await createWorld(t.database);
  await seedInsight(t.database.db, w, 2025);
  s = {
    group: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    leader: await login(t.app, w.users.leaderA.username),
  };
});
afterAll(() => t.close());

const period = 'from=2025-01-01&to=2025-12-31';
async function workbook(body: Buffer | string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body as Buffer) as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('GET /api/ledgers/:kind', () => {
  it('exports the results ledger of a subtree and year with Chinese headers, a frozen header, dates and money formatted', async () => {
    const res = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/ledgers/results?orgId=${w.orgs.root.id}&${period}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('成果台账-测试集团');
    const ws = (await workbook(res.rawPayload)).getWorksheet('成果')!;
    expect(rowValues(ws, 1)).toEqual([
      '档案号',
      '成果名称',
      '类别',
      '工作室',
      '年度',
      '状态',
      '等级',
      '实施日期',
      '认定日期',
      '主要完成人',
      '经核定效益（元）',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    // 2025 results, not archived: 6 (last year's and the archived one are left out).
    expect(ws.actualRowCount - 1).toBe(6);
    const first = ws.getRow(2);
    expect(first.getCell(3).value).toBe('技术革新');
    expect(first.getCell(6).value).toBe('已认定');
    expect(first.getCell(8).value).toEqual(new Date(Date.UTC(2025, 4, 1)));
    expect(first.getCell(8).numFmt).toBe('yyyy-mm-dd');
    // All verified benefit of that result (3 calculations), in yuan.
    expect(first.getCell(11).value).toBe(183_456);
    expect(first.getCell(11).numFmt).toBe('#,##0.00');
  });

  it('exports funds as two sheets and only what lies inside the enterprise admin’s subtree', async () => {
    const res = await call(t.app, s.entA, {
      method: 'GET',
      url: `/api/ledgers/funds?orgId=${w.orgs.entA.id}&${period}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((x) => x.name)).toEqual(['经费拨款', '经费支出']);
    const alloc = wb.getWorksheet('经费拨款')!;
    expect(alloc.actualRowCount - 1).toBe(2);
    expect(rowValues(alloc, 2).slice(2, 4)).toEqual(['工会补助', 50_000]);
    const members = await call(t.app, s.entA, {
      method: 'GET',
      url: `/api/ledgers/members?orgId=${w.orgs.entA.id}&${period}`,
    });
    const mws = (await workbook(members.rawPayload)).getWorksheet('成员')!;
    // sA1: leader + core, sA2: one member — B's studio is not in A's subtree.
    expect(mws.actualRowCount - 1).toBe(3);
    expect(rowValues(mws, 2).slice(4, 5)).toEqual(['领衔人']);
  });

  it('counts the rows of every ledger for the export page', async () => {
    const res = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/ledgers/counts?orgId=${w.orgs.root.id}&${period}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const want = Number(
      (
        (await t.database.db.execute(
          sql`SELECT count(*)::int AS n FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id JOIN studios s ON s.id = a.studio_id
              JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE ${`${w.orgs.root.path}%`} AND a.kind = 'training' AND ap.attended_at IS NOT NULL
              AND a.held_on BETWEEN '2025-01-01' AND '2025-12-31'`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n,
    );
    // The studios register keeps revoked studios (status 已摘牌); only archived ones are left out.
    expect(res.json()).toMatchObject({
      studios: 4,
      results: 6,
      patents: 3,
      training: want,
      mentoring: 2,
      funds: 2,
    });
  });

  it('refuses anonymous (401), other roles (403), other orgs (404) and a reversed period (400)', async () => {
    const url = `/api/ledgers/studios?orgId=${w.orgs.entB.id}&${period}`;
    expect((await call(t.app, null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await call(t.app, s.leader, { method: 'GET', url })).statusCode).toBe(403);
    expect((await call(t.app, s.entA, { method: 'GET', url })).statusCode).toBe(404);
    const bad = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/ledgers/studios?orgId=${w.orgs.root.id}&from=2025-12-01&to=2025-01-01`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toHaveProperty('to');
    const kind = await call(t.app, s.group, {
      method: 'GET',
      url: `/api/ledgers/nope?orgId=${w.orgs.root.id}`,
    });
    expect(kind.statusCode).toBe(400);
  });
});

async function waitForJob(session: Session, id: number, app = t.app): Promise<Job> {
  for (let i = 0; i < 100; i++) {
    const res = await call(app, session, { method: 'GET', url: `/api/jobs/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    const j = res.json() as Job;
    if (j.status === 'done' || j.status === 'failed') return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

describe('ledger exports as jobs', () => {
  it('runs a large export as a job with progress, and the file downloads once done', async () => {
    const res = await call(t.app, s.group, {
      method: 'POST',
      url: '/api/ledgers/training/jobs',
      payload: { orgId: w.orgs.root.id, from: '2025-01-01', to: '2025-12-31' },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe('queued');
    const j = await waitForJob(s.group, res.json().id);
    expect(j.status).toBe('done');
    expect(j.total).toBe(3);
    expect(j.done).toBe(3);
    expect(j.fileName).toMatch(/^培训台账-/);
    const file = await call(t.app, s.group, { method: 'GET', url: j.fileUrl! });
    expect(file.statusCode).toBe(200);
    const ws = (await workbook(file.rawPayload)).getWorksheet('培训')!;
    expect(ws.actualRowCount - 1).toBe(3);
    // The page finds it again after a reload; another user never sees it.
    const mine = await call(t.app, s.group, { method: 'GET', url: '/api/jobs?kind=ledger.export' });
    expect((mine.json() as Job[]).map((x) => x.id)).toContain(j.id);
    expect((await call(t.app, s.entA, { method: 'GET', url: `/api/jobs/${j.id}` })).statusCode).toBe(404);
    expect((await call(t.app, s.entA, { method: 'GET', url: `/api/jobs/${j.id}/file` })).statusCode).toBe(
      404,
    );
    expect((await call(t.app, null, { method: 'GET', url: `/api/jobs/${j.id}` })).statusCode).toBe(401);
  });

  it('checks scope when the job is queued: another enterprise is 404 and nothing is queued', async () => {
    const res = await call(t.app, s.entA, {
      method: 'POST',
      url: '/api/ledgers/studios/jobs',
      payload: { orgId: w.orgs.entB.id },
    });
    expect(res.statusCode).toBe(404);
    const mine = await call(t.app, s.entA, { method: 'GET', url: '/api/jobs' });
    expect(mine.json()).toEqual([]);
  });

  it('marks a job left running by a stopped server failed with a reason when the next one starts', async () => {
    const [row] = (
      (await t.database.db.execute(
        sql`INSERT INTO jobs (queue, kind, status, params, created_by, started_at, updated_at)
            VALUES (${queueOf(dataDir)}, 'ledger.export', 'running', '{}'::jsonb, ${w.users.groupAdmin.id}, now() - interval '1 hour', now() - interval '1 hour')
            RETURNING id`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    const second = await buildApp({ database: t.database, config: { dataDir } });
    try {
      const j = await waitForJob(s.group, row!.id, second);
      expect(j.status).toBe('failed');
      expect(j.error).toContain('服务重启');
    } finally {
      await second.close();
    }
  });
});
