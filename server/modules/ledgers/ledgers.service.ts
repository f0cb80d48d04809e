import type { LedgerExportQuery, LedgerKind } from '../../../common/schemas/ledgers.js';
import { scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { invalidFields } from '../../core/errors.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { currentYear } from '../stats/stats.service.js';
import { type Ledger, type LedgerFilter, ledgers } from './ledgers.definitions.js';
import { countLedger } from './ledgers.writer.js';

export interface LedgerPlan {
  ledger: Ledger;
  filter: LedgerFilter;
  filename: string;
  orgId: number;
}

/**
 * Checks and resolves a ledger export: the org must lie in the actor's ledgers.export scope (404 otherwise) and
 * the period must be ordered (400 with field details). The period defaults to the current year.
 */
export async function planLedgerExport({
  ctx,
  kind,
  query,
}: {
  ctx: Ctx;
  kind: LedgerKind;
  query: LedgerExportQuery;
}): Promise<LedgerPlan> {
  const org = await orgsRepo.findOrgInScope({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'ledgers.export'),
    id: query.orgId,
  });
  if (!org || org.archivedAt) throw orgErrors.notFound();
  const y = currentYear(ctx);
  const start = query.from ?? `${y}-01-01`;
  const end = query.to ?? `${y}-12-31`;
  if (start > end)
    throw invalidFields({
      to: ctx.lang === 'en' ? 'The end date is before the start date' : '截止日期不能早于起始日期',
    });
  const ledger = ledgers[kind];
  return {
    ledger,
    filter: { under: `${org.path}%`, start, end },
    filename: `${ledger.title}-${org.name}-${start}至${end}.xlsx`,
    orgId: org.id,
  };
}

/** How many rows each ledger would hold for the org and period (for the export page). */
export async function countLedgers({ ctx, query }: { ctx: Ctx; query: LedgerExportQuery }) {
  const out: Partial<Record<LedgerKind, number>> = {};
  for (const kind of Object.keys(ledgers) as LedgerKind[]) {
    const plan = await planLedgerExport({ ctx, kind, query });
    out[kind] = await countLedger(ctx.db, plan.ledger, plan.filter);
  }
  return out as Record<LedgerKind, number>;
}
