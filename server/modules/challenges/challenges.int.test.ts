import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  login,
  PASSWORD,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';
import { seedStudio } from '../ideas/engagement.fixtures.js';

let t: TestApp;
let w: World;
let other: World;
let s: Record<
  'admin' | 'entA' | 'entB' | 'leaderA' | 'leaderB' | 'member' | 'worker' | 'otherAdmin',
  Session
>;
let studioA: { id: number };
let studioB: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  other = await createWorld(t.database);
  const db = t.database.db;
  const personB = await seedPerson(db, {
    orgId: w.orgs.workshopB.id,
    employeeNo: `${w.tag}-LB`,
    name: '乙领衔人',
    honours: [],
  });
  const userB = await seedUser(db, {
    username: `leaderb_${w.tag}`.toLowerCase(),
    password: PASSWORD,
    personId: personB.id,
    displayName: '乙领衔人',
    grants: [{ role: 'studio_leader', orgId: w.orgs.entB.id }],
  });
  studioA = await seedStudio(db, {
    code: `CA${w.tag}`,
    name: '甲焊接工作室',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId],
    field: '焊接',
  });
  studioB = await seedStudio(db, {
    code: `CB${w.tag}`,
    name: '乙焊接机器人工作室',
    hostOrgId: w.orgs.workshopB.id,
    leaderPersonId: personB.id,
    field: '焊接机器人',
  });
  s = {
    admin: await login(t.app, w.users.groupAdmin.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    leaderA: await login(t.app, w.users.leaderA.username),
    leaderB: await login(t.app, userB.username),
    member: await login(t.app, w.users.memberA.username),
    worker: await login(t.app, w.users.employeeA.username),
    otherAdmin: await login(t.app, other.users.groupAdmin.username),
  };
});
afterAll(() => t.close());

const get = (who: Session | null, url: string) => call(t.app, who, { method: 'GET', url });
const post = (who: Session | null, url: string, payload?: unknown) =>
  call(t.app, who, { method: 'POST', url, payload: payload as object });
const posting = () => ({
  ownerOrgId: w.orgs.entA.id,
  title: '大型结构件焊缝气孔率高',
  field: '焊接',
  description: '大型结构件埋弧焊焊缝气孔率达 3%，返修工时大，需要降到 0.5% 以下。',
  bountyFen: 5_000_000,
  deadline: '2099-12-31',
});

