import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
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
import { people } from '../people/people.table.js';
import { studioNamings, studios } from '../studios/studios.table.js';
import { seedStudioForNaming } from './applications.fixtures.js';

// The "done when" path through the API, on an injected clock: a leader applies for group-level naming and
// the studio ends up named with a certificate whose Chinese text is read back from the PDF.
let now = new Date('2026-03-02T02:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let w: World;
let s: Record<
  'leader' | 'member' | 'entA' | 'entB' | 'admin' | 'expertB' | 'expertC' | 'expertD' | 'expertA' | 'worker',
  Session
>;
let studioId: number;
let appId: number;
let version: number;
const ids = { expertC: 0, expertD: 0, expertA: 0 };
let expertAName = '';

beforeAll(async () => {
  t = await createTestApp({ clock, config: { sessionTtlHours: 24 * 365 } });
  w = await createWorld(t.database);
  const db = t.database.db;
  await db
    .update(people)
    .set({ honours: [{ kind: 'modelWorker', level: 'group', year: 2020 }] })
    .where(eq(people.id, w.users.leaderA.personId));
  const extra = async (key: string, orgId: number) => {
    const p = await seedPerson(db, { orgId, employeeNo: `${w.tag}-${key}`, name: `${key}专家`, honours: [] });
    const u = await seedUser(db, {
      username: `${key}_${w.tag}`.toLowerCase(),
      password: PASSWORD,
      personId: p.id,
      displayName: p.name,
      grants: [{ role: 'expert', orgId: w.orgs.root.id }],
    });
    return { id: u.id, username: `${key}_${w.tag}`.toLowerCase(), name: p.name };
  };
  const expertC = await extra('expc', w.orgs.workshopB.id);
  const expertD = await extra('expd', w.orgs.root.id);
  const expertA = await extra('expa', w.orgs.branchA.id);
  Object.assign(ids, { expertC: expertC.id, expertD: expertD.id, expertA: expertA.id });
  expertAName = expertA.name;
  const m2 = await seedPerson(db, {
    orgId: w.orgs.workshopA.id,
    employeeNo: `${w.tag}-m2`,
    name: '成员二',
    honours: [],
  });
  const m3 = await seedPerson(db, {
    orgId: w.orgs.workshopA.id,
    employeeNo: `${w.tag}-m3`,
    name: '成员三',
    honours: [],
  });
  const studio = await seedStudioForNaming(db, {
    code: `GZS-${w.tag}`,
    name: '金工劳模创新工作室',
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId, m2.id, m3.id],
    foundedOn: '2020-05-01',
    siteArea: 80,
    recognisedResultYears: [2023, 2024, 2025],
  });
  studioId = studio.id;
  s = {
    leader: await login(t.app, w.users.leaderA.username),
    member: await login(t.app, w.users.memberA.username),
    entA: await login(t.app, w.users.entAdminA.username),
    entB: await login(t.app, w.users.entAdminB.username),
    admin: await login(t.app, w.users.groupAdmin.username),
    expertB: await login(t.app, w.users.expertB.username),
    expertC: await login(t.app, expertC.username),
    expertD: await login(t.app, expertD.username),
    expertA: await login(t.app, expertA.username),
    worker: await login(t.app, w.users.employeeA.username),
  };
});
afterAll(() => t.close());

