import { and, eq, isNull } from 'drizzle-orm';
import type { Result, ResultActionBody, ScoreInput } from '../../../common/schemas/results.js';
import { type ResultAction, type ResultStatus, resultTransition } from '../../../common/workflows/result.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { forbidden, invalidFields } from '../../core/errors.js';
import { roleGrants, users } from '../accounts/accounts.table.js';
import { recordEvent } from '../innovation/innovation.events.js';
import { enterprisePrefixOf, todayOf } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { resultErrors } from './results.errors.js';
import * as repo from './results.repository.js';
import { averageOf, getResult, loadResult, staleResult } from './results.service.js';
import { resolveResultSheet, scoreAgainstSheet, suggestedGrade } from './results.sheet.js';
import { resultReviewers, resultScores, results } from './results.table.js';

/** Experts who may score a result of the studio at `orgPath`: an expert grant over it, and not of the studio's enterprise. */
async function eligibleExperts(ctx: Ctx, orgPath: string) {
  const own = enterprisePrefixOf(orgPath);
  const rows = await ctx.db
    .select({ userId: users.id, name: users.displayName, grantPath: orgs.path, personId: users.personId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(and(eq(roleGrants.role, 'expert'), eq(users.disabled, false)));
  const covering = rows.filter((r) => orgPath.startsWith(r.grantPath));
  const personOrgs = new Map<number, { path: string; name: string }>();
  for (const r of covering) {
    if (r.personId === null || personOrgs.has(r.personId)) continue;
    const [p] = await ctx.db
      .select({ path: orgs.path, name: orgs.name })
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.orgId))
      .where(eq(people.id, r.personId));
    if (p) personOrgs.set(r.personId, p);
  }
  const byUser = new Map<
    number,
    { userId: number; name: string; orgName: string | null; conflict: boolean }
  >();
  for (const r of covering) {
    const po = r.personId !== null ? personOrgs.get(r.personId) : undefined;
    byUser.set(r.userId, {
      userId: r.userId,
      name: r.name,
      orgName: po?.name ?? null,
      conflict: po ? po.path.startsWith(own) : false,
    });
  }
  return byUser;
}

/** The experts a reviewer can assign to a result (those of the studio's own enterprise left out). */
export async function findReviewerCandidates({ ctx, id }: { ctx: Ctx; id: number }) {
  const { row, roles } = await loadResult(ctx, id);
  if (!roles.includes('reviewer')) throw forbidden();
  const experts = await eligibleExperts(ctx, row.orgPath);
  return [...experts.values()].filter((e) => !e.conflict).map(({ conflict: _c, ...e }) => e);
}

/**
 * Takes a workflow action on a result as common/workflows/result.ts allows (409 results.invalid_transition,
 * 403 without the role). `pass` assigns the experts and pins the current score sheet version; `recognise`
 * needs at least one score and sets grade, award and date; `return` needs an opinion.
 */
