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
let s: Record<'entA' | 'leaderA' | 'leaderB' | 'member' | 'worker' | 'otherAdmin', Session>;
let studioA: { id: number };
let studioB: { id: number };
let personB: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  other = await createWorld(t.database);
  const db = t.database.db;
  personB = await seedPerson(db, {
    orgId: w.orgs.workshopB.id,
    employeeNo: `${w.tag}-CB`,
    name: '乙焊接专家',
    honours: [],
  });
  const userB = await seedUser(db, {
    username: `clinicb_${w.tag}`.toLowerCase(),
    password: PASSWORD,
    personId: personB.id,
    displayName: '乙焊接专家',
    grants: [{ role: 'studio_leader', orgId: w.orgs.entB.id }],
  });
  studioA = await seedStudio(db, {
    code: `MA${w.tag}`,
    name: '甲焊接工作室',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId],
    field: '焊接',
  });
  studioB = await seedStudio(db, {
    code: `MB${w.tag}`,
    name: '乙焊接工艺工作室',
    hostOrgId: w.orgs.workshopB.id,
    leaderPersonId: personB.id,
    field: '焊接工艺',
  });
  await seedStudio(db, {
    code: `MC${w.tag}`,
    name: '甲电气工作室',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.entAdminA.personId,
    field: '电气自动化',
  });
  s = {
    entA: await login(t.app, w.users.entAdminA.username),
    leaderA: await login(t.app, w.users.leaderA.username),
    leaderB: await login(t.app, userB.username),
    member: await login(t.app, w.users.memberA.username),
    worker: await login(t.app, w.users.employeeA.username),
    otherAdmin: await login(t.app, other.users.groupAdmin.username),
  };
});
afterAll(() => t.close());

const get = (who: Session | null, url: string) => call(t.app, who, { method: 'GET', url });
const post = (who: Session | null, url: string, payload: unknown) =>
  call(t.app, who, { method: 'POST', url, payload: payload as object });

