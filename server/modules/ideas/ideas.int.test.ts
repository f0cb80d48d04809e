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
import { escalateOverdue } from '../notifications/todos.service.js';
import { seedStudio, settableClock } from './engagement.fixtures.js';

const clock = settableClock('2026-04-01T02:00:00Z');
let t: TestApp;
let w: World;
let s: Record<'admin' | 'entA' | 'entB' | 'leader' | 'member' | 'worker' | 'expertB', Session>;
let addr = 0;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { sessionTtlHours: 24 * 365, ideaAnswerDays: 15 } });
  w = await createWorld(t.database);
  const u = w.users;
  s = {
    admin: await login(t.app, u.groupAdmin.username),
    entA: await login(t.app, u.entAdminA.username),
    entB: await login(t.app, u.entAdminB.username),
    leader: await login(t.app, u.leaderA.username),
    member: await login(t.app, u.memberA.username),
    worker: await login(t.app, u.employeeA.username),
    expertB: await login(t.app, u.expertB.username),
  };
});
afterAll(() => t.close());

const get = (who: Session | null, url: string) => call(t.app, who, { method: 'GET', url });
const post = (who: Session | null, url: string, payload: unknown) =>
  call(t.app, who, { method: 'POST', url, payload: payload as object });
/** An anonymous submission from its own address (the public route is rate limited per address). */
const anon = (payload: unknown, remoteAddress = `10.9.${++addr >> 8}.${addr & 255}`) =>
  t.app.inject({ method: 'POST', url: '/api/public/ideas', payload: payload as object, remoteAddress });

