import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let t: TestApp;
let w: World;
let s: Record<'group' | 'entA' | 'entB' | 'leader', Session>;
let leader: { name: string; employeeNo: string };
let member: { name: string; employeeNo: string };

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2025-06-01T02:00:00Z') } });
  w = await createWorld(t.database);
  s = {
    group: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    leader: await login(t.app, w.users.leaderA.username),
  };
  const person = async (id: number) =>
    (
      await rowsOf<{ name: string; employeeNo: string }>(
        t.database.db,
        sql`SELECT name, employee_no AS "employeeNo" FROM people WHERE id = ${id}`,
      )
    )[0]!;
  leader = await person(w.users.leaderA.personId);
  member = await person(w.users.memberA.personId);
});
afterAll(() => t.close());

const tag = () => w.tag;
const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A studios ledger as unions keep them: a merged title, a note, a blank line, synonyms in another order, merged cells. */
async function studiosLedger(opts: { bad: boolean }) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '2024年度创新工作室台账';
  ws.mergeCells('A1:G1');
  ws.getCell('A2').value = '填报单位：甲企业工会';
  ws.addRow([]);
  ws.getRow(4).values = ['序号', '名称', '依托单位', '工作室类别', '带头人', '成立日期', '专业'];
  ws.getRow(5).values = [1, `数控创新工作室${tag()}`, '甲金工车间', '劳模', leader.name, '2019年5月', '数控'];
  ws.getRow(7).values = [2, `装配工作室${tag()}`, '甲一分厂', '职工', null, '２０２０．０３', '装配'];
  ws.getRow(8).values = [3, `电气工作室${tag()}`, null, '工匠创新工作室', null, '2021.7.15', null];
  ws.mergeCells('C7:C8');
  if (opts.bad) ws.getRow(9).values = [4, `坏工作室${tag()}`, '不存在车间', '未知类型', null, '去年', null];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = async (session: Session, kind: string, orgId: number, buf: Buffer) => {
  const f = multipartFile(buf, '台账.xlsx');
  return call(t.app, session, {
    method: 'POST',
    url: `/api/ledgers/imports?kind=${kind}&orgId=${orgId}`,
    payload: f.payload,
    headers: f.headers,
  });
};
const check = (session: Session, id: number, mapping: unknown) =>
  call(t.app, session, { method: 'POST', url: `/api/ledgers/imports/${id}/check`, payload: { mapping } });
const apply = (session: Session, id: number) =>
  call(t.app, session, { method: 'POST', url: `/api/ledgers/imports/${id}/apply`, payload: {} });