describe('technical clinic', () => {
  let q: { id: number; version: number };

  it('routes a question to the studios of its field across enterprises and tells their people', async () => {
    const res = await post(s.worker, '/api/clinic/questions', {
      title: '不锈钢薄板焊接变形大',
      content: '2mm 不锈钢薄板 TIG 焊后变形超过 3mm，有什么办法控制？',
      field: '焊接',
    });
    expect(res.statusCode).toBe(201);
    q = res.json();
    expect(res.json().code).toMatch(/^MZ-\d{4}-\d{5}$/);
    expect(
      res
        .json()
        .routedStudios.map((x: { id: number }) => x.id)
        .sort((a: number, b: number) => a - b),
    ).toEqual([studioA.id, studioB.id]);
    expect(
      (await get(s.member, '/api/notifications'))
        .json()
        .items.some((n: { title: string }) => n.title.includes('不锈钢薄板焊接变形大')),
    ).toBe(true);
    expect(
      (await get(s.leaderB, '/api/todos'))
        .json()
        .items.some(
          (x: { kind: string; entityId: number }) => x.kind === 'clinic.answer' && x.entityId === q.id,
        ),
    ).toBe(true);
    expect(
      (await get(s.leaderA, '/api/clinic/questions?view=routed'))
        .json()
        .items.map((x: { id: number }) => x.id),
    ).toContain(q.id);
    expect((await get(s.worker, '/api/clinic/questions?view=mine')).json().total).toBe(1);
  });

  it('takes answers from studio members only, and hides the question outside the group', async () => {
    expect((await get(null, '/api/clinic/questions')).statusCode).toBe(401);
    expect((await get(s.otherAdmin, `/api/clinic/questions/${q.id}`)).statusCode).toBe(404);
    const notMember = await post(s.worker, `/api/clinic/questions/${q.id}/answers`, {
      content: '我觉得可以多焊几次',
    });
    expect(notMember.statusCode).toBe(403);
    expect(notMember.json().error.code).toBe('clinic.not_member');
    const bad = await post(s.leaderB, `/api/clinic/questions/${q.id}/answers`, { content: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.content).toBeTruthy();
    const a1 = await post(s.leaderB, `/api/clinic/questions/${q.id}/answers`, {
      content: '采用铜垫板强制冷却、分段退焊，并把线能量降到 6kJ/cm 以下。',
    });
    expect(a1.statusCode).toBe(201);
    expect(a1.json().answers[0]).toMatchObject({
      studioId: studioB.id,
      studioName: '乙焊接工艺工作室',
      accepted: false,
    });
    expect(
      (await get(s.leaderB, '/api/todos'))
        .json()
        .items.some(
          (x: { entityId: number; kind: string }) => x.kind === 'clinic.answer' && x.entityId === q.id,
        ),
    ).toBe(false);
    await post(s.member, `/api/clinic/questions/${q.id}/answers`, { content: '可以试试刚性固定加反变形。' });
    expect(
      (await get(s.worker, '/api/notifications'))
        .json()
        .items.filter((n: { title: string }) => n.title.startsWith('您的门诊问题有了新解答')).length,
    ).toBe(2);
    const badQ = await post(s.worker, '/api/clinic/questions', { title: '短', content: '', field: '' });
    expect(badQ.statusCode).toBe(400);
    expect(Object.keys(badQ.json().error.details.fields).sort()).toEqual(['content', 'field', 'title']);
  });

  it('lets the asker accept an answer: resolved, and the answerer and their studio earn points', async () => {
    const detail = (await get(s.worker, `/api/clinic/questions/${q.id}`)).json();
    expect(detail.abilities).toMatchObject({ accept: true, close: true });
    const best = detail.answers.find((a: { studioId: number }) => a.studioId === studioB.id);
    expect(
      (
        await post(s.member, `/api/clinic/questions/${q.id}/accept`, {
          answerId: best.id,
          version: detail.version,
        })
      ).statusCode,
    ).toBe(403);
    const wrong = await post(s.worker, `/api/clinic/questions/${q.id}/accept`, {
      answerId: 999999,
      version: detail.version,
    });
    expect(wrong.statusCode).toBe(404);
    const ok = await post(s.worker, `/api/clinic/questions/${q.id}/accept`, {
      answerId: best.id,
      version: detail.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', acceptedAnswerId: best.id });
    expect(ok.json().answers[0]).toMatchObject({ id: best.id, accepted: true });
    expect((await get(s.leaderB, '/api/points/me')).json().total).toBe(5);
    expect((await get(s.leaderB, `/api/points/studios/${studioB.id}`)).json().total).toBe(2);
    const late = await post(s.leaderA, `/api/clinic/questions/${q.id}/answers`, {
      content: '补充：焊后可用火焰矫正。',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('clinic.closed');
    expect(
      (await get(s.leaderA, '/api/todos'))
        .json()
        .items.some(
          (x: { entityId: number; kind: string }) => x.kind === 'clinic.answer' && x.entityId === q.id,
        ),
    ).toBe(false);
  });

  it('lets the asker (or an admin) close a question, and nobody else', async () => {
    const q2 = (
      await post(s.worker, '/api/clinic/questions', {
        title: '变频器频繁报过流',
        content: '行车变频器启动时频繁报过流故障，如何排查？',
        field: '电气自动化',
      })
    ).json();
    expect(q2.routedStudios).toHaveLength(1);
    expect(
      (await post(s.member, `/api/clinic/questions/${q2.id}/close`, { version: q2.version })).statusCode,
    ).toBe(403);
    const closed = await post(s.entA, `/api/clinic/questions/${q2.id}/close`, { version: q2.version });
    expect(closed.json().status).toBe('closed');
    expect(
      (await post(s.worker, `/api/clinic/questions/${q2.id}/close`, { version: closed.json().version }))
        .statusCode,
    ).toBe(409);
  });
});
