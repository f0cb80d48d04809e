import { and, eq } from 'drizzle-orm';
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
import type { Db } from '../../core/db.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';
import { activities } from '../activities/activities.table.js';
import { seedStudioForNaming } from '../applications/applications.fixtures.js';
import { auditLog } from '../audit/audit.table.js';
import { benefits } from '../benefits/benefits.table.js';
import { fundAllocations } from '../funds/funds.table.js';
import { mentorships } from '../mentorships/mentorships.table.js';
import { todos } from '../notifications/notifications.table.js';
import { results } from '../results/results.table.js';
import { studioNamings, studios } from '../studios/studios.table.js';

// The annual assessment through the API on an injected clock (2 March 2026, assessing 2025): a campaign
// pre-filled from the studio's own records, self score, enterprise check, reviewers, grade, and the outcomes
// 整改 (task → report → accepted → 已命名) and 摘牌, each refused to the wrong role and org, and audited.
const clock = { now: () => new Date('2026-03-02T02:00:00Z') };
let t: TestApp;
let w: World;
let db: Db;
type Who =
  | 'leader'
  | 'member'
  | 'entA'
  | 'entB'
  | 'admin'
  | 'expertB'
  | 'expertA'
  | 'expertC'
  | 'leaderB'
  | 'worker';
let s: Record<Who, Session>;
const ids = {
  expertA: 0,
  expertB: 0,
  expertC: 0,
  studioA: 0,
  studioB: 0,
  cultivating: 0,
  campaign: 0,
  a: 0,
  b: 0,
};

async function namedStudio(
  code: string,
  name: string,
  hostOrgId: number,
  leaderPersonId: number,
  members: number[],
) {
  const st = await seedStudioForNaming(db, {
    code,
    name,
    hostOrgId,
    leaderPersonId,
    memberPersonIds: members,
  });
  await db.insert(studioNamings).values({
    studioId: st.id,
    level: 'enterprise',
    namingBody: '企业工会',
    namedOn: '2023-05-01',
    plaqueNo: `P-${code}`,
  });
  await db.update(studios).set({ status: 'named', currentLevel: 'enterprise' }).where(eq(studios.id, st.id));
  return st.id;
}

