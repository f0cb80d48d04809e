import type {
  Expense,
  ExpenseCategory,
  ExpenseCreate,
  ExpenseDetail,
  ExpenseListQuery,
  ExpenseTransition,
  ExpenseUpdate,
  FundBalance,
} from '../../../common/schemas/funds.js';
import {
  type ExpenseAction,
  type ExpenseActorRole,
  type ExpenseStatus,
  editableExpenseStatuses,
  expenseActions,
  expenseMove,
} from '../../../common/workflows/fund-expenses.js';
import type { Actor } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError, conflict, forbidden, invalidFields, withCurrentOnStale } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import {
  actorMemberships,
  allows,
  assertStudioActive,
  isAdminOver,
  studioAccessFor,
  studioVisibility,
  toIso,
} from '../activities/studio-life.access.js';
import { fundErrors } from './funds.errors.js';
import * as repo from './funds.repository.js';

export const studioNotFound = () => new AppError('studios.not_found', 404);

/** The workflow roles an actor holds on a studio's expenses. */
export function expenseRolesOf(actor: Actor, orgPath: string, memberRole: string | null): ExpenseActorRole[] {
  const roles: ExpenseActorRole[] = [];
  if (memberRole === 'leader') roles.push('leader');
  if (isAdminOver(actor, orgPath)) roles.push('admin');
  return roles;
}

function toExpense(ctx: Ctx, memberships: Map<number, string>, r: repo.ExpenseJoined): Expense {
  const e = r.e;
  const roles = expenseRolesOf(ctx.actor, r.orgPath, memberships.get(e.studioId) ?? null);
  const status = e.status as ExpenseStatus;
  const manage = allows(ctx, memberships, e.studioId, r.orgPath, 'manage');
  const editable = editableExpenseStatuses.includes(status) && !e.archivedAt;
  const ab: Record<string, boolean> = {
    update: manage && editable,
    attach: manage && editable,
    archive: manage && editable,
    restore: manage && !!e.archivedAt,
  };
  for (const a of expenseActions) {
    const selfDecision = (a === 'approve' || a === 'reject') && e.submittedBy === ctx.actor.userId;
    ab[a] = !e.archivedAt && !selfDecision && expenseMove(status, a, roles).ok;
  }
  return {
    id: e.id,
    studioId: e.studioId,
    studioName: r.studioName,
    year: e.year,
    category: e.category as ExpenseCategory,
    amountFen: e.amountFen,
    spentOn: e.spentOn,
    payee: e.payee,
    description: e.description,
    status,
    submittedAt: toIso(e.submittedAt),
    decidedAt: toIso(e.decidedAt),
    decisionNote: e.decisionNote,
    receiptCount: r.receiptCount,
    archivedAt: toIso(e.archivedAt),
    version: e.version,
    updatedAt: toIso(e.updatedAt),
    abilities: ab,
  };
}

async function loadExpense(ctx: Ctx, id: number) {
  const row = await repo.getExpenseJoined({ db: ctx.db, id });
  if (!row) throw fundErrors.expenseNotFound();
  const access = await studioAccessFor({
    ctx,
    studioId: row.e.studioId,
    need: 'contribute',
    notFound: fundErrors.expenseNotFound,
  });
  return { row, access };
}

/** A studio's balance: allocations − approved − pending expenses, all years. Readable by its contributors. */
export async function getFundBalance({
  ctx,
  studioId,
}: {
  ctx: Ctx;
  studioId: number;
}): Promise<FundBalance> {
  await studioAccessFor({ ctx, studioId, need: 'contribute', notFound: studioNotFound });
  return repo.balanceOf({ db: ctx.db, studioId });
}

/** Refuses committing `amountFen` beyond what is available (call inside the transaction, after the lock). */
async function assertAffordable(db: Db, studioId: number, amountFen: number, excludeExpenseId?: number) {
  await repo.lockStudioFunds({ db, studioId });
  const b = await repo.balanceOf({ db, studioId, excludeExpenseId });
  if (amountFen > b.availableFen) throw fundErrors.insufficientBalance(b.availableFen, amountFen);
}

/** Finds a page of expenses of the studios the actor administers or belongs to. */
export async function findExpenses({ ctx, query }: { ctx: Ctx; query: ExpenseListQuery }) {
  const [{ items, total }, m] = await Promise.all([
    repo.findExpenses({ db: ctx.db, visible: studioVisibility(ctx, 'contribute'), query }),
    actorMemberships(ctx),
  ]);
  return pageResult(
    items.map((r) => toExpense(ctx, m, r)),
    total,
    query,
  );
}

/** One expense with its workflow history and the studio's balance. Throws funds.expense_not_found. */
export async function getExpense({ ctx, id }: { ctx: Ctx; id: number }): Promise<ExpenseDetail> {
  const { row } = await loadExpense(ctx, id);
  const [events, balance, m] = await Promise.all([
    repo.listExpenseEvents({ db: ctx.db, expenseId: id }),
    repo.balanceOf({ db: ctx.db, studioId: row.e.studioId }),
    actorMemberships(ctx),
  ]);
  return {
    ...toExpense(ctx, m, row),
    events: events.map((e) => ({ ...e, at: toIso(e.at) })),
    balance,
  };
}

