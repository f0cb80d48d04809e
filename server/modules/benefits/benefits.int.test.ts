import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createWorld,
  login,
  type Session,
  type TestApp,
  type World,
} from '../../../test/helpers.js';
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
let worker: Session;
let resultId: number;

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
  const studio = await k.studio(entA, {
    hostOrgId: w.orgs.workshopA.id,
    leaderPersonId: w.users.leaderA.personId,
    memberPersonIds: [w.users.memberA.personId],
  });
  const r = await k.post(
    leader,
    '/api/results',
    k.resultBody(studio.id, [{ personId: w.users.leaderA.personId, share: 100 }]),
  );
  resultId = r.json().id;
});
afterAll(() => t.close());

const create = (s: Session, o: Record<string, unknown> = {}) =>
  k.post(s, `/api/results/${resultId}/benefits`, k.benefitBody(o));
const act = (
  s: Session,
  b: { id: number; version: number },
  action: string,
  extra: Record<string, unknown> = {},
) => k.post(s, `/api/benefits/${b.id}/actions/${action}`, { version: b.version, ...extra });

describe('benefit calculations', () => {
  it('answers 401, 403, 404 and 400 with Chinese field messages, writing nothing', async () => {
    expect((await create(null as unknown as Session)).statusCode).toBe(401);
    expect((await create(worker)).statusCode).toBe(403);
    expect((await create(entB)).statusCode).toBe(404);
    expect((await create(expert)).statusCode).toBe(403);
    const neg = await create(leader, { implementationCostFen: 99_000_000 });
    expect(neg.json().error.details.fields).toEqual({
      implementationCostFen: '实施成本超过增效，净效益为负，无需登记经济效益',
    });
    const dates = await create(leader, { periodFrom: '2026-01-01', periodTo: '2025-01-01' });
    expect(dates.json().error.details.fields.periodTo).toBe('期间结束日期不能早于开始日期');
    const outside = await create(leader, { orgId: w.orgs.workshopB.id });
    expect(outside.json().error.details.fields.orgId).toMatch(/推广应用登记/);
    const split = await create(leader, {
      attribution: [
        { orgId: w.orgs.workshopA.id, share: 50 },
        { orgId: w.orgs.branchA.id, share: 30 },
      ],
    });
    expect(split.json().error.details.fields).toEqual({
      attribution: '各单位分摊比例合计须为 100%，当前为 80%',
    });
    const badShape = await create(leader, { periodUnit: 'week', periodCount: -1 });
    expect(Object.keys(badShape.json().error.details.fields).sort()).toEqual(['periodCount', 'periodUnit']);
    expect((await k.get(leader, `/api/results/${resultId}/benefits`)).json()).toEqual([]);
  });

  it('splits the amount across contributing units exactly, and guards against a second claim', async () => {
    const res = await create(member, {
      orgId: w.orgs.branchA.id,
      periodFrom: '2025-01-01',
      periodTo: '2025-06-30',
      beforeValueFen: 0,
      afterValueFen: 100_001,
      periodCount: 1,
      implementationCostFen: 0,
      attribution: [
        { orgId: w.orgs.workshopA.id, share: 33.33 },
        { orgId: w.orgs.branchA.id, share: 33.33 },
        { orgId: w.orgs.workshopB.id, share: 33.34 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.amountFen).toBe(100_001);
    expect(b.attribution.map((a: { amountFen: number }) => a.amountFen)).toEqual([33_330, 33_330, 33_341]);
    // same unit, a sub-unit or a parent, with an overlapping period: refused, naming the existing record
    for (const orgId of [w.orgs.branchA.id, w.orgs.workshopA.id, w.orgs.entA.id]) {
      const dup = await create(leader, { orgId, periodFrom: '2025-06-30', periodTo: '2025-12-31' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'benefits.duplicate', details: { existingId: b.id } });
    }
    // the next period is fine
    const next = await create(leader, {
      orgId: w.orgs.branchA.id,
      periodFrom: '2025-07-01',
      periodTo: '2025-12-31',
    });
    expect(next.statusCode).toBe(201);
    // editing into an overlap is refused too
    const n = next.json();
    expect(
      (
        await k.patch(leader, `/api/benefits/${n.id}`, { periodFrom: '2025-06-01', version: n.version })
      ).json().error.code,
    ).toBe('benefits.duplicate');
    expect((await k.audit(admin, 'benefit', b.id))[0]).toMatchObject({
      action: 'benefits.create',
      actorUserId: w.users.memberA.id,
    });
  });

  it('goes through finance sign-off; rejection frees the claim; totals add verified only', async () => {
    const period = { periodFrom: '2024-01-01', periodTo: '2024-12-31' };
    let b = (await create(leader, period)).json();
    expect((await act(entA, b, 'verify')).json().error.code).toBe('benefits.invalid_transition');
    b = (await act(leader, b, 'submit')).json();
    expect(
      (await k.patch(leader, `/api/benefits/${b.id}`, { basis: '改一下', version: b.version })).json().error
        .code,
    ).toBe('benefits.not_editable');
    expect((await act(member, b, 'verify')).statusCode).toBe(403);
    expect((await act(entB, b, 'verify')).statusCode).toBe(404);
    expect((await act(entA, b, 'reject')).json().error.details.fields).toEqual({ opinion: '请填写退回原因' });
    const totalsBefore = (await k.get(entA, `/api/benefits/totals?resultId=${resultId}`)).json();
    expect(totalsBefore.pendingCount).toBeGreaterThan(0);
    // finance's queue lists it
    const queue = (await k.get(entA, '/api/benefits?status=submitted')).json();
    expect(queue.items.map((x: { id: number }) => x.id)).toContain(b.id);
    expect((await k.get(leader, '/api/benefits')).statusCode).toBe(403);
    b = (await act(entA, b, 'reject', { opinion: '缺少财务凭证' })).json();
    expect(b).toMatchObject({ status: 'rejected', verifyOpinion: '缺少财务凭证' });
    // the rejected calculation no longer claims its period: a corrected one can be entered
    let c = (
      await create(leader, { ...period, basis: '按财务凭证重新测算，每月节约打磨费 4,000 元。' })
    ).json();
    expect((await act(leader, b, 'revise')).json().error.code).toBe('benefits.duplicate');
    c = (await act(leader, c, 'submit')).json();
    const stale = await act(entA, { id: c.id, version: c.version - 1 }, 'verify');
    expect(stale.json().error.code).toBe('conflict.stale');
    c = (
      await act(entA, c, 'verify', {
        verifierName: '财务部 李会计',
        verifiedOn: '2025-02-10',
        opinion: '凭证齐全',
      })
    ).json();
    expect(c).toMatchObject({ status: 'verified', verifierName: '财务部 李会计', verifiedOn: '2025-02-10' });
    expect(c.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'verify']);

    const totals = (await k.get(leader, `/api/benefits/totals?resultId=${resultId}`)).json();
    expect(totals).toMatchObject({ basis: 'verified', verifiedBenefitFen: c.amountFen, verifiedCount: 1 });
    expect(
      (await k.get(leader, `/api/benefits/totals?resultId=${resultId}&year=2025`)).json().verifiedBenefitFen,
    ).toBe(c.amountFen);
    expect(
      (await k.get(leader, `/api/benefits/totals?resultId=${resultId}&year=2024`)).json().verifiedBenefitFen,
    ).toBe(0);
    expect(
      (await k.get(entA, `/api/benefits/totals?orgId=${w.orgs.entA.id}`)).json().verifiedBenefitFen,
    ).toBe(c.amountFen);
    expect(
      (await k.get(leader, `/api/benefits/totals?personId=${w.users.leaderA.personId}`)).json()
        .verifiedBenefitFen,
    ).toBe(c.amountFen);
    expect((await k.get(entB, `/api/benefits/totals?resultId=${resultId}`)).statusCode).toBe(404);
    expect((await k.get(entB, `/api/benefits/totals?orgId=${w.orgs.entA.id}`)).statusCode).toBe(400);
    expect(
      (await k.get(leader, `/api/benefits/totals?resultId=${resultId}&orgId=${w.orgs.entA.id}`)).statusCode,
    ).toBe(400);
    expect((await k.get(null, `/api/benefits/totals?resultId=${resultId}`)).statusCode).toBe(401);
    // a verified calculation is final
    expect((await k.post(leader, `/api/benefits/${c.id}/archive`, { version: c.version })).statusCode).toBe(
      403,
    );
  });

  it('archives and restores a draft, with audit', async () => {
    let d = (await create(leader, { periodFrom: '2023-01-01', periodTo: '2023-06-30' })).json();
    d = (await k.post(leader, `/api/benefits/${d.id}/archive`, { version: d.version })).json();
    expect(d.archivedAt).not.toBeNull();
    // archived claims do not block
    const again = await create(leader, { periodFrom: '2023-01-01', periodTo: '2023-06-30' });
    expect(again.statusCode).toBe(201);
    const refused = await k.post(leader, `/api/benefits/${d.id}/restore`, { version: d.version });
    expect(refused.json().error.code).toBe('benefits.duplicate');
    expect((await k.audit(admin, 'benefit', d.id)).map((a) => a.action)).toEqual([
      'benefits.archive',
      'benefits.create',
    ]);
  });
});
