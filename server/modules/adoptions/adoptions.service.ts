import type {
  Adoption,
  AdoptionCreate,
  AdoptionUpdate,
  MarketItem,
  MarketQuery,
} from '../../../common/schemas/adoptions.js';
import type { ResultGrade, ResultKind } from '../../../common/schemas/results.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, mapUniqueViolation, withCurrentOnStale } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { actorViewOf, enterprisePrefixOf } from '../innovation/innovation.scope.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { loadResult } from '../results/results.service.js';
import { adoptionErrors } from './adoptions.errors.js';
import * as repo from './adoptions.repository.js';
import { adoptions } from './adoptions.table.js';

function toAdoption(ctx: Ctx, r: repo.AdoptionJoined): Adoption {
  const a = r.adoption;
  const mine = can(ctx.actor, 'adoptions.record', r.orgPath);
  return {
    id: a.id,
    resultId: a.resultId,
    resultTitle: r.resultTitle,
    orgId: a.orgId,
    orgName: r.orgName,
    enterpriseName: r.enterpriseName ?? r.orgName,
    adoptedOn: a.adoptedOn,
    site: a.site,
    scope: a.scope,
    contact: a.contact,
    note: a.note,
    verifiedBenefitFen: r.verifiedBenefitFen,
    createdByName: a.createdByName,
    archivedAt: a.archivedAt,
    version: a.version,
    abilities: {
      update: mine && !a.archivedAt,
      archive: mine && !a.archivedAt,
      restore: mine && a.archivedAt !== null,
      addBenefit: mine && !a.archivedAt,
    },
  };
}

/** The adoptions of a result the caller sees (in scope or through the market), each with its verified benefit. */
export async function listAdoptions({ ctx, resultId }: { ctx: Ctx; resultId: number }) {
  await loadResult(ctx, resultId);
  const rows = await repo.adoptionsOfResult({ db: ctx.db, resultId, includeArchived: false });
  return rows.map((r) => toAdoption(ctx, r));
}

/**
 * Records that a unit of another enterprise adopted a recognised, non-confidential result: where, when,
 * in what scope. Needs adoptions.record over the adopting unit. Throws adoptions.not_available (409),
 * adoptions.same_enterprise (400), adoptions.duplicate (409), orgs.not_found (404) for an unseen unit.
 */
export async function createAdoption({
  ctx,
  resultId,
  input,
}: {
  ctx: Ctx;
  resultId: number;
  input: AdoptionCreate;
}) {
  const res = await loadResult(ctx, resultId);
  if (!res.inMarket) throw adoptionErrors.notAvailable();
  const org = await findOrgInScope({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), id: input.orgId });
  if (!org || org.archivedAt)
    throw new AppError('orgs.not_found', 404, { fields: { orgId: '单位不存在或无权访问' } });
  if (!can(ctx.actor, 'adoptions.record', org.path)) throw forbidden();
  if (org.path.startsWith(enterprisePrefixOf(res.row.orgPath))) throw adoptionErrors.sameEnterprise();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(adoptions)
      .values({
        ...input,
        resultId,
        contact: input.contact ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.name,
      })
      .returning()
      .catch((e) => mapUniqueViolation(e, { adoptions_active_key: adoptionErrors.duplicate }));
    await recordAudit(tx, ctx, {
      action: 'adoptions.create',
      entityType: 'adoption',
      entityId: row!.id,
      orgId: org.id,
      orgPath: org.path,
      after: row,
    });
    return row!.id;
  });
  return getAdoption({ ctx, id });
}

async function loadAdoption(ctx: Ctx, id: number) {
  const row = await repo.findAdoptionRow({ db: ctx.db, id });
  if (!row) throw adoptionErrors.notFound();
  try {
    await loadResult(ctx, row.adoption.resultId);
  } catch (e) {
    // The adopter keeps seeing their own record even if the result later leaves the market.
    if (!(e instanceof AppError && e.status === 404 && can(ctx.actor, 'adoptions.record', row.orgPath)))
      throw adoptionErrors.notFound();
  }
  return row;
}

/** Gets one adoption (visible with its result). */
export async function getAdoption({ ctx, id }: { ctx: Ctx; id: number }): Promise<Adoption> {
  return toAdoption(ctx, await loadAdoption(ctx, id));
}

/** Edits an adoption's place, date, scope or notes (the adopting unit's admin); conflict.stale on a stale version. */
export async function updateAdoption({ ctx, id, input }: { ctx: Ctx; id: number; input: AdoptionUpdate }) {
  const row = await loadAdoption(ctx, id);
  if (!can(ctx.actor, 'adoptions.record', row.orgPath) || row.adoption.archivedAt) throw forbidden();
  const { version, ...set } = input;
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const updated = await repo.updateAdoptionRow({
          db: tx,
          id,
          version,
          set,
          now: ctx.clock.now().toISOString(),
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'adoptions.update',
          entityType: 'adoption',
          entityId: id,
          orgPath: row.orgPath,
          before: row.adoption,
          after: updated,
        });
      }),
    () => getAdoption({ ctx, id }),
  );
  return getAdoption({ ctx, id });
}

/** Archives (withdraws) or restores an adoption record. */
export async function setAdoptionArchived({
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
  const row = await loadAdoption(ctx, id);
  if (!can(ctx.actor, 'adoptions.record', row.orgPath) || (row.adoption.archivedAt !== null) === archived)
    throw forbidden();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now().toISOString();
        const updated = await repo
          .updateAdoptionRow({ db: tx, id, version, set: { archivedAt: archived ? now : null }, now })
          .catch((e) => mapUniqueViolation(e, { adoptions_active_key: adoptionErrors.duplicate }));
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: archived ? 'adoptions.archive' : 'adoptions.restore',
          entityType: 'adoption',
          entityId: id,
          orgPath: row.orgPath,
          before: { archivedAt: row.adoption.archivedAt },
          after: { archivedAt: updated.archivedAt },
        });
      }),
    () => getAdoption({ ctx, id }),
  );
  return getAdoption({ ctx, id });
}

/** The group-wide results market for any logged-in user of the group, filtered by kind, field and text. */
export async function findMarket({ ctx, query }: { ctx: Ctx; query: MarketQuery }) {
  const view = await actorViewOf(ctx);
  const { items, total } = await repo.findMarket({ db: ctx.db, view, query });
  return pageResult(
    items.map(
      (r): MarketItem => ({
        id: r.result.id,
        archiveNo: r.result.archiveNo,
        kind: r.result.kind as ResultKind,
        title: r.result.title,
        field: r.result.field,
        problem: r.result.problem,
        studioName: r.studioName,
        enterpriseName: r.enterpriseName ?? r.hostOrgName,
        recognisedOn: r.result.recognisedOn,
        grade: r.result.grade as ResultGrade | null,
        award: r.result.award,
        verifiedBenefitFen: r.verifiedBenefitFen,
        adoptionCount: r.adoptionCount,
      }),
    ),
    total,
    query,
  );
}
