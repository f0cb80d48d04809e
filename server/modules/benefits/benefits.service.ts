import { and, eq } from 'drizzle-orm';
import type {
  Benefit,
  BenefitCreate,
  BenefitListQuery,
  BenefitUpdate,
} from '../../../common/schemas/benefits.js';
import {
  type BenefitStatus,
  type BenefitWorkflowRole,
  benefitActions,
  benefitActionsFor,
  benefitEditableStatuses,
} from '../../../common/workflows/benefit.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalidFields } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { adoptions } from '../adoptions/adoptions.table.js';
import { eventsOf, recordEvent } from '../innovation/innovation.events.js';
import { orgsByIds } from '../innovation/innovation.lookup.js';
import { enterprisePrefixOf, groupRootOf } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { loadResult } from '../results/results.service.js';
import {
  calculateBenefitFen,
  findDuplicateBenefit,
  sharesSumTo100,
  sharesTotal,
  splitByShares,
} from './benefit.calc.js';
import { benefitErrors } from './benefits.errors.js';
import * as repo from './benefits.repository.js';
import { benefits } from './benefits.table.js';

type Loaded = Awaited<ReturnType<typeof loadResult>>;

/** Roles on one calculation: its author side (studio, or the adopting enterprise's admin) and finance (not the author). */
export function rolesOn(
  ctx: Ctx,
  res: Loaded,
  b: { orgPath: string; adoptionOrgPath: string | null; createdBy: number | null },
) {
  const roles: BenefitWorkflowRole[] = [];
  const author = b.adoptionOrgPath
    ? can(ctx.actor, 'adoptions.record', b.adoptionOrgPath)
    : res.roles.includes('studio');
  if (author) roles.push('author');
  if (can(ctx.actor, 'benefits.verify', b.orgPath) && b.createdBy !== ctx.actor.userId) roles.push('finance');
  return roles;
}

export function abilitiesOf(status: BenefitStatus, roles: BenefitWorkflowRole[], archived: boolean) {
  const allowed = archived ? [] : benefitActionsFor(status, roles);
  const out: Record<string, boolean> = {};
  for (const a of benefitActions) out[a] = allowed.includes(a);
  const author = roles.includes('author');
  out.update = !archived && author && benefitEditableStatuses.includes(status);
  out.archive = !archived && author && (status === 'draft' || status === 'rejected');
  out.restore = archived && author;
  return out;
}

async function toBenefits(ctx: Ctx, res: Loaded, rows: repo.BenefitJoined[]): Promise<Benefit[]> {
  const attrs = await repo.attributionsOf({ db: ctx.db, benefitIds: rows.map((r) => r.benefit.id) });
  return Promise.all(
    rows.map(async (r) => {
      const b = r.benefit;
      const roles = rolesOn(ctx, res, {
        orgPath: r.orgPath,
        adoptionOrgPath: r.adoptionOrgPath,
        createdBy: b.createdBy,
      });
      return {
        id: b.id,
        resultId: b.resultId,
        resultTitle: r.resultTitle,
        resultArchiveNo: r.resultArchiveNo,
        adoptionId: b.adoptionId,
        orgId: b.orgId,
        orgName: r.orgName,
        periodFrom: b.periodFrom,
        periodTo: b.periodTo,
        beforeValueFen: b.beforeValueFen,
        afterValueFen: b.afterValueFen,
        periodCount: b.periodCount,
        periodUnit: b.periodUnit as Benefit['periodUnit'],
        implementationCostFen: b.implementationCostFen,
        amountFen: b.amountFen,
        basis: b.basis,
        attribution: attrs.filter((a) => a.benefitId === b.id).map(({ benefitId: _b, ...a }) => a),
        status: b.status as BenefitStatus,
        createdByName: b.createdByName,
        verifierName: b.verifierName,
        verifiedOn: b.verifiedOn,
        verifyOpinion: b.verifyOpinion,
        events: await eventsOf({ db: ctx.db, entityType: 'benefit', entityId: b.id }),
        archivedAt: b.archivedAt,
        version: b.version,
        updatedAt: b.updatedAt,
        abilities: abilitiesOf(b.status as BenefitStatus, roles, b.archivedAt !== null),
      };
    }),
  );
}

/** Whether the caller sees a calculation: in scope of the result, verified, or theirs to author or verify. */
function visibleTo(ctx: Ctx, res: Loaded, r: repo.BenefitJoined) {
  if (res.mode === 'scope' || r.benefit.status === 'verified') return true;
  return (
    rolesOn(ctx, res, {
      orgPath: r.orgPath,
      adoptionOrgPath: r.adoptionOrgPath,
      createdBy: r.benefit.createdBy,
    }).length > 0
  );
}

