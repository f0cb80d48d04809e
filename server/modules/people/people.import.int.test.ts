import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let worker: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const importFile = (s: Session | null, buf: Buffer, dryRun: boolean) =>
  call(t.app, s, {
    method: 'POST',
    url: `/api/people/import?dryRun=${dryRun}`,
    ...multipartFile(buf, '人员.xlsx'),
  });
const count = async (q: string) =>
  (await get(admin, `/api/people?q=${q}&includeArchived=true`)).json().total as number;

/** ASCII → full-width, as typed with a Chinese IME in full-width mode. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// Columns in a different order than the template, under synonymous headers, below a merged title row.
const headers = [
  '名字',
  '员工编号',
  '所在单位编码',
  '性别',
  '出生日期',
  '文化程度',
  '职业技能等级',
  '专业技术职称',
  '岗位工种',
  '联系电话',
  '获得荣誉',
];

async function sheet(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['2024 年职工花名册']);
  ws.mergeCells('A1:K1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('people import', () => {
  it('dry-runs a bad file, listing every bad row with its number and column, and applies nothing', async () => {
    const p = `${w.tag}-X`;
    const wa = w.orgs.workshopA.code;
    const buf = await sheet([
      [
        '张三',
        `${p}1`,
        wa,
        '男',
        1985,
        '大专',
        '技师',
        '工程师',
        '钳工',
        '13800000000',
        '技术能手(企业级,2021)',
      ], // row 3 ok
      ['李四', '', wa], // 4: blank 工号
      ['王五', `${p}1`, wa], // 5: duplicate within the file
      ['赵六', `${p}6`, 'NO-SUCH-ORG'], // 6: unknown org
      ['孙七', `${p}7`, w.orgs.workshopB.code], // 7: org of another enterprise
      ['周八', `${p}8`, wa, '未知', null, null, '大师'], // 8: two bad enumerations
      ['吴九', `${p}9`, wa, null, null, null, null, null, null, null, '劳动模范2019'], // 9: honour without level/year
      ['郑十', `${p}10`, wa, null, null, null, null, null, null, null, '劳动模范(省部级,1800)'], // 10: honour year
      ['冯十一', fullWidth(`${p}11`), wa, '女', '１９９０'], // 11: full-width 工号 and year are fine
      [null, `${p}12`, wa, null, '一九九〇'], // 12: no name, bad year
    ]);
    const dry = await importFile(entA, buf, true);
    expect(dry.statusCode).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, total: 10, valid: 2, created: 0, updated: 0 });
    expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '工号'],
      [5, '工号'],
      [6, '组织编码'],
      [7, '组织编码'],
      [8, '性别'],
      [8, '技能等级'],
      [9, '荣誉'],
      [10, '荣誉'],
      [12, '姓名'],
      [12, '出生年份'],
    ]);
    expect(report.errors[1].message).toContain('第 3 行');
    for (const e of report.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);

    const apply = await importFile(entA, buf, false);
    expect(apply.statusCode).toBe(400);
    expect(apply.json().error.code).toBe('imports.has_errors');
    expect(apply.json().error.details.report.errors).toHaveLength(10);
    expect(await count(p)).toBe(0);
  });

  it('applies a good file all at once, updates existing 工号, and a re-import changes nothing', async () => {
    const p = `${w.tag}-Y`;
    const existing = (await get(entA, `/api/people/${w.users.employeeA.personId}`)).json();
    const buf = await sheet([
      [
        '陈一',
        `${p}1`,
        w.orgs.workshopA.code,
        '男',
        1985,
        '大专',
        '技师',
        '工程师',
        '钳工',
        '１３８００００００００',
        '劳动模范(省部级,2019)；技术能手（企业级，2021）',
      ],
      ['林二', fullWidth(`${p}2`), w.orgs.branchA.code, '女', '1990-05-01', '本科', '高级技师', null, '焊工'],
      [existing.name, existing.employeeNo, w.orgs.workshopA.code, null, null, null, '高级工', null, '装配工'],
    ]);
    const dry = await importFile(entA, buf, true);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      total: 3,
      valid: 3,
      created: 0,
      updated: 0,
      errors: [],
    });
    expect(await count(p)).toBe(0); // a dry run writes nothing

    const res = await importFile(entA, buf, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 2, updated: 1, errors: [] });
    const one = (await get(entA, `/api/people?q=${p}1`)).json().items[0];
    expect(one).toMatchObject({
      name: '陈一',
      gender: 'male',
      birthYear: 1985,
      education: 'college',
      skillGrade: 'technician',
      phone: '13800000000',
      honours: [
        { kind: 'modelWorker', level: 'province', year: 2019 },
        { kind: 'technicalExpert', level: 'enterprise', year: 2021 },
      ],
    });
    const two = (await get(entA, `/api/people?q=${p}2`)).json().items[0];
    expect(two).toMatchObject({
      employeeNo: `${p}2`,
      birthYear: 1990,
      skillGrade: 'seniorTechnician',
      orgId: w.orgs.branchA.id,
    });
    const updated = (await get(entA, `/api/people/${existing.id}`)).json();
    expect(updated).toMatchObject({ skillGrade: 'senior', trade: '装配工', version: existing.version + 1 });

    const audit = (await get(admin, `/api/audit?action=people.import&entityId=${one.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorUserId: w.users.entAdminA.id, entityType: 'person' });

    const again = await importFile(entA, buf, false);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect((await get(entA, `/api/people/${one.id}`)).json().version).toBe(one.version);
  });

  it('refuses files that are not spreadsheets or lack the required columns', async () => {
    const notXlsx = await importFile(entA, Buffer.from('工号,姓名\n1,张三'), true);
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('files.type_not_allowed');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '性别']);
    const missing = await importFile(entA, Buffer.from(await wb.xlsx.writeBuffer()), true);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'imports.missing_columns',
      details: { columns: ['工号', '组织编码'] },
    });
  });

  it('is for admins only: 401 anonymous, 403 for a worker; the template downloads', async () => {
    const buf = await sheet([['甲', `${w.tag}-Z1`, w.orgs.workshopA.code]]);
    expect((await importFile(null, buf, false)).statusCode).toBe(401);
    const refused = await importFile(worker, buf, false);
    expect(refused.statusCode).toBe(403);
    expect(await count(`${w.tag}-Z`)).toBe(0);
    expect((await get(worker, '/api/people/import/template')).statusCode).toBe(403);
    const tpl = await get(entA, '/api/people/import/template');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('工号');
  });
});
