import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
import { collectSignals } from '../studios/studios.health.js';
import { kit } from './innovation.test-kit.js';

// The issue's "done when", tried as a new user would, through the API only.
let t: TestApp;
let w: World;
let k: ReturnType<typeof kit>;
let admin: Session;
let entA: Session;
let entB: Session;
let leader: Session;
let member: Session;
let expert: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  k = kit(t, w);
  [admin, entA, entB, leader, member, expert] = (await Promise.all(
    [
      w.users.groupAdmin,
      w.users.entAdminA,
      w.users.entAdminB,
      w.users.leaderA,
      w.users.memberA,
      w.users.expertB,
    ].map((u) => login(t.app, u.username)),
  )) as [Session, Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('a project from proposal to results, benefit, adoption and totals', () => {
  it('runs the whole path and counts every benefit once', async () => {
    const { get, post, put } = k;
    const studioA = await k.studio(entA, {
      hostOrgId: w.orgs.workshopA.id,
      leaderPersonId: w.users.leaderA.personId,
      memberPersonIds: [w.users.memberA.personId],
    });
    const studioB = await k.studio(entB, {
      hostOrgId: w.orgs.workshopB.id,
      name: '乙企业铸造工匠创新工作室',
    });

    // Enterprise B did similar work earlier, plus something unrelated.
    for (const [title, goal] of [
      ['铸钢件冒口切割工装的改进与应用', '改进铸钢件冒口切割工装，提高冒口切割效率，减少切割变形。'],
      ['大型铸件冒口气割定位装置研制', '研制大型铸件冒口气割用定位装置，保证冒口根部切割质量。'],
      ['数控机床主轴热变形补偿方法', '建立主轴温升与热伸长模型，在数控系统中实时补偿。'],
    ] as const) {
      const r = await post(
        entB,
        '/api/projects',
        k.projectBody(studioB.id, w.users.entAdminB.personId, { title, goal, content: null, milestones: [] }),
      );
      expect(r.statusCode, r.body).toBe(201);
    }

    // 1. The studio drafts a proposal and sees the two similar earlier projects first.
    const body = k.projectBody(studioA.id, w.users.leaderA.personId, {
      members: [{ personId: w.users.memberA.personId, division: '工装设计' }],
    });
    const sim = await get(
      leader,
      `/api/similar?kind=project&text=${encodeURIComponent(`${body.title}\n${body.goal}`)}`,
    );
    expect(sim.statusCode).toBe(200);
    const top = sim.json() as {
      title: string;
      enterpriseName: string;
      score: number;
      canOpen: boolean;
      sharedWords: string[];
    }[];
    expect(
      top
        .slice(0, 2)
        .map((s) => s.title)
        .sort(),
    ).toEqual(['大型铸件冒口气割定位装置研制', '铸钢件冒口切割工装的改进与应用']);
    expect(top[0]!.enterpriseName).toBe('乙企业');
    expect(top[0]!.canOpen).toBe(false);
    expect(top[0]!.sharedWords).toContain('冒口');
    expect(top.find((s) => s.title.includes('主轴'))?.score ?? 0).toBeLessThan(top[1]!.score);

    const proposed = await post(leader, '/api/projects', body);
    expect(proposed.statusCode, proposed.body).toBe(201);
    let project = proposed.json();
    expect(project).toMatchObject({ status: 'proposed', source: 'enterprise', studioName: studioA.name });
    expect(project.code).toMatch(/^KT-\d{4}-\d{5}$/);
    expect(project.abilities).toMatchObject({ approve: false, update: true });

    // 2. Approval is the enterprise admin's; the leader cannot, another enterprise cannot even see it.
    const act = (s: Session, action: string, extra: Record<string, unknown> = {}) =>
      post(s, `/api/projects/${project.id}/actions/${action}`, { version: project.version, ...extra });
    expect((await act(leader, 'approve')).statusCode).toBe(403);
    expect((await act(entB, 'approve')).statusCode).toBe(404);
    const approved = await act(entA, 'approve', { opinion: '同意立项' });
    expect(approved.statusCode, approved.body).toBe(200);
    project = approved.json();
    expect(project.status).toBe('approved');

    // 3. Milestones are reported while it runs.
    project = (await act(leader, 'start')).json();
    expect(project.status).toBe('inProgress');
    const m1 = project.milestones[0].id;
    const rep = await post(leader, `/api/projects/${project.id}/reports`, {
      milestoneId: m1,
      reportedOn: '2025-04-28',
      progress: 30,
      content: '完成导轨和夹持机构方案，通过车间评审。',
      completesMilestone: true,
    });
    expect(rep.statusCode, rep.body).toBe(201);
    project = rep.json();
    expect(project.milestones[0].completedOn).toBe('2025-04-28');
    expect(project.reports).toHaveLength(1);

    // 4. Concluded after acceptance.
    project = (
      await act(leader, 'requestAcceptance', {
        conclusion: '工装已投入使用，切割时间缩短 40%，申请实用新型专利 1 项。',
      })
    ).json();
    expect(project.status).toBe('acceptance');
    project = (await act(entA, 'conclude', { opinion: '验收通过' })).json();
    expect(project.status).toBe('concluded');

    // 5. A patent and a technical improvement come out of it (shares 60/40).
    const contributors = [
      { personId: w.users.leaderA.personId, share: 60, role: 'main' },
      { personId: w.users.memberA.personId, share: 40 },
    ];
    const patentRes = await post(
      member,
      '/api/results',
      k.resultBody(studioA.id, contributors, {
        kind: 'patent',
        projectId: project.id,
        title: '一种大型铸件冒口切割定位装置',
        patent: {
          type: 'utilityModel',
          applicationNo: `2025${String(Date.now()).slice(-8)}.5`,
          filedOn: '2025-06-10',
          status: 'filing',
        },
      }),
    );
    expect(patentRes.statusCode, patentRes.body).toBe(201);
    const improvementRes = await post(
      leader,
      '/api/results',
      k.resultBody(studioA.id, contributors, { projectId: project.id }),
    );
    expect(improvementRes.statusCode, improvementRes.body).toBe(201);
    let patent = patentRes.json();
    let improvement = improvementRes.json();
    expect(improvement.archiveNo).toMatch(/^CG-\d{4}-\d{5}$/);
    expect(patent.patent).toMatchObject({ type: 'utilityModel', status: 'filing' });
    expect(
      (await get(leader, `/api/projects/${project.id}`))
        .json()
        .results.map((r: { id: number }) => r.id)
        .sort(),
    ).toEqual([patent.id, improvement.id].sort());

    // 6. Its benefit is calculated and signed off by finance (not by the studio).
    const created = await post(leader, `/api/results/${improvement.id}/benefits`, k.benefitBody());
    expect(created.statusCode, created.body).toBe(201);
    let benefit = created.json();
    expect(benefit).toMatchObject({ amountFen: 4_150_000, orgId: w.orgs.entA.id, status: 'draft' });
    const bact = (s: Session, action: string, extra: Record<string, unknown> = {}) =>
      post(s, `/api/benefits/${benefit.id}/actions/${action}`, { version: benefit.version, ...extra });
    benefit = (await bact(leader, 'submit')).json();
    expect((await bact(leader, 'verify')).statusCode).toBe(403);
    const verified = await bact(entA, 'verify', {
      verifierName: '财务部 王会计',
      verifiedOn: '2026-01-15',
      opinion: '核实无误',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    benefit = verified.json();
    expect(benefit).toMatchObject({
      status: 'verified',
      verifierName: '财务部 王会计',
      verifiedOn: '2026-01-15',
      verifyOpinion: '核实无误',
    });

    // 7. Both results go through first review, expert scoring and recognition.
    for (const r of [patent, improvement]) {
      let cur = (await post(member, `/api/results/${r.id}/actions/submit`, { version: r.version })).json();
      expect(cur.status).toBe('submitted');
      cur = (await post(entA, `/api/results/${r.id}/actions/accept`, { version: cur.version })).json();
      const passed = await post(entA, `/api/results/${r.id}/actions/pass`, {
        version: cur.version,
        reviewerUserIds: [w.users.expertB.id],
      });
      expect(passed.statusCode, passed.body).toBe(200);
      expect(passed.json().scoreSheet.indicators.map((i: { name: string }) => i.name)).toContain('经济效益');
      const scored = await put(expert, `/api/results/${r.id}/score`, {
        items: { advanced: 10, innovation: 10, difficulty: 9, social: 9, promotion: 9, value: 10 },
        opinion: '结构合理，效果明显',
      });
      expect(scored.statusCode, scored.body).toBe(200);
      cur = (await get(admin, `/api/results/${r.id}`)).json();
      // The sheet's bands suggest the grade; below every band the recogniser must choose one.
      const grade = r.id === patent.id ? { grade: 'merit' } : {};
      if (r.id === patent.id) expect(cur.suggestedGrade).toBeNull();
      const rec = await post(admin, `/api/results/${r.id}/actions/recognise`, {
        version: cur.version,
        award: '集团职工技术创新成果奖',
        ...grade,
      });
      expect(rec.statusCode, rec.body).toBe(200);
      expect(rec.json()).toMatchObject({
        status: 'recognised',
        grade: r.id === patent.id ? 'merit' : 'third',
      });
    }
    improvement = (await get(leader, `/api/results/${improvement.id}`)).json();
    // 经济效益 by band: ¥41,500 verified → 15 points; 57 by hand → 72 total (三等).
    expect(improvement.scoreAvg).toBe(72);
    patent = (await get(leader, `/api/results/${patent.id}`)).json();
    expect(patent.scoreAvg).toBe(57);

    // 8. Enterprise B finds the improvement in the market, adopts it and reports its verified benefit.
    const market = (await get(entB, '/api/market/results?pageSize=200')).json();
    expect(market.items.map((i: { id: number }) => i.id)).toContain(improvement.id);
    expect((await get(entB, `/api/results/${improvement.id}`)).json().view).toBe('market');
    const adopted = await post(entB, `/api/results/${improvement.id}/adoptions`, {
      orgId: w.orgs.workshopB.id,
      adoptedOn: '2026-02-01',
      site: '乙装配车间铸件清理工段',
      scope: '2 台冒口切割工位',
    });
    expect(adopted.statusCode, adopted.body).toBe(201);
    const adoption = adopted.json();
    let bB = (
      await post(
        entB,
        `/api/results/${improvement.id}/benefits`,
        k.benefitBody({
          adoptionId: adoption.id,
          periodFrom: '2026-02-01',
          periodTo: '2026-12-31',
          beforeValueFen: 0,
          afterValueFen: 200_000,
          periodCount: 10,
          implementationCostFen: 0,
        }),
      )
    ).json();
    expect(bB).toMatchObject({ amountFen: 2_000_000, orgId: w.orgs.workshopB.id });
    bB = (await post(entB, `/api/benefits/${bB.id}/actions/submit`, { version: bB.version })).json();
    const self = await post(entB, `/api/benefits/${bB.id}/actions/verify`, { version: bB.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('benefits.self_verify');
    expect(
      (
        await post(admin, `/api/benefits/${bB.id}/actions/verify`, {
          version: bB.version,
          verifierName: '集团财务部',
          verifiedOn: '2026-03-01',
        })
      ).statusCode,
    ).toBe(200);

    // 9. The same benefit cannot be claimed twice.
    const dup = await post(
      leader,
      `/api/results/${improvement.id}/benefits`,
      k.benefitBody({ periodFrom: '2026-06-01', periodTo: '2026-12-31', orgId: w.orgs.workshopA.id }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'benefits.duplicate',
      details: { existingId: benefit.id },
    });

    // 10. Totals count each verified benefit once, wherever they are looked at.
    const total = async (q: string) => (await get(admin, `/api/benefits/totals?${q}`)).json();
    expect(await total(`resultId=${improvement.id}`)).toEqual({
      basis: 'verified',
      verifiedBenefitFen: 6_150_000,
      verifiedCount: 2,
      pendingCount: 0,
    });
    expect((await total(`studioId=${studioA.id}`)).verifiedBenefitFen).toBe(6_150_000);
    expect((await total(`orgId=${w.orgs.entA.id}`)).verifiedBenefitFen).toBe(4_150_000);
    expect((await total(`orgId=${w.orgs.entB.id}`)).verifiedBenefitFen).toBe(2_000_000);
    expect((await total(`orgId=${w.orgs.root.id}`)).verifiedBenefitFen).toBe(6_150_000);
    expect((await total(`personId=${w.users.leaderA.personId}`)).verifiedBenefitFen).toBe(3_690_000);
    const detail = (await get(leader, `/api/results/${improvement.id}`)).json();
    expect(detail.verifiedBenefitFen).toBe(6_150_000);
    const adoptions = (await get(leader, `/api/results/${improvement.id}/adoptions`)).json();
    expect(adoptions).toHaveLength(1);
    expect(adoptions[0]).toMatchObject({ enterpriseName: '乙企业', verifiedBenefitFen: 2_000_000 });

    const portfolio = (await get(leader, `/api/people/${w.users.leaderA.personId}/portfolio`)).json();
    expect(portfolio.totals).toMatchObject({
      results: 2,
      recognised: 2,
      patents: 1,
      utilityModelPatents: 1,
      verifiedBenefitFen: 3_690_000,
    });
    expect(portfolio.results.find((r: { id: number }) => r.id === improvement.id)).toMatchObject({
      share: 60,
      verifiedBenefitFen: 3_690_000,
    });

    // The market and the finance list export exactly what they show, read back from the files.
    const sheetOf = async (url: string) => {
      const res = await get(admin, url);
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      return [...Array(ws.rowCount)].map((_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    };
    const marketList = (
      await get(admin, `/api/market/results?q=${encodeURIComponent(improvement.title)}`)
    ).json();
    const marketRows = await sheetOf(`/api/market/results/export?q=${encodeURIComponent(improvement.title)}`);
    expect(marketRows[0]![11]).toBe('已核实经济效益（元，仅计财务核实）');
    expect(marketRows).toHaveLength(marketList.total + 1);
    const mine = marketRows.find((r) => r[0] === improvement.archiveNo)!;
    expect(mine.slice(10, 12)).toEqual([1, 61_500]);
    const verifiedList = (
      await get(admin, `/api/benefits?resultId=${improvement.id}&status=verified`)
    ).json();
    const benefitRows = await sheetOf(`/api/benefits/export?resultId=${improvement.id}&status=verified`);
    expect(benefitRows).toHaveLength(verifiedList.total + 1);
    expect(
      benefitRows
        .slice(1)
        .map((r) => r[10])
        .sort(),
    ).toEqual([20_000, 41_500]);
    expect(benefitRows.slice(1).every((r) => r[12] === '财务已核实')).toBe(true);

    // 11. Studio health sees the recognised results and the verified benefit.
    const signals = (await collectSignals(t.database.db, [studioA.id])).get(studioA.id)!;
    expect(signals.lastResultOn).not.toBeNull();
    expect(signals.lastBenefitOn).toBe('2026-03-01');

    // Every step left an audit record.
    const actions = (await k.audit(admin, 'project', project.id)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'projects.create',
        'projects.approve',
        'projects.start',
        'projects.report',
        'projects.requestAcceptance',
        'projects.conclude',
      ]),
    );
    expect((await k.audit(admin, 'benefit', benefit.id)).map((a) => a.action)).toEqual([
      'benefits.verify',
      'benefits.submit',
      'benefits.create',
    ]);
    expect((await k.audit(admin, 'adoption', adoption.id)).map((a) => a.action)).toEqual([
      'adoptions.create',
    ]);
    expect((await k.audit(admin, 'result', improvement.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'results.create',
        'results.submit',
        'results.accept',
        'results.pass',
        'results.score',
        'results.recognise',
      ]),
    );
  });
});
