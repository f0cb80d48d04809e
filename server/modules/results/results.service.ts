import { eq, inArray, sql } from 'drizzle-orm';
import type {
  Result,
  ResultCreate,
  ResultKind,
  ResultListItem,
  ResultListQuery,
  ResultUpdate,
} from '../../../common/schemas/results.js';
import { type ResultStatus, resultEditableStatuses } from '../../../common/workflows/result.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, invalidFields, mapUniqueViolation } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { users } from '../accounts/accounts.table.js';
import { eventsOf, nextArchiveNo, recordEvent } from '../innovation/innovation.events.js';
import { peopleByIds } from '../innovation/innovation.lookup.js';
import { actorViewOf, seesInMarket, seesInScope, todayOf } from '../innovation/innovation.scope.js';
import { projects } from '../projects/projects.table.js';
import { searchDocumentOf } from '../similarity/similarity.text.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { resultErrors } from './results.errors.js';
import {
  canAdopt,
  checkContributors,
  checkPatent,
  normalisePatentNo,
  resultAbilities,
  resultRolesOf,
} from './results.policy.js';
import * as repo from './results.repository.js';
import { suggestedGrade } from './results.sheet.js';
import { results } from './results.table.js';

const tsv = (doc: string) => sql`to_tsvector('simple', ${doc})`;
/** The text a result is found by (its search_text tsvector is built from it). */
export const docOf = (r: {
  title: string;
  problem: string;
  principle?: string | null;
  innovationPoints?: string | null;
  field?: string | null;
}) => searchDocumentOf([r.title, r.problem, r.principle, r.innovationPoints, r.field]);

export function toResultListItem(r: repo.ResultJoined): ResultListItem {
  const x = r.result;
  return {
    id: x.id,
    archiveNo: x.archiveNo,
    kind: x.kind as ResultKind,
    title: x.title,
    field: x.field,
    status: x.status as ResultStatus,
    year: x.year,
    studioId: x.studioId,
    studioName: r.studioName,
    orgName: r.orgName,
    projectId: x.projectId,
    contributorNames: r.contributorNames,
    implementedOn: x.implementedOn,
    grade: x.grade as ResultListItem['grade'],
    award: x.award,
    recognisedOn: x.recognisedOn,
    confidential: x.confidential,
    patentType: x.patentType as ResultListItem['patentType'],
    patentStatus: x.patentStatus as ResultListItem['patentStatus'],
    verifiedBenefitFen: r.verifiedBenefitFen,
    archivedAt: x.archivedAt,
    updatedAt: x.updatedAt,
  };
}

export const staleResult = (row: repo.ResultJoined) =>
  conflict('conflict.stale', { current: { ...toResultListItem(row), version: row.result.version } });

/**
 * Loads a result the actor may see — through their scope (studio, admins, assigned experts; confidential
 * ones only within the enterprise) or through the group-wide market — with their workflow roles.
 * Throws results.not_found (404) otherwise.
 */
export async function loadResult(ctx: Ctx, id: number) {
  const row = await repo.findResultRow({ db: ctx.db, id });
  if (!row) throw resultErrors.notFound();
  const view = await actorViewOf(ctx);
  const x = row.result;
  const reviewers = await repo.reviewersOf({ db: ctx.db, resultId: id });
  const isReviewer = reviewers.some((r) => r.userId === ctx.actor.userId);
  const inScope = seesInScope(view, {
    studioId: x.studioId,
    orgPath: row.orgPath,
    confidential: x.confidential,
    isReviewer,
  });
  const inMarket = seesInMarket(view, {
    orgPath: row.orgPath,
    confidential: x.confidential,
    status: x.status,
    archivedAt: x.archivedAt,
  });
  if (!inScope && !inMarket) throw resultErrors.notFound();
  const memberRole = view.memberRoles.get(x.studioId) ?? null;
  const roles = inScope ? resultRolesOf(ctx.actor, { orgPath: row.orgPath, memberRole, isReviewer }) : [];
  return {
    row,
    view,
    roles,
    isReviewer,
    reviewers,
    mode: inScope ? ('scope' as const) : ('market' as const),
    inMarket,
  };
}