describe('challenge board', () => {
  let c: { id: number; version: number };

  it('lets an enterprise admin post a challenge and tells studios of the field', async () => {
    const res = await post(s.entA, '/api/challenges', posting());
    expect(res.statusCode).toBe(201);
    c = res.json();
    expect(res.json()).toMatchObject({
      status: 'published',
      ownerOrgName: '甲企业',
      bidCount: 0,
      bountyFen: 5_000_000,
    });
    expect(res.json().code).toMatch(/^JB-\d{4}-\d{5}$/);
    const notes = (await get(s.leaderB, '/api/notifications')).json();
    expect(notes.items.some((n: { title: string }) => n.title.includes('大型结构件焊缝气孔率高'))).toBe(true);
    const board = (await get(s.leaderB, '/api/challenges?status=published')).json();
    expect(board.items.map((x: { id: number }) => x.id)).toContain(c.id);
  });

  it('answers 401, 403, 404 and 400 as it should, changing nothing', async () => {
    expect((await get(null, '/api/challenges')).statusCode).toBe(401);
    expect((await post(s.worker, '/api/challenges', posting())).statusCode).toBe(403);
    expect((await post(s.entB, '/api/challenges', posting())).statusCode).toBe(404);
    expect((await get(s.otherAdmin, `/api/challenges/${c.id}`)).statusCode).toBe(404);
    expect(
      (await get(s.otherAdmin, '/api/challenges')).json().items.some((x: { id: number }) => x.id === c.id),
    ).toBe(false);
    const bad = await post(s.entA, '/api/challenges', {
      ownerOrgId: w.orgs.entA.id,
      title: '',
      field: '',
      description: '短',
      bountyFen: -1,
      deadline: '明天',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual([
      'bountyFen',
      'deadline',
      'description',
      'field',
      'title',
    ]);
    const past = await post(s.entA, '/api/challenges', { ...posting(), deadline: '2000-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.fields.deadline).toBeTruthy();
    expect((await get(s.entA, '/api/challenges?mine=true')).json().total).toBe(1);
    const edit = await call(t.app, s.entB, {
      method: 'PATCH',
      url: `/api/challenges/${c.id}`,
      payload: { title: '改标题', version: c.version },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('takes one bid per studio from its leader, shows bids to the owner and each studio its own', async () => {
    const proposal = { proposal: '采用焊前预热与保护气体配比优化，三个月内降低气孔率。', expectedDays: 90 };
    const b1 = await post(s.leaderB, `/api/challenges/${c.id}/bids`, { studioId: studioB.id, ...proposal });
    expect(b1.statusCode).toBe(201);
    expect(
      (await post(s.leaderB, `/api/challenges/${c.id}/bids`, { studioId: studioB.id, ...proposal })).json()
        .error.code,
    ).toBe('challenges.bid_exists');
    expect(
      (await post(s.member, `/api/challenges/${c.id}/bids`, { studioId: studioA.id, ...proposal }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(s.leaderA, `/api/challenges/${c.id}/bids`, { studioId: studioB.id, ...proposal }))
        .statusCode,
    ).toBe(404);
    const b2 = await post(s.leaderA, `/api/challenges/${c.id}/bids`, {
      studioId: studioA.id,
      ...proposal,
      plan: '分三阶段',
    });
    expect(b2.statusCode).toBe(201);
    const badBid = await post(s.leaderA, `/api/challenges/${c.id}/bids`, {
      studioId: studioA.id,
      proposal: '短',
    });
    expect(badBid.statusCode).toBe(400);
    expect((await get(s.entA, `/api/challenges/${c.id}`)).json().bids).toHaveLength(2);
    const seenByB = (await get(s.leaderB, `/api/challenges/${c.id}`)).json();
    expect(seenByB.bids.map((b: { studioId: number }) => b.studioId)).toEqual([studioB.id]);
    expect(seenByB.bidCount).toBe(2);
    const todos = (await get(s.entA, '/api/todos')).json();
    expect(
      todos.items.some(
        (x: { kind: string; entityId: number }) => x.kind === 'challenge.select' && x.entityId === c.id,
      ),
    ).toBe(true);
  });

  it('goes from selection to the selected studio’s project, acceptance and the released bounty, with points', async () => {
    const detail = (await get(s.entA, `/api/challenges/${c.id}`)).json();
    const bidB = detail.bids.find((b: { studioId: number }) => b.studioId === studioB.id);
    expect(detail.actions.sort()).toEqual(['cancel', 'select']);
    expect(
      (
        await post(s.leaderB, `/api/challenges/${c.id}/actions/select`, {
          version: detail.version,
          bidId: bidB.id,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await post(s.entA, `/api/challenges/${c.id}/actions/select`, { version: detail.version })).statusCode,
    ).toBe(400);
    const sel = await post(s.entA, `/api/challenges/${c.id}/actions/select`, {
      version: detail.version,
      bidId: bidB.id,
    });
    expect(sel.statusCode).toBe(200);
    expect(sel.json()).toMatchObject({
      status: 'selected',
      selectedStudioId: studioB.id,
      projectRequestId: expect.any(Number),
    });
    expect(sel.json().bids.find((b: { studioId: number }) => b.studioId === studioA.id).status).toBe(
      'declined',
    );
    expect((await get(s.leaderB, `/api/points/studios/${studioB.id}`)).json().total).toBe(10);
    const reqTodo = (await get(s.leaderB, '/api/todos'))
      .json()
      .items.find((x: { kind: string }) => x.kind === 'projectRequest.accept');
    expect(reqTodo.link).toBe(`/challenges/${c.id}`);
    expect(
      (await post(s.entA, `/api/challenges/${c.id}/actions/start`, { version: sel.json().version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(s.leaderA, `/api/challenges/${c.id}/actions/start`, { version: sel.json().version }))
        .statusCode,
    ).toBe(403);
    const started = await post(s.leaderB, `/api/challenges/${c.id}/actions/start`, {
      version: sel.json().version,
      plannedEnd: '2099-06-30',
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'inProgress', projectId: expect.any(Number) });
    const project = (await get(s.leaderB, `/api/projects/${started.json().projectId}`)).json();
    expect(project).toMatchObject({
      source: 'challenge',
      challengeId: c.id,
      studioId: studioB.id,
      title: '大型结构件焊缝气孔率高',
    });
    expect(
      (await get(s.leaderB, '/api/todos'))
        .json()
        .items.some((x: { kind: string }) => x.kind === 'projectRequest.accept'),
    ).toBe(false);
    const submitted = await post(s.leaderB, `/api/challenges/${c.id}/actions/submit`, {
      version: started.json().version,
      note: '气孔率已降至 0.4%',
    });
    expect(submitted.json().status).toBe('acceptance');
    const noNote = await post(s.entA, `/api/challenges/${c.id}/actions/accept`, {
      version: submitted.json().version,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('challenges.note_required');
    const stale = await post(s.entA, `/api/challenges/${c.id}/actions/accept`, {
      version: submitted.json().version - 1,
      note: '通过',
    });
    expect(stale.statusCode).toBe(409);
    const closed = await post(s.entA, `/api/challenges/${c.id}/actions/accept`, {
      version: submitted.json().version,
      note: '抽检 50 件，气孔率 0.4%，验收通过。',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      bountyReleasedFen: 5_000_000,
      acceptanceNote: '抽检 50 件，气孔率 0.4%，验收通过。',
    });
    expect(closed.json().bountyReleasedAt).toBeTruthy();
    expect(closed.json().steps.map((x: { action: string }) => x.action)).toEqual([
      'publish',
      'bid',
      'bid',
      'select',
      'start',
      'submit',
      'accept',
    ]);
    expect((await get(s.leaderB, `/api/points/studios/${studioB.id}`)).json().total).toBe(110);
    const again = await post(s.entA, `/api/challenges/${c.id}/actions/cancel`, {
      version: closed.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('challenges.invalid_transition');
    const board = (await get(s.admin, '/api/points/leaderboard?subject=studio&period=all')).json();
    expect(board.rows[0]).toMatchObject({ id: studioB.id, points: 110, rank: 1, enterpriseName: '乙企业' });
    const audit = (await get(s.admin, `/api/audit?entityType=challenge&entityId=${c.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['challenges.create', 'challenges.select', 'challenges.accept']),
    );
  });

  it('cancels an open challenge, declining its bids, and refuses bids after cancelling', async () => {
    const c2 = (await post(s.entA, '/api/challenges', { ...posting(), title: '焊接烟尘治理' })).json();
    await post(s.leaderA, `/api/challenges/${c2.id}/bids`, {
      studioId: studioA.id,
      proposal: '加装移动式烟尘净化器并优化排风。',
    });
    const b = (
      await post(s.leaderB, `/api/challenges/${c2.id}/bids`, {
        studioId: studioB.id,
        proposal: '采用局部排风罩与滤筒除尘组合方案。',
      })
    ).json();
    const mine = b.bids.find((x: { studioId: number }) => x.studioId === studioB.id);
    expect(mine.abilities.withdraw).toBe(true);
    expect((await post(s.leaderA, `/api/challenges/${c2.id}/bids/${mine.id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await post(s.leaderB, `/api/challenges/${c2.id}/bids/${mine.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().bidCount).toBe(1);
    expect((await post(s.leaderB, `/api/challenges/${c2.id}/bids/${mine.id}/withdraw`)).statusCode).toBe(404);
    const patch = (who: Session, body: unknown) =>
      call(t.app, who, { method: 'PATCH', url: `/api/challenges/${c2.id}`, payload: body as object });
    const before = (await get(s.entA, `/api/challenges/${c2.id}`)).json();
    const edited = await patch(s.entA, { bountyFen: 800_000, version: before.version });
    expect(edited.json()).toMatchObject({ bountyFen: 800_000, version: before.version + 1 });
    expect((await patch(s.entA, { title: '', version: edited.json().version })).statusCode).toBe(400);
    expect(
      (await patch(s.otherAdmin, { title: '别的标题', version: edited.json().version })).statusCode,
    ).toBe(404);
    const cur = (await get(s.entA, `/api/challenges/${c2.id}`)).json();
    const cancelled = await post(s.entA, `/api/challenges/${c2.id}/actions/cancel`, {
      version: cur.version,
      note: '已由设备部统一采购',
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect(cancelled.json().bids[0].status).toBe('declined');
    const late = await post(s.leaderB, `/api/challenges/${c2.id}/bids`, {
      studioId: studioB.id,
      proposal: '迟到的揭榜方案内容足够长',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('challenges.not_open');
  });
});