beforeAll(async () => {
  t = await createTestApp({ clock, config: { sessionTtlHours: 24 * 365 } });
  w = await createWorld(t.database);
  db = t.database.db;
  const person = (key: string, orgId: number) =>
    seedPerson(db, { orgId, employeeNo: `${w.tag}-${key}`, name: `${key}人员`, honours: [] });
  const account = async (key: string, orgId: number, role: 'expert' | 'studio_leader', grantOrg: number) => {
    const p = await person(key, orgId);
    const u = await seedUser(db, {
      username: `${key}_${w.tag}`.toLowerCase(),
      password: PASSWORD,
      personId: p.id,
      displayName: p.name,
      grants: [{ role, orgId: grantOrg }],
    });
    return { id: u.id, personId: p.id, username: `${key}_${w.tag}`.toLowerCase() };
  };
  const expertA = await account('expa', w.orgs.branchA.id, 'expert', w.orgs.root.id);
  const expertC = await account('expc', w.orgs.workshopB.id, 'expert', w.orgs.root.id);
  const leaderB = await account('leadb', w.orgs.workshopB.id, 'studio_leader', w.orgs.entB.id);
  Object.assign(ids, { expertA: expertA.id, expertC: expertC.id, expertB: w.users.expertB.id });
  const m2 = await person('m2', w.orgs.workshopA.id);
  const m3 = await person('m3', w.orgs.workshopA.id);
  ids.studioA = await namedStudio(
    `A-${w.tag}`,
    '金工劳模创新工作室',
    w.orgs.workshopA.id,
    w.users.leaderA.personId,
    [w.users.memberA.personId, m2.id, m3.id],
  );
  ids.studioB = await namedStudio(
    `B-${w.tag}`,
    '装配工匠创新工作室',
    w.orgs.workshopB.id,
    leaderB.personId,
    [],
  );
  ids.cultivating = (
    await seedStudioForNaming(db, {
      code: `C-${w.tag}`,
      name: '培育中工作室',
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: m2.id,
    })
  ).id;

  // Studio A's 2025 records (and some that must not count: another year, a draft, an unverified benefit).
  const result = (n: number, v: Partial<typeof results.$inferInsert>) => ({
    archiveNo: `CG-${w.tag}-${n}`,
    kind: 'technicalImprovement',
    studioId: ids.studioA,
    title: `成果${n}`,
    problem: '问题',
    year: 2025,
    status: 'recognised',
    ...v,
  });
  const rs = await db
    .insert(results)
    .values([
      result(1, { recognisedOn: '2025-04-10' }),
      result(2, {
        kind: 'patent',
        recognisedOn: '2025-09-01',
        patentType: 'invention',
        patentApplicationNo: 'CN202510000001.X',
        patentFiledOn: '2025-02-01',
        patentGrantedOn: '2025-10-01',
        patentStatus: 'granted',
      }),
      result(3, { recognisedOn: '2024-12-30', year: 2024 }),
      result(4, { status: 'draft' }),
    ])
    .returning();
  const benefit = (status: string, verifiedOn: string | null, amountFen: number) => ({
    resultId: rs[0]!.id,
    orgId: w.orgs.workshopA.id,
    periodFrom: '2025-01-01',
    periodTo: '2025-06-30',
    beforeValueFen: 0,
    afterValueFen: amountFen,
    periodCount: 1,
    periodUnit: 'year',
    amountFen,
    basis: '测算',
    status,
    verifiedOn,
  });
  await db
    .insert(benefits)
    .values([benefit('verified', '2025-07-01', 1234500), benefit('submitted', null, 999900)]);
  const activity = (kind: string, heldOn: string, hours: number) => ({
    studioId: ids.studioA,
    kind,
    title: `${kind}活动`,
    heldOn,
    hours,
    checkinToken: `${w.tag}-${kind}-${heldOn}`,
  });
  await db
    .insert(activities)
    .values([
      activity('training', '2025-03-01', 3),
      activity('training', '2025-05-01', 4.5),
      activity('exchange', '2025-08-01', 2),
      activity('training', '2024-11-01', 6),
    ]);
  await db.insert(mentorships).values({
    studioId: ids.studioA,
    mentorPersonId: w.users.leaderA.personId,
    apprenticePersonId: m3.id,
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    goals: '掌握数控编程',
  });
  await db
    .insert(fundAllocations)
    .values({ studioId: ids.studioA, year: 2025, source: 'union', amountFen: 500000 });

  s = {
    leader: await login(t.app, w.users.leaderA.username),
    member: await login(t.app, w.users.memberA.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    admin: await login(t.app, w.users.groupAdmin.username),
    expertB: await login(t.app, w.users.expertB.username),
    expertA: await login(t.app, expertA.username),
    expertC: await login(t.app, expertC.username),
    leaderB: await login(t.app, leaderB.username),
    worker: await login(t.app, w.users.employeeA.username),
  };
});
afterAll(() => t.close());

const get = (x: Session | null, url: string) => call(t.app, x, { method: 'GET', url });
const post = (x: Session | null, url: string, payload: object) =>
  call(t.app, x, { method: 'POST', url, payload });
const put = (x: Session | null, url: string, payload: object) =>
  call(t.app, x, { method: 'PUT', url, payload });
const detail = async (id: number) => (await get(s.admin, `/api/assessments/${id}`)).json();
const move = async (x: Session, id: number, action: string, extra: Record<string, unknown> = {}) =>
  post(x, `/api/assessments/${id}/transitions`, { action, version: (await detail(id)).version, ...extra });
const full = { basics: 30, management: 12, breakthrough: 12, exchange: 13, mentoring: 16 };
const studioStatus = async (id: number) =>
  (await db.select({ status: studios.status }).from(studios).where(eq(studios.id, id)))[0]!.status;
const auditActions = async (entityType: string, id: number) =>
  (
    await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id))))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

