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
let entB: Session;
let worker: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'POST', url, payload: payload as object });

describe('org tree', () => {
  it('creates a workshop, shows it in the tree and audits it', async () => {
    const code = `${w.tag}-NW`;
    const res = await post(entA, '/api/orgs', {
      parentId: w.orgs.branchA.id,
      kind: 'workshop',
      code,
      name: '新建车间',
      employeeCount: 40,
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org.path).toBe(`${w.orgs.branchA.path}${org.id}/`);
    const tree = (await get(entA, '/api/orgs/tree')).json() as { id: number }[];
    expect(tree.map((o) => o.id)).toContain(org.id);
    const audit = (await get(admin, `/api/audit?entityType=org&entityId=${org.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'orgs.create', actorUserId: w.users.entAdminA.id });
    expect(audit.items[0].after.name).toBe('新建车间');
  });

  it('answers 401 unauthenticated, 403 to a worker, 404 for a sibling enterprise, 400 for bad input', async () => {
    expect((await get(null, '/api/orgs')).statusCode).toBe(401);
    const forbidden = await post(worker, '/api/orgs', {
      parentId: w.orgs.workshopA.id,
      kind: 'team',
      code: `${w.tag}-X`,
      name: 'x',
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('auth.forbidden');
    const hidden = await get(entB, `/api/orgs/${w.orgs.branchA.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('orgs.not_found');
    const sibling = await post(entB, '/api/orgs', {
      parentId: w.orgs.branchA.id,
      kind: 'workshop',
      code: `${w.tag}-Y`,
      name: 'y',
    });
    expect(sibling.statusCode).toBe(404);
    const bad = await post(entA, '/api/orgs', {
      parentId: w.orgs.branchA.id,
      kind: 'planet',
      code: '',
      name: '',
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.error.code).toBe('request.invalid');
    expect(Object.keys(body.error.details.fields).sort()).toEqual(['code', 'kind', 'name']);
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const en = await call(t.app, entA, {
      method: 'POST',
      url: '/api/orgs',
      payload: {},
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toMatch(/invalid/i);
    const list = (await get(entB, `/api/orgs?pageSize=200`)).json() as { items: { id: number }[] };
    expect(list.items.map((o) => o.id)).not.toContain(w.orgs.entA.id);
  });

  it('refuses a duplicate code and a kind that does not fit its parent, changing nothing', async () => {
    const before = (await get(admin, '/api/orgs?pageSize=200')).json().total;
    const dup = await post(admin, '/api/orgs', {
      parentId: w.orgs.entA.id,
      kind: 'branch',
      code: w.orgs.branchA.code,
      name: 'dup',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('orgs.code_taken');
    const wrongKind = await post(admin, '/api/orgs', {
      parentId: w.orgs.workshopA.id,
      kind: 'enterprise',
      code: `${w.tag}-K`,
      name: 'k',
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.code).toBe('orgs.invalid_parent');
    expect((await get(admin, '/api/orgs?pageSize=200')).json().total).toBe(before);
  });

  it('renames with optimistic concurrency: a stale version gets 409 and loses nothing', async () => {
    const org = (await get(entA, `/api/orgs/${w.orgs.workshopA.id}`)).json();
    const ok = await call(t.app, entA, {
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      payload: { name: '金工一车间', version: org.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(org.version + 1);
    const stale = await call(t.app, admin, {
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      payload: { name: '别的名字', version: org.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect((await get(entA, `/api/orgs/${org.id}`)).json().name).toBe('金工一车间');
  });

  it('moves a subtree, rewriting paths, and refuses cycles', async () => {
    const br = (
      await post(admin, '/api/orgs', {
        parentId: w.orgs.entA.id,
        kind: 'branch',
        code: `${w.tag}-MB`,
        name: '待迁分厂',
      })
    ).json();
    const ws = (
      await post(admin, '/api/orgs', {
        parentId: br.id,
        kind: 'workshop',
        code: `${w.tag}-MW`,
        name: '待迁车间',
      })
    ).json();
    const cycle = await post(admin, `/api/orgs/${br.id}/move`, { parentId: ws.id, version: br.version });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('orgs.cycle');
    // enterprise A's admin cannot move it into enterprise B
    expect(
      (await post(entA, `/api/orgs/${br.id}/move`, { parentId: w.orgs.entB.id, version: br.version }))
        .statusCode,
    ).toBe(404);
    const moved = await post(admin, `/api/orgs/${br.id}/move`, {
      parentId: w.orgs.entB.id,
      version: br.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${w.orgs.entB.path}${br.id}/`);
    const child = (await get(admin, `/api/orgs/${ws.id}`)).json();
    expect(child.path).toBe(`${w.orgs.entB.path}${br.id}/${ws.id}/`);
    expect(child.depth).toBe(3);
    expect((await get(entA, `/api/orgs/${ws.id}`)).statusCode).toBe(404);
    expect((await get(entB, `/api/orgs/${ws.id}`)).statusCode).toBe(200);
  });

  it('archives only leaves, hides them from the tree, and restores', async () => {
    const br = (
      await post(admin, '/api/orgs', {
        parentId: w.orgs.entA.id,
        kind: 'branch',
        code: `${w.tag}-AB`,
        name: '归档分厂',
      })
    ).json();
    const ws = (
      await post(admin, '/api/orgs', {
        parentId: br.id,
        kind: 'workshop',
        code: `${w.tag}-AW`,
        name: '归档车间',
      })
    ).json();
    const refused = await post(admin, `/api/orgs/${br.id}/archive`, { version: br.version });
    expect(refused.json().error.code).toBe('orgs.has_children');
    const archived = await post(admin, `/api/orgs/${ws.id}/archive`, { version: ws.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const tree = (await get(admin, '/api/orgs/tree')).json() as { id: number }[];
    expect(tree.map((o) => o.id)).not.toContain(ws.id);
    const restored = await post(admin, `/api/orgs/${ws.id}/restore`, { version: archived.json().version });
    expect(restored.json().archivedAt).toBeNull();
    // an enterprise admin cannot archive their own enterprise root
    const e = (await get(entA, `/api/orgs/${w.orgs.entA.id}`)).json();
    expect(e.abilities.archive).toBe(false);
    expect((await post(entA, `/api/orgs/${w.orgs.entA.id}/archive`, { version: e.version })).statusCode).toBe(
      403,
    );
  });
});

async function orgSheet(rows: unknown[][], title = true) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织');
  if (title) {
    ws.addRow(['组织机构导入表']);
    ws.mergeCells('A1:E1');
  }
  ws.addRow(['单位名称', '组织编码', '类型', '上级编码', '职工人数']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('org import', () => {
  const importFile = (s: Session, buf: Buffer, dryRun: boolean) => {
    const mp = multipartFile(buf, 'orgs.xlsx');
    return call(t.app, s, { method: 'POST', url: `/api/orgs/import?dryRun=${dryRun}`, ...mp });
  };

  it('dry-runs, lists every bad row with its number and reason, and applies nothing on error', async () => {
    const p = `${w.tag}-I`;
    const buf = await orgSheet([
      ['一号分厂', `${p}1`, '分厂', w.orgs.entA.code, 120],
      [],
      ['', `${p}2`, '车间', `${p}1`, 30],
      ['三号', `${p}3`, '星球', `${p}1`, 10],
      ['四号', `${p}4`, '车间', 'NOPE', '１２'],
      ['五号', `${p}5`, '车间', w.orgs.entB.code, 10],
    ]);
    const dry = await importFile(entA, buf, true);
    expect(dry.statusCode).toBe(200);
    const report = dry.json();
    expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [5, '名称'],
      [6, '类型'],
      [7, '上级编码'],
      [8, '上级编码'],
    ]);
    const apply = await importFile(entA, buf, false);
    expect(apply.statusCode).toBe(400);
    expect(apply.json().error.code).toBe('imports.has_errors');
    const list = (await get(admin, `/api/orgs?q=${p}&pageSize=50`)).json();
    expect(list.total).toBe(0);
  });

  it('applies a good sheet all at once, parents first, and a re-import changes nothing', async () => {
    const p = `${w.tag}-J`;
    const buf = await orgSheet([
      ['二号车间', `${p}2`, '车间', `${p}1`, '３０'],
      ['一号分厂', `${p}1`, '分厂', w.orgs.entA.code, 120],
      ['甲班', `${p}3`, '班组', `${p}2`, 12],
    ]);
    const res = await importFile(entA, buf, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, updated: 0, errors: [] });
    const team = (await get(admin, `/api/orgs?q=${p}3`)).json().items[0];
    expect(team.depth).toBe(4);
    const ws = (await get(admin, `/api/orgs?q=${p}2`)).json().items[0];
    expect(ws.employeeCount).toBe(30);
    const again = await importFile(entA, buf, false);
    expect(again.json()).toMatchObject({ created: 0, updated: 0 });
  });

  it('refuses a file that is not an xlsx', async () => {
    const res = await importFile(entA, Buffer.from('name,code\nx,y'), true);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('files.type_not_allowed');
  });
});
