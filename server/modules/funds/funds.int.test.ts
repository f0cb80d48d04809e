import { eq } from 'drizzle-orm';
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
import {
  auditOf,
  loginAll,
  readXlsx,
  requests,
  studioInA,
  studioInB,
} from '../activities/studio-life.test-support.js';
import { fundAllocations } from './funds.table.js';

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
let png: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t.database);
  r = requests(t);
  ({ admin, entA, entB, leader, member, worker } = await loginAll(t, w));
  studio = await studioInA(t, w, entA);
  studioB = await studioInB(t, w, entB);
  png = await QRCode.toBuffer('receipt', { type: 'png' });
});
afterAll(() => t.close());

async function draft(amountFen: number, extra: Record<string, unknown> = {}, who: Session = leader) {
  const res = await r.post(who, '/api/funds/expenses', {
    studioId: studio.id,
    category: 'equipment',
    amountFen,
    spentOn: '2025-05-06',
    payee: '某数控设备公司',
    description: '采购对刀仪',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function receipt(expenseId: number, who: Session = leader) {
  const f = multipartFile(png, '发票.png');
  return call(t.app, who, {
    method: 'POST',
    url: `/api/files?ownerType=fund_expense&ownerId=${expenseId}&purpose=receipt`,
    ...f,
  });
}
const act = (who: Session, e: { id: number; version: number }, action: string, note?: string) =>
  r.post(who, `/api/funds/expenses/${e.id}/${action}`, { version: e.version, ...(note ? { note } : {}) });

describe('funds', () => {
  it('an admin allocates; leaders and workers cannot; other enterprises see nothing', async () => {
    const alloc = {
      studioId: studio.id,
      year: 2025,
      source: 'unionGrant',
      amountFen: 5_000_000,
      receivedOn: '2025-03-01',
    };
    expect((await r.post(leader, '/api/funds/allocations', alloc)).statusCode).toBe(403);
    expect((await r.post(worker, '/api/funds/allocations', alloc)).statusCode).toBe(403);
    expect((await r.post(entB, '/api/funds/allocations', alloc)).statusCode).toBe(404);
    expect((await r.post(null, '/api/funds/allocations', alloc)).statusCode).toBe(401);
    const bad = await r.post(entA, '/api/funds/allocations', {
      ...alloc,
      source: 'lottery',
      amountFen: 12.5,
      year: 1800,
    });
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['amountFen', 'source', 'year']);
    const res = await r.post(entA, '/api/funds/allocations', alloc);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      amountFen: 5_000_000,
      source: 'unionGrant',
      abilities: { update: true },
    });
    expect((await auditOf(t, admin, 'fund_allocation', res.json().id))[0]!.action).toBe(
      'funds.allocation.create',
    );
    expect((await r.get(leader, '/api/funds/allocations')).json().items[0].abilities.update).toBe(false);
    expect((await r.get(worker, '/api/funds/allocations')).statusCode).toBe(403);
    expect((await r.get(entB, `/api/funds/allocations/${res.json().id}`)).json().error.code).toBe(
      'funds.allocation_not_found',
    );
    expect((await r.get(member, `/api/studios/${studio.id}/fund-balance`)).json()).toMatchObject({
      allocatedFen: 5_000_000,
      availableFen: 5_000_000,
    });
  });

  it('runs the approval workflow with receipts, history and audit; refuses self-approval and silent rejection', async () => {
    const e = await draft(1_200_000);
    const noReceipt = await act(leader, e, 'submit');
    expect(noReceipt.json().error.code).toBe('funds.receipt_required');
    expect((await receipt(e.id, member)).statusCode).toBe(403);
    expect((await receipt(e.id)).statusCode).toBe(201);
    const submitted = await act(leader, e, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      receiptCount: 1,
      balance: { pendingFen: 1_200_000, availableFen: 3_800_000 },
    });
    expect(submitted.json().abilities).toMatchObject({ approve: false, withdraw: true, update: false });
    const late = await receipt(e.id);
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe('funds.not_editable');
    // Listing the receipts still works for everyone who may read them (the upload ability is just off).
    const files = await r.get(entA, `/api/files?ownerType=fund_expense&ownerId=${e.id}&purpose=receipt`);
    expect(files.statusCode, files.body).toBe(200);
    expect(files.json()).toHaveLength(1);
    expect(
      (
        await r.patch(leader, `/api/funds/expenses/${e.id}`, {
          amountFen: 1,
          version: submitted.json().version,
        })
      ).json().error.code,
    ).toBe('funds.not_editable');
    expect((await act(leader, submitted.json(), 'approve')).statusCode).toBe(403);
    expect((await act(entB, submitted.json(), 'approve')).statusCode).toBe(404);
    expect((await act(entA, submitted.json(), 'reject')).json().error.details.fields.note).toBe(
      '请填写退回意见',
    );
    const rejected = await act(entA, submitted.json(), 'reject', '请补充验收单');
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '请补充验收单' });
    const revised = await act(leader, rejected.json(), 'revise');
    const again = await act(leader, revised.json(), 'submit');
    const approved = await act(entA, again.json(), 'approve', '同意');
    expect(approved.json()).toMatchObject({
      status: 'approved',
      balance: { approvedFen: 1_200_000, pendingFen: 0 },
    });
    expect(approved.json().events.map((x: any) => x.action)).toEqual([
      'submit',
      'reject',
      'revise',
      'submit',
      'approve',
    ]);
    expect(approved.json().events[1]).toMatchObject({
      note: '请补充验收单',
      fromStatus: 'submitted',
      toStatus: 'rejected',
    });
    expect((await act(entA, approved.json(), 'approve')).json().error.code).toBe('funds.invalid_transition');
    const actions = (await auditOf(t, admin, 'fund_expense', e.id)).map((a) => a.action);
    expect(actions.slice(0, 5)).toEqual([
      'funds.expense.approve',
      'funds.expense.submit',
      'funds.expense.revise',
      'funds.expense.reject',
      'funds.expense.submit',
    ]);
    // An admin who submitted cannot approve their own expense.
    const own = await draft(10_000, {}, entA);
    await receipt(own.id, entA);
    const ownSubmitted = await act(entA, own, 'submit');
    expect((await act(entA, ownSubmitted.json(), 'approve')).json().error.code).toBe('funds.self_approval');
    expect((await act(admin, ownSubmitted.json(), 'approve')).json().status).toBe('approved');
  });

  it('refuses spending beyond the balance on submit and on approve, with the amounts', async () => {
    const b0 = (await r.get(leader, `/api/studios/${studio.id}/fund-balance`)).json();
    const big = await draft(b0.availableFen + 1, { category: 'training', description: '外派培训' });
    await receipt(big.id);
    const refused = await act(leader, big, 'submit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'funds.insufficient_balance',
      message: '经费余额不足：可用余额小于申请金额，不能提交或批准',
      details: { balanceFen: b0.availableFen, requestedFen: b0.availableFen + 1 },
    });
    expect(refused.json().error.details.message).toMatch(/^可用余额 ¥[\d,]+\.\d{2}，本次金额/);
    expect((await r.get(leader, `/api/funds/expenses/${big.id}`)).json().status).toBe('draft');
    // Allocations cannot be cut or archived below what is committed.
    const fits = await draft(b0.availableFen, { category: 'project', description: '课题材料' });
    await receipt(fits.id);
    const sub = (await act(leader, fits, 'submit')).json();
    const allocs = (await r.get(entA, `/api/funds/allocations?studioId=${studio.id}`)).json().items;
    const cut = await r.patch(entA, `/api/funds/allocations/${allocs[0].id}`, {
      amountFen: 100,
      version: allocs[0].version,
    });
    expect(cut.json().error.code).toBe('funds.insufficient_balance');
    const extra = (
      await r.post(admin, '/api/funds/allocations', {
        studioId: studio.id,
        year: 2025,
        source: 'upperAward',
        amountFen: 50_000,
      })
    ).json();
    expect(
      (
        await r.post(admin, `/api/funds/allocations/${allocs[0].id}/archive`, { version: allocs[0].version })
      ).json().error.code,
    ).toBe('funds.insufficient_balance');
    const archivedExtra = await r.post(admin, `/api/funds/allocations/${extra.id}/archive`, {
      version: extra.version,
    });
    expect(archivedExtra.statusCode).toBe(200);
    // Approval re-checks the balance: money withdrawn behind the API's back (e.g. a concurrent correction) blocks it.
    await t.database.db
      .update(fundAllocations)
      .set({ amountFen: 4_000_000 })
      .where(eq(fundAllocations.id, allocs[0].id));
    const blocked = await act(entA, sub, 'approve');
    expect(blocked.json().error).toMatchObject({
      code: 'funds.insufficient_balance',
      details: { requestedFen: b0.availableFen },
    });
    expect((await r.get(leader, `/api/funds/expenses/${fits.id}`)).json().status).toBe('submitted');
    await t.database.db
      .update(fundAllocations)
      .set({ amountFen: 5_000_000 })
      .where(eq(fundAllocations.id, allocs[0].id));
    expect((await act(entA, sub, 'approve')).statusCode).toBe(200);
    expect((await r.get(leader, `/api/studios/${studio.id}/fund-balance`)).json().availableFen).toBe(0);
  });

  it('reports budget vs actual per studio and year, lists and exports every list', async () => {
    const s = (await r.get(leader, '/api/funds/summary?year=2025')).json();
    const row = s.rows.find((x: any) => x.studioId === studio.id);
    expect(row).toMatchObject({
      allocatedFen: 5_000_000,
      bySource: { unionGrant: 5_000_000, upperAward: 0 },
      pendingFen: 0,
      remainingFen: 0,
    });
    expect(row.approvedFen).toBe(5_000_000);
    expect(row.byCategory.equipment).toBe(1_210_000);
    expect(row.executionRate).toBe(1);
    expect(
      (await r.get(entB, '/api/funds/summary?year=2025')).json().rows.map((x: any) => x.studioId),
    ).not.toContain(studio.id);
    expect((await r.get(leader, '/api/funds/summary')).statusCode).toBe(400);
    const sum = await readXlsx((await r.get(leader, '/api/funds/summary/export?year=2025')).rawPayload);
    expect(sum['2025年经费执行']!.at(-1)![0]).toBe('合计');
    expect(sum['2025年经费执行']!.some((x) => x[0] === studio.name && x.includes(50000))).toBe(true);
    const exp = await readXlsx(
      (await r.get(entA, `/api/funds/expenses/export?studioId=${studio.id}`)).rawPayload,
    );
    expect(exp.经费支出!.some((x) => x.includes('已批准') && x.includes(12000))).toBe(true);
    const alloc = await readXlsx(
      (await r.get(entA, `/api/funds/allocations/export?studioId=${studio.id}&year=2025`)).rawPayload,
    );
    expect(alloc.经费拨款!.some((x) => x.includes('工会补助') && x.includes(50000))).toBe(true);
    const filtered = (
      await r.get(entA, `/api/funds/expenses?studioId=${studio.id}&status=approved&category=equipment`)
    ).json();
    expect(filtered.items.every((x: any) => x.status === 'approved' && x.category === 'equipment')).toBe(
      true,
    );
    expect((await r.get(entB, `/api/funds/expenses?studioId=${studio.id}`)).json().total).toBe(0);
    expect((await r.get(worker, '/api/funds/expenses')).statusCode).toBe(403);
    expect(
      (
        await r.post(leader, '/api/funds/expenses', {
          studioId: studioB.id,
          category: 'project',
          amountFen: 1,
          spentOn: '2025-01-01',
          description: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});