/** Drafts an expense for a studio the actor manages (its leader or an admin). Audited. */
export async function createExpense({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ExpenseCreate;
}): Promise<ExpenseDetail> {
  const access = await studioAccessFor({
    ctx,
    studioId: input.studioId,
    need: 'manage',
    notFound: studioNotFound,
  });
  assertStudioActive(access.studio);
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const row = await repo.insertExpense({
      db: tx,
      values: {
        ...input,
        payee: input.payee ?? null,
        year: Number(input.spentOn.slice(0, 4)),
        status: 'draft',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'funds.expense.create',
      entityType: 'fund_expense',
      entityId: row.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: row,
    });
    return row.id;
  });
  return getExpense({ ctx, id });
}

/** Edits a draft or rejected expense. funds.not_editable (409) once submitted or approved. */
export async function updateExpense({ ctx, id, input }: { ctx: Ctx; id: number; input: ExpenseUpdate }) {
  const { row, access } = await loadExpense(ctx, id);
  if (!allows(ctx, await actorMemberships(ctx), row.e.studioId, row.orgPath, 'manage')) throw forbidden();
  if (!editableExpenseStatuses.includes(row.e.status as ExpenseStatus) || row.e.archivedAt)
    throw fundErrors.notEditable(row.e.status);
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const { version, ...set } = input;
        const updated = await repo.updateExpenseRow({
          db: tx,
          id,
          version,
          set: { ...set, ...(set.spentOn ? { year: Number(set.spentOn.slice(0, 4)) } : {}) },
          now: ctx.clock.now().toISOString(),
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'funds.expense.update',
          entityType: 'fund_expense',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: row.e,
          after: updated,
        });
      }),
    () => getExpense({ ctx, id }),
  );
  return getExpense({ ctx, id });
}

/**
 * Moves an expense through the approval workflow (common/workflows/fund-expenses.ts). Submitting needs a
 * receipt; submitting and approving are refused beyond the studio's available balance
 * (funds.insufficient_balance, with balance and amount); nobody decides on what they submitted;
 * a rejection needs a note. Refused moves: funds.invalid_transition (409) or auth.forbidden (403).
 */
export async function transitionExpense({
  ctx,
  id,
  action,
  input,
}: {
  ctx: Ctx;
  id: number;
  action: ExpenseAction;
  input: ExpenseTransition;
}): Promise<ExpenseDetail> {
  const { row, access } = await loadExpense(ctx, id);
  const e = row.e;
  const roles = expenseRolesOf(ctx.actor, access.orgPath, access.memberRole);
  if (e.archivedAt) throw fundErrors.invalidTransition(e.status, action);
  const move = expenseMove(e.status as ExpenseStatus, action, roles);
  if (!move.ok)
    throw move.reason === 'forbidden' ? forbidden() : fundErrors.invalidTransition(e.status, action);
  if ((action === 'approve' || action === 'reject') && e.submittedBy === ctx.actor.userId)
    throw fundErrors.selfApproval();
  if (action === 'reject' && !input.note) throw invalidFields({ note: '请填写退回意见' });
  if (action === 'submit' && row.receiptCount === 0) throw fundErrors.receiptRequired();
  const now = ctx.clock.now().toISOString();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        if (action === 'submit' || action === 'approve')
          await assertAffordable(tx, e.studioId, e.amountFen, e.id);
        const set: Partial<typeof e> = { status: move.to };
        if (action === 'submit')
          Object.assign(set, {
            submittedAt: now,
            submittedBy: ctx.actor.userId,
            decidedAt: null,
            decidedBy: null,
          });
        if (action === 'approve' || action === 'reject')
          Object.assign(set, {
            decidedAt: now,
            decidedBy: ctx.actor.userId,
            decisionNote: input.note ?? null,
          });
        const updated = await repo.updateExpenseRow({ db: tx, id, version: input.version, set, now });
        if (!updated) throw conflict('conflict.stale');
        await repo.insertExpenseEvent({
          db: tx,
          values: {
            expenseId: id,
            action,
            fromStatus: e.status,
            toStatus: move.to,
            actorUserId: ctx.actor.userId,
            actorName: ctx.actor.name,
            note: input.note ?? null,
            at: now,
          },
        });
        await recordAudit(tx, ctx, {
          action: `funds.expense.${action}`,
          entityType: 'fund_expense',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: { status: e.status },
          after: { status: move.to, note: input.note ?? null },
        });
      }),
    () => getExpense({ ctx, id }),
  );
  return getExpense({ ctx, id });
}

/** Archives or restores a draft or rejected expense (leader or admin). */
export async function setExpenseArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}) {
  const { row, access } = await loadExpense(ctx, id);
  if (!allows(ctx, await actorMemberships(ctx), row.e.studioId, row.orgPath, 'manage')) throw forbidden();
  if (!editableExpenseStatuses.includes(row.e.status as ExpenseStatus))
    throw fundErrors.notEditable(row.e.status);
  if (!!row.e.archivedAt === archived) return getExpense({ ctx, id });
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now().toISOString();
        const updated = await repo.updateExpenseRow({
          db: tx,
          id,
          version,
          set: { archivedAt: archived ? now : null },
          now,
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: archived ? 'funds.expense.archive' : 'funds.expense.restore',
          entityType: 'fund_expense',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: { archivedAt: row.e.archivedAt },
          after: { archivedAt: updated.archivedAt },
        });
      }),
    () => getExpense({ ctx, id }),
  );
  return getExpense({ ctx, id });
}