export async function actOnResult({
  ctx,
  id,
  action,
  body,
}: {
  ctx: Ctx;
  id: number;
  action: Exclude<ResultAction, 'score'>;
  body: ResultActionBody;
}): Promise<Result> {
  const { row, roles, mode } = await loadResult(ctx, id);
  const x = row.result;
  const status = x.status as ResultStatus;
  const t = x.archivedAt ? null : resultTransition(status, action);
  if (!t) throw resultErrors.invalidTransition(status, action);
  if (mode === 'market' || !t.who.some((w) => roles.includes(w))) throw forbidden();
  const set: Partial<typeof results.$inferInsert> = { status: t.to };
  let reviewerIds: number[] = [];
  if (action === 'return' && !body.opinion) throw invalidFields({ opinion: '请填写退回意见' });
  if (action === 'pass') {
    reviewerIds = [...new Set(body.reviewerUserIds ?? [])];
    if (!reviewerIds.length) throw invalidFields({ reviewerUserIds: '请选择至少一位评审专家' });
    const experts = await eligibleExperts(ctx, row.orgPath);
    reviewerIds.forEach((uid, i) => {
      const e = experts.get(uid);
      if (!e) throw resultErrors.reviewerInvalid(`reviewerUserIds.${i}`);
      if (e.conflict) throw resultErrors.reviewerConflict(`reviewerUserIds.${i}`);
    });
    set.scoreSheet = await resolveResultSheet({ db: ctx.db });
  }
  if (action === 'recognise') {
    const scores = await repo.scoresOf({ db: ctx.db, resultId: id });
    if (!scores.length) throw resultErrors.noScores();
    const avg = averageOf(scores);
    const grade = body.grade ?? (x.scoreSheet ? suggestedGrade(x.scoreSheet, avg) : null);
    if (!grade) throw invalidFields({ grade: '请选择认定等级' });
    Object.assign(set, {
      grade,
      award: body.award ?? null,
      recognisedOn: body.on ?? todayOf(ctx),
      scoreAvg: avg,
    });
  }
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateResultRow({
      db: tx,
      id,
      version: body.version,
      set,
      now: ctx.clock.now().toISOString(),
    });
    if (!updated) throw staleResult(row);
    if (action === 'pass') {
      await tx.delete(resultReviewers).where(eq(resultReviewers.resultId, id));
      await tx.delete(resultScores).where(eq(resultScores.resultId, id));
      await tx.insert(resultReviewers).values(reviewerIds.map((userId) => ({ resultId: id, userId })));
    }
    await recordEvent(tx, ctx, {
      entityType: 'result',
      entityId: id,
      action,
      from: status,
      to: t.to,
      opinion: body.opinion ?? null,
    });
    await recordAudit(tx, ctx, {
      action: `results.${action}`,
      entityType: 'result',
      entityId: id,
      orgPath: row.orgPath,
      before: { status },
      after: {
        status: t.to,
        opinion: body.opinion ?? null,
        ...(action === 'pass'
          ? {
              reviewerUserIds: reviewerIds,
              scoreSheet: {
                source: set.scoreSheet?.source,
                id: set.scoreSheet?.id,
                version: set.scoreSheet?.version,
              },
            }
          : {}),
        ...(action === 'recognise'
          ? { grade: set.grade, award: set.award, recognisedOn: set.recognisedOn, scoreAvg: set.scoreAvg }
          : {}),
      },
    });
  });
  return getResult({ ctx, id });
}

/**
 * An assigned expert scores a result in 评审打分 on its pinned sheet; 经济效益 is computed from the
 * finance-verified benefit. Re-scoring replaces the expert's card until the result is recognised.
 */
export async function scoreResult({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ScoreInput;
}): Promise<Result> {
  const { row, roles, isReviewer } = await loadResult(ctx, id);
  const x = row.result;
  const status = x.status as ResultStatus;
  if (x.archivedAt || !resultTransition(status, 'score'))
    throw resultErrors.invalidTransition(status, 'score');
  if (!isReviewer) throw resultErrors.notReviewer();
  if (!roles.includes('expert')) throw forbidden();
  const sheet = x.scoreSheet ?? (await resolveResultSheet({ db: ctx.db }));
  const scored = scoreAgainstSheet(sheet, input.items, row.verifiedBenefitFen);
  if ('fields' in scored) throw invalidFields(scored.fields);
  await ctx.db.transaction(async (tx) => {
    const values = {
      resultId: id,
      reviewerUserId: ctx.actor.userId,
      reviewerName: ctx.actor.name,
      items: scored.items,
      total: scored.total,
      opinion: input.opinion ?? null,
      scoredAt: ctx.clock.now().toISOString(),
    };
    const [before] = await tx
      .select()
      .from(resultScores)
      .where(and(eq(resultScores.resultId, id), eq(resultScores.reviewerUserId, ctx.actor.userId)));
    await tx
      .insert(resultScores)
      .values(values)
      .onConflictDoUpdate({
        target: [resultScores.resultId, resultScores.reviewerUserId],
        set: { items: values.items, total: values.total, opinion: values.opinion, scoredAt: values.scoredAt },
      });
    await tx
      .update(results)
      .set({ updatedAt: values.scoredAt })
      .where(and(eq(results.id, id), isNull(results.archivedAt)));
    await recordEvent(tx, ctx, {
      entityType: 'result',
      entityId: id,
      action: 'score',
      from: status,
      to: status,
      opinion: `${scored.total} 分`,
    });
    await recordAudit(tx, ctx, {
      action: 'results.score',
      entityType: 'result',
      entityId: id,
      orgPath: row.orgPath,
      before: before ?? null,
      after: {
        items: scored.items,
        total: scored.total,
        opinion: values.opinion,
        sheet: { source: sheet.source, id: sheet.id, version: sheet.version },
      },
    });
  });
  return getResult({ ctx, id });
}
