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
import { loadConfig } from '../../core/config.js';
import { createMailer } from '../../core/mailer.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';
import { runNotificationJobs } from '../notifications/jobs.js';
import { seedStudio, setEmail, settableClock, startSmtpSink } from './engagement.fixtures.js';

// The "done when", through the API on an injected clock and a real SMTP sink: an anonymous idea is
// tracked and adopted before its deadline, an overdue idea escalates, a challenge becomes a studio's
// project and closes, points and the leaderboard follow, and the digest mail arrives with the right items.
const clock = settableClock('2026-05-04T01:00:00Z');
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let w: World;
let s: Record<'entA' | 'admin' | 'worker' | 'leaderA' | 'leaderB', Session>;
let studioB: { id: number };
const mailOf = { entA: '', worker: '', leaderB: '' };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({
    clock,
    config: { smtpUrl: sink.url, publicUrl: 'http://jx.test', sessionTtlHours: 24 * 365 },
  });
  w = await createWorld(t.database);
  const db = t.database.db;
  const personB = await seedPerson(db, {
    orgId: w.orgs.workshopB.id,
    employeeNo: `${w.tag}-FB`,
    name: '乙领衔人',
    honours: [],
  });
  const userB = await seedUser(db, {
    username: `flowb_${w.tag}`.toLowerCase(),
    password: PASSWORD,
    personId: personB.id,
    displayName: '乙领衔人',
    grants: [{ role: 'studio_leader', orgId: w.orgs.entB.id }],
  });
  studioB = await seedStudio(db, {
    code: `FB${w.tag}`,
    name: '乙数控创新工作室',
    hostOrgId: w.orgs.workshopB.id,
    leaderPersonId: personB.id,
    field: '数控加工',
  });
  mailOf.entA = `admin.a.${w.tag}@jx.test`.toLowerCase();
  mailOf.worker = `worker.${w.tag}@jx.test`.toLowerCase();
  mailOf.leaderB = `leader.b.${w.tag}@jx.test`.toLowerCase();
  await setEmail(db, w.users.entAdminA.personId, mailOf.entA);
  await setEmail(db, w.users.employeeA.personId, mailOf.worker);
  await setEmail(db, personB.id, mailOf.leaderB);
  s = {
    entA: await login(t.app, w.users.entAdminA.username),
    admin: await login(t.app, w.users.groupAdmin.username),
    worker: await login(t.app, w.users.employeeA.username),
    leaderA: await login(t.app, w.users.leaderA.username),
    leaderB: await login(t.app, userB.username),
  };
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const get = (who: Session | null, url: string) => call(t.app, who, { method: 'GET', url });
const post = (who: Session | null, url: string, payload: unknown) =>
  call(t.app, who, { method: 'POST', url, payload: payload as object });