/** Gets a result with contributors, patent, review (for reviewers), history and the caller's abilities. */
export async function getResult({ ctx, id }: { ctx: Ctx; id: number }): Promise<Result> {
  const { row, roles, reviewers, mode, inMarket } = await loadResult(ctx, id);
  const x = row.result;
  const [contributors, scores, events, reviewerUsers] = await Promise.all([
    repo.contributorsOf({ db: ctx.db, resultId: id }),
    repo.scoresOf({ db: ctx.db, resultId: id }),
    eventsOf({ db: ctx.db, entityType: 'result', entityId: id }),
    reviewers.length
      ? ctx.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(
            inArray(
              users.id,
              reviewers.map((r) => r.userId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const seesAllScores = roles.includes('reviewer') || roles.includes('recogniser');
  const visibleScores = seesAllScores ? scores : scores.filter((s) => s.reviewerUserId === ctx.actor.userId);
  const status = x.status as ResultStatus;
  return {
    ...toResultListItem(row),
    projectTitle: row.projectTitle,
    problem: x.problem,
    principle: x.principle,
    innovationPoints: x.innovationPoints,
    media: x.media,
    contributors: contributors.map((c) => ({ ...c, role: c.role as 'main' | 'participant' })),
    patent:
      x.patentType && x.patentApplicationNo && x.patentFiledOn
        ? {
            type: x.patentType as 'invention',
            applicationNo: x.patentApplicationNo,
            filedOn: x.patentFiledOn,
            grantedOn: x.patentGrantedOn,
            status: x.patentStatus as 'filing',
          }
        : null,
    scoreAvg: seesAllScores || status === 'recognised' ? x.scoreAvg : null,
    scoreSheet: x.scoreSheet,
    scores: visibleScores.map((s) => ({
      reviewerUserId: s.reviewerUserId,
      reviewerName: s.reviewerName,
      items: s.items,
      total: s.total,
      opinion: s.opinion,
      scoredAt: s.scoredAt,
    })),
    reviewers: seesAllScores
      ? reviewerUsers.map((u) => ({
          userId: u.id,
          name: u.name,
          scored: scores.some((s) => s.reviewerUserId === u.id),
        }))
      : [],
    suggestedGrade: seesAllScores && x.scoreSheet ? suggestedGrade(x.scoreSheet, averageOf(scores)) : null,
    events,
    view: mode,
    version: x.version,
    abilities: resultAbilities(status, roles, {
      archived: x.archivedAt !== null,
      marketVisible: inMarket,
      adopter: canAdopt(ctx.actor, row.orgPath),
    }),
  };
}

/** Average of the experts' totals, two decimals; null with no scores. */
export function averageOf(scores: readonly { total: number }[]): number | null {
  if (!scores.length) return null;
  return Math.round((scores.reduce((a, s) => a + s.total, 0) / scores.length) * 100) / 100;
}

/** Finds a page of the results the actor sees (kind, status, year, studio, project, org subtree, patent type, text). */
export async function findResults({ ctx, query }: { ctx: Ctx; query: ResultListQuery }) {
  const view = await actorViewOf(ctx);
  const { items, total } = await repo.findResults({ db: ctx.db, view, query });
  return pageResult(items.map(toResultListItem), total, query);
}

/** Validates contributors, patent and project link; throws request.invalid with Chinese field messages. */
async function checkResultInput(
  ctx: Ctx,
  studioId: number,
  v: {
    kind: ResultKind;
    contributors?: ResultCreate['contributors'];
    patent?: ResultCreate['patent'];
    projectId?: number | null;
  },
) {
  const fields: Record<string, string> = {};
  if (v.contributors) {
    const known = await peopleByIds({ db: ctx.db, ids: v.contributors.map((c) => c.personId) });
    Object.assign(fields, checkContributors(v.contributors, new Set(known.keys())));
  }
  Object.assign(fields, checkPatent(v.kind, v.patent));
  if (v.projectId) {
    const [p] = await ctx.db
      .select({ studioId: projects.studioId })
      .from(projects)
      .where(eq(projects.id, v.projectId));
    if (!p || p.studioId !== studioId) fields.projectId = '课题不存在或不属于该工作室';
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
}

const patentColumns = (p: ResultCreate['patent']) => ({
  patentType: p?.type ?? null,
  patentApplicationNo: p ? normalisePatentNo(p.applicationNo) : null,
  patentFiledOn: p?.filedOn ?? null,
  patentGrantedOn: p?.grantedOn ?? null,
  patentStatus: p?.status ?? null,
});
const patentTaken = { results_patent_no_key: resultErrors.patentNoTaken };

/** Enters a result (草稿) for a studio the actor contributes to; assigns its archive number CG-<year>-<seq>. */
export async function createResult({ ctx, input }: { ctx: Ctx; input: ResultCreate }): Promise<Result> {
  const access = await getStudioAccess({ ctx, id: input.studioId, need: 'contribute' });
  if (access.studio.archivedAt) throw invalidFields({ studioId: '工作室已归档，不能新建成果' });
  await checkResultInput(ctx, input.studioId, input);
  const year = Number(todayOf(ctx).slice(0, 4));
  const id = await ctx.db.transaction(async (tx) => {
    const archiveNo = await nextArchiveNo({ db: tx, prefix: 'CG', year });
    const { contributors, patent, ...fields } = input;
    const [row] = await tx
      .insert(results)
      .values({
        ...fields,
        archiveNo,
        year,
        projectId: fields.projectId ?? null,
        field: fields.field ?? access.studio.field ?? null,
        principle: fields.principle ?? null,
        innovationPoints: fields.innovationPoints ?? null,
        implementedOn: fields.implementedOn ?? null,
        ...patentColumns(patent),
        status: 'draft',
        createdBy: ctx.actor.userId,
        searchText: tsv(docOf(fields)) as never,
      })
      .returning()
      .catch((e) => mapUniqueViolation(e, patentTaken));
    const r = row!;
    await repo.replaceContributors({ db: tx, resultId: r.id, list: contributors });
    await recordEvent(tx, ctx, { entityType: 'result', entityId: r.id, action: 'create', to: 'draft' });
    const { searchText: _s, ...after } = r;
    await recordAudit(tx, ctx, {
      action: 'results.create',
      entityType: 'result',
      entityId: r.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: { ...after, contributors },
    });
    return r.id;
  });
  return getResult({ ctx, id });
}

/** Edits a draft or returned result (its studio); 409 results.not_editable otherwise, conflict.stale on a stale version. */
export async function updateResult({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ResultUpdate;
}): Promise<Result> {
  const { row, roles } = await loadResult(ctx, id);
  const before = row.result;
  if (!roles.includes('studio')) throw forbidden();
  if (before.archivedAt || !resultEditableStatuses.includes(before.status as ResultStatus))
    throw resultErrors.notEditable();
  const kind = input.kind ?? (before.kind as ResultKind);
  const patent =
    input.patent !== undefined
      ? input.patent
      : before.patentType
        ? {
            type: before.patentType as 'invention',
            applicationNo: before.patentApplicationNo!,
            filedOn: before.patentFiledOn!,
            grantedOn: before.patentGrantedOn,
            status: before.patentStatus as 'filing',
          }
        : null;
  await checkResultInput(ctx, before.studioId, {
    kind,
    contributors: input.contributors,
    patent,
    projectId: input.projectId,
  });
  const { version, contributors, patent: _p, ...set } = input;
  const merged = { ...before, ...set };
  await ctx.db.transaction(async (tx) => {
    const updated = await repo
      .updateResultRow({
        db: tx,
        id,
        version,
        now: ctx.clock.now().toISOString(),
        set: {
          ...set,
          ...(input.patent !== undefined ? patentColumns(input.patent) : {}),
          searchText: tsv(docOf(merged)) as never,
        },
      })
      .catch((e) => mapUniqueViolation(e, patentTaken));
    if (!updated) throw staleResult(row);
    if (contributors) await repo.replaceContributors({ db: tx, resultId: id, list: contributors });
    const { searchText: _a, ...b } = before;
    const { searchText: _b, ...a } = updated;
    await recordAudit(tx, ctx, {
      action: 'results.update',
      entityType: 'result',
      entityId: id,
      orgPath: row.orgPath,
      before: b,
      after: { ...a, ...(contributors ? { contributors } : {}) },
    });
  });
  return getResult({ ctx, id });
}

/** Archives (soft-deletes) or restores a result. */
export async function setResultArchived({
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
  const { row, roles, inMarket } = await loadResult(ctx, id);
  const abilities = resultAbilities(row.result.status as ResultStatus, roles, {
    archived: row.result.archivedAt !== null,
    marketVisible: inMarket,
    adopter: false,
  });
  if (!(archived ? abilities.archive : abilities.restore)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const updated = await repo.updateResultRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!updated) throw staleResult(row);
    await recordAudit(tx, ctx, {
      action: archived ? 'results.archive' : 'results.restore',
      entityType: 'result',
      entityId: id,
      orgPath: row.orgPath,
      before: { archivedAt: row.result.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getResult({ ctx, id });
}
