import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type Session, type TestApp, type World } from '../../../test/helpers.js';
import {
  auditOf,
  loginAll,
  manualClock,
  readXlsx,
  requests,
  studioInA,
  studioInB,
} from './studio-life.test-support.js';

const clock = manualClock();
let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let studio: { id: number; name: string };
let studioB: { id: number };
let r: ReturnType<typeof requests>;

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 400, publicUrl: 'https://jx.example.cn' },
  });
  w = await createWorld(t.database);
  r = requests(t);
  ({ admin, entA, entB, leader, member, worker } = await loginAll(t, w));
  studio = await studioInA(t, w, entA);
  studioB = await studioInB(t, w, entB);
});
afterAll(() => t.close());

const training = (extra: Record<string, unknown> = {}) => ({
  studioId: studio.id,
  kind: 'training',
  title: '数控车床编程培训',
  heldOn: '2025-06-10',
  place: '金工车间培训室',
  hours: 4,
  trainerPersonId: w.users.leaderA.personId,
  participants: [{ personId: w.users.memberA.personId }],
  ...extra,
});

describe('activities', () => {
  it('a member records a training; trainees default, hours, audit, abilities', async () => {
    const res = await r.post(
      member,
      '/api/activities',
      training({ outsideCount: 3, summary: '讲授 G 代码' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      kind: 'training',
      studioName: studio.name,
      hours: 4,
      outsideCount: 3,
      invitedCount: 1,
      attendedCount: 0,
    });
    expect(a.trainerName).toBe('leadera4');
    expect(a.participants[0]).toMatchObject({
      personId: w.users.memberA.personId,
      role: 'trainee',
      attendedAt: null,
      hours: 4,
    });
    expect(a.checkin.url).toMatch(/^https:\/\/jx\.example\.cn\/checkin\/[\w-]{20,}$/);
    expect(a.abilities).toMatchObject({ update: true, archive: true, checkinQr: true });
    const audit = await auditOf(t, admin, 'activity', a.id);
    expect(audit[0]).toMatchObject({ action: 'activities.create', actorUserId: w.users.memberA.id });
    expect(JSON.stringify(audit[0]!.after)).not.toContain(a.checkin.url.split('/').pop());
  });

  it('enforces the training rules and refuses unknown people with field errors, saving nothing', async () => {
    const before = (await r.get(leader, `/api/activities?studioId=${studio.id}`)).json().total;
    const noTrainer = await r.post(leader, '/api/activities', training({ trainerPersonId: null, hours: 0 }));
    expect(noTrainer.statusCode).toBe(400);
    expect(Object.keys(noTrainer.json().error.details.fields).sort()).toEqual(['hours', 'trainerName']);
    const traineeElsewhere = await r.post(leader, '/api/activities', {
      ...training(),
      kind: 'exchange',
      participants: [{ personId: w.users.memberA.personId, role: 'trainee', certificate: 'x' }],
    });
    expect(traineeElsewhere.json().error.details.fields).toMatchObject({
      'participants.0.role': expect.any(String),
      'participants.0.certificate': expect.any(String),
    });
    const dup = await r.post(
      leader,
      '/api/activities',
      training({
        participants: [{ personId: w.users.memberA.personId }, { personId: w.users.memberA.personId }],
      }),
    );
    expect(dup.json().error.details.fields['participants.1.personId']).toBe('人员重复');
    const outsider = await r.post(
      leader,
      '/api/activities',
      training({ participants: [{ personId: w.users.entAdminB.personId }] }),
    );
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details.fields['participants.0.personId']).toMatch(/不存在或不在/);
    const bad = await r.post(leader, '/api/activities', {
      studioId: studio.id,
      kind: 'party',
      title: '',
      heldOn: '2025-02-30',
      hours: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['heldOn', 'hours', 'kind', 'title']);
    expect((await r.get(leader, `/api/activities?studioId=${studio.id}`)).json().total).toBe(before);
  });

  it('401 anonymous, 403 to a worker, 404 to another enterprise (lists leave it out)', async () => {
    const a = (await r.post(leader, '/api/activities', training({ title: '保密培训' }))).json();
    expect((await r.get(null, '/api/activities')).statusCode).toBe(401);
    expect((await r.post(null, '/api/activities', training())).statusCode).toBe(401);
    expect((await r.post(worker, '/api/activities', training())).statusCode).toBe(403);
    const hidden = await r.get(entB, `/api/activities/${a.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('activities.not_found');
    expect(
      (await r.patch(entB, `/api/activities/${a.id}`, { title: 'x', version: a.version })).statusCode,
    ).toBe(404);
    expect((await r.get(entB, `/api/activities/${a.id}/checkin-qr`)).statusCode).toBe(404);
    expect((await r.post(entB, '/api/activities', training())).statusCode).toBe(404);
    expect((await r.post(leader, '/api/activities', training({ studioId: studioB.id }))).statusCode).toBe(
      404,
    );
    const listB = (await r.get(entB, '/api/activities?pageSize=200')).json();
    expect(listB.items.map((x: { id: number }) => x.id)).not.toContain(a.id);
    // The worker in the workshop sees the activity but not its check-in link, and may not change it.
    const seen = await r.get(worker, `/api/activities/${a.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().checkin).toBeNull();
    expect((await r.get(worker, `/api/activities/${a.id}/checkin-qr`)).statusCode).toBe(403);
  });

  it('edits with optimistic concurrency, keeps check-ins when the list is replaced, archives and restores', async () => {
    const a = (await r.post(leader, '/api/activities', training({ title: '安全培训' }))).json();
    const marked = await r.patch(leader, `/api/activities/${a.id}`, {
      version: a.version,
      participants: [{ personId: w.users.memberA.personId, attended: true, certificate: '安全操作合格证' }],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const m = marked.json();
    expect(m.participants[0]).toMatchObject({ checkinMethod: 'manual', certificate: '安全操作合格证' });
    expect(m.attendedCount).toBe(1);
    const stale = await r.patch(leader, `/api/activities/${a.id}`, { title: '旧版本', version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    const renamed = (
      await r.patch(leader, `/api/activities/${a.id}`, { title: '安全生产培训', version: m.version })
    ).json();
    expect(renamed.participants[0].attendedAt).not.toBeNull();
    // The member who did not record it may not archive it; the leader may.
    expect(
      (await r.post(member, `/api/activities/${a.id}/archive`, { version: renamed.version })).statusCode,
    ).toBe(403);
    const archived = await r.post(leader, `/api/activities/${a.id}/archive`, { version: renamed.version });
    expect(archived.json().archivedAt).not.toBeNull();
    expect(
      (await r.get(leader, `/api/activities?studioId=${studio.id}&pageSize=200`))
        .json()
        .items.map((x: any) => x.id),
    ).not.toContain(a.id);
    const restored = await r.post(leader, `/api/activities/${a.id}/restore`, {
      version: archived.json().version,
    });
    expect(restored.json().archivedAt).toBeNull();
    const actions = (await auditOf(t, admin, 'activity', a.id)).map((x) => x.action);
    expect(actions).toEqual([
      'activities.restore',
      'activities.archive',
      'activities.update',
      'activities.update',
      'activities.create',
    ]);
  });

  it('filters and exports the list, read back with its attendance sheet', async () => {
    await r.post(leader, '/api/activities', {
      studioId: studio.id,
      kind: 'exchange',
      title: '焊接工艺交流会',
      heldOn: '2025-05-20',
      hours: 2,
    });
    const list = (
      await r.get(leader, `/api/activities?studioId=${studio.id}&kind=exchange&from=2025-05-01&to=2025-05-31`)
    ).json();
    expect(list.items.map((x: any) => x.title)).toEqual(['焊接工艺交流会']);
    const res = await r.get(leader, `/api/activities/export?studioId=${studio.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheets = await readXlsx(res.rawPayload);
    expect(sheets.活动台账![0]).toContain('主题');
    expect(sheets.活动台账!.some((row) => row.includes('焊接工艺交流会') && row.includes('技术交流'))).toBe(
      true,
    );
    expect(sheets.参加人员!.some((row) => row.includes('安全生产培训') && row.includes('学员'))).toBe(true);
    const none = await readXlsx(
      (await r.get(entB, `/api/activities/export?studioId=${studio.id}`)).rawPayload,
    );
    expect(none.活动台账).toHaveLength(1);
  });
});
