import type { Benefit, BenefitActionBody } from '../../../common/schemas/benefits.js';
import {
  type BenefitAction,
  type BenefitStatus,
  benefitTransition,
} from '../../../common/workflows/benefit.js';
import { can } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, invalidFields } from '../../core/errors.js';
import { recordEvent } from '../innovation/innovation.events.js';
import { todayOf } from '../innovation/innovation.scope.js';
import { benefitErrors } from './benefits.errors.js';
import * as repo from './benefits.repository.js';
import { abilitiesOf, getBenefit, guard, loadBenefit } from './benefits.service.js';
import type { benefits } from './benefits.table.js';

// The finance sign-off workflow of benefit calculations (common/workflows/benefit.ts) and archiving.

/**
 * A workflow step on a calculation (common/workflows/benefit.ts). `verify` is the finance sign-off and
 * records who signed (name, default the caller), when and the opinion; its author can never verify it
 * (403 benefits.self_verify). `reject` needs an opinion; `revise` re-runs the duplicate guard.
 */
export async function actOnBenefit({
  ctx,
  id,
  action,
  body,
}: {
  ctx: Ctx;
  id: number;
  action: BenefitAction;
  body: BenefitActionBody;
}): Promise<Benefit> {
  const { row, roles } = await loadBenefit(ctx, id);
  const b = row.benefit;
  const status = b.status as BenefitStatus;
  const t = b.archivedAt ? null : benefitTransition(status, action);
  if (!t) throw benefitErrors.invalidTransition(status, action);
  if (
    t.who.includes('finance') &&
    b.createdBy === ctx.actor.userId &&
    can(ctx.actor, 'benefits.verify', row.orgPath)
  )
    throw benefitErrors.selfVerify();
  if (!t.who.some((w) => roles.includes(w))) throw forbidden();
  if (action === 'reject' && !body.opinion) throw invalidFields({ opinion: '请填写退回原因' });
  const now = ctx.clock.now().toISOString();
  const set: Partial<typeof benefits.$inferInsert> = { status: t.to };
  if (action === 'submit') set.submittedAt = now;
  if (action === 'verify')
    Object.assign(set, {
      verifiedBy: ctx.actor.userId,
      verifierName: body.verifierName ?? ctx.actor.name,
      verifiedOn: body.verifiedOn ?? todayOf(ctx),
      verifyOpinion: body.opinion ?? null,
    });
  if (action === 'reject')
    Object.assign(set, { verifyOpinion: body.opinion, verifierName: body.verifierName ?? ctx.actor.name });
  await ctx.db.transaction(async (tx) => {
    if (action === 'revise')
      await guard(tx, b.resultId, {
        id,
        orgPath: row.orgPath,
        periodFrom: b.periodFrom,
        periodTo: b.periodTo,
      });
    const updated = await repo.updateBenefitRow({ db: tx, id, version: body.version, set, now });
    if (!updated) throw conflict('conflict.stale', { current: { id, version: b.version, status } });
    await recordEvent(tx, ctx, {
      entityType: 'benefit',
      entityId: id,
      action,
      from: status,
      to: t.to,
      opinion: body.opinion ?? null,
    });
    await recordAudit(tx, ctx, {
      action: `benefits.${action}`,
      entityType: 'benefit',
      entityId: id,
      orgId: b.orgId,
      orgPath: row.orgPath,
      before: { status },
      after: {
        status: t.to,
        verifierName: set.verifierName ?? null,
        verifiedOn: set.verifiedOn ?? null,
        opinion: body.opinion ?? null,
      },
    });
  });
  return getBenefit({ ctx, id });
}

/** Archives a draft or rejected calculation, or restores one (the guard runs again on restore). */
export async function setBenefitArchived({
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
  const { row, roles } = await loadBenefit(ctx, id);
  const b = row.benefit;
  const abilities = abilitiesOf(b.status as BenefitStatus, roles, b.archivedAt !== null);
  if (!(archived ? abilities.archive : abilities.restore)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    if (!archived && b.status !== 'rejected')
      await guard(tx, b.resultId, {
        id,
        orgPath: row.orgPath,
        periodFrom: b.periodFrom,
        periodTo: b.periodTo,
      });
    const now = ctx.clock.now().toISOString();
    const updated = await repo.updateBenefitRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!updated) throw conflict('conflict.stale', { current: { id, version: b.version, status: b.status } });
    await recordAudit(tx, ctx, {
      action: archived ? 'benefits.archive' : 'benefits.restore',
      entityType: 'benefit',
      entityId: id,
      orgPath: row.orgPath,
      before: { archivedAt: b.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getBenefit({ ctx, id });
}