const track = async (code: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/ideas/track/${code}` })).json();
const deps = () => ({
  db: t.database.db,
  clock,
  mailer: createMailer({ smtpUrl: sink.url, from: 'noreply@jx.test' }),
  config: { ...loadConfig(), publicUrl: 'http://jx.test' },
});

describe('done when', () => {
  it('runs the whole engagement path', async () => {
    // 1. An anonymous idea from the public page; the tracking code shows it routed with a deadline.
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/public/ideas',
      payload: {
        title: '冲压线换模时间过长',
        content: '冲压线换模平均 40 分钟，建议采用快速换模夹具，目标 15 分钟以内。',
        category: 'efficiency',
        orgCode: w.orgs.workshopA.code,
      },
    });
    expect(anon.statusCode).toBe(201);
    const { trackingCode, code } = anon.json();
    expect(await track(trackingCode)).toMatchObject({
      code,
      status: 'assigned',
      deadlineAt: expect.stringMatching(/^2026-05-19/),
    });

    // 2. The handler (the enterprise admin, by fallback) answers within the deadline and adopts it.
    clock.advanceDays(3);
    const queue = (await get(s.entA, '/api/ideas?view=queue')).json();
    const anonIdea = queue.items.find((i: { code: string }) => i.code === code);
    const evaluating = (
      await post(s.entA, `/api/ideas/${anonIdea.id}/actions/evaluate`, { version: anonIdea.version })
    ).json();
    expect((await track(trackingCode)).status).toBe('evaluating');
    const adopted = await post(s.entA, `/api/ideas/${anonIdea.id}/actions/adopt`, {
      version: evaluating.version,
      answer: '采纳。由工艺科牵头试制快速换模夹具，6 月试用。',
    });
    expect(adopted.json()).toMatchObject({ status: 'adopted', overdue: false });
    const tracked = await track(trackingCode);
    expect(tracked).toMatchObject({
      status: 'adopted',
      answer: '采纳。由工艺科牵头试制快速换模夹具，6 月试用。',
    });
    expect(tracked.steps.map((x: { action: string }) => x.action)).toEqual([
      'submit',
      'assign',
      'evaluate',
      'adopt',
    ]);

    // 3. The employee's own idea is adopted too: points for the submitter.
    const mine = (
      await post(s.worker, '/api/ideas', {
        title: '刀具寿命管理看板',
        content: '在数控车间设置刀具寿命看板，到寿命前预警换刀，减少断刀报废。',
        category: 'equipment',
      })
    ).json();
    await post(s.entA, `/api/ideas/${mine.id}/actions/adopt`, {
      version: mine.version,
      answer: '采纳，纳入车间目视化管理。',
    });
    expect((await get(s.worker, '/api/points/me')).json().total).toBe(10);

    // 4. An idea nobody answers goes overdue and is escalated to the handler's admin (the group admin here).
    const late = (
      await post(s.worker, '/api/ideas', {
        title: '更衣室增加储物柜',
        content: '夜班人员多，更衣室储物柜不够用，建议增加二十个。',
        category: 'management',
      })
    ).json();
    clock.advanceDays(16);
    const jobs = await runNotificationJobs({ deps: deps(), digest: false });
    expect(jobs.escalated).toBeGreaterThanOrEqual(1);
    expect((await get(s.entA, `/api/ideas/${late.id}`)).json().overdue).toBe(true);
    const escalation = (await get(s.admin, '/api/notifications')).json();
    expect(
      escalation.items.some(
        (n: { title: string }) => n.title === `【督办】答复建议 ${late.code}：更衣室增加储物柜`,
      ),
    ).toBe(true);

    // 5. A challenge goes from posting to the selected studio's project, acceptance and closing.
    const posted = (
      await post(s.entA, '/api/challenges', {
        ownerOrgId: w.orgs.entA.id,
        title: '薄壁件数控加工振刀',
        field: '数控加工',
        description: '薄壁铝合金壳体精铣时振刀严重，表面粗糙度达不到 Ra1.6，需要工艺攻关。',
        bountyFen: 3_000_000,
        deadline: '2026-06-30',
      })
    ).json();
    const bidded = (
      await post(s.leaderB, `/api/challenges/${posted.id}/bids`, {
        studioId: studioB.id,
        proposal: '采用变齿距刀具与真空吸附夹具，配合切削参数优化。',
        expectedDays: 60,
      })
    ).json();
    const selected = (
      await post(s.entA, `/api/challenges/${posted.id}/actions/select`, {
        version: bidded.version,
        bidId: bidded.bids[0].id,
      })
    ).json();
    expect(selected.status).toBe('selected');
    const requests = (await get(s.leaderB, '/api/project-requests?status=pending')).json();
    expect(requests).toHaveLength(1);
    const fromRequest = await post(s.leaderB, `/api/project-requests/${requests[0].id}/accept`, {
      plannedEnd: '2026-09-30',
    });
    expect(fromRequest.statusCode).toBe(200);
    const started = (await get(s.leaderB, `/api/challenges/${posted.id}`)).json();
    expect(started).toMatchObject({ status: 'inProgress', projectId: fromRequest.json().projectId });
    const submitted = (
      await post(s.leaderB, `/api/challenges/${posted.id}/actions/submit`, {
        version: started.version,
        note: '粗糙度 Ra0.8，已稳定生产。',
      })
    ).json();
    const closed = (
      await post(s.entA, `/api/challenges/${posted.id}/actions/accept`, {
        version: submitted.version,
        note: '验收通过，发放揭榜奖金。',
      })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', bountyReleasedFen: 3_000_000 });

    // 6. Points appear for each, and the leaderboards reflect them.
    expect((await get(s.leaderB, `/api/points/studios/${studioB.id}`)).json().total).toBe(110);
    const persons = (await get(s.admin, '/api/points/leaderboard?subject=person&period=year')).json();
    expect(persons.rows[0]).toMatchObject({ id: w.users.employeeA.personId, points: 10, rank: 1 });
    const studios = (await get(s.admin, '/api/points/leaderboard?subject=studio&period=month')).json();
    expect(studios.rows[0]).toMatchObject({ id: studioB.id, points: 110 });
    const ents = (await get(s.admin, '/api/points/leaderboard?subject=enterprise&period=quarter')).json();
    expect(ents.rows.map((r: { name: string; points: number }) => [r.name, r.points])).toEqual([
      ['乙企业', 110],
      ['甲企业', 10],
    ]);

    // 7. The daily digest arrives at the SMTP sink, one mail per person, with the right items.
    await runNotificationJobs({ deps: deps(), digest: true });
    const toWorker = await sink.waitFor((m) => m.to.includes(mailOf.worker));
    expect(toWorker.subject).toMatch(/^【匠心】每日汇总 2026-05-2\d：\d+ 条未读通知$/);
    expect(toWorker.text).toContain(`您的建议 ${mine.code} 已采纳`);
    expect(toWorker.text).toContain('积分 +10：金点子被采纳');
    const toAdmin = await sink.waitFor((m) => m.to.includes(mailOf.entA));
    expect(toAdmin.text).toContain(`答复建议 ${late.code}：更衣室增加储物柜`);
    expect(toAdmin.text).toContain('乙数控创新工作室 揭榜：薄壁件数控加工振刀');
    const toLeader = await sink.waitFor((m) => m.to.includes(mailOf.leaderB));
    expect(toLeader.text).toContain('新榜单（数控加工）：薄壁件数控加工振刀');
    expect(toLeader.text).toContain('揭榜攻关通过验收：薄壁件数控加工振刀');
    expect(sink.mails.filter((m) => m.to.includes(mailOf.worker))).toHaveLength(1);
  });
});