const studioCount = async () =>
  Number(
    (
      await rowsOf<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM studios WHERE name LIKE ${`%${tag()}`}`,
      )
    )[0]!.n,
  );

describe('ledger import: studios', () => {
  let mapping: ImportBatch['mapping'];

  it('finds the header below the title, guesses the mapping, and the dry run reports every bad row by column', async () => {
    const res = await upload(s.entA, 'studios', w.orgs.entA.id, await studiosLedger({ bad: true }));
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json() as ImportBatch;
    expect(b.headerRow).toBe(4);
    expect(b.remembered).toBe(false);
    expect(b.mapping).toMatchObject({
      name: 2,
      host: 3,
      type: 4,
      leader: 5,
      foundedOn: 6,
      field: 7,
      contactPhone: null,
    });
    mapping = b.mapping;
    const c = await check(s.entA, b.id, mapping);
    expect(c.statusCode, c.body).toBe(200);
    const r = c.json() as ImportCheck;
    expect(r.rows).toBe(4);
    expect(r.create).toBe(3);
    expect(r.errors).toEqual([
      { row: 9, column: '工作室类别', message: expect.stringContaining('“未知类型”不是有效的类型') },
      { row: 9, column: '成立日期', message: expect.stringContaining('日期无法识别') },
      { row: 9, column: '依托单位', message: expect.stringContaining('未找到单位“不存在车间”') },
    ]);
    expect(await studioCount()).toBe(0);
    // All or nothing: with a bad row, applying writes nothing.
    const a = await apply(s.entA, b.id);
    expect(a.statusCode).toBe(400);
    expect(a.json().error.code).toBe('imports.has_errors');
    expect(a.json().error.details.errors).toHaveLength(3);
    expect(await studioCount()).toBe(0);
  });

  it('remembers the mapping for the same layout, applies a clean ledger, and a re-import adds nothing', async () => {
    const res = await upload(s.entA, 'studios', w.orgs.entA.id, await studiosLedger({ bad: false }));
    const b = res.json() as ImportBatch;
    expect(b.remembered).toBe(true);
    expect(b.mapping).toEqual(mapping);
    const c = (await check(s.entA, b.id, b.mapping)).json() as ImportCheck;
    expect(c.errors).toEqual([]);
    const a = await apply(s.entA, b.id);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toEqual({ created: 3, unchanged: 0 });
    const rows = await rowsOf<{
      name: string;
      type: string;
      founded: string;
      host: string;
      leader: number | null;
    }>(
      t.database.db,
      sql`SELECT s.name, s.type, s.founded_on::text AS founded, o.name AS host, s.leader_person_id AS leader FROM studios s
          JOIN orgs o ON o.id = s.host_org_id WHERE s.name LIKE ${`%${tag()}`} ORDER BY s.id`,
    );
    expect(rows.map((r) => [r.type, r.founded, r.host])).toEqual([
      ['modelWorker', '2019-05-01', '甲金工车间'],
      ['employee', '2020-03-01', '甲一分厂'],
      ['craftsman', '2021-07-15', '甲一分厂'],
    ]);
    expect(rows[0]!.leader).toBe(w.users.leaderA.personId);

    const again = (
      await upload(s.entA, 'studios', w.orgs.entA.id, await studiosLedger({ bad: false }))
    ).json() as ImportBatch;
    const c2 = (await check(s.entA, again.id, again.mapping)).json() as ImportCheck;
    expect([c2.create, c2.unchanged]).toEqual([0, 3]);
    expect((await apply(s.entA, again.id)).json()).toEqual({ created: 0, unchanged: 3 });
    expect(await studioCount()).toBe(3);
  });

  it('imports members (工号 in full-width digits, role synonyms) and results (万元, month dates) into those studios', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成员');
    ws.addRow(['成员名册']);
    ws.addRow(['所在工作室', '成员姓名', '员工编号', '身份', '加入年月']);
    ws.addRow([`数控创新工作室${tag()}`, member.name, toFullWidth(member.employeeNo), '骨干', '2023年5月']);
    ws.addRow([]);
    ws.addRow([`数控创新工作室${tag()}`, member.name, member.employeeNo, '骨干', '2023.05']);
    ws.addRow([`数控创新工作室${tag()}`, '查无此人', null, '学员', '2023.05']);
    const up = (
      await upload(s.entA, 'members', w.orgs.entA.id, Buffer.from(await wb.xlsx.writeBuffer()))
    ).json() as ImportBatch;
    expect(up.headerRow).toBe(2);
    const c = (await check(s.entA, up.id, up.mapping)).json() as ImportCheck;
    expect(c.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '成员姓名'],
      [6, '成员姓名'],
    ]);
    expect(c.errors[0]!.message).toContain('与第 3 行重复');

    const ok = new ExcelJS.Workbook();
    const rs = ok.addWorksheet('成果');
    rs.addRow(['工作室名称', '成果名称', '成果类型', '年份', '完成时间', '完成人', '经济效益（万元）']);
    rs.addRow([
      `数控创新工作室${tag()}`,
      `刀具快换夹具${tag()}`,
      '小革新',
      2024,
      '2024年3月',
      `${leader.name}、${member.name}`,
      '１２.５',
    ]);
    const ru = (
      await upload(s.entA, 'results', w.orgs.entA.id, Buffer.from(await ok.xlsx.writeBuffer()))
    ).json() as ImportBatch;
    expect((await check(s.entA, ru.id, ru.mapping)).json().errors).toEqual([]);
    expect((await apply(s.entA, ru.id)).json()).toEqual({ created: 1, unchanged: 0 });
    const [r] = await rowsOf<{
      kind: string;
      year: number;
      implemented: string;
      fen: string;
      status: string;
      people: number;
    }>(
      t.database.db,
      sql`SELECT r.kind, r.year, r.implemented_on::text AS implemented, b.amount_fen::text AS fen, b.status,
                 (SELECT count(*)::int FROM result_contributors c WHERE c.result_id = r.id) AS people
          FROM results r JOIN benefits b ON b.result_id = r.id WHERE r.title = ${`刀具快换夹具${tag()}`}`,
    );
    expect(r).toEqual({
      kind: 'fiveSmall',
      year: 2024,
      implemented: '2024-03-01',
      fen: '12500000',
      status: 'draft',
      people: 2,
    });
  });

  it('applies a checked ledger as a job with progress; a ledger with problems fails the job with them all', async () => {
    const wait = async (id: number) => {
      for (let i = 0; i < 100; i++) {
        const j = (await call(t.app, s.entA, { method: 'GET', url: `/api/jobs/${id}` })).json();
        if (j.status === 'done' || j.status === 'failed') return j;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('job did not finish');
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成员');
    ws.addRow(['工作室', '姓名', '工号', '角色']);
    ws.addRow([`装配工作室${tag()}`, member.name, member.employeeNo, '成员']);
    const up = (
      await upload(s.entA, 'members', w.orgs.entA.id, Buffer.from(await wb.xlsx.writeBuffer()))
    ).json() as ImportBatch;
    const notChecked = await call(t.app, s.entA, {
      method: 'POST',
      url: `/api/ledgers/imports/${up.id}/jobs`,
      payload: {},
    });
    expect(notChecked.statusCode).toBe(400);
    expect(notChecked.json().error.code).toBe('imports.mapping_required');
    await check(s.entA, up.id, up.mapping);
    const q = await call(t.app, s.entA, {
      method: 'POST',
      url: `/api/ledgers/imports/${up.id}/jobs`,
      payload: {},
    });
    expect(q.statusCode, q.body).toBe(202);
    const done = await wait(q.json().id);
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ created: 1, unchanged: 0 });
    expect([done.done, done.total]).toEqual([1, 1]);

    const bad = (
      await upload(s.entA, 'studios', w.orgs.entA.id, await studiosLedger({ bad: true }))
    ).json() as ImportBatch;
    await check(s.entA, bad.id, bad.mapping);
    const failed = await wait(
      (
        await call(t.app, s.entA, { method: 'POST', url: `/api/ledgers/imports/${bad.id}/jobs`, payload: {} })
      ).json().id,
    );
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('导入数据有错误，未导入任何记录');
    expect(failed.result.details.errors).toHaveLength(3);
    expect(
      (await call(t.app, s.entB, { method: 'POST', url: `/api/ledgers/imports/${bad.id}/jobs`, payload: {} }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses anonymous (401), other roles (403), other orgs (404), others’ batches (404) and an incomplete mapping (400)', async () => {
    const buf = await studiosLedger({ bad: false });
    expect((await upload(s.leader, 'studios', w.orgs.entA.id, buf)).statusCode).toBe(403);
    expect((await upload(s.entA, 'studios', w.orgs.entB.id, buf)).statusCode).toBe(404);
    const f = multipartFile(buf, 'a.xlsx');
    expect(
      (
        await call(t.app, null, {
          method: 'POST',
          url: `/api/ledgers/imports?kind=studios&orgId=${w.orgs.entA.id}`,
          payload: f.payload,
          headers: f.headers,
        })
      ).statusCode,
    ).toBe(401);
    const b = (await upload(s.entA, 'studios', w.orgs.entA.id, buf)).json() as ImportBatch;
    expect((await check(s.entB, b.id, b.mapping)).statusCode).toBe(404);
    expect((await apply(s.entB, b.id)).statusCode).toBe(404);
    const bad = await check(s.entA, b.id, { ...b.mapping, name: null, type: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual({
      'mapping.name': expect.stringContaining('请为“工作室名称”选择对应的列'),
      'mapping.host': expect.stringContaining('同一列'),
    });
    const notXlsx = multipartFile(Buffer.from('hello world'), 'a.xlsx');
    const nx = await call(t.app, s.entA, {
      method: 'POST',
      url: `/api/ledgers/imports?kind=studios&orgId=${w.orgs.entA.id}`,
      payload: notXlsx.payload,
      headers: notXlsx.headers,
    });
    expect(nx.statusCode).toBe(400);
  });
});