/** A result's calculations the caller may see (market viewers: verified ones and their own adoption's). */
export async function listResultBenefits({ ctx, resultId }: { ctx: Ctx; resultId: number }) {
  const res = await loadResult(ctx, resultId);
  const rows = (await repo.benefitsOfResult({ db: ctx.db, resultId })).filter((r) => visibleTo(ctx, res, r));
  return toBenefits(ctx, res, rows);
}

export async function loadBenefit(ctx: Ctx, id: number) {
  const row = await repo.findBenefitRow({ db: ctx.db, id });
  if (!row) throw benefitErrors.notFound();
  let res: Loaded;
  try {
    res = await loadResult(ctx, row.benefit.resultId);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw benefitErrors.notFound();
    throw e;
  }
  if (!visibleTo(ctx, res, row)) throw benefitErrors.notFound();
  const roles = rolesOn(ctx, res, {
    orgPath: row.orgPath,
    adoptionOrgPath: row.adoptionOrgPath,
    createdBy: row.benefit.createdBy,
  });
  return { row, res, roles };
}

/** Gets one calculation with its attribution and sign-off history. */
export async function getBenefit({ ctx, id }: { ctx: Ctx; id: number }): Promise<Benefit> {
  const { row, res } = await loadBenefit(ctx, id);
  return (await toBenefits(ctx, res, [row]))[0]!;
}

/** The finance queue: calculations in the caller's benefits.verify scope. */
export async function findBenefits({ ctx, query }: { ctx: Ctx; query: BenefitListQuery }) {
  const { items, total } = await repo.findBenefits({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'benefits.verify'),
    query,
  });
  const out: Benefit[] = [];
  for (const r of items) {
    const res = await loadResult(ctx, r.benefit.resultId).catch(() => null);
    if (res) out.push(...(await toBenefits(ctx, res, [r])));
  }
  return pageResult(out, total, query);
}

type Figures = Pick<
  BenefitCreate,
  'periodFrom' | 'periodTo' | 'beforeValueFen' | 'afterValueFen' | 'periodCount' | 'implementationCostFen'
>;

/**
 * Checks the figures, the unit and the attribution; returns the amount, the unit's path and the attribution
 * split. Field messages are Chinese.
 */
async function checkCalculation(
  ctx: Ctx,
  f: Figures & { orgId: number; attribution?: BenefitCreate['attribution'] },
  allowedUnder: string,
  unitMessage: string,
) {
  const fields: Record<string, string> = {};
  if (f.periodTo < f.periodFrom) fields.periodTo = '期间结束日期不能早于开始日期';
  const amountFen = calculateBenefitFen(f);
  if (amountFen < 0) fields.implementationCostFen = '实施成本超过增效，净效益为负，无需登记经济效益';
  const attribution = f.attribution ?? [{ orgId: f.orgId, share: 100 }];
  const found = await orgsByIds({ db: ctx.db, ids: [f.orgId, ...attribution.map((a) => a.orgId)] });
  const unit = found.get(f.orgId);
  if (!unit?.path.startsWith(allowedUnder)) fields.orgId = unitMessage;
  const seen = new Set<number>();
  attribution.forEach((a, i) => {
    const o = found.get(a.orgId);
    if (!o || groupRootOf(o.path) !== groupRootOf(allowedUnder))
      fields[`attribution.${i}.orgId`] = '单位不存在或不在本集团内';
    else if (seen.has(a.orgId)) fields[`attribution.${i}.orgId`] = '单位重复';
    seen.add(a.orgId);
  });
  if (!sharesSumTo100(attribution.map((a) => a.share)))
    fields.attribution = `各单位分摊比例合计须为 100%，当前为 ${sharesTotal(attribution.map((a) => a.share))}%`;
  if (Object.keys(fields).length) throw invalidFields(fields);
  const parts = splitByShares(
    amountFen,
    attribution.map((a) => ({ key: a.orgId, share: a.share })),
  );
  return {
    amountFen,
    orgPath: unit!.path,
    parts: parts.map((p, i) => ({ orgId: p.key, share: attribution[i]!.share, amountFen: p.amountFen })),
  };
}

/** Runs the duplicate guard for `resultId` inside `tx` (after taking the result's benefit lock). */
export async function guard(
  tx: Ctx['db'],
  resultId: number,
  candidate: { id?: number; orgPath: string; periodFrom: string; periodTo: string },
) {
  await repo.lockResultBenefits({ db: tx, resultId });
  const claims = await repo.claimsOfResult({ db: tx, resultId });
  const dup = findDuplicateBenefit(
    claims.map((c) => ({ ...c, status: c.status as BenefitStatus })),
    candidate,
  );
  if (dup) throw benefitErrors.duplicate(dup.id);
}

/**
 * Records a benefit calculation (草稿) for a result's own use (its studio, a unit of the studio's
 * enterprise) or for one of its adoptions (the adopting enterprise's admin, a unit of the adopter).
 * Refuses a second claim on the same result, unit and overlapping period: 409 benefits.duplicate.
 */