describe('routing table', () => {
  it('lets admins route a category of a subtree to a handler, and refuses others', async () => {
    const ok = await post(s.entA, '/api/ideas/routes', {
      orgId: w.orgs.branchA.id,
      category: 'safety',
      handlerUserId: w.users.memberA.id,
      deadlineDays: 10,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      orgName: '甲一分厂',
      category: 'safety',
      handlerUserId: w.users.memberA.id,
      deadlineDays: 10,
    });
    const dup = await post(s.admin, '/api/ideas/routes', {
      orgId: w.orgs.branchA.id,
      category: 'safety',
      handlerUserId: w.users.leaderA.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ideas.route_taken');
    expect((await post(null, '/api/ideas/routes', {})).statusCode).toBe(401);
    expect(
      (
        await post(s.worker, '/api/ideas/routes', {
          orgId: w.orgs.branchA.id,
          handlerUserId: w.users.memberA.id,
        })
      ).statusCode,
    ).toBe(403);
    const hidden = await post(s.entB, '/api/ideas/routes', {
      orgId: w.orgs.branchA.id,
      handlerUserId: w.users.entAdminB.id,
    });
    expect(hidden.statusCode).toBe(404);
    const foreignHandler = await post(s.entA, '/api/ideas/routes', {
      orgId: w.orgs.branchA.id,
      category: 'cost',
      handlerUserId: w.users.entAdminB.id,
    });
    expect(foreignHandler.statusCode).toBe(400);
    expect(foreignHandler.json().error.details.fields.handlerUserId).toBeTruthy();
    const bad = await post(s.entA, '/api/ideas/routes', { orgId: 'x', category: 'planet', deadlineDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual([
      'category',
      'deadlineDays',
      'handlerUserId',
      'orgId',
    ]);
    const list = (await get(s.entA, '/api/ideas/routes')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([ok.json().id]);
    expect((await get(s.entB, '/api/ideas/routes')).json().total).toBe(0);
  });
});

describe('routing table changes', () => {
  it('changes, archives and restores a rule with optimistic concurrency', async () => {
    const created = (
      await post(s.entA, '/api/ideas/routes', {
        orgId: w.orgs.workshopA.id,
        category: 'energy',
        handlerUserId: w.users.leaderA.id,
      })
    ).json();
    const patch = (who: Session, body: unknown) =>
      call(t.app, who, { method: 'PATCH', url: `/api/ideas/routes/${created.id}`, payload: body as object });
    const changed = await patch(s.entA, {
      handlerUserId: w.users.memberA.id,
      deadlineDays: 7,
      version: created.version,
    });
    expect(changed.json()).toMatchObject({
      handlerUserId: w.users.memberA.id,
      deadlineDays: 7,
      version: created.version + 1,
    });
    expect((await patch(s.entA, { deadlineDays: 9, version: created.version })).statusCode).toBe(409);
    expect((await patch(s.entB, { deadlineDays: 9, version: changed.json().version })).statusCode).toBe(404);
    const bad = await patch(s.entA, { deadlineDays: 0, version: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['deadlineDays', 'version']);
    const archived = await post(s.entA, `/api/ideas/routes/${created.id}/archive`, {
      version: changed.json().version,
    });
    expect(archived.json().archivedAt).toBeTruthy();
    expect(
      (await get(s.entA, '/api/ideas/routes')).json().items.some((r: { id: number }) => r.id === created.id),
    ).toBe(false);
    expect(
      (await get(s.entA, '/api/ideas/routes?includeArchived=true'))
        .json()
        .items.some((r: { id: number }) => r.id === created.id),
    ).toBe(true);
    const restored = await post(s.entA, `/api/ideas/routes/${created.id}/restore`, {
      version: archived.json().version,
    });
    expect(restored.json()).toMatchObject({ archivedAt: null, abilities: { archive: true } });
    expect(
      (await post(s.worker, `/api/ideas/routes/${created.id}/archive`, { version: restored.json().version }))
        .statusCode,
    ).toBe(403);
  });

  it('lists the units a public submitter may choose and shows similar titles only', async () => {
    const units = (await t.app.inject({ method: 'GET', url: '/api/public/ideas/orgs' })).json();
    expect(
      units.some((u: { code: string; name: string }) => u.code === w.orgs.entA.code && u.name === '甲企业'),
    ).toBe(true);
    expect(units.some((u: { code: string }) => u.code === w.orgs.workshopA.code)).toBe(false);
    const none = await t.app.inject({ method: 'GET', url: '/api/public/ideas/similar?text=x' });
    expect(none.statusCode).toBe(400);
  });
});

describe('anonymous ideas', () => {
  let tracking = '';
  it('accepts an anonymous idea, routes it by org and category, and shows progress by tracking code only', async () => {
    const res = await anon({
      title: '焊接车间防护挡板加高',
      content: '焊接车间弧光外泄，建议把防护挡板加高到两米并增加遮光帘。',
      category: 'safety',
      orgCode: w.orgs.workshopA.code,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(body.code).toMatch(/^JD-2026-\d{5}$/);
    // The safety rule of branch A (10 days) applies to its workshop.
    expect(body.deadlineAt.slice(0, 10)).toBe('2026-04-11');
    tracking = body.trackingCode;
    const tr = await t.app.inject({
      method: 'GET',
      url: `/api/public/ideas/track/${tracking.slice(0, 5)}-${tracking.slice(5).toLowerCase()}`,
    });
    expect(tr.statusCode).toBe(200);
    expect(tr.json()).toMatchObject({ status: 'assigned', answer: null, title: '焊接车间防护挡板加高' });
    expect(tr.json().steps.map((x: { action: string }) => x.action)).toEqual(['submit', 'assign']);
    // Never a name: not the handler's, not the submitter's.
    expect(tr.body).not.toContain('membera');
    expect(tr.json().steps.every((x: { actorName: string | null }) => x.actorName === null)).toBe(true);
    const sim = await t.app.inject({
      method: 'GET',
      url: `/api/public/ideas/similar?orgCode=${w.orgs.entA.code}&text=${encodeURIComponent('焊接车间 防护挡板')}`,
    });
    expect(sim.json()[0]).toEqual({
      id: expect.any(Number),
      code: body.code,
      title: '焊接车间防护挡板加高',
      status: 'assigned',
      createdAt: expect.any(String),
      score: expect.any(Number),
    });
    // The handler has it in the queue and a to-do due at the deadline; nobody is named as submitter.
    const queue = (await get(s.member, '/api/ideas?view=queue')).json();
    const item = queue.items.find((i: { code: string }) => i.code === body.code);
    expect(item).toMatchObject({ anonymous: true, submitterName: null, status: 'assigned' });
    const todos = (await get(s.member, '/api/todos')).json();
    expect(
      todos.items.some(
        (x: { entityId: number; kind: string; dueAt: string }) =>
          x.entityId === item.id && x.kind === 'idea.answer' && x.dueAt.startsWith('2026-04-11'),
      ),
    ).toBe(true);
  });

  it('falls back to the enterprise admin when no rule matches, with the default 15 days', async () => {
    const res = await anon({
      title: '食堂排队改分时段',
      content: '午饭排队时间太长，建议各车间错峰十分钟。',
      category: 'management',
      orgCode: w.orgs.workshopA.code,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().deadlineAt.slice(0, 10)).toBe('2026-04-16');
    const queue = (await get(s.entA, '/api/ideas?view=queue')).json();
    expect(queue.items.some((i: { code: string }) => i.code === res.json().code)).toBe(true);
  });

  it('refuses bad input, unknown orgs and codes, and too many submissions from one address', async () => {
    const bad = await anon({ title: 'x', content: '', category: 'planet' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual([
      'category',
      'content',
      'orgCode',
      'title',
    ]);
    const unknown = await anon({
      title: '一个建议',
      content: '内容足够长的建议',
      category: 'other',
      orgCode: 'NOPE-NOPE',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields.orgCode).toBeTruthy();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/ideas/track/not-a-code' })).statusCode,
    ).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: '/api/public/ideas/track/0000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ideas.track_not_found');
    const payload = {
      title: '限流测试建议',
      content: '同一地址连续提交的建议',
      category: 'other',
      orgCode: w.orgs.entA.code,
    };
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await anon(payload, '10.200.0.1')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('shows the handler’s written answer on the tracking page once adopted', async () => {
    const id = (await get(s.member, '/api/ideas?view=queue'))
      .json()
      .items.find((i: { anonymous: boolean; category: string }) => i.anonymous && i.category === 'safety').id;
    const idea = (await get(s.member, `/api/ideas/${id}`)).json();
    expect(idea.actions).toEqual(
      expect.arrayContaining(['evaluate', 'adopt', 'reject', 'implement', 'merge']),
    );
    const res = await post(s.member, `/api/ideas/${id}/actions/adopt`, {
      version: idea.version,
      answer: '已采纳，由设备科下月实施。',
    });
    expect(res.statusCode).toBe(200);
    const tr = (await t.app.inject({ method: 'GET', url: `/api/public/ideas/track/${tracking}` })).json();
    expect(tr).toMatchObject({ status: 'adopted', answer: '已采纳，由设备科下月实施。' });
    expect(tr.answeredAt).toBeTruthy();
    expect(
      (await get(s.member, '/api/todos')).json().items.some((x: { entityId: number }) => x.entityId === id),
    ).toBe(false);
  });
});

describe('employee ideas', () => {
  let first: { id: number; version: number; code: string };
  it('routes a logged-in employee’s idea, answers it with points for the submitter', async () => {
    const similarBefore = (
      await get(s.worker, `/api/ideas/similar?text=${encodeURIComponent('焊接 防护挡板 遮光')}`)
    ).json();
    expect(similarBefore.map((x: { title: string }) => x.title)).toContain('焊接车间防护挡板加高');
    const res = await post(s.worker, '/api/ideas', {
      title: '数控车床冷却液回收',
      content: '数控车床冷却液直接排放浪费大，建议加装过滤回收装置循环使用。',
      category: 'cost',
    });
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(res.json()).toMatchObject({
      status: 'assigned',
      submitterName: expect.any(String),
      anonymous: false,
      handlerUserId: w.users.entAdminA.id,
    });
    expect(res.json().credits).toHaveLength(1);
    const noAnswer = await post(s.entA, `/api/ideas/${first.id}/actions/adopt`, { version: first.version });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().error.code).toBe('ideas.answer_required');
    const byWorker = await post(s.worker, `/api/ideas/${first.id}/actions/adopt`, {
      version: first.version,
      answer: '我自己采纳',
    });
    expect(byWorker.statusCode).toBe(403);
    const evaluating = await post(s.entA, `/api/ideas/${first.id}/actions/evaluate`, {
      version: first.version,
    });
    expect(evaluating.json().status).toBe('evaluating');
    const stale = await post(s.entA, `/api/ideas/${first.id}/actions/adopt`, {
      version: first.version,
      answer: '采纳',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    const adopted = await post(s.entA, `/api/ideas/${first.id}/actions/implement`, {
      version: evaluating.json().version,
      answer: '已实施，年节约冷却液约 12 吨。',
    });
    expect(adopted.statusCode).toBe(200);
    first = adopted.json();
    expect(first).toMatchObject({ status: 'implemented', answer: '已实施，年节约冷却液约 12 吨。' });
    const again = await post(s.entA, `/api/ideas/${first.id}/actions/reject`, {
      version: first.version,
      answer: '不行',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ideas.invalid_transition');
    const mine = (await get(s.worker, '/api/ideas?view=mine')).json();
    expect(mine.items.find((i: { id: number }) => i.id === first.id).answer).toBe(
      '已实施，年节约冷却液约 12 吨。',
    );
    const notes = (await get(s.worker, '/api/notifications')).json();
    expect(notes.items.map((n: { title: string }) => n.title)).toContain(
      `您的建议 ${adopted.json().code} 已实施`,
    );
    const pts = (await get(s.worker, '/api/points/me')).json();
    expect(pts.total).toBe(30); // adopted 10 + implemented 20
    expect(pts.entries.map((e: { label: string }) => e.label).sort()).toEqual([
      '金点子已实施',
      '金点子被采纳',
    ]);
    const audit = (await get(s.admin, `/api/audit?entityType=idea&entityId=${first.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['ideas.submit', 'ideas.evaluate', 'ideas.implement']),
    );
  });

  it('merges a later duplicate into the earlier idea, crediting and telling the later submitter', async () => {
    const dup = (
      await post(s.leader, '/api/ideas', {
        title: '冷却液过滤回收再利用',
        content: '建议给数控车床加装冷却液过滤回收装置，循环使用冷却液。',
        category: 'cost',
      })
    ).json();
    const detail = (await get(s.entA, `/api/ideas/${dup.id}`)).json();
    expect(detail.similar[0]).toMatchObject({ id: first.id });
    expect(detail.similar[0].score).toBeGreaterThan(0.3);
    const noTarget = await post(s.entA, `/api/ideas/${dup.id}/actions/merge`, {
      version: dup.version,
      answer: '与 JD 重复',
    });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().error.code).toBe('ideas.merge_target_invalid');
    const merged = await post(s.entA, `/api/ideas/${dup.id}/actions/merge`, {
      version: dup.version,
      targetId: first.id,
      answer: '与已实施的建议重复，已合并，您将作为共同提出人。',
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: first.id });
    const target = (await get(s.leader, `/api/ideas/${first.id}`)).json();
    expect(target.credits.map((c: { kind: string }) => c.kind).sort()).toEqual(['merged', 'submitter']);
    const notes = (await get(s.leader, '/api/notifications')).json();
    expect(
      notes.items.some(
        (n: { title: string }) => n.title.includes('已合并到') && n.title.includes(first.code),
      ),
    ).toBe(true);
    // The earlier idea was already adopted, so the credited later submitter earns the adoption points.
    expect((await get(s.leader, '/api/points/me')).json().total).toBe(10);
  });

  it('hides ideas from people who are neither submitter, handler nor admin over them', async () => {
    expect((await get(null, '/api/ideas')).statusCode).toBe(401);
    expect((await get(s.entB, `/api/ideas/${first.id}`)).statusCode).toBe(404);
    expect((await get(s.member, `/api/ideas/${first.id}`)).statusCode).toBe(404);
    expect(
      (await post(s.entB, `/api/ideas/${first.id}/actions/reward`, { version: first.version })).statusCode,
    ).toBe(404);
    expect((await get(s.worker, '/api/ideas?view=all')).statusCode).toBe(403);
    expect(
      (await get(s.entB, '/api/ideas?view=all')).json().items.some((i: { id: number }) => i.id === first.id),
    ).toBe(false);
    const bad = await post(s.worker, '/api/ideas', { title: '', content: 'abc', category: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['category', 'content', 'title']);
  });

  it('records a benefit and turns the idea into a studio project through a request its leader accepts', async () => {
    const studio = await seedStudio(t.database.db, {
      code: `S${w.tag}`,
      name: '李工焊接创新工作室',
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.leaderA.personId,
    });
    const cur = (await get(s.entA, `/api/ideas/${first.id}`)).json();
    const ben = await post(s.entA, `/api/ideas/${first.id}/benefit`, {
      version: cur.version,
      benefitFen: 1_250_000,
      benefitNote: '冷却液年节约 12.5 万元',
    });
    expect(ben.statusCode).toBe(200);
    expect(ben.json().benefitFen).toBe(1_250_000);
    const badBenefit = await post(s.entA, `/api/ideas/${first.id}/benefit`, {
      version: ben.json().version,
      benefitFen: -5,
    });
    expect(badBenefit.statusCode).toBe(400);
    const proj = await post(s.member, `/api/ideas/${first.id}/project`, {
      version: ben.json().version,
      studioId: studio.id,
    });
    expect(proj.statusCode).toBe(404); // the member is not the handler
    const asked = await post(s.entA, `/api/ideas/${first.id}/project`, {
      version: ben.json().version,
      studioId: studio.id,
    });
    expect(asked.statusCode).toBe(200);
    // The enterprise admin manages the studio, so the project is proposed right away.
    expect(asked.json().projectId).toEqual(expect.any(Number));
    expect(
      (
        await post(s.entA, `/api/ideas/${first.id}/project`, {
          version: asked.json().version,
          studioId: studio.id,
        })
      ).json().error.code,
    ).toBe('ideas.already_project');
    expect((await get(null, '/api/project-requests')).statusCode).toBe(401);
    expect((await post(s.leader, '/api/project-requests/999999/accept', {})).statusCode).toBe(404);
    const linked = (await get(s.leader, '/api/project-requests?status=linked')).json();
    expect(linked.find((r: { sourceId: number }) => r.sourceId === first.id)).toMatchObject({
      source: 'idea',
      status: 'linked',
    });
    expect((await post(s.leader, `/api/project-requests/${linked[0].id}/accept`, {})).statusCode).toBe(409);
    const project = (await get(s.leader, `/api/projects/${asked.json().projectId}`)).json();
    expect(project).toMatchObject({
      title: '数控车床冷却液回收',
      source: 'enterprise',
      status: 'proposed',
      studioId: studio.id,
    });
  });
});

describe('deadlines', () => {
  it('escalates an overdue idea once to the handler’s admin', async () => {
    const res = await anon({
      title: '行车轨道加装限位',
      content: '行车轨道末端限位器老化，建议更换为双重限位。',
      category: 'safety',
      orgCode: w.orgs.branchA.code,
    });
    const code = res.json().code;
    clock.advanceDays(11);
    const deps = { db: t.database.db, clock };
    const first = await escalateOverdue({ deps });
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect((await escalateOverdue({ deps })).escalated).toBe(0);
    const notes = (await get(s.entA, '/api/notifications')).json();
    expect(
      notes.items.some(
        (n: { title: string; body: string }) => n.title.startsWith('【督办】') && n.title.includes(code),
      ),
    ).toBe(true);
    const overdue = (await get(s.member, '/api/todos?status=overdue')).json();
    expect(
      overdue.items.some(
        (x: { title: string; overdueAt: string | null }) => x.title.includes(code) && x.overdueAt,
      ),
    ).toBe(true);
    const queue = (await get(s.member, '/api/ideas?view=queue&overdue=true')).json();
    expect(queue.items.some((i: { code: string; overdue: boolean }) => i.code === code && i.overdue)).toBe(
      true,
    );
  });
});
