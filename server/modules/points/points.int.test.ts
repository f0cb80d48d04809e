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
import { seedStudio, settableClock } from '../ideas/engagement.fixtures.js';
import { awardPoints } from './points.award.js';

const clock = settableClock('2026-03-15T04:00:00Z');
let t: TestApp;
let w: World;
let s: Record<'admin' | 'entA' | 'entB' | 'worker' | 'leader', Session>;
let studio: { id: number };
let personB: { id: number };

beforeAll(async () => {
  t = await createTestApp({ clock, config: { sessionTtlHours: 24 * 365 } });
  w = await createWorld(t.database);
  studio = await seedStudio(t.database.db, {
    code: `P${w.tag}`,
    name: '积分测试工作室',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
  });
  personB = await seedPerson(t.database.db, {
    orgId: w.orgs.workshopB.id,
    employeeNo: `${w.tag}-PB`,
    name: '乙职工',
    honours: [],
  });
  s = {
    admin: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    worker: await login(t.app, w.users.employeeA.username),
    leader: await login(t.app, w.users.leaderA.username),
  };
});
afterAll(() => t.close());

const get = (who: Session | null, url: string) => call(t.app, who, { method: 'GET', url });
const post = (who: Session | null, url: string, payload: unknown) =>
  call(t.app, who, { method: 'POST', url, payload: payload as object });
const db = () => t.database.db;

