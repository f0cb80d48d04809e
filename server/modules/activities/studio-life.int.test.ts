import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createWorld,
  multipartFile,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { studioLifeIndicators } from './activities.indicators.js';
import { loginAll, manualClock, requests, studioInA } from './studio-life.test-support.js';

/**
 * The "done when", tried as a new user would through the API: a leader records a training with QR
 * attendance, a contest with ranks, a mentoring agreement ending with the apprentice promoted to 技师, a
 * fund allocation and two expenses (the second refused), and the assessment pre-fill counts them.
 */
const clock = manualClock('2025-06-10T02:00:00Z');
let t: TestApp;
let w: World;
let entA: Session;
let leader: Session;
let member: Session;
let worker: Session;
let studio: { id: number; name: string };
let r: ReturnType<typeof requests>;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { sessionTtlHours: 24 * 400 } });
  w = await createWorld(t.database);
  r = requests(t);
  ({ entA, leader, member, worker } = await loginAll(t, w));
  studio = await studioInA(t, w, entA);
  const p = (await r.get(entA, `/api/people/${w.users.employeeA.personId}`)).json();
  await r.patch(entA, `/api/people/${p.id}`, { skillGrade: 'senior', version: p.version });
});
afterAll(() => t.close());

describe('studio life, end to end', () => {
  it('records the year and pre-fills the assessment indicators', async () => {
    const before = (
      await studioLifeIndicators({
        db: t.database.db,
        studioIds: [studio.id],
        from: '2025-01-01',
        to: '2025-12-31',
      })
    )[studio.id]!;
    expect(before).toMatchObject({
      activities: 0,
      contests: 0,
      mentorshipsActive: 0,
      fundAllocatedFen: 0,
      lastActivityOn: null,
    });
    const health0 = (await r.get(leader, `/api/studios/${studio.id}`)).json().health;
    expect(health0.lastActivityOn).toBeNull();

    // 1. Training with QR attendance: the member and an invited worker scan the code.
    const tr = (
      await r.post(leader, '/api/activities', {
        studioId: studio.id,
        kind: 'training',
        title: '五轴加工中心操作培训',
        heldOn: '2025-06-10',
        hours: 6,
        trainerPersonId: w.users.leaderA.personId,
        participants: [{ personId: w.users.employeeA.personId }],
      })
    ).json();
    const token = tr.checkin.url.split('/checkin/')[1];
    expect((await r.post(member, `/api/checkin/${token}`)).json().already).toBe(false);
    expect((await r.post(worker, `/api/checkin/${token}`)).json().already).toBe(false);
    expect((await r.get(leader, `/api/activities/${tr.id}`)).json().attendedCount).toBe(2);
    await r.post(leader, '/api/activities', {
      studioId: studio.id,
      kind: 'exchange',
      title: '技术交流',
      heldOn: '2025-05-08',
      hours: 2,
    });

    // 2. A contest with ranks.
    const c = await r.post(leader, '/api/contests', {
      studioId: studio.id,
      name: '车工技能比武',
      level: 'group',
      trade: '车工',
      heldOn: '2025-05-20',
      entries: [
        { personId: w.users.memberA.personId, score: 96, award: 'first' },
        { personId: w.users.employeeA.personId, score: 90, award: 'third' },
      ],
    });
    expect(c.json().entries.map((e: any) => e.rank)).toEqual([1, 2]);

    // 3. Mentoring that ends with the apprentice promoted to 技师.
    const m = (
      await r.post(leader, '/api/mentorships', {
        studioId: studio.id,
        mentorPersonId: w.users.memberA.personId,
        apprenticePersonId: w.users.employeeA.personId,
        startsOn: '2024-07-01',
        endsOn: '2025-06-30',
        goals: '取得技师资格',
        targetGrade: 'technician',
      })
    ).json();
    await r.post(leader, `/api/mentorships/${m.id}/complete`, {
      outcomeOn: '2025-06-05',
      outcomeGrade: 'technician',
      version: m.version,
    });
    expect((await r.get(worker, `/api/people/${w.users.employeeA.personId}`)).json().skillGrade).toBe(
      'technician',
    );

    // 4. A fund allocation and two expenses: the second exceeds the balance and is refused.
    await r.post(entA, '/api/funds/allocations', {
      studioId: studio.id,
      year: 2025,
      source: 'enterpriseMatch',
      amountFen: 3_000_000,
    });
    const png = await QRCode.toBuffer('receipt', { type: 'png' });
    const spend = async (amountFen: number) => {
      const e = (
        await r.post(leader, '/api/funds/expenses', {
          studioId: studio.id,
          category: 'training',
          amountFen,
          spentOn: '2025-06-01',
          description: '培训教材',
        })
      ).json();
      const up = multipartFile(png, '发票.png');
      await call(t.app, leader, {
        method: 'POST',
        url: `/api/files?ownerType=fund_expense&ownerId=${e.id}&purpose=receipt`,
        ...up,
      });
      return r.post(leader, `/api/funds/expenses/${e.id}/submit`, { version: e.version });
    };
    const first = await spend(2_000_000);
    expect(first.statusCode).toBe(200);
    expect(
      (
        await r.post(entA, `/api/funds/expenses/${first.json().id}/approve`, {
          version: first.json().version,
        })
      ).json().status,
    ).toBe('approved');
    const second = await spend(1_500_000);
    expect(second.statusCode).toBe(400);
    expect(second.json().error).toMatchObject({
      code: 'funds.insufficient_balance',
      details: { balanceFen: 1_000_000, requestedFen: 1_500_000 },
    });

    // The person's page shows hours, results and the new grade.
    const life = (await r.get(worker, `/api/people/${w.users.employeeA.personId}/life`)).json();
    expect(life).toMatchObject({
      trainingHours: 6,
      trainingHoursByYear: [{ year: 2025, hours: 6 }],
      contestPoints: 9,
    });
    expect(life.skillHistory.at(-1)).toMatchObject({ fromGrade: 'senior', toGrade: 'technician' });

    // 5. The assessment pre-fill and the studio's health see it all.
    const ind = (
      await studioLifeIndicators({
        db: t.database.db,
        studioIds: [studio.id, 999_999],
        from: '2025-01-01',
        to: '2025-12-31',
      })
    )[studio.id]!;
    expect(ind).toMatchObject({
      activities: 2,
      activitiesByKind: { training: 1, exchange: 1, contest: 0 },
      trainingSessions: 1,
      trainingHours: 6,
      traineeHours: 12,
      trainees: 2,
      participantTimes: 2,
      contests: 1,
      contestEntries: 2,
      contestAwards: 2,
      mentorshipsActive: 1,
      mentorshipsStarted: 0,
      mentorshipsCompleted: 1,
      promotions: 1,
      fundAllocatedFen: 3_000_000,
      fundSpentFen: 2_000_000,
      lastActivityOn: '2025-06-10',
    });
    const previousYear = (
      await studioLifeIndicators({
        db: t.database.db,
        studioIds: [studio.id],
        from: '2024-01-01',
        to: '2024-12-31',
      })
    )[studio.id]!;
    expect(previousYear).toMatchObject({
      activities: 0,
      mentorshipsStarted: 1,
      mentorshipsActive: 1,
      mentorshipsCompleted: 0,
      fundAllocatedFen: 0,
    });
    expect((await r.get(leader, `/api/studios/${studio.id}`)).json().health).toMatchObject({
      lastActivityOn: '2025-06-10',
      status: 'active',
    });
    // A planned activity (next year) is not a sign of life until it is held.
    const planned = await r.post(leader, '/api/activities', {
      studioId: studio.id,
      kind: 'seminar',
      title: '明年的研讨会',
      heldOn: `${new Date().getUTCFullYear() + 1}-03-01`,
      hours: 2,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    expect((await r.get(leader, `/api/studios/${studio.id}`)).json().health.lastActivityOn).toBe(
      '2025-06-10',
    );
  });
});