const get = (x: Session | null, url: string) => call(t.app, x, { method: 'GET', url });
const send = (x: Session | null, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
  call(t.app, x, { method, url, payload: payload as object });
async function move(x: Session, action: string, extra: Record<string, unknown> = {}) {
  const res = await send(x, 'POST', `/api/applications/${appId}/transitions`, { action, version, ...extra });
  if (res.statusCode === 200) version = res.json().version;
  return res;
}
const full = { basics: 33, management: 14, breakthrough: 13, exchange: 12, mentoring: 18 };

describe('naming an innovation studio from application to certificate', () => {
  it('checks the entry conditions with reasons', async () => {
    const res = await get(s.leader, `/api/applications/condition-check?studioId=${studioId}&level=group`);
    expect(res.statusCode).toBe(200);
    const check = res.json();
    const by = Object.fromEntries(check.results.map((r: { key: string }) => [r.key, r]));
    expect(by.leaderHonour).toMatchObject({
      status: 'passed',
      reason: expect.stringContaining('集团级劳动模范（2020年）'),
    });
    expect(by.members).toMatchObject({ status: 'passed', reason: '在册成员 4 人，要求不少于 3 人' });
    expect(by.years).toMatchObject({ status: 'passed', reason: '2020-05-01 创建，已运行 5 年，要求满 3 年' });
    expect(by.results).toMatchObject({
      status: 'passed',
      reason: '2023 年认定成果 2 项，2024 年认定成果 2 项，2025 年认定成果 2 项；要求每年不少于 2 项',
    });
    expect(by.site.status).toBe('passed');
    expect(by.rules.status).toBe('manual');
    expect(check.ok).toBe(true);
    const city = (
      await get(s.leader, `/api/applications/condition-check?studioId=${studioId}&level=city`)
    ).json();
    const cityBy = Object.fromEntries(city.results.map((r: { key: string }) => [r.key, r]));
    expect(cityBy.leaderHonour.status).toBe('failed');
    expect(cityBy.prior).toMatchObject({ status: 'failed', reason: '尚未被命名为集团级创新工作室' });
    expect(city.ok).toBe(false);
  });

  it('lets the leader draft and submit; the enterprise admin passes the first review', async () => {
    const studiosRes = await get(s.leader, '/api/applications/my-studios');
    expect(studiosRes.json().map((x: { id: number }) => x.id)).toContain(studioId);
    const created = await send(s.leader, 'POST', '/api/applications', {
      studioId,
      level: 'group',
      materials: { summary: '', achievements: '攻克大型轴类零件加工难题', plans: '' },
    });
    expect(created.statusCode).toBe(201);
    appId = created.json().id;
    version = created.json().version;
    expect(created.json()).toMatchObject({
      state: 'draft',
      abilities: { submit: true, edit: true, pass: false },
    });
    const noSummary = await move(s.leader, 'submit');
    expect(noSummary.statusCode).toBe(400);
    expect(noSummary.json().error.details.fields['materials.summary']).toBe('请填写工作室简介');
    const edited = await send(s.leader, 'PATCH', `/api/applications/${appId}`, {
      version,
      materials: {
        summary: '工作室成立于2020年，专注大型零件加工。',
        achievements: '攻克难题 12 项',
        plans: '建设实训基地',
        conditionNotes: { results: '近三年成果见附件台账' },
      },
    });
    expect(edited.statusCode).toBe(200);
    version = edited.json().version;
    expect((await get(s.entA, `/api/applications/${appId}`)).statusCode).toBe(404); // a draft is the leader's own
    const submitted = await move(s.leader, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().state).toBe('firstReview');
    expect(submitted.json().conditionCheck).toHaveLength(6);
    expect((await get(s.entB, `/api/applications/${appId}`)).statusCode).toBe(404);
    const board = (await get(s.entA, '/api/applications?state=firstReview')).json();
    expect(board.items.map((a: { id: number }) => a.id)).toContain(appId);
    expect(board.counts.firstReview).toBeGreaterThanOrEqual(1);
    expect((await move(s.admin, 'pass')).statusCode).toBe(403);
    const passed = await move(s.entA, 'pass', { opinion: '材料齐全，同意推荐' });
    expect(passed.json().state).toBe('upperReview');
  });

  it('sends it to three experts, refusing one from the studio’s own enterprise', async () => {
    expect((await move(s.admin, 'pass', { opinion: '同意进入专家评审' })).json().state).toBe('expertReview');
    const cands = (await get(s.admin, `/api/applications/${appId}/expert-candidates`)).json();
    expect(cands.find((c: { userId: number }) => c.userId === ids.expertA)).toMatchObject({
      conflict: true,
      enterpriseName: '甲企业',
    });
    expect(cands.find((c: { userId: number }) => c.userId === w.users.expertB.id)).toMatchObject({
      conflict: false,
    });
    const refused = await send(s.admin, 'POST', `/api/applications/${appId}/experts`, {
      expertUserIds: [w.users.expertB.id, ids.expertC, ids.expertA],
      deadline: '2026-03-10',
      version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('applications.expert_conflict');
    expect(refused.json().error.details.expertName).toBe(expertAName);
    expect((await get(s.admin, `/api/applications/${appId}`)).json().experts).toHaveLength(0);
    const assigned = await send(s.admin, 'POST', `/api/applications/${appId}/experts`, {
      expertUserIds: [w.users.expertB.id, ids.expertC, ids.expertD],
      deadline: '2026-03-10',
      version,
    });
    expect(assigned.statusCode).toBe(200);
    version = assigned.json().version;
    expect(
      assigned
        .json()
        .experts.map((e: { expertUserId: number }) => e.expertUserId)
        .sort(),
    ).toEqual([w.users.expertB.id, ids.expertC, ids.expertD].sort());
    expect((await get(s.expertA, `/api/applications/${appId}`)).statusCode).toBe(404);
    const queue = (await get(s.expertB, '/api/reviews/mine')).json();
    expect(queue).toEqual([
      expect.objectContaining({
        subjectId: appId,
        deadline: '2026-03-10',
        overdue: false,
        link: `/reviews/applications/${appId}`,
      }),
    ]);
    expect(queue[0].title).toContain('金工劳模创新工作室');
  });

  it('lets each expert score independently on the pinned sheet', async () => {
    const over = await send(s.expertB, 'PUT', `/api/applications/${appId}/my-score`, {
      items: { ...full, basics: 40 },
      submit: true,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.fields['items.basics']).toBe('“基础保障”最多 35 分');
    const draft = await send(s.expertB, 'PUT', `/api/applications/${appId}/my-score`, {
      items: { basics: 30 },
      submit: false,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({
      mine: { total: 30, submittedAt: null },
      others: [],
      canScore: true,
    });
    // Two experts submitting at the same moment both keep their scores.
    const [c, d] = await Promise.all([
      send(s.expertC, 'PUT', `/api/applications/${appId}/my-score`, {
        items: full,
        bonus: { patents: 4 },
        comment: '成果突出',
        submit: true,
      }),
      send(s.expertD, 'PUT', `/api/applications/${appId}/my-score`, {
        items: { ...full, basics: 25 },
        submit: true,
      }),
    ]);
    expect([c.statusCode, d.statusCode]).toEqual([200, 200]);
    expect(c.json().mine.total).toBe(94);
    expect(d.json().mine.total).toBe(82);
    const cView = (await get(s.expertC, `/api/applications/${appId}/my-review`)).json();
    expect(cView.others.map((o: { total: number }) => o.total)).toEqual([82]);
    expect((await get(s.expertB, `/api/applications/${appId}/my-review`)).json().others).toEqual([]);
    const pending = await move(s.admin, 'finishExpertReview');
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('applications.scores_pending');
    const b = await send(s.expertB, 'PUT', `/api/applications/${appId}/my-score`, {
      items: { ...full, basics: 35, mentoring: 20 },
      bonus: { awards: 4 },
      submit: true,
    });
    expect(b.json().mine.total).toBe(98);
    expect(b.json().others).toHaveLength(2);
    const again = await send(s.expertB, 'PUT', `/api/applications/${appId}/my-score`, {
      items: full,
      submit: true,
    });
    expect(again.json().error.code).toBe('reviews.score_submitted');
    expect((await get(s.expertB, '/api/reviews/mine')).json()).toEqual([]);
    const detail = (await get(s.admin, `/api/applications/${appId}`)).json();
    expect(detail.scoreSummary).toMatchObject({ count: 3, score: 91.33, grade: '优秀', dropped: false });
    const leaderView = (await get(s.leader, `/api/applications/${appId}`)).json();
    expect(leaderView.experts).toEqual([]);
    expect(leaderView.scoreSummary).toBeNull();
    const flag = await send(s.admin, 'PATCH', `/api/applications/${appId}/settings`, {
      dropExtremes: true,
      version,
    });
    version = flag.json().version;
    expect(flag.json().scoreSummary).toMatchObject({ score: 94, dropped: true });
    const done = await move(s.admin, 'finishExpertReview', { opinion: '专家评审通过' });
    expect(done.json()).toMatchObject({ state: 'siteVisit', finalScore: 94, grade: '优秀' });
  });

  it('runs 公示 with an objection that must be resolved before naming', async () => {
    const noOpinion = await move(s.admin, 'finishSiteVisit', {
      publicityStart: '2026-03-02',
      publicityEnd: '2026-03-08',
    });
    expect(noOpinion.json().error.details.fields.opinion).toBe('请填写实地考察意见');
    const badWindow = await move(s.admin, 'finishSiteVisit', {
      opinion: '现场符合',
      publicityStart: '2026-03-05',
      publicityEnd: '2026-03-01',
    });
    expect(badWindow.json().error.details.fields.publicityEnd).toBe('公示结束日期不能早于开始日期');
    const pub = await move(s.admin, 'finishSiteVisit', {
      opinion: '场所、设备、台账与申报一致',
      publicityStart: '2026-03-02',
      publicityEnd: '2026-03-08',
    });
    expect(pub.json()).toMatchObject({
      state: 'publicity',
      publicityEnd: '2026-03-08',
      abilities: { name: false },
    });
    const early = await move(s.admin, 'name');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('applications.publicity_not_over');
    const board = (await get(s.worker, '/api/publicity')).json();
    expect(board.find((p: { id: number }) => p.id === appId)).toMatchObject({
      phase: 'open',
      studioName: '金工劳模创新工作室',
    });
    const filed = await send(s.worker, 'POST', `/api/applications/${appId}/objections`, {
      content: '成员名单中有人已调离本单位',
    });
    expect(filed.statusCode).toBe(201);
    const objectionId = filed.json().id;
    const tooShort = await send(s.worker, 'POST', `/api/applications/${appId}/objections`, { content: '有' });
    expect(tooShort.statusCode).toBe(400);
    const leaderView = (await get(s.leader, `/api/applications/${appId}`)).json();
    expect(leaderView.objections[0]).toMatchObject({
      content: '成员名单中有人已调离本单位',
      filedByName: null,
      status: 'open',
    });
    expect(leaderView.steps.at(-1)).toMatchObject({ action: 'fileObjection', actorName: null });

    now = new Date('2026-03-09T02:00:00Z');
    const late = await send(s.worker, 'POST', `/api/applications/${appId}/objections`, {
      content: '公示期之后的异议内容',
    });
    expect(late.json().error.code).toBe('applications.publicity_closed');
    const blocked = await move(s.admin, 'name');
    expect(blocked.json().error.code).toBe('applications.objection_unresolved');
    expect(
      (
        await send(s.entA, 'POST', `/api/applications/${appId}/objections/${objectionId}/resolve`, {
          resolution: '已核实',
        })
      ).statusCode,
    ).toBe(403);
    const resolved = await send(
      s.admin,
      'POST',
      `/api/applications/${appId}/objections/${objectionId}/resolve`,
      {
        resolution: '经核实，该成员于2026年1月调离，已从名单中移除，不影响命名条件',
      },
    );
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().objections[0]).toMatchObject({
      status: 'resolved',
      filedByName: expect.any(String),
    });
    expect(resolved.json().abilities.name).toBe(true);
    const twice = await send(
      s.admin,
      'POST',
      `/api/applications/${appId}/objections/${objectionId}/resolve`,
      { resolution: '再次处理' },
    );
    expect(twice.json().error.code).toBe('applications.objection_resolved');
  });

  it('names the studio with a plaque number, updates its history and issues a certificate', async () => {
    const named = await move(s.admin, 'name', { opinion: '同意命名' });
    expect(named.statusCode).toBe(200);
    expect(named.json().state).toBe('named');
    const plaqueNo: string = named.json().plaqueNo;
    expect(plaqueNo).toMatch(/^JX-2026-G-\d{4}$/);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.id, studioId));
    expect(studio).toMatchObject({ status: 'named', currentLevel: 'group' });
    const [naming] = await t.database.db
      .select()
      .from(studioNamings)
      .where(eq(studioNamings.studioId, studioId));
    expect(naming).toMatchObject({
      level: 'group',
      namedOn: '2026-03-09',
      plaqueNo,
      applicationId: appId,
      namingBody: `测试集团${w.tag}工会`,
    });

    const pdf = await get(s.leader, `/api/applications/${appId}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jx-cert-')), 'c.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const want of [
      '荣誉证书',
      '金工劳模创新工作室',
      '被命名为「集团级劳模创新工作室」',
      `测试集团${w.tag}工会`,
      '2026年3月9日',
      plaqueNo,
    ]) {
      expect(text).toContain(want.replace(/\s+/g, ''));
    }
    const byNaming = await get(s.member, `/api/namings/${naming!.id}/certificate`);
    expect(byNaming.statusCode).toBe(200);
    expect((await get(s.entB, `/api/namings/${naming!.id}/certificate`)).statusCode).toBe(404);

    const list = (await get(s.admin, '/api/namings?year=2026&level=group')).json();
    expect(list.items.find((n: { id: number }) => n.id === naming!.id)).toMatchObject({
      plaqueNo,
      studioName: '金工劳模创新工作室',
      enterpriseName: '甲企业',
    });
    expect(
      (await get(s.entB, '/api/namings?year=2026&level=group')).json().items.map((n: { id: number }) => n.id),
    ).not.toContain(naming!.id);
    const xlsx = await get(s.admin, '/api/namings/export?year=2026&level=group');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('牌匾编号');
    expect(rows.some((r) => r.includes(plaqueNo) && r.includes('金工劳模创新工作室'))).toBe(true);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain(
      '2026年度集团级创新工作室命名名单.xlsx',
    );
  });

  it('kept the whole history and an audit record per transition', async () => {
    const detail = (await get(s.admin, `/api/applications/${appId}`)).json();
    expect(detail.steps.map((x: { action: string }) => x.action)).toEqual([
      'submit',
      'pass',
      'pass',
      'finishExpertReview',
      'finishSiteVisit',
      'fileObjection',
      'resolveObjection',
      'name',
    ]);
    expect(detail.steps[1]).toMatchObject({
      fromState: 'firstReview',
      toState: 'upperReview',
      opinion: '材料齐全，同意推荐',
    });
    const audit = (
      await get(s.admin, `/api/audit?entityType=application&entityId=${appId}&pageSize=100`)
    ).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    for (const a of [
      'applications.create',
      'applications.update',
      'applications.submit',
      'applications.pass',
      'applications.assign_expert',
      'applications.score_draft',
      'applications.score_submit',
      'applications.settings',
      'applications.finishExpertReview',
      'applications.finishSiteVisit',
      'applications.fileObjection',
      'applications.resolveObjection',
      'applications.name',
    ]) {
      expect(actions).toContain(a);
    }
    expect(actions.filter((a: string) => a === 'applications.assign_expert')).toHaveLength(3);
    const studioAudit = (await get(s.admin, `/api/audit?entityType=studio&entityId=${studioId}`)).json();
    expect(studioAudit.items.map((a: { action: string }) => a.action)).toContain('studios.named');
    // The next application for the same level can start now that this one is closed.
    const again = await send(s.leader, 'POST', '/api/applications', { studioId, level: 'group' });
    expect(again.statusCode).toBe(201);
    const dup = await send(s.leader, 'POST', '/api/applications', { studioId, level: 'group' });
    expect(dup.json().error.code).toBe('applications.already_open');
  });
});
