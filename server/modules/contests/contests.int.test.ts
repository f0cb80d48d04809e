import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type Session, type TestApp, type World } from '../../../test/helpers.js';
import { auditOf, loginAll, readXlsx, requests, studioInA } from '../activities/studio-life.test-support.js';

let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let studio: { id: number; name: string };
let r: ReturnType<typeof requests>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  r = requests(t);
  ({ admin, entA, entB, leader, member, worker } = await loginAll(t, w));
  studio = await studioInA(t, w, entA);
});
afterAll(() => t.close());

const contest = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
  studioId: studio.id,
  name: '2025 年数控车工技能比武',
  level: 'enterprise',
  trade: '车工',
  heldOn: '2025-04-18',
  organizer: '甲企业工会',
  entries,
  ...extra,
});

describe('skill contests', () => {
  it('computes ranks from scores (ties share a rank), awards points, audits', async () => {
    const res = await r.post(
      leader,
      '/api/contests',
      contest([
        { personId: w.users.memberA.personId, score: 92.5, award: 'first', awardTitle: '技术能手' },
        { personId: w.users.employeeA.personId, score: 88 },
        { personId: w.users.leaderA.personId, score: 92.5, award: 'first' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ entrantCount: 3, awardCount: 2, level: 'enterprise' });
    const byPerson = Object.fromEntries(c.entries.map((e: any) => [e.personId, e]));
    expect(byPerson[w.users.memberA.personId]).toMatchObject({ rank: 1, points: 10, awardTitle: '技术能手' });
    expect(byPerson[w.users.leaderA.personId]).toMatchObject({ rank: 1, points: 10 });
    expect(byPerson[w.users.employeeA.personId]).toMatchObject({ rank: 3, points: 4 });
    expect((await auditOf(t, admin, 'contest', c.id))[0]).toMatchObject({
      action: 'contests.create',
      actorUserId: w.users.leaderA.id,
    });
  });

  it('refuses ranks that contradict scores, ranks beyond the entrants and duplicates', async () => {
    const bad = await r.post(
      leader,
      '/api/contests',
      contest([
        { personId: w.users.memberA.personId, score: 95, rank: 2 },
        { personId: w.users.employeeA.personId, score: 80, rank: 1 },
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields['entries.0.rank']).toMatch(/名次与成绩不一致/);
    const beyond = await r.post(
      leader,
      '/api/contests',
      contest([{ personId: w.users.memberA.personId, rank: 5 }]),
    );
    expect(beyond.json().error.details.fields['entries.0.rank']).toMatch(/不能大于参赛人数/);
    const dup = await r.post(
      leader,
      '/api/contests',
      contest([{ personId: w.users.memberA.personId }, { personId: w.users.memberA.personId }]),
    );
    expect(dup.json().error.details.fields['entries.1.personId']).toBe('参赛人员重复');
    const other = await r.post(leader, '/api/contests', contest([{ personId: w.users.entAdminB.personId }]));
    expect(other.json().error.details.fields['entries.0.personId']).toMatch(/不在您的管理范围/);
    const shape = await r.post(leader, '/api/contests', {
      studioId: studio.id,
      name: '',
      level: 'galaxy',
      trade: '',
      heldOn: 'x',
    });
    expect(Object.keys(shape.json().error.details.fields).sort()).toEqual([
      'heldOn',
      'level',
      'name',
      'trade',
    ]);
  });

  it('401 / 403 / 404, stale versions, archive and restore', async () => {
    const c = (
      await r.post(member, '/api/contests', contest([{ personId: w.users.memberA.personId, score: 70 }]))
    ).json();
    expect((await r.get(null, `/api/contests/${c.id}`)).statusCode).toBe(401);
    expect((await r.post(worker, '/api/contests', contest([]))).statusCode).toBe(403);
    expect((await r.get(entB, `/api/contests/${c.id}`)).json().error.code).toBe('contests.not_found');
    expect((await r.patch(entB, `/api/contests/${c.id}`, { name: 'x', version: c.version })).statusCode).toBe(
      404,
    );
    const upd = await r.patch(member, `/api/contests/${c.id}`, {
      version: c.version,
      entries: [{ personId: w.users.memberA.personId, score: 70, rank: 1, award: 'second' }],
    });
    expect(upd.json().entries[0]).toMatchObject({ rank: 1, award: 'second', points: 10 });
    expect(
      (await r.patch(member, `/api/contests/${c.id}`, { name: 'y', version: c.version })).statusCode,
    ).toBe(409);
    const arch = await r.post(leader, `/api/contests/${c.id}/archive`, { version: upd.json().version });
    expect(arch.json().archivedAt).not.toBeNull();
    expect(
      (await r.post(leader, `/api/contests/${c.id}/restore`, { version: arch.json().version })).json()
        .archivedAt,
    ).toBeNull();
    expect((await auditOf(t, admin, 'contest', c.id)).map((a) => a.action)).toEqual([
      'contests.restore',
      'contests.archive',
      'contests.update',
      'contests.create',
    ]);
  });

  it('shows results on the person page and exports contests with results', async () => {
    const life = (await r.get(leader, `/api/people/${w.users.memberA.personId}/life`)).json();
    expect(life.contests).toHaveLength(2);
    expect(life.contests.map((c: any) => c.points)).toEqual([10, 10]);
    expect(life.contestPoints).toBe(20);
    // A sibling enterprise's admin cannot read the person's page.
    expect((await r.get(entB, `/api/people/${w.users.memberA.personId}/life`)).statusCode).toBe(404);
    const sheets = await readXlsx(
      (await r.get(leader, `/api/contests/export?studioId=${studio.id}`)).rawPayload,
    );
    expect(sheets.技能比武![0]).toEqual([
      '日期',
      '比武名称',
      '级别',
      '工种',
      '工作室',
      '主办单位',
      '地点',
      '参赛人数',
      '获奖人数',
    ]);
    expect(sheets.技能比武!.filter((row) => row.includes('企业级')).length).toBeGreaterThanOrEqual(2);
    expect(sheets.比武成绩!.some((row) => row.includes('一等奖') && row.includes('技术能手'))).toBe(true);
  });
});
