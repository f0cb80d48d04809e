import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createWorld,
  login,
  PASSWORD,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { seedPerson, seedUser } from '../../db/seed/factories.js';
import { kit } from '../innovation/innovation.test-kit.js';

let t: TestApp;
let w: World;
let k: ReturnType<typeof kit>;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let expert: Session;
let expertA: Session;
let expertAUserId: number;
let worker: Session;
let studioA: { id: number; name: string };
const shares = () => [
  { personId: w.users.leaderA.personId, share: 70, role: 'main' },
  { personId: w.users.memberA.personId, share: 30 },
];
let patentSeq = 0;
const patentNo = () => `2025${String(Date.now() + patentSeq++).slice(-8)}.${patentSeq % 10}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  k = kit(t, w);
  [admin, entA, entB, leader, member, expert, worker] = (await Promise.all(
    [
      w.users.groupAdmin,
      w.users.entAdminA,
      w.users.entAdminB,
      w.users.leaderA,
      w.users.memberA,
      w.users.expertB,
      w.users.employeeA,
    ].map((u) => login(t.app, u.username)),
  )) as [Session, Session, Session, Session, Session, Session, Session];
  // An expert who works in enterprise A: must stand aside for A's results.
  const p = await seedPerson(t.database.db, {
    orgId: w.orgs.branchA.id,
    employeeNo: `${w.tag}-XA`,
    name: '甲企业专家',
    honours: [],
  });
  const u = await seedUser(t.database.db, {
    username: `experta_${w.tag}`.toLowerCase(),
    password: PASSWORD,
    personId: p.id,
    displayName: '甲企业专家',
    grants: [{ role: 'expert', orgId: w.orgs.root.id }],
  });
  expertAUserId = u.id;
  expertA = await login(t.app, `experta_${w.tag}`.toLowerCase());
  studioA = await k.studio(entA, {
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId],
  });
});
afterAll(() => t.close());

const create = async (s: Session, o: Record<string, unknown> = {}) => {
  const res = await k.post(s, '/api/results', k.resultBody(studioA.id, shares(), o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const act = (
  s: Session,
  r: { id: number; version: number },
  action: string,
  extra: Record<string, unknown> = {},
) => k.post(s, `/api/results/${r.id}/actions/${action}`, { version: r.version, ...extra });
/** Moves a fresh result to scoring with expert B assigned. */
async function toScoring(r: { id: number; version: number }) {
  let cur = (await act(member, r, 'submit')).json();
  cur = (await act(entA, cur, 'accept')).json();
  const passed = await act(entA, cur, 'pass', { reviewerUserIds: [w.users.expertB.id] });
  expect(passed.statusCode, passed.body).toBe(200);
  return passed.json();
}
const fullScore = { advanced: 10, innovation: 10, difficulty: 10, social: 10, promotion: 10, value: 10 };

describe('results: entry and validation', () => {
  it('answers 401, 403, 404 and 400 (shares, patent) without writing anything', async () => {
    expect((await k.get(null, '/api/results')).statusCode).toBe(401);
    expect((await k.post(worker, '/api/results', k.resultBody(studioA.id, shares()))).statusCode).toBe(403);
    expect((await k.post(entB, '/api/results', k.resultBody(studioA.id, shares()))).statusCode).toBe(404);
    const before = (await k.get(admin, `/api/results?studioId=${studioA.id}`)).json().total;
    const short = await k.post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, [
        { personId: w.users.leaderA.personId, share: 50 },
        { personId: w.users.memberA.personId, share: 40 },
      ]),
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields).toEqual({
      contributors: '完成人贡献份额合计须为 100%，当前为 90%',
    });
    const twice = await k.post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, [
        { personId: w.users.leaderA.personId, share: 50 },
        { personId: w.users.leaderA.personId, share: 50 },
      ]),
    );
    expect(twice.json().error.details.fields).toEqual({ 'contributors.1.personId': '完成人重复' });
    const noPatent = await k.post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, shares(), { kind: 'patent' }),
    );
    expect(noPatent.json().error.details.fields).toEqual({ patent: '专利类成果须填写专利信息' });
    const granted = await k.post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, shares(), {
        kind: 'patent',
        patent: { type: 'invention', applicationNo: patentNo(), filedOn: '2025-01-01', status: 'granted' },
      }),
    );
    expect(granted.json().error.details.fields).toEqual({ 'patent.grantedOn': '已授权的专利须填写授权日期' });
    const badNo = await k.post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, shares(), {
        kind: 'patent',
        patent: { type: 'invention', applicationNo: '12-34', filedOn: '2025-01-01', status: 'filing' },
      }),
    );
    expect(Object.keys(badNo.json().error.details.fields)).toEqual(['patent.applicationNo']);
    expect((await k.get(admin, `/api/results?studioId=${studioA.id}`)).json().total).toBe(before);
  });

  it('numbers results per year, keeps patent numbers unique, and audits edits', async () => {
    const a = await create(member);
    const b = await create(leader, { kind: 'qc', title: '降低齿轮箱渗漏率QC成果' });
    const [, ya, na] = a.archiveNo.split('-');
    const [, yb, nb] = b.archiveNo.split('-');
    expect(yb).toBe(ya);
    expect(Number(nb)).toBe(Number(na) + 1);
    const no = patentNo();
    const p1 = await create(leader, {
      kind: 'patent',
      title: '一种冒口切割装置',
      patent: { type: 'invention', applicationNo: no, filedOn: '2025-01-01', status: 'filing' },
    });
    expect(p1.patent.applicationNo).toBe(no);
    const dup = await k.post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, shares(), {
        kind: 'patent',
        patent: { type: 'design', applicationNo: `ZL${no}`, filedOn: '2025-02-01', status: 'filing' },
      }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'results.patent_no_taken',
      details: { fields: { 'patent.applicationNo': '该专利申请号已被其他成果登记' } },
    });
    const edited = await k.patch(member, `/api/results/${a.id}`, {
      title: '冒口切割导轨（改进型）',
      contributors: [{ personId: w.users.memberA.personId, share: 100 }],
      version: a.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().contributors.map((c: { name: string; share: number }) => c.share)).toEqual([100]);
    const stale = await k.patch(member, `/api/results/${a.id}`, { title: 'x'.repeat(5), version: a.version });
    expect(stale.json().error.code).toBe('conflict.stale');
    const audit = await k.audit(admin, 'result', a.id);
    expect(audit[0]).toMatchObject({ action: 'results.update', actorUserId: w.users.memberA.id });
    expect(audit[0]!.after.contributors).toEqual([
      { personId: w.users.memberA.personId, share: 100, role: 'participant' },
    ]);
  });
});

describe('results: review workflow', () => {
  it('runs first review with roles checked, returns with an opinion, and reopens for edits', async () => {
    let r = await create(leader);
    expect((await act(worker, r, 'submit')).statusCode).toBe(403);
    r = (await act(member, r, 'submit')).json();
    expect(
      (await k.patch(leader, `/api/results/${r.id}`, { title: '再改一下名字', version: r.version })).json()
        .error.code,
    ).toBe('results.not_editable');
    expect((await act(leader, r, 'accept')).statusCode).toBe(403);
    expect((await act(entB, r, 'accept')).statusCode).toBe(404);
    expect((await act(entA, r, 'recognise')).json().error.code).toBe('results.invalid_transition');
    expect((await act(entA, r, 'return')).json().error.details.fields).toEqual({ opinion: '请填写退回意见' });
    r = (await act(entA, r, 'return', { opinion: '请补充实施效果数据' })).json();
    expect(r.status).toBe('returned');
    expect(r.abilities.update).toBe(true);
    r = (
      await k.patch(leader, `/api/results/${r.id}`, {
        problem: '补充：切割后打磨时间由 2 小时降至 0.5 小时。',
        version: r.version,
      })
    ).json();
    r = (await act(member, r, 'submit')).json();
    expect(r.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
    ]);
    expect(r.events[2].opinion).toBe('请补充实施效果数据');
  });

  it('assigns only experts from other enterprises, and only assigned experts score', async () => {
    let r = await create(leader);
    r = (await act(member, r, 'submit')).json();
    r = (await act(entA, r, 'accept')).json();
    const cands = (await k.get(entA, `/api/results/${r.id}/reviewer-candidates`)).json() as {
      userId: number;
    }[];
    expect(cands.map((c) => c.userId)).toContain(w.users.expertB.id);
    expect(cands.map((c) => c.userId)).not.toContain(expertAUserId);
    expect((await k.get(leader, `/api/results/${r.id}/reviewer-candidates`)).statusCode).toBe(403);
    expect((await act(entA, r, 'pass')).json().error.details.fields).toEqual({
      reviewerUserIds: '请选择至少一位评审专家',
    });
    const conflictRes = await act(entA, r, 'pass', { reviewerUserIds: [expertAUserId] });
    expect(conflictRes.statusCode).toBe(400);
    expect(conflictRes.json().error.code).toBe('results.reviewer_conflict');
    expect((await act(entA, r, 'pass', { reviewerUserIds: [w.users.leaderA.id] })).json().error.code).toBe(
      'results.reviewer_invalid',
    );
    r = (await act(entA, r, 'pass', { reviewerUserIds: [w.users.expertB.id] })).json();
    expect(r.status).toBe('scoring');
    expect(r.scoreSheet).toMatchObject({ source: 'rulebook', version: 1 });
    expect(r.reviewers).toEqual([{ userId: w.users.expertB.id, name: expect.any(String), scored: false }]);

    expect((await k.put(expertA, `/api/results/${r.id}/score`, { items: fullScore })).json().error.code).toBe(
      'results.not_reviewer',
    );
    expect((await k.put(leader, `/api/results/${r.id}/score`, { items: fullScore })).statusCode).toBe(403);
    const bad = await k.put(expert, `/api/results/${r.id}/score`, { items: { ...fullScore, advanced: 12 } });
    expect(bad.json().error.details.fields).toEqual({ 'items.advanced': '“先进程度”应在 0–10 分之间' });
    expect((await act(admin, r, 'recognise')).json().error.code).toBe('results.no_scores');
    const scored = await k.put(expert, `/api/results/${r.id}/score`, {
      items: fullScore,
      opinion: '创新性强',
    });
    expect(scored.statusCode).toBe(200);
    // the studio sees no scores before recognition; the reviewers do
    expect((await k.get(leader, `/api/results/${r.id}`)).json()).toMatchObject({
      scores: [],
      scoreAvg: null,
    });
    const forAdmin = (await k.get(entA, `/api/results/${r.id}`)).json();
    expect(forAdmin.scores[0]).toMatchObject({ total: 60, items: { economic: 0 } });
    expect(forAdmin.reviewers[0].scored).toBe(true);
    // only the group admin recognises
    expect((await act(entA, forAdmin, 'recognise', { grade: 'third' })).statusCode).toBe(403);
    const rec = await act(admin, forAdmin, 'recognise', {
      grade: 'third',
      award: '集团五小成果三等奖',
      on: '2026-03-01',
    });
    expect(rec.json()).toMatchObject({
      status: 'recognised',
      grade: 'third',
      recognisedOn: '2026-03-01',
      scoreAvg: 60,
    });
    expect((await k.audit(admin, 'result', r.id))[0]).toMatchObject({
      action: 'results.recognise',
      actorUserId: w.users.groupAdmin.id,
    });
  });
});

describe('results: confidentiality, market, lists, export and portfolio', () => {
  it('keeps confidential results out of the market and away from other enterprises, unless assigned', async () => {
    let secret = await create(leader, { title: '某型号液压密封结构', confidential: true });
    const open = await create(leader, { title: '齿轮箱装配防错工装', kind: 'fiveSmall', field: '装配' });
    secret = await toScoring(secret);
    // assigned: the group-wide expert from B now sees the confidential result
    expect((await k.get(expert, `/api/results/${secret.id}`)).statusCode).toBe(200);
    expect((await k.get(expertA, `/api/results/${secret.id}`)).statusCode).toBe(404);
    await k.put(expert, `/api/results/${secret.id}/score`, { items: fullScore });
    secret = (await k.get(admin, `/api/results/${secret.id}`)).json();
    await act(admin, secret, 'recognise', { grade: 'third' });
    let o = await toScoring(open);
    await k.put(expert, `/api/results/${o.id}/score`, { items: fullScore });
    o = (await k.get(admin, `/api/results/${o.id}`)).json();
    await act(admin, o, 'recognise', { grade: 'third' });

    const market = (await k.get(entB, '/api/market/results?pageSize=200')).json();
    const ids = market.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(secret.id);
    expect((await k.get(entB, `/api/results/${secret.id}`)).statusCode).toBe(404);
    const seen = (await k.get(entB, `/api/results/${open.id}`)).json();
    expect(seen).toMatchObject({ view: 'market', scores: [], reviewers: [] });
    expect(seen.abilities).toMatchObject({ adopt: true, update: false, submit: false });
    expect((await k.get(entA, `/api/results/${open.id}`)).json().abilities.adopt).toBe(false);
    expect(
      (await k.get(entB, '/api/market/results?kind=fiveSmall&field=装配'))
        .json()
        .items.map((i: { id: number }) => i.id),
    ).toEqual([open.id]);
    expect((await k.get(entB, `/api/market/results?q=${encodeURIComponent('防错')}`)).json().total).toBe(1);
    // adoption of a confidential result is refused even by the group admin
    expect(
      (
        await k.post(admin, `/api/results/${secret.id}/adoptions`, {
          orgId: w.orgs.workshopB.id,
          adoptedOn: '2026-01-01',
          site: '装配线',
          scope: '一条线',
        })
      ).json().error.code,
    ).toBe('adoptions.not_available');
    // adoption within the studio's own enterprise is not an adoption
    const own = await k.post(admin, `/api/results/${open.id}/adoptions`, {
      orgId: w.orgs.branchA.id,
      adoptedOn: '2026-01-01',
      site: '装配线',
      scope: '一条线',
    });
    expect(own.json().error.code).toBe('adoptions.same_enterprise');
    expect(
      (
        await k.post(entA, `/api/results/${open.id}/adoptions`, {
          orgId: w.orgs.workshopB.id,
          adoptedOn: '2026-01-01',
          site: '装配线',
          scope: '一条线',
        })
      ).statusCode,
    ).toBe(404);
    const a1 = await k.post(entB, `/api/results/${open.id}/adoptions`, {
      orgId: w.orgs.workshopB.id,
      adoptedOn: '2026-01-01',
      site: '乙装配车间',
      scope: '一条线',
    });
    expect(a1.statusCode).toBe(201);
    expect(
      (
        await k.post(entB, `/api/results/${open.id}/adoptions`, {
          orgId: w.orgs.workshopB.id,
          adoptedOn: '2026-02-01',
          site: '乙装配车间',
          scope: '二条线',
        })
      ).json().error.code,
    ).toBe('adoptions.duplicate');
    expect((await k.post(worker, `/api/results/${open.id}/adoptions`, {})).statusCode).toBe(403);
  });

  it('filters the list and exports exactly what it shows', async () => {
    const p = await create(leader, {
      kind: 'patent',
      title: '一种齿轮箱渗漏检测装置',
      patent: { type: 'utilityModel', applicationNo: patentNo(), filedOn: '2025-03-01', status: 'filing' },
    });
    const filters = `studioId=${studioA.id}&kind=patent&patentType=utilityModel&orgId=${w.orgs.entA.id}`;
    const list = (await k.get(admin, `/api/results?${filters}`)).json();
    expect(list.items.map((r: { id: number }) => r.id)).toContain(p.id);
    expect(list.items.every((r: { kind: string }) => r.kind === 'patent')).toBe(true);
    expect(
      (await k.get(admin, `/api/results?studioId=${studioA.id}&orgId=${w.orgs.entB.id}`)).json().total,
    ).toBe(0);
    expect(list.items[0].contributorNames).toContain('、');
    const res = await k.get(admin, `/api/results/export?${filters}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(15).value).toBe('已核实经济效益（元，仅计财务核实）');
    expect(ws.rowCount - 1).toBe(list.total);
    const row = [...Array(ws.rowCount - 1)]
      .map((_, i) => ws.getRow(i + 2))
      .find((r) => r.getCell(1).value === p.archiveNo)!;
    expect(row.getCell(3).value).toBe('专利');
    expect(row.getCell(13).value).toBe('实用新型');
    expect(row.getCell(14).value).toBe('申请中');
  });

  it('shows a portfolio only where the person is visible', async () => {
    const id = w.users.memberA.personId;
    expect((await k.get(null, `/api/people/${id}/portfolio`)).statusCode).toBe(401);
    expect((await k.get(entB, `/api/people/${id}/portfolio`)).statusCode).toBe(404);
    expect((await k.get(worker, `/api/people/${id}/portfolio`)).statusCode).toBe(404);
    const own = (await k.get(member, `/api/people/${id}/portfolio`)).json();
    expect(own.totals.results).toBeGreaterThan(0);
    expect(own.results.every((r: { share: number }) => r.share > 0)).toBe(true);
    const byAdmin = (await k.get(entA, `/api/people/${id}/portfolio`)).json();
    expect(byAdmin.totals).toEqual(own.totals);
  });
});
