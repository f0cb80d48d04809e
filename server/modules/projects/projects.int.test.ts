import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { kit } from '../innovation/innovation.test-kit.js';

let t: TestApp;
let w: World;
let k: ReturnType<typeof kit>;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let expert: Session;
let worker: Session;
let studioA: { id: number; name: string };
let studioB: { id: number; name: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  k = kit(t, w);
  [admin, entA, entB, leader, member, expert, worker] = (await Promise.all(
    [
      w.users.groupAdmin,
      w.users.entAdminA,
      w.users.entAdminB,
      w.users.leaderA,
      w.users.memberA,
      w.users.expertB,
      w.users.employeeA,
    ].map((u) => login(t.app, u.username)),
  )) as [Session, Session, Session, Session, Session, Session, Session];
  studioA = await k.studio(entA, {
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId],
  });
  studioB = await k.studio(entB, { hostOrgId: w.orgs.workshopB.id });
});
afterAll(() => t.close());

const propose = async (s: Session, o: Record<string, unknown> = {}) => {
  const res = await k.post(s, '/api/projects', k.projectBody(studioA.id, w.users.leaderA.personId, o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('projects API', () => {
  it('answers 401 anonymous, 403 to roles that cannot propose, 404 outside the tree, 400 with Chinese field messages', async () => {
    expect((await k.get(null, '/api/projects')).statusCode).toBe(401);
    expect((await k.post(null, '/api/projects', {})).statusCode).toBe(401);
    expect(
      (await k.post(worker, '/api/projects', k.projectBody(studioA.id, w.users.leaderA.personId))).statusCode,
    ).toBe(403);
    expect(
      (await k.post(member, '/api/projects', k.projectBody(studioA.id, w.users.leaderA.personId))).statusCode,
    ).toBe(403);
    // another enterprise's admin cannot see studio A at all
    const hidden = await k.post(entB, '/api/projects', k.projectBody(studioA.id, w.users.leaderA.personId));
    expect(hidden.statusCode).toBe(404);
    const before = (await k.get(admin, `/api/projects?studioId=${studioA.id}`)).json().total;
    const bad = await k.post(leader, '/api/projects', {
      ...k.projectBody(studioA.id, w.users.leaderA.personId),
      title: '',
      source: 'moon',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['source', 'title']);
    const dates = await k.post(
      leader,
      '/api/projects',
      k.projectBody(studioA.id, w.users.leaderA.personId, {
        plannedEnd: '2024-01-01',
        members: [{ personId: 999999 }],
      }),
    );
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details.fields).toEqual({
      plannedEnd: '计划结束日期不能早于开始日期',
      'members.0.personId': '人员不存在或已离职',
    });
    expect((await k.get(admin, `/api/projects?studioId=${studioA.id}`)).json().total).toBe(before);

    const p = await propose(leader);
    expect((await k.get(entB, `/api/projects/${p.id}`)).statusCode).toBe(404);
    expect((await k.get(entB, `/api/projects/${p.id}`)).json().error.code).toBe('projects.not_found');
    expect((await k.get(worker, `/api/projects/${p.id}`)).statusCode).toBe(200);
    expect((await k.get(expert, `/api/projects/${p.id}`)).statusCode).toBe(200);
  });

  it('enforces the workflow table: wrong state 409, wrong role 403, required opinions 400, stale version 409', async () => {
    let p = await propose(leader);
    const act = (s: Session, action: string, extra: Record<string, unknown> = {}) =>
      k.post(s, `/api/projects/${p.id}/actions/${action}`, { version: p.version, ...extra });
    const early = await act(leader, 'start');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'projects.invalid_transition',
      details: { status: 'proposed', action: 'start' },
    });
    expect((await act(member, 'approve')).statusCode).toBe(403);
    expect((await act(leader, 'terminate', { opinion: '不做了' })).statusCode).toBe(403);
    expect((await act(entA, 'terminate')).json().error.details.fields).toEqual({ opinion: '请填写终止原因' });
    expect((await k.post(entA, `/api/projects/${p.id}/actions/fly`, { version: p.version })).statusCode).toBe(
      400,
    );
    p = (await act(entA, 'approve')).json();
    const stale = await k.post(leader, `/api/projects/${p.id}/actions/start`, { version: p.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect((await k.get(leader, `/api/projects/${p.id}`)).json().status).toBe('approved');
    // the proposal is frozen once approved
    expect(
      (await k.patch(leader, `/api/projects/${p.id}`, { title: '改名', version: p.version })).json().error
        .code,
    ).toBe('projects.not_editable');
    p = (await act(leader, 'start')).json();
    expect((await act(leader, 'requestAcceptance')).json().error.details.fields.conclusion).toMatch(
      /结题总结/,
    );
    p = (await act(leader, 'requestAcceptance', { conclusion: '完成' })).json();
    p = (await act(entA, 'rejectAcceptance', { opinion: '试切数据不足' })).json();
    expect(p.status).toBe('inProgress');
    p = (await act(entA, 'terminate', { opinion: '工艺路线调整，课题终止' })).json();
    expect(p).toMatchObject({ status: 'terminated', terminatedReason: '工艺路线调整，课题终止' });
    expect(p.events.map((e: { action: string }) => e.action)).toEqual([
      'propose',
      'approve',
      'start',
      'requestAcceptance',
      'rejectAcceptance',
      'terminate',
    ]);
    expect(p.events.at(-1)).toMatchObject({
      fromStatus: 'inProgress',
      toStatus: 'terminated',
      opinion: '工艺路线调整，课题终止',
    });
    expect(Object.values(p.abilities).some(Boolean)).toBe(true); // archive remains
    expect(p.abilities.approve || p.abilities.start).toBe(false);
  });

  it('edits a proposal with audit, reports only by the leader, archives and restores', async () => {
    let p = await propose(leader);
    const edited = await k.patch(leader, `/api/projects/${p.id}`, {
      title: '大型铸件冒口切割工装改进（二期）',
      version: p.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    p = edited.json();
    const audit = await k.audit(admin, 'project', p.id);
    expect(audit[0]).toMatchObject({ action: 'projects.update', actorUserId: w.users.leaderA.id });
    expect(audit[0]!.after.title).toBe('大型铸件冒口切割工装改进（二期）');
    expect(audit[0]!.before.title).toBe('大型铸件冒口切割工装改进');
    // nothing to report before approval
    const r0 = { reportedOn: '2025-05-01', progress: 10, content: '方案设计中' };
    expect((await k.post(leader, `/api/projects/${p.id}/reports`, r0)).json().error.code).toBe(
      'projects.not_reportable',
    );
    p = (await k.post(entA, `/api/projects/${p.id}/actions/approve`, { version: p.version })).json();
    expect((await k.post(member, `/api/projects/${p.id}/reports`, r0)).statusCode).toBe(403);
    expect((await k.post(entB, `/api/projects/${p.id}/reports`, r0)).statusCode).toBe(404);
    const other = await k.post(leader, `/api/projects/${p.id}/reports`, { ...r0, milestoneId: 2147483000 });
    expect(other.json().error.details.fields.milestoneId).toBe('里程碑不属于该课题');
    expect((await k.post(leader, `/api/projects/${p.id}/reports`, r0)).statusCode).toBe(201);
    const ms = await k.post(leader, `/api/projects/${p.id}/milestones`, {
      title: '推广应用',
      dueOn: '2025-12-15',
    });
    expect(ms.json().milestones.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3]);
    expect((await k.audit(admin, 'project', p.id)).map((a) => a.action).slice(0, 2)).toEqual([
      'projects.add_milestone',
      'projects.report',
    ]);

    // The studio may archive a fresh proposal; the list hides it until restored.
    const q = await propose(leader, { title: '待归档的课题申请' });
    const archived = await k.post(leader, `/api/projects/${q.id}/archive`, { version: q.version });
    expect(archived.statusCode).toBe(200);
    expect((await k.get(leader, `/api/projects?q=${encodeURIComponent('待归档')}`)).json().total).toBe(0);
    expect(
      (await k.get(leader, `/api/projects?q=${encodeURIComponent('待归档')}&includeArchived=true`)).json()
        .total,
    ).toBe(1);
    expect(
      (await k.post(entA, `/api/projects/${q.id}/actions/approve`, { version: archived.json().version }))
        .statusCode,
    ).toBe(409);
    const restored = await k.post(leader, `/api/projects/${q.id}/restore`, {
      version: archived.json().version,
    });
    expect(restored.json().archivedAt).toBeNull();
    expect((await k.audit(admin, 'project', q.id)).map((a) => a.action).slice(0, 2)).toEqual([
      'projects.restore',
      'projects.archive',
    ]);
  });

  it('hides confidential projects from other enterprises, and filters and exports what the list shows', async () => {
    const secret = await propose(leader, { title: '某型号液压件密封结构攻关', confidential: true });
    const b = await k.post(
      entB,
      '/api/projects',
      k.projectBody(studioB.id, w.users.entAdminB.personId, { title: '乙企业焊接变形控制', source: 'self' }),
    );
    expect(b.statusCode).toBe(201);
    // The expert (group-wide reader from enterprise B) sees normal projects of A but not the confidential one.
    expect((await k.get(expert, `/api/projects/${secret.id}`)).statusCode).toBe(404);
    expect((await k.get(worker, `/api/projects/${secret.id}`)).statusCode).toBe(200);
    expect((await k.get(admin, `/api/projects/${secret.id}`)).statusCode).toBe(200);

    const listA = (await k.get(entA, '/api/projects?pageSize=200')).json();
    expect(listA.items.every((p: { studioId: number }) => p.studioId === studioA.id)).toBe(true);
    const byOrg = (await k.get(admin, `/api/projects?orgId=${w.orgs.entB.id}&pageSize=200`)).json();
    expect(byOrg.items.map((p: { id: number }) => p.id)).toEqual([b.json().id]);
    const bySource = (await k.get(admin, `/api/projects?source=self&studioId=${studioB.id}`)).json();
    expect(bySource.total).toBe(1);
    const year = (await k.get(admin, `/api/projects?year=1999`)).json();
    expect(year.total).toBe(0);

    const res = await k.get(admin, `/api/projects/export?studioId=${studioA.id}&status=proposed`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('课题名称');
    const listed = (
      await k.get(admin, `/api/projects?studioId=${studioA.id}&status=proposed&pageSize=200`)
    ).json();
    expect(ws.rowCount - 1).toBe(listed.total);
    const titles: string[] = [];
    ws.eachRow((row, n) => n > 1 && titles.push(String(row.getCell(2).value)));
    expect(titles.sort()).toEqual(listed.items.map((p: { title: string }) => p.title).sort());
    expect(ws.getRow(2).getCell(4).value).toBe('申请');
    expect((await k.get(null, '/api/projects/export')).statusCode).toBe(401);
  });
});