export async function createBenefit({
  ctx,
  resultId,
  input,
}: {
  ctx: Ctx;
  resultId: number;
  input: BenefitCreate;
}): Promise<Benefit> {
  const res = await loadResult(ctx, resultId);
  if (res.row.result.archivedAt) throw forbidden();
  let orgId: number;
  let allowedUnder: string;
  let unitMessage: string;
  if (input.adoptionId) {
    const [a] = await ctx.db
      .select({
        id: adoptions.id,
        orgId: adoptions.orgId,
        orgPath: orgs.path,
        archivedAt: adoptions.archivedAt,
      })
      .from(adoptions)
      .innerJoin(orgs, eq(orgs.id, adoptions.orgId))
      .where(and(eq(adoptions.id, input.adoptionId), eq(adoptions.resultId, resultId)));
    if (!a || a.archivedAt) throw invalidFields({ adoptionId: '推广应用记录不存在或不属于该成果' });
    if (!can(ctx.actor, 'adoptions.record', a.orgPath)) throw forbidden();
    orgId = input.orgId ?? a.orgId;
    allowedUnder = a.orgPath;
    unitMessage = '成效单位须为推广应用单位或其下级单位';
  } else {
    if (!res.roles.includes('studio')) throw forbidden();
    const ent = enterprisePrefixOf(res.row.orgPath);
    orgId = input.orgId ?? Number(ent.split('/').filter(Boolean).at(-1));
    allowedUnder = ent;
    unitMessage = '成效单位须在工作室所在企业内；其他企业的效益请通过推广应用登记';
  }
  const calc = await checkCalculation(ctx, { ...input, orgId }, allowedUnder, unitMessage);
  const id = await ctx.db.transaction(async (tx) => {
    await guard(tx, resultId, {
      orgPath: calc.orgPath,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
    });
    const { attribution: _a, adoptionId, orgId: _o, ...figures } = input;
    const [b] = await tx
      .insert(benefits)
      .values({
        ...figures,
        resultId,
        adoptionId: adoptionId ?? null,
        orgId,
        amountFen: calc.amountFen,
        status: 'draft',
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.name,
      })
      .returning();
    await repo.replaceAttributions({ db: tx, benefitId: b!.id, parts: calc.parts });
    await recordEvent(tx, ctx, { entityType: 'benefit', entityId: b!.id, action: 'create', to: 'draft' });
    await recordAudit(tx, ctx, {
      action: 'benefits.create',
      entityType: 'benefit',
      entityId: b!.id,
      orgId,
      orgPath: calc.orgPath,
      after: { ...b, attribution: calc.parts },
    });
    return b!.id;
  });
  return getBenefit({ ctx, id });
}

/** Edits a draft calculation (its author); the guard runs again on the new unit and period. */
export async function updateBenefit({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: BenefitUpdate;
}): Promise<Benefit> {
  const { row, roles } = await loadBenefit(ctx, id);
  const b = row.benefit;
  if (!roles.includes('author')) throw forbidden();
  if (b.archivedAt || !benefitEditableStatuses.includes(b.status as BenefitStatus))
    throw benefitErrors.notEditable();
  const { version, attribution, ...set } = input;
  const merged = { ...b, ...set };
  const current = await repo.attributionsOf({ db: ctx.db, benefitIds: [id] });
  const allowedUnder =
    row.adoptionOrgPath ?? enterprisePrefixOf((await loadResult(ctx, b.resultId)).row.orgPath);
  const calc = await checkCalculation(
    ctx,
    { ...merged, attribution: attribution ?? current.map((a) => ({ orgId: a.orgId, share: a.share })) },
    allowedUnder,
    row.adoptionOrgPath ? '成效单位须为推广应用单位或其下级单位' : '成效单位须在工作室所在企业内',
  );
  await ctx.db.transaction(async (tx) => {
    await guard(tx, b.resultId, {
      id,
      orgPath: calc.orgPath,
      periodFrom: merged.periodFrom,
      periodTo: merged.periodTo,
    });
    const updated = await repo.updateBenefitRow({
      db: tx,
      id,
      version,
      set: { ...set, amountFen: calc.amountFen },
      now: ctx.clock.now().toISOString(),
    });
    if (!updated) throw conflict('conflict.stale', { current: { id, version: b.version, status: b.status } });
    await repo.replaceAttributions({ db: tx, benefitId: id, parts: calc.parts });
    await recordAudit(tx, ctx, {
      action: 'benefits.update',
      entityType: 'benefit',
      entityId: id,
      orgPath: calc.orgPath,
      before: { ...b, attribution: current },
      after: { ...updated, attribution: calc.parts },
    });
  });
  return getBenefit({ ctx, id });
}
