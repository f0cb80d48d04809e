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
import { seedUser } from '../../db/seed/factories.js';
import { auditOf, loginAll, manualClock, requests, studioInA } from './studio-life.test-support.js';

const clock = manualClock('2025-06-10T02:00:00Z');
let t: TestApp;
let w: World;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let worker: Session;
let studio: { id: number };
let r: ReturnType<typeof requests>;

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { sessionTtlHours: 24 * 400, publicUrl: 'https://jx.example.cn/' },
  });
  w = await createWorld(t.database);
  r = requests(t);
  ({ admin, entA, entB, leader, member, worker } = await loginAll(t, w));
  studio = await studioInA(t, w, entA);
});
afterAll(() => t.close());

async function activity(extra: Record<string, unknown> = {}) {
  const res = await r.post(leader, '/api/activities', {
    studioId: studio.id,
    kind: 'training',
    title: '扫码签到培训',
    heldOn: '2025-06-10',
    hours: 3,
    trainerName: '外聘讲师王工',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const a = res.json();
  return { ...a, token: String(a.checkin.url).split('/checkin/')[1] as string };
}

describe('QR attendance', () => {
  it('serves the QR code as a PNG encoding the public check-in link', async () => {
    const a = await activity();
    expect(a.checkin.url).toBe(`https://jx.example.cn/checkin/${a.token}`);
    const png = await r.get(member, `/api/activities/${a.id}/checkin-qr`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await r.get(null, `/api/activities/${a.id}/checkin-qr`)).statusCode).toBe(401);
  });

  it('a member checks in once: the second scan changes nothing; attendance and audit show it', async () => {
    clock.set('2025-06-10T02:00:00Z');
    const a = await activity();
    const info = await r.get(member, `/api/checkin/${a.token}`);
    expect(info.json()).toMatchObject({
      activityId: a.id,
      state: 'open',
      eligible: true,
      attendedAt: null,
      title: '扫码签到培训',
    });
    const first = await r.post(member, `/api/checkin/${a.token}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ already: false, attendedAt: '2025-06-10T02:00:00.000Z' });
    clock.set('2025-06-10T05:00:00Z');
    const again = await r.post(member, `/api/checkin/${a.token}`);
    expect(again.json()).toMatchObject({ already: true, attendedAt: '2025-06-10T02:00:00.000Z' });
    const detail = (await r.get(leader, `/api/activities/${a.id}`)).json();
    expect(detail.attendedCount).toBe(1);
    expect(detail.participants).toEqual([
      expect.objectContaining({
        personId: w.users.memberA.personId,
        role: 'trainee',
        checkinMethod: 'qr',
        hours: 3,
      }),
    ]);
    const audit = (await auditOf(t, admin, 'activity', a.id)).filter(
      (x) => x.action === 'activities.checkin',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: w.users.memberA.id });
  });

  it('the offline outbox resends with one Idempotency-Key, also twice at once: one attendance, one audit', async () => {
    clock.set('2025-06-10T02:00:00Z');
    const a = await activity();
    const key = '3f1e2d4c-5b6a-4798-8a0b-1c2d3e4f5a6b';
    const send = (k: string | undefined = key) =>
      call(t.app, member, {
        method: 'POST',
        url: `/api/checkin/${a.token}`,
        headers: k ? { 'idempotency-key': k } : {},
      });
    // a reply lost on a flaky line and two tabs flushing their outbox: the same request arrives three times at once
    const burst = await Promise.all([send(), send(), send()]);
    for (const res of burst) expect(res.statusCode, res.body).toBe(200);
    expect(burst.filter((res) => res.json().already === false)).toHaveLength(1);
    for (const res of burst) expect(res.json().attendedAt).toBe('2025-06-10T02:00:00.000Z');
    clock.set('2025-06-10T03:00:00Z');
    // later resends, with the key, with another key (a second scan) and without one, change nothing
    for (const k of [key, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', undefined]) {
      const res = await send(k);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ already: true, attendedAt: '2025-06-10T02:00:00.000Z' });
    }
    const detail = (await r.get(leader, `/api/activities/${a.id}`)).json();
    expect(detail.attendedCount).toBe(1);
    expect(detail.participants).toHaveLength(1);
    const audit = (await auditOf(t, admin, 'activity', a.id)).filter(
      (x) => x.action === 'activities.checkin',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ personId: w.users.memberA.personId, clientKey: key });
    // a malformed key is refused before anything is recorded
    const bad = await send('not-a-uuid');
    expect(bad.statusCode).toBe(400);
    clock.set('2025-06-10T02:00:00Z');
  });

  it('opens on the activity day (China time) and closes 6 hours after it ends', async () => {
    const a = await activity({ heldOn: '2025-06-12' });
    clock.set('2025-06-11T15:59:00Z'); // 2025-06-11 23:59 in China
    const early = await r.post(member, `/api/checkin/${a.token}`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'activities.checkin_not_open',
      details: { opensAt: '2025-06-11T16:00:00.000Z' },
    });
    expect((await r.get(member, `/api/checkin/${a.token}`)).json().state).toBe('notOpen');
    clock.set('2025-06-12T21:59:00Z'); // 2025-06-13 05:59 in China: still inside the grace period
    expect((await r.post(member, `/api/checkin/${a.token}`)).json().already).toBe(false);
    clock.set('2025-06-12T22:00:00Z');
    const late = await r.post(leader, `/api/checkin/${a.token}`);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('activities.checkin_expired');
    expect(late.json().error.message).toBe('签到已结束');
    clock.set('2025-06-10T02:00:00Z');
  });

  it('admits members and invited people only; others get 403 and nothing is recorded', async () => {
    const a = await activity({ participants: [{ personId: w.users.employeeA.personId }] });
    // employeeA is not a member but is invited.
    expect((await r.get(worker, `/api/checkin/${a.token}`)).json().eligible).toBe(true);
    expect((await r.post(worker, `/api/checkin/${a.token}`)).json().already).toBe(false);
    // The enterprise B admin holds the link but is neither member nor invited.
    expect((await r.get(entB, `/api/checkin/${a.token}`)).json().eligible).toBe(false);
    const refused = await r.post(entB, `/api/checkin/${a.token}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('activities.checkin_not_allowed');
    expect((await r.get(leader, `/api/activities/${a.id}`)).json().attendedCount).toBe(1);
    // An account without a person record cannot check in.
    await seedUser(t.database.db, {
      username: `noperson_${w.tag}`.toLowerCase(),
      password: PASSWORD,
      displayName: '系统账号',
      grants: [{ role: 'employee', orgId: w.orgs.entA.id }],
    });
    const np = await login(t.app, `noperson_${w.tag}`.toLowerCase());
    expect((await r.post(np, `/api/checkin/${a.token}`)).json().error.code).toBe(
      'activities.checkin_no_person',
    );
  });

  it('rejects unknown tokens, archived activities and anonymous callers', async () => {
    expect((await r.post(null, '/api/checkin/abcdefghijklmnop')).statusCode).toBe(401);
    const unknown = await r.post(member, '/api/checkin/abcdefghijklmnopqrstuvwxyz');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('activities.checkin_invalid');
    expect((await r.post(member, '/api/checkin/x')).statusCode).toBe(400);
    const a = await activity();
    await r.post(leader, `/api/activities/${a.id}/archive`, { version: a.version });
    expect((await r.post(member, `/api/checkin/${a.token}`)).statusCode).toBe(404);
  });
});