describe('annual assessment campaign', () => {
  const body = { year: 2025, selfDeadline: '2026-03-20', reviewDeadline: '2026-04-10' };

  it('is opened by the group admin only, with checked dates', async () => {
    const input = { ...body, orgId: w.orgs.root.id };
    expect((await post(null, '/api/assessment-campaigns', input)).statusCode).toBe(401);
    expect((await post(s.entA, '/api/assessment-campaigns', input)).statusCode).toBe(403);
    expect((await post(s.leader, '/api/assessment-campaigns', input)).statusCode).toBe(403);
    const bad = await post(s.admin, '/api/assessment-campaigns', { ...input, reviewDeadline: '2026-03-10' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.reviewDeadline).toBe('评审截止日期不能早于自评截止日期');
    const shape = await post(s.admin, '/api/assessment-campaigns', { ...input, year: 'x' });
    expect(shape.statusCode).toBe(400);
  });

  it('assesses every named studio of the subtree, pre-filled from its own records with sources', async () => {
    const res = await post(s.admin, '/api/assessment-campaigns', { ...body, orgId: w.orgs.root.id });
    expect(res.statusCode).toBe(201);
    const board = res.json();
    ids.campaign = board.id;
    expect(board.name).toContain('2025年度');
    const studiosIn = board.assessments.map((a: { studioId: number }) => a.studioId).sort();
    expect(studiosIn).toEqual([ids.studioA, ids.studioB].sort());
    ids.a = board.assessments.find((a: { studioId: number }) => a.studioId === ids.studioA).id;
    ids.b = board.assessments.find((a: { studioId: number }) => a.studioId === ids.studioB).id;
    expect(
      (await post(s.admin, '/api/assessment-campaigns', { ...body, orgId: w.orgs.root.id })).statusCode,
    ).toBe(409);

    const a = (await get(s.leader, `/api/assessments/${ids.a}`)).json();
    expect(a.state).toBe('selfAssessment');
    const fact = (key: string) => a.indicators.find((f: { key: string }) => f.key === key);
    const value = (key: string) => fact(key)?.value;
    expect(value('members.total')).toBe(4);
    expect(value('members.leader')).toBe(1);
    expect(value('members.core')).toBe(1);
    expect(value('members.member')).toBe(2);
    expect(value('results.total')).toBe(2);
    expect(value('results.technicalImprovement')).toBe(1);
    expect(value('results.patent')).toBe(1);
    expect(value('patents.filed')).toBe(1);
    expect(value('patents.granted')).toBe(1);
    expect(value('benefit.verified')).toBe(12345);
    expect(value('activities.total')).toBe(3);
    expect(value('activities.training')).toBe(2);
    expect(value('activities.trainingHours')).toBe(7.5);
    expect(value('mentorships.active')).toBe(1);
    expect(value('funds.allocated')).toBe(5000);
    expect(fact('results.total').source).toBe('成果库：2025 年内认定的成果');
    expect(fact('members.total').source).toBe('成员名册：截至 2025-12-31 在册');
    expect(fact('benefit.verified').source).toBe('效益核算：2025 年内财务核定的 1 笔');
    expect(a.abilities).toMatchObject({ editSelf: true, submit: true, pass: false });

    // The leader has a to-do for the self assessment.
    const todo = await db
      .select()
      .from(todos)
      .where(
        and(
          eq(todos.entityType, 'assessment'),
          eq(todos.entityId, ids.a),
          eq(todos.userId, w.users.leaderA.id),
        ),
      );
    expect(todo).toHaveLength(1);
    expect(todo[0]!.doneAt).toBeNull();
  });

  it('shows each assessment to its studio, the admins over it and nobody else (404)', async () => {
    expect((await get(s.member, `/api/assessments/${ids.a}`)).statusCode).toBe(200);
    expect((await get(s.entA, `/api/assessments/${ids.a}`)).statusCode).toBe(200);
    expect((await get(s.entB, `/api/assessments/${ids.a}`)).statusCode).toBe(404);
    expect((await get(s.leader, `/api/assessments/${ids.b}`)).statusCode).toBe(404);
    expect((await get(s.expertB, `/api/assessments/${ids.a}`)).statusCode).toBe(404);
    expect((await get(s.worker, `/api/assessments/${ids.a}`)).statusCode).toBe(403);
    const boardA = (await get(s.entA, `/api/assessment-campaigns/${ids.campaign}`)).json();
    expect(boardA.assessments.map((x: { id: number }) => x.id)).toEqual([ids.a]);
    const mine = (await get(s.leader, '/api/assessments/mine')).json();
    expect(mine.map((x: { id: number }) => x.id)).toEqual([ids.a]);
  });

  it('counts again on request (records entered late), for the studio and its admins only', async () => {
    expect((await get(null, `/api/assessments/${ids.a}`)).statusCode).toBe(401);
    await db.insert(activities).values({
      studioId: ids.studioA,
      kind: 'exchange',
      title: '补录的交流活动',
      heldOn: '2025-12-20',
      hours: 2,
      checkinToken: `${w.tag}-late`,
    });
    expect((await post(s.member, `/api/assessments/${ids.a}/refresh`, {})).statusCode).toBe(403);
    expect((await post(s.entB, `/api/assessments/${ids.a}/refresh`, {})).statusCode).toBe(404);
    const res = await post(s.leader, `/api/assessments/${ids.a}/refresh`, {});
    expect(res.statusCode).toBe(200);
    const total = res.json().indicators.find((f: { key: string }) => f.key === 'activities.total');
    expect(total.value).toBe(4);
    expect(await auditActions('assessment', ids.a)).toEqual(['assessments.refresh']);
  });

  it('takes the leader’s self score and evidence, and refuses others', async () => {
    const v = (await detail(ids.a)).version;
    expect(
      (await put(s.member, `/api/assessments/${ids.a}/self-score`, { items: full, version: v })).statusCode,
    ).toBe(403);
    expect(
      (await put(s.entB, `/api/assessments/${ids.a}/self-score`, { items: full, version: v })).statusCode,
    ).toBe(404);
    const over = await put(s.leader, `/api/assessments/${ids.a}/self-score`, {
      items: { basics: 40 },
      version: v,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.fields['items.basics']).toBe('“基础保障”最多 35 分');
    const partial = await put(s.leader, `/api/assessments/${ids.a}/self-score`, {
      items: { basics: 30 },
      notes: { basics: '场地 120 平方米' },
      version: v,
    });
    expect(partial.statusCode).toBe(200);
    const incomplete = await move(s.leader, ids.a, 'submit');
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details.fields['items.management']).toBe('请为“日常管理”打分');
    const stale = await put(s.leader, `/api/assessments/${ids.a}/self-score`, { items: full, version: v });
    expect(stale.statusCode).toBe(409);
    const saved = await put(s.leader, `/api/assessments/${ids.a}/self-score`, {
      items: full,
      bonus: { patents: 2 },
      notes: { basics: '场地 120 平方米' },
      comment: '全年运行良好',
      version: v + 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().self).toMatchObject({ total: 85, notes: { basics: '场地 120 平方米' } });

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const boundary = '----jxtest';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (x: Session) =>
      call(t.app, x, {
        method: 'POST',
        url: `/api/files?ownerType=assessment&ownerId=${ids.a}&purpose=evidence`,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    expect((await upload(s.member)).statusCode).toBe(403);
    expect((await upload(s.entB)).statusCode).toBe(404);
    expect((await upload(s.leader)).statusCode).toBe(201);
    const files = (await get(s.entA, `/api/files?ownerType=assessment&ownerId=${ids.a}`)).json();
    expect(files.map((f: { originalName: string }) => f.originalName)).toEqual(['evidence.png']);
  });

  it('moves through the enterprise check, refused to the wrong role and org', async () => {
    expect((await move(s.member, ids.a, 'submit')).statusCode).toBe(403);
    expect((await move(s.entB, ids.a, 'submit')).statusCode).toBe(404);
    expect((await move(s.leader, ids.a, 'submit')).json().state).toBe('enterpriseCheck');
    const todosOf = (kind: string) =>
      db
        .select()
        .from(todos)
        .where(and(eq(todos.entityType, 'assessment'), eq(todos.entityId, ids.a), eq(todos.kind, kind)));
    expect((await todosOf('assessment.self'))[0]!.doneAt).not.toBeNull();
    // The enterprise admin over the studio now has the check on their list.
    const check = await todosOf('assessment.check');
    expect(check.map((t) => [t.userId, t.doneAt])).toEqual([[w.users.entAdminA.id, null]]);
    expect((await move(s.leader, ids.a, 'pass')).statusCode).toBe(403);
    expect((await move(s.entB, ids.a, 'pass')).statusCode).toBe(404);
    expect((await move(s.entA, ids.a, 'keep')).statusCode).toBe(409);
    const noWhy = await move(s.entA, ids.a, 'return');
    expect(noWhy.statusCode).toBe(400);
    expect((await move(s.entA, ids.a, 'return', { opinion: '佐证材料不全' })).json().state).toBe('returned');
    expect((await move(s.leader, ids.a, 'submit')).json().state).toBe('enterpriseCheck');
    expect((await move(s.entA, ids.a, 'pass', { opinion: '同意' })).json().state).toBe('review');
    // Each submit gave a check to-do; the admin's decisions closed them all.
    const checks = await todosOf('assessment.check');
    expect(checks).toHaveLength(2);
    expect(checks.every((t) => t.doneAt !== null)).toBe(true);
  });

  it('assigns reviewers with the conflict rule; they score independently and a grade follows', async () => {
    const cands = await get(s.admin, `/api/assessments/${ids.a}/reviewer-candidates`);
    expect(cands.statusCode).toBe(200);
    const conflictOf = Object.fromEntries(
      cands.json().map((c: { userId: number; conflict: boolean }) => [c.userId, c.conflict]),
    );
    expect(conflictOf[ids.expertA]).toBe(true);
    expect(conflictOf[ids.expertB]).toBe(false);
    expect((await get(s.entA, `/api/assessments/${ids.a}/reviewer-candidates`)).statusCode).toBe(403);
    const v = (await detail(ids.a)).version;
    const clash = await post(s.admin, `/api/assessments/${ids.a}/reviewers`, {
      reviewerUserIds: [ids.expertB, ids.expertA],
      version: v,
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.code).toBe('applications.expert_conflict');
    const ok = await post(s.admin, `/api/assessments/${ids.a}/reviewers`, {
      reviewerUserIds: [ids.expertB, ids.expertC],
      version: v,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().reviewers.map((r: { expertUserId: number }) => r.expertUserId)).toEqual([
      ids.expertB,
      ids.expertC,
    ]);
    // Each reviewer finds it in their review to-do list.
    const queue = (await get(s.expertB, '/api/reviews/mine')).json();
    expect(queue.find((q: { subjectType: string }) => q.subjectType === 'assessment')).toMatchObject({
      subjectId: ids.a,
      link: `/assessments/${ids.a}/review`,
      deadline: '2026-04-10',
    });
    expect((await get(s.expertB, `/api/assessments/${ids.a}`)).statusCode).toBe(200);
    expect((await move(s.admin, ids.a, 'finishReview')).statusCode).toBe(409);

    const score = (x: Session, items: Record<string, number>, submit = true) =>
      put(x, `/api/assessments/${ids.a}/my-score`, { items, bonus: {}, submit });
    expect((await score(s.expertA, full)).statusCode).toBe(404);
    expect((await score(s.admin, full)).statusCode).toBe(403);
    expect((await score(s.expertB, { ...full, basics: 99 })).statusCode).toBe(400);
    const b = await score(s.expertB, {
      basics: 30,
      management: 12,
      breakthrough: 12,
      exchange: 12,
      mentoring: 14,
    });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ status: 'submitted', others: [] });
    expect((await score(s.expertB, full)).statusCode).toBe(409);
    await score(s.expertC, { basics: 33, management: 14, breakthrough: 14, exchange: 14, mentoring: 15 });
    const done = await move(s.admin, ids.a, 'finishReview');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'decision', finalScore: 85, grade: '良好' });
  });

  it('orders rectification with a task, which the leader reports and the admin accepts → 已命名', async () => {
    expect((await move(s.leader, ids.a, 'rectify', { opinion: 'x', tasks: [] })).statusCode).toBe(403);
    expect((await move(s.entA, ids.a, 'rectify', { opinion: '整改' })).statusCode).toBe(403);
    const noTask = await move(s.admin, ids.a, 'rectify', { opinion: '台账不规范' });
    expect(noTask.statusCode).toBe(400);
    expect(noTask.json().error.details.fields.tasks).toBe('请至少布置一项整改任务');
    const past = await move(s.admin, ids.a, 'rectify', {
      opinion: '台账不规范',
      tasks: [{ title: '补齐活动台账', deadline: '2026-01-01' }],
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.fields['tasks.0.deadline']).toBe('整改期限不能早于今天');
    const rect = await move(s.admin, ids.a, 'rectify', {
      opinion: '台账不规范',
      tasks: [{ title: '补齐活动台账', detail: '按月整理', deadline: '2026-05-31' }],
    });
    expect(rect.statusCode).toBe(200);
    expect(rect.json()).toMatchObject({ state: 'rectifying', studioStatus: 'rectifying' });
    expect(await studioStatus(ids.studioA)).toBe('rectifying');
    const task = rect.json().tasks[0];
    expect(task).toMatchObject({ title: '补齐活动台账', deadline: '2026-05-31', status: 'open' });
    const leaderTodos = (await get(s.leader, '/api/todos')).json();
    const items = leaderTodos.items ?? leaderTodos;
    expect(
      items.some((x: { title: string }) => x.title === '整改任务：金工劳模创新工作室 · 补齐活动台账'),
    ).toBe(true);

    const early = await move(s.leader, ids.a, 'reportRectified');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('assessments.tasks_open');
    const report = (x: Session) =>
      post(x, `/api/assessments/${ids.a}/tasks/${task.id}/report`, { report: '已按月补齐 12 个月台账' });
    expect((await report(s.member)).statusCode).toBe(403);
    expect((await report(s.entB)).statusCode).toBe(404);
    expect((await report(s.leader)).json().tasks[0]).toMatchObject({
      status: 'done',
      report: '已按月补齐 12 个月台账',
    });
    expect((await move(s.leader, ids.a, 'reportRectified')).json().state).toBe('rectifyCheck');
    const acceptTodo = () =>
      db
        .select()
        .from(todos)
        .where(
          and(
            eq(todos.entityType, 'assessment'),
            eq(todos.entityId, ids.a),
            eq(todos.kind, 'assessment.rectify_check'),
          ),
        );
    // Only a group admin may accept, so the to-do goes to the group admins.
    expect((await acceptTodo()).map((t) => [t.userId, t.doneAt])).toEqual([[w.users.groupAdmin.id, null]]);
    expect((await move(s.entA, ids.a, 'acceptRectification')).statusCode).toBe(403);
    const accepted = await move(s.admin, ids.a, 'acceptRectification', { opinion: '整改到位' });
    expect(accepted.json()).toMatchObject({ state: 'rectified', studioStatus: 'named' });
    expect((await acceptTodo())[0]!.doneAt).not.toBeNull();
    expect(await studioStatus(ids.studioA)).toBe('named');
    expect((await move(s.admin, ids.a, 'revoke', { opinion: '再摘' })).statusCode).toBe(409);
  });

  it('audited every step', async () => {
    const actions = await auditActions('assessment', ids.a);
    for (const a of [
      'assessments.self_score',
      'assessments.submit',
      'assessments.return',
      'assessments.pass',
      'assessments.assign_reviewer',
      'assessments.score_submit',
      'assessments.finishReview',
      'assessments.rectify',
      'assessments.task_report',
      'assessments.reportRectified',
      'assessments.acceptRectification',
    ])
      expect(actions).toContain(a);
    expect(await auditActions('assessment_campaign', ids.campaign)).toEqual(['assessments.open_campaign']);
    const studioAudit = await auditActions('studio', ids.studioA);
    expect(studioAudit.filter((a) => a === 'studios.status')).toHaveLength(2);
    const steps = (await detail(ids.a)).steps.map((x: { action: string }) => x.action);
    expect(steps).toEqual([
      'submit',
      'return',
      'submit',
      'pass',
      'finishReview',
      'rectify',
      'reportRectified',
      'acceptRectification',
    ]);
  });

  it('revokes a studio that fails: 已摘牌, its naming marked revoked with date and reason', async () => {
    const v = (await detail(ids.b)).version;
    await put(s.leaderB, `/api/assessments/${ids.b}/self-score`, { items: full, version: v });
    expect((await move(s.leaderB, ids.b, 'submit')).json().state).toBe('enterpriseCheck');
    expect((await move(s.entA, ids.b, 'pass')).statusCode).toBe(404);
    expect((await move(s.entB, ids.b, 'pass')).json().state).toBe('review');
    await post(s.admin, `/api/assessments/${ids.b}/reviewers`, {
      reviewerUserIds: [ids.expertA],
      version: (await detail(ids.b)).version,
    });
    await put(s.expertA, `/api/assessments/${ids.b}/my-score`, {
      items: { basics: 20, management: 8, breakthrough: 5, exchange: 5, mentoring: 5 },
      submit: true,
    });
    expect((await move(s.admin, ids.b, 'finishReview')).json()).toMatchObject({
      finalScore: 43,
      grade: '不合格',
    });
    expect((await move(s.admin, ids.b, 'revoke')).statusCode).toBe(400);
    const revoked = await move(s.admin, ids.b, 'revoke', { opinion: '全年无活动，考核不合格' });
    expect(revoked.json()).toMatchObject({ state: 'revoked', studioStatus: 'revoked' });
    const [naming] = await db.select().from(studioNamings).where(eq(studioNamings.studioId, ids.studioB));
    expect(naming).toMatchObject({
      revokedOn: '2026-03-02',
      revokeReason: '2025年度考核摘牌：全年无活动，考核不合格',
    });
    const studio = (await get(s.admin, `/api/studios/${ids.studioB}`)).json();
    expect(studio).toMatchObject({ status: 'revoked', currentLevel: null });
    expect(await auditActions('studio', ids.studioB)).toContain('studios.revoked');
  });
});

describe('revocation and merge of studios', () => {
  let c = 0;
  let d = 0;
  let e = 0;
  let outsider = 0;
  beforeAll(async () => {
    const p = (k: string) =>
      seedPerson(db, {
        orgId: w.orgs.workshopA.id,
        employeeNo: `${w.tag}-${k}`,
        name: `${k}员工`,
        honours: [],
      });
    const pc = await p('pc');
    const pd = await p('pd');
    const pe = await p('pe');
    const pe2 = await p('pe2');
    c = await namedStudio(`SC-${w.tag}`, '待摘牌工作室', w.orgs.workshopA.id, pc.id, []);
    d = await namedStudio(`SD-${w.tag}`, '存续工作室', w.orgs.workshopA.id, pd.id, [
      w.users.memberA.personId,
    ]);
    e = await namedStudio(`SE-${w.tag}`, '并入工作室', w.orgs.branchA.id, pe.id, [
      w.users.memberA.personId,
      pe2.id,
    ]);
    outsider = await namedStudio(`SO-${w.tag}`, '乙方工作室', w.orgs.workshopB.id, (await p('po')).id, []);
    await db.insert(results).values({
      archiveNo: `CG-${w.tag}-E1`,
      kind: 'suggestion',
      studioId: e,
      title: '并入前的成果',
      problem: '问题',
      year: 2025,
      status: 'recognised',
      recognisedOn: '2025-03-03',
    });
  });
  const change = async (id: number, action: string, x: Session, opinion?: string) => {
    const list = (await get(s.admin, '/api/studio-changes')).json();
    const v = list.find((r: { id: number }) => r.id === id)?.version ?? 0;
    return post(x, `/api/studio-changes/${id}/transitions`, { action, opinion, version: v });
  };

  it('revokes after a proposal with a reason and the group admin’s approval', async () => {
    const input = { kind: 'revocation', studioId: c, reason: '领衔人调离，工作室长期停止活动' };
    expect((await post(s.member, '/api/studio-changes', input)).statusCode).toBe(403);
    expect((await post(s.entB, '/api/studio-changes', input)).statusCode).toBe(404);
    expect((await post(s.entA, '/api/studio-changes', { ...input, reason: '' })).statusCode).toBe(400);
    const res = await post(s.entA, '/api/studio-changes', input);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ state: 'proposed', abilities: { approve: false, withdraw: true } });
    expect((await post(s.admin, '/api/studio-changes', input)).statusCode).toBe(409);
    expect((await change(id, 'approve', s.entA)).statusCode).toBe(403);
    expect((await change(id, 'approve', s.entB)).statusCode).toBe(404);
    expect((await change(id, 'reject', s.admin)).statusCode).toBe(400);
    const ok = await change(id, 'approve', s.admin, '同意摘牌');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      state: 'approved',
      effectiveOn: '2026-03-02',
      decisionNote: '同意摘牌',
    });
    expect(await studioStatus(c)).toBe('revoked');
    const [naming] = await db.select().from(studioNamings).where(eq(studioNamings.studioId, c));
    expect(naming).toMatchObject({
      revokedOn: '2026-03-02',
      revokeReason: '摘牌：领衔人调离，工作室长期停止活动',
    });
    expect((await change(id, 'approve', s.admin)).statusCode).toBe(409);
    expect(await auditActions('studio_change', id)).toEqual([
      'studio_changes.propose',
      'studio_changes.approve',
    ]);
    expect((await get(s.member, `/api/studio-changes?studioId=${c}`)).json()).toHaveLength(1);
    // A revoked studio takes no further proposal.
    expect((await post(s.admin, '/api/studio-changes', input)).statusCode).toBe(400);
  });

  it('lets the proposer withdraw', async () => {
    const res = await post(s.entA, '/api/studio-changes', {
      kind: 'revocation',
      studioId: d,
      reason: '试提',
    });
    expect((await change(res.json().id, 'withdraw', s.admin)).statusCode).toBe(403);
    expect((await change(res.json().id, 'withdraw', s.entA)).json().state).toBe('withdrawn');
  });

  it('merges a studio into a survivor: members and results move, the absorbed one 已合并 with a pointer', async () => {
    expect(
      (
        await post(s.entA, '/api/studio-changes', {
          kind: 'merge',
          studioId: d,
          absorbedStudioIds: [outsider],
          reason: '整合',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(s.entA, '/api/studio-changes', {
          kind: 'merge',
          studioId: d,
          absorbedStudioIds: [],
          reason: '整合',
        })
      ).statusCode,
    ).toBe(400);
    const res = await post(s.entA, '/api/studio-changes', {
      kind: 'merge',
      studioId: d,
      absorbedStudioIds: [e],
      reason: '同一专业方向，整合资源',
    });
    expect(res.statusCode).toBe(201);
    const ok = await change(res.json().id, 'approve', s.admin, '同意合并');
    expect(ok.statusCode).toBe(200);
    // memberA was already in the survivor: only the leader (as 骨干) and the other member move.
    expect(ok.json()).toMatchObject({
      state: 'approved',
      moved: { members: 2, results: 1 },
      absorbed: [{ id: e }],
    });
    const [absorbed] = await db.select().from(studios).where(eq(studios.id, e));
    expect(absorbed).toMatchObject({ status: 'merged', mergedIntoId: d, currentLevel: null });
    const members = (await get(s.admin, `/api/studios/${d}/members`)).json();
    const list = members.items ?? members;
    expect(list.filter((m: { leftOn: string | null }) => m.leftOn === null)).toHaveLength(4);
    const [moved] = await db
      .select()
      .from(results)
      .where(eq(results.archiveNo, `CG-${w.tag}-E1`));
    expect(moved!.studioId).toBe(d);
    const eMembers = (await get(s.admin, `/api/studios/${e}/members?includeHistory=true`)).json();
    expect(eMembers).toHaveLength(3);
    expect(eMembers.every((m: { leftOn: string | null }) => m.leftOn === '2026-03-02')).toBe(true);
    expect(await auditActions('studio', e)).toContain('studios.merged');
    expect((await get(s.admin, `/api/studio-changes?studioId=${e}`)).json()[0].kind).toBe('merge');
  });
});
