import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedPerson } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  admin = await login(t.app, w.users.groupAdmin.username);
  entA = await login(t.app, w.users.entAdminA.username);
  entB = await login(t.app, w.users.entAdminB.username);
  leader = await login(t.app, w.users.leaderA.username);
  member = await login(t.app, w.users.memberA.username);
  worker = await login(t.app, w.users.employeeA.username);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => call(t.app, s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'POST', url, payload: payload as object });
const patch = (s: Session | null, url: string, payload: unknown) =>
  call(t.app, s, { method: 'PATCH', url, payload: payload as object });
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function person(orgId = w.orgs.workshopA.id, name = '新成员') {
  n++;
  return seedPerson(t.database.db, { orgId, employeeNo: `${w.tag}-M${n}`, name: `${name}${n}`, honours: [] });
}

async function studio(hostOrgId = w.orgs.branchA.id) {
  const res = await post(entA, '/api/studios', {
    name: `成员测试工作室${++n}`,
    type: 'employee',
    hostOrgId,
    leaderPersonId: w.users.leaderA.personId,
    foundedOn: '2018-03-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('members', () => {
  it('adds members (leader or admin), refuses duplicates, invisible people, and members or workers', async () => {
    const s = await studio(w.orgs.workshopA.id);
    const p = await person();
    const add = await post(leader, `/api/studios/${s.id}/members`, {
      personId: p.id,
      role: 'core',
      division: '工艺攻关',
      joinedOn: '2020-01-01',
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ personId: p.id, role: 'core', division: '工艺攻关', leftOn: null });
    const dup = await post(entA, `/api/studios/${s.id}/members`, {
      personId: p.id,
      role: 'member',
      joinedOn: '2021-01-01',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('studios.member_exists');
    const outsider = await person(w.orgs.workshopB.id);
    const hidden = await post(leader, `/api/studios/${s.id}/members`, {
      personId: outsider.id,
      role: 'member',
      joinedOn: '2021-01-01',
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details.fields.personId).toMatch(/人员不存在/);
    const p2 = await person();
    // the worker sees the studio (it is in their workshop) but may not manage it
    expect(
      (
        await post(worker, `/api/studios/${s.id}/members`, {
          personId: p2.id,
          role: 'member',
          joinedOn: '2021-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(entB, `/api/studios/${s.id}/members`, {
          personId: p2.id,
          role: 'member',
          joinedOn: '2021-01-01',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(null, `/api/studios/${s.id}/members`, {
          personId: p2.id,
          role: 'member',
          joinedOn: '2021-01-01',
        })
      ).statusCode,
    ).toBe(401);
    const bad = await post(leader, `/api/studios/${s.id}/members`, {
      personId: p2.id,
      role: 'leader',
      joinedOn: '2021-13-01x',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['joinedOn', 'role']);
    const roster = (await get(worker, `/api/studios/${s.id}/members`)).json();
    expect(roster.map((m: { personId: number }) => m.personId)).toEqual([w.users.leaderA.personId, p.id]);
  });

  it('keeps history: leaving closes the row, a role change opens a new one, nothing is overwritten', async () => {
    const s = await studio();
    const p = await person();
    const m = (
      await post(entA, `/api/studios/${s.id}/members`, {
        personId: p.id,
        role: 'trainee',
        joinedOn: '2020-06-01',
      })
    ).json();
    const promoted = await patch(leader, `/api/studios/${s.id}/members/${m.id}`, {
      role: 'member',
      division: '数据分析',
      version: m.version,
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'member', division: '数据分析', joinedOn: today() });
    expect(promoted.json().id).not.toBe(m.id);
    const stale = await patch(leader, `/api/studios/${s.id}/members/${m.id}`, {
      division: 'x',
      version: m.version,
    });
    expect(stale.json().error.code).toBe('studios.member_left');
    const early = await post(leader, `/api/studios/${s.id}/members/${promoted.json().id}/leave`, {
      leftOn: '2019-01-01',
      version: 0,
    });
    expect(early.json().error.details.fields.leftOn).toMatch(/不能早于加入日期/);
    const left = await post(leader, `/api/studios/${s.id}/members/${promoted.json().id}/leave`, {
      leftOn: today(),
      reason: '调岗',
      version: 0,
    });
    expect(left.json()).toMatchObject({ leftOn: today(), leftReason: '调岗' });
    const active = (await get(entA, `/api/studios/${s.id}/members`)).json();
    expect(active.map((x: { personId: number }) => x.personId)).not.toContain(p.id);
    const history = (await get(entA, `/api/studios/${s.id}/members?includeHistory=true`)).json();
    const rows = history.filter((x: { personId: number }) => x.personId === p.id);
    expect(rows.map((r: { role: string; leftReason: string }) => [r.role, r.leftReason]).sort()).toEqual([
      ['member', '调岗'],
      ['trainee', '角色调整'],
    ]);
    // the person can join again later: a new row, the old ones stay
    const back = await post(entA, `/api/studios/${s.id}/members`, {
      personId: p.id,
      role: 'member',
      joinedOn: today(),
    });
    expect(back.statusCode).toBe(201);
    expect(
      (await get(entA, `/api/studios/${s.id}/members?includeHistory=true`))
        .json()
        .filter((x: { personId: number }) => x.personId === p.id),
    ).toHaveLength(3);
    // the leader's row is changed only by a leader change
    const leaderRow = active.find((x: { role: string }) => x.role === 'leader');
    const refused = await post(entA, `/api/studios/${s.id}/members/${leaderRow.id}/leave`, {
      leftOn: today(),
      version: leaderRow.version,
    });
    expect(refused.json().error.code).toBe('studios.use_leader_change');
    // members and workers read the roster but cannot change it
    expect(
      (
        await post(member, `/api/studios/${s.id}/members/${back.json().id}/leave`, {
          leftOn: today(),
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('leader change', () => {
  it('closes the old leader row, keeps them as core, opens the new one, updates the studio and audits', async () => {
    const s = await studio();
    const p = await person(w.orgs.workshopA.id, '接任人');
    const m = (
      await post(entA, `/api/studios/${s.id}/members`, {
        personId: p.id,
        role: 'core',
        division: '质量',
        joinedOn: '2021-01-01',
      })
    ).json();
    const body = { personId: p.id, reason: '原领衔人退休', effectiveOn: today(), version: s.version };
    expect((await post(leader, `/api/studios/${s.id}/leader-change`, body)).statusCode).toBe(403);
    expect((await post(entB, `/api/studios/${s.id}/leader-change`, body)).statusCode).toBe(404);
    const bad = await post(entA, `/api/studios/${s.id}/leader-change`, {
      personId: p.id,
      reason: '',
      effectiveOn: 'tomorrow',
      version: s.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['effectiveOn', 'reason']);
    const same = await post(entA, `/api/studios/${s.id}/leader-change`, {
      ...body,
      personId: w.users.leaderA.personId,
    });
    expect(same.json().error.code).toBe('studios.leader_unchanged');
    const res = await post(entA, `/api/studios/${s.id}/leader-change`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      leaderPersonId: p.id,
      leaderName: p.name,
      version: s.version + 1,
      memberCount: 2,
    });
    const stale = await post(entA, `/api/studios/${s.id}/leader-change`, {
      ...body,
      personId: w.users.leaderA.personId,
    });
    expect(stale.statusCode).toBe(409);
    const history = (await get(entA, `/api/studios/${s.id}/members?includeHistory=true`)).json() as any[];
    const rows = (pid: number) =>
      history.filter((x) => x.personId === pid).map((x) => ({ role: x.role, leftOn: x.leftOn }));
    expect(rows(w.users.leaderA.personId)).toEqual(
      expect.arrayContaining([
        { role: 'core', leftOn: null },
        { role: 'leader', leftOn: today() },
      ]),
    );
    expect(rows(p.id)).toEqual(
      expect.arrayContaining([
        { role: 'leader', leftOn: null },
        { role: 'core', leftOn: today() },
      ]),
    );
    expect(history.find((x) => x.personId === p.id && x.role === 'leader').division).toBe('质量');
    expect(m.role).toBe('core');
    const audit = (
      await get(admin, `/api/audit?entityType=studio&entityId=${s.id}&action=studios.leader_change`)
    ).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: w.users.entAdminA.id,
      before: { leaderPersonId: w.users.leaderA.personId },
    });
    expect(audit[0].after).toMatchObject({ leaderPersonId: p.id, reason: '原领衔人退休' });
    // the old leader lost the studio's manage rights with the leader row
    expect((await get(leader, `/api/studios/${s.id}`)).json().abilities.manageMembers).toBe(false);
  });

  it('can drop the old leader from the roster entirely', async () => {
    const s = await studio();
    const p = await person();
    const res = await post(admin, `/api/studios/${s.id}/leader-change`, {
      personId: p.id,
      reason: '工作调动',
      effectiveOn: today(),
      keepOldAsCore: false,
      version: s.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const active = (await get(entA, `/api/studios/${s.id}/members`)).json();
    expect(active.map((x: { personId: number; role: string }) => [x.personId, x.role])).toEqual([
      [p.id, 'leader'],
    ]);
  });

  it('shows a studio in another enterprise to its member, with the abilities of a member, and not before they join', async () => {
    const res = await post(admin, '/api/studios', {
      name: `跨企业工作室${++n}`,
      type: 'employee',
      hostOrgId: w.orgs.workshopB.id,
      foundedOn: '2018-03-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect((await get(member, `/api/studios/${s.id}`)).statusCode).toBe(404);
    const add = await post(admin, `/api/studios/${s.id}/members`, {
      personId: w.users.memberA.personId,
      role: 'member',
      joinedOn: '2020-01-01',
    });
    expect(add.statusCode, add.body).toBe(201);
    const seen = await get(member, `/api/studios/${s.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: s.id, memberCount: 1, hostOrgName: '乙装配车间' });
    expect(seen.json().abilities).toMatchObject({ upload: true, update: false, manageMembers: false });
    expect((await get(worker, `/api/studios/${s.id}`)).statusCode).toBe(404);
  });
});
