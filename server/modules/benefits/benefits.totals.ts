import { and, eq, isNull } from 'drizzle-orm';
import type { BenefitTotals, BenefitTotalsQuery } from '../../../common/schemas/benefits.js';
import { scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { invalidFields } from '../../core/errors.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { getPersonRow } from '../people/people.service.js';
import { loadResult } from '../results/results.service.js';
import { resultContributors, results } from '../results/results.table.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { attributedFen } from './benefit.calc.js';
import * as repo from './benefits.repository.js';
import { benefits } from './benefits.table.js';

/**
 * Verified benefit totals for exactly one subject: a result (own use + adoptions), a studio (its results),
 * an org subtree (by attribution share), or a person (each result's verified total × their contributor
 * share). Only finance-verified calculations are ever summed; those awaiting finance are counted apart.
 * The subject must be visible to the caller (its own not_found otherwise).
 */
export async function getBenefitTotals({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: BenefitTotalsQuery;
}): Promise<BenefitTotals> {
  const subjects = (['resultId', 'studioId', 'orgId', 'personId'] as const).filter(
    (k) => query[k] !== undefined,
  );
  if (subjects.length !== 1)
    throw invalidFields({ _: '请指定且只指定一个统计对象：成果、工作室、单位或人员' });
  const year = query.year;
  if (query.resultId) {
    await loadResult(ctx, query.resultId);
    return {
      basis: 'verified',
      ...(await repo.totalsWhere({ db: ctx.db, where: eq(benefits.resultId, query.resultId), year })),
    };
  }
  if (query.studioId) {
    await getStudioAccess({ ctx, id: query.studioId, need: 'read' });
    const where = and(eq(results.studioId, query.studioId), isNull(results.archivedAt))!;
    return { basis: 'verified', ...(await repo.totalsWhere({ db: ctx.db, where, year })) };
  }
  if (query.orgId) {
    const org = await findOrgInScope({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), id: query.orgId });
    if (!org) throw invalidFields({ orgId: '组织不存在或无权访问' });
    return { basis: 'verified', ...(await repo.totalsForSubtree({ db: ctx.db, orgPath: org.path, year })) };
  }
  const person = await getPersonRow({ ctx, id: query.personId! });
  return { basis: 'verified', ...(await personTotals(ctx, person.id, year)) };
}

/** A person's verified benefit through their shares (year: by the calculations' verification year). */
export async function personTotals(ctx: Ctx, personId: number, year?: number) {
  const rows = await ctx.db
    .select({ resultId: results.id, share: resultContributors.share })
    .from(resultContributors)
    .innerJoin(results, eq(results.id, resultContributors.resultId))
    .where(and(eq(resultContributors.personId, personId), isNull(results.archivedAt)));
  let verifiedBenefitFen = 0;
  let verifiedCount = 0;
  let pendingCount = 0;
  for (const r of rows) {
    const t = await repo.totalsWhere({ db: ctx.db, where: eq(benefits.resultId, r.resultId), year });
    verifiedBenefitFen += attributedFen(t.verifiedBenefitFen, r.share);
    verifiedCount += t.verifiedCount;
    pendingCount += t.pendingCount;
  }
  return { verifiedBenefitFen, verifiedCount, pendingCount };
}