describe('points ledger', () => {
  it('credits by rule, once per cause, and keeps the rule version', async () => {
    const e = await awardPoints({
      db: db(),
      personId: w.users.employeeA.personId,
      event: 'training.taught',
      cause: { type: 'activity', id: 901 },
      now: clock.now(),
    });
    expect(e).toMatchObject({ points: 5, ruleVersion: 0, causeType: 'activity', causeId: 901 });
    expect(
      await awardPoints({
        db: db(),
        personId: w.users.employeeA.personId,
        event: 'training.taught',
        cause: { type: 'activity', id: 901 },
      }),
    ).toBeNull();
    expect(
      await awardPoints({
        db: db(),
        personId: w.users.employeeA.personId,
        event: 'no.such.event',
        cause: { type: 'x', id: 1 },
      }),
    ).toBeNull();
    await expect(
      awardPoints({ db: db(), studioId: studio.id, event: 'training.taught', cause: { type: 'x', id: 2 } }),
    ).rejects.toThrow(/credits a person/);
    const me = (await get(s.worker, '/api/points/me')).json();
    expect(me).toMatchObject({ total: 5, thisYear: 5 });
    expect(me.entries[0]).toMatchObject({
      label: '授课培训',
      points: 5,
      netPoints: 5,
      orgName: '甲金工车间',
    });
  });

  it('lets the group admin tune rules (versioned, audited) and nobody else', async () => {
    const rules = (await get(s.worker, '/api/points/rules')).json();
    const rule = rules.find((r: { event: string }) => r.event === 'training.taught');
    expect(rule).toMatchObject({ points: 5, subject: 'person', active: true });
    expect(
      (
        await call(t.app, s.entA, {
          method: 'PATCH',
          url: `/api/points/rules/${rule.id}`,
          payload: { points: 8, version: rule.version },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call(t.app, s.admin, {
      method: 'PATCH',
      url: `/api/points/rules/${rule.id}`,
      payload: { points: 1.5, version: rule.version },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.points).toBeTruthy();
    const ok = await call(t.app, s.admin, {
      method: 'PATCH',
      url: `/api/points/rules/${rule.id}`,
      payload: { points: 8, version: rule.version },
    });
    expect(ok.json()).toMatchObject({ points: 8, version: rule.version + 1 });
    const stale = await call(t.app, s.admin, {
      method: 'PATCH',
      url: `/api/points/rules/${rule.id}`,
      payload: { points: 9, version: rule.version },
    });
    expect(stale.statusCode).toBe(409);
    const audit = (await get(s.admin, `/api/audit?entityType=point_rule&entityId=${rule.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'points.rule_update' });
    expect(audit.items[0].before.points).toBe(5);
    expect(audit.items[0].after.points).toBe(8);
    const e = await awardPoints({
      db: db(),
      personId: w.users.employeeA.personId,
      event: 'training.taught',
      cause: { type: 'activity', id: 902 },
      now: clock.now(),
    });
    expect(e).toMatchObject({ points: 8, ruleVersion: rule.version + 1 });
    // Put it back for the totals below.
    await call(t.app, s.admin, {
      method: 'PATCH',
      url: `/api/points/rules/${rule.id}`,
      payload: { points: 5, version: rule.version + 1 },
    });
  });

  it('corrects only by appending an audited correction, within the admin’s scope', async () => {
    const ledger = (await get(s.entA, `/api/points/entries?personId=${w.users.employeeA.personId}`)).json();
    const entry = ledger.items.find((x: { causeId: number }) => x.causeId === 902);
    expect(entry.abilities.correct).toBe(true);
    expect(
      (await post(s.worker, `/api/points/entries/${entry.id}/correct`, { points: -8, reason: '重复登记' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(s.entB, `/api/points/entries/${entry.id}/correct`, { points: -8, reason: '重复登记' }))
        .statusCode,
    ).toBe(404);
    const zero = await post(s.entA, `/api/points/entries/${entry.id}/correct`, { points: 0, reason: '' });
    expect(zero.statusCode).toBe(400);
    expect(Object.keys(zero.json().error.details.fields).sort()).toEqual(['points', 'reason']);
    const fix = await post(s.entA, `/api/points/entries/${entry.id}/correct`, {
      points: -8,
      reason: '同一次培训重复登记',
    });
    expect(fix.statusCode).toBe(201);
    expect(fix.json()).toMatchObject({
      event: 'correction',
      points: -8,
      correctionOfId: entry.id,
      label: '积分调整',
      note: '同一次培训重复登记',
    });
    expect(
      (
        await post(s.entA, `/api/points/entries/${fix.json().id}/correct`, { points: 8, reason: '再改回来' })
      ).json().error.code,
    ).toBe('points.not_correctable');
    const after = (await get(s.entA, `/api/points/entries?personId=${w.users.employeeA.personId}`)).json();
    expect(after.items.find((x: { id: number }) => x.id === entry.id)).toMatchObject({
      points: 8,
      netPoints: 0,
    });
    expect((await get(s.worker, '/api/points/me')).json().total).toBe(5);
    expect((await get(s.worker, '/api/points/entries')).statusCode).toBe(403);
    expect((await get(null, '/api/points/me')).statusCode).toBe(401);
  });
});

describe('leaderboards', () => {
  it('ranks persons, studios and enterprises by month, quarter and year, within the viewer’s enterprise', async () => {
    clock.set('2026-04-10T04:00:00Z');
    await awardPoints({
      db: db(),
      personId: w.users.memberA.personId,
      event: 'patent.granted',
      cause: { type: 'result', id: 71 },
      now: clock.now(),
    });
    await awardPoints({
      db: db(),
      personId: personB.id,
      event: 'result.recognised',
      cause: { type: 'result', id: 72 },
      now: clock.now(),
    });
    await awardPoints({
      db: db(),
      studioId: studio.id,
      event: 'result.recognised_studio',
      cause: { type: 'result', id: 71 },
      now: clock.now(),
    });
    const april = (await get(s.admin, '/api/points/leaderboard?subject=person&period=month')).json();
    expect(april).toMatchObject({ from: '2026-04-01', to: '2026-05-01' });
    expect(april.rows.map((r: { name: string; points: number }) => [r.name, r.points])).toEqual([
      [expect.stringContaining('membera'), 50],
      ['乙职工', 30],
    ]);
    const march = (
      await get(s.admin, '/api/points/leaderboard?subject=person&period=month&at=2026-03-20')
    ).json();
    expect(march.rows).toEqual([
      expect.objectContaining({
        id: w.users.employeeA.personId,
        points: 5,
        rank: 1,
        enterpriseName: '甲企业',
      }),
    ]);
    const q1 = (
      await get(s.admin, '/api/points/leaderboard?subject=person&period=quarter&at=2026-02-01')
    ).json();
    expect(q1).toMatchObject({ from: '2026-01-01', to: '2026-04-01' });
    expect(q1.rows).toHaveLength(1);
    const year = (await get(s.admin, '/api/points/leaderboard?subject=person&period=year')).json();
    expect(year.rows.map((r: { points: number }) => r.points)).toEqual([50, 30, 5]);
    const ents = (await get(s.admin, '/api/points/leaderboard?subject=enterprise&period=year')).json();
    expect(ents.rows.map((r: { name: string; points: number }) => [r.name, r.points])).toEqual([
      ['甲企业', 105],
      ['乙企业', 30],
    ]);
    const studios = (await get(s.worker, '/api/points/leaderboard?subject=studio&period=year')).json();
    expect(studios.rows).toEqual([expect.objectContaining({ id: studio.id, points: 50 })]);
    // An employee of A sees A only; another enterprise is not theirs to look at.
    const mine = (await get(s.worker, '/api/points/leaderboard?subject=person&period=year')).json();
    expect(mine.rows.map((r: { name: string }) => r.name)).not.toContain('乙职工');
    expect((await get(s.worker, `/api/points/leaderboard?enterpriseId=${w.orgs.entB.id}`)).statusCode).toBe(
      404,
    );
    const onlyB = (await get(s.admin, `/api/points/leaderboard?enterpriseId=${w.orgs.entB.id}`)).json();
    expect(onlyB.rows.map((r: { name: string }) => r.name)).toEqual(['乙职工']);
    expect((await get(s.admin, '/api/points/leaderboard?period=decade')).statusCode).toBe(400);
  });
});

describe('awards', () => {
  it('grants awards with citations and points; withdrawing reverses the points by correction', async () => {
    const body = {
      title: '2026年度金点子之星',
      year: 2026,
      personId: w.users.employeeA.personId,
      citation: '全年提出合理化建议 12 条，其中 5 条被采纳实施。',
      awardedOn: '2026-04-10',
    };
    expect((await post(s.worker, '/api/awards', body)).statusCode).toBe(403);
    const foreign = await post(s.entA, '/api/awards', { ...body, personId: personB.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('awards.winner_invalid');
    const both = await post(s.entA, '/api/awards', { ...body, studioId: studio.id });
    expect(both.statusCode).toBe(400);
    const res = await post(s.entA, '/api/awards', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      winnerName: expect.stringContaining('workera'),
      subject: 'person',
      abilities: { archive: true },
    });
    expect((await get(s.worker, '/api/points/me')).json().total).toBe(35);
    const list = (await get(s.worker, '/api/awards?year=2026')).json();
    expect(list.items.map((a: { title: string }) => a.title)).toContain('2026年度金点子之星');
    expect(
      (await post(s.entB, `/api/awards/${res.json().id}/archive`, { version: res.json().version }))
        .statusCode,
    ).toBe(403);
    const archived = await post(s.entA, `/api/awards/${res.json().id}/archive`, {
      version: res.json().version,
    });
    expect(archived.json().archivedAt).toBeTruthy();
    expect((await get(s.worker, '/api/points/me')).json().total).toBe(5);
    const restored = await post(s.entA, `/api/awards/${res.json().id}/restore`, {
      version: archived.json().version,
    });
    expect(restored.json().archivedAt).toBeNull();
    expect((await get(s.worker, '/api/points/me')).json().total).toBe(35);
    const studioAward = await post(s.admin, '/api/awards', {
      title: '优秀创新工作室',
      year: 2026,
      studioId: studio.id,
      citation: '年度攻关课题 4 项，成果获省级认定。',
      awardedOn: '2026-04-10',
    });
    expect(studioAward.statusCode).toBe(201);
    expect((await get(s.leader, `/api/points/studios/${studio.id}`)).json().total).toBe(100);
    expect(
      (await get(s.leader, '/api/notifications'))
        .json()
        .items.some((n: { title: string }) => n.title === '恭喜获评：优秀创新工作室'),
    ).toBe(true);
  });
});
