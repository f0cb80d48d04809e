import type {
  Allocation,
  AllocationCreate,
  AllocationListQuery,
  AllocationUpdate,
  FundSource,
} from '../../../common/schemas/funds.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, withCurrentOnStale } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import {
  assertStudioActive,
  isAdminOver,
  studioAccessFor,
  studioVisibility,
  toIso,
} from '../activities/studio-life.access.js';
import { fundErrors } from './funds.errors.js';
import * as repo from './funds.repository.js';
import { studioNotFound } from './funds.service.js';

function toAllocation(ctx: Ctx, r: repo.AllocationJoined): Allocation {
  const admin = isAdminOver(ctx.actor, r.orgPath);
  return {
    id: r.a.id,
    studioId: r.a.studioId,
    studioName: r.studioName,
    year: r.a.year,
    source: r.a.source as FundSource,
    amountFen: r.a.amountFen,
    receivedOn: r.a.receivedOn,
    note: r.a.note,
    archivedAt: toIso(r.a.archivedAt),
    version: r.a.version,
    updatedAt: toIso(r.a.updatedAt),
    abilities: {
      update: admin && !r.a.archivedAt,
      archive: admin && !r.a.archivedAt,
      restore: admin && !!r.a.archivedAt,
    },
  };
}

async function loadAllocation(ctx: Ctx, id: number) {
  const row = await repo.getAllocationJoined({ db: ctx.db, id });
  if (!row) throw fundErrors.allocationNotFound();
  const access = await studioAccessFor({
    ctx,
    studioId: row.a.studioId,
    need: 'contribute',
    notFound: fundErrors.allocationNotFound,
  });
  return { row, access };
}

/** Finds a page of allocations of the studios the actor administers or belongs to. */
export async function findAllocations({ ctx, query }: { ctx: Ctx; query: AllocationListQuery }) {
  const { items, total } = await repo.findAllocations({
    db: ctx.db,
    visible: studioVisibility(ctx, 'contribute'),
    query,
  });
  return pageResult(
    items.map((r) => toAllocation(ctx, r)),
    total,
    query,
  );
}

/** One allocation. Throws funds.allocation_not_found. */
export async function getAllocation({ ctx, id }: { ctx: Ctx; id: number }) {
  return toAllocation(ctx, (await loadAllocation(ctx, id)).row);
}

/** Records money given to a studio (group or enterprise union admin over it). Audited. */
export async function createAllocation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AllocationCreate;
}): Promise<Allocation> {
  const access = await studioAccessFor({
    ctx,
    studioId: input.studioId,
    need: 'read',
    notFound: studioNotFound,
  });
  if (!isAdminOver(ctx.actor, access.orgPath)) throw forbidden();
  assertStudioActive(access.studio);
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const row = await repo.insertAllocation({
      db: tx,
      values: {
        ...input,
        receivedOn: input.receivedOn ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'funds.allocation.create',
      entityType: 'fund_allocation',
      entityId: row.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: row,
    });
    return row.id;
  });
  return getAllocation({ ctx, id });
}

/**
 * Edits an allocation (admins). Lowering it below what is already committed (approved + pending
 * expenses) is refused with funds.insufficient_balance.
 */
export async function updateAllocation({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: AllocationUpdate;
}) {
  const { row, access } = await loadAllocation(ctx, id);
  if (!isAdminOver(ctx.actor, access.orgPath)) throw forbidden();
  if (row.a.archivedAt) throw forbidden();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const { version, ...set } = input;
        if (set.amountFen !== undefined && set.amountFen < row.a.amountFen) {
          await repo.lockStudioFunds({ db: tx, studioId: row.a.studioId });
          const b = await repo.balanceOf({ db: tx, studioId: row.a.studioId });
          const cut = row.a.amountFen - set.amountFen;
          if (cut > b.availableFen) throw fundErrors.insufficientBalance(b.availableFen, cut);
        }
        const updated = await repo.updateAllocationRow({
          db: tx,
          id,
          version,
          set,
          now: ctx.clock.now().toISOString(),
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'funds.allocation.update',
          entityType: 'fund_allocation',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: row.a,
          after: updated,
        });
      }),
    () => getAllocation({ ctx, id }),
  );
  return getAllocation({ ctx, id });
}

/** Archives or restores an allocation; archiving money that is already committed is refused. */
export async function setAllocationArchived({
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
  const { row, access } = await loadAllocation(ctx, id);
  if (!isAdminOver(ctx.actor, access.orgPath)) throw forbidden();
  if (!!row.a.archivedAt === archived) return getAllocation({ ctx, id });
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        if (archived) {
          await repo.lockStudioFunds({ db: tx, studioId: row.a.studioId });
          const b = await repo.balanceOf({ db: tx, studioId: row.a.studioId });
          if (row.a.amountFen > b.availableFen)
            throw fundErrors.insufficientBalance(b.availableFen, row.a.amountFen);
        }
        const now = ctx.clock.now().toISOString();
        const updated = await repo.updateAllocationRow({
          db: tx,
          id,
          version,
          set: { archivedAt: archived ? now : null },
          now,
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: archived ? 'funds.allocation.archive' : 'funds.allocation.restore',
          entityType: 'fund_allocation',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: { archivedAt: row.a.archivedAt },
          after: { archivedAt: updated.archivedAt },
        });
      }),
    () => getAllocation({ ctx, id }),
  );
  return getAllocation({ ctx, id });
}
