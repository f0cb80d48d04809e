import { and, count, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type {
  Idea,
  IdeaActionBody,
  IdeaBenefit,
  IdeaDetail,
  IdeaListQuery,
} from '../../../common/schemas/ideas.js';
import {
  type IdeaAction,
  type IdeaStatus,
  ideaAdoptedStatuses,
  ideaOpenStatuses,
  ideaTransition,
} from '../../../common/workflows/idea.js';
import { inScope, scopeOf, underOrg } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, withCurrentOnStale } from '../../core/errors.js';
import { likeText, offsetOf, pageResult } from '../../core/pagination.js';
import { roleGrants, users } from '../accounts/accounts.table.js';
import { notify } from '../notifications/notifications.service.js';
import { closestAdmins } from '../notifications/recipients.js';
import { addTodo, completeTodos } from '../notifications/todos.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { awardPoints } from '../points/points.award.js';
import { addDays, enterprisePrefixOf, recordStep, stepsOf } from './engagement.js';
import { ideaErrors } from './ideas.errors.js';
import { canReadIdea, type IdeaFacts, ideaAbilities, ideaRolesOf } from './ideas.policy.js';
import * as repo from './ideas.repository.js';
import { addAnswerTodo } from './ideas.submit.js';
import { ideaCredits, ideas } from './ideas.table.js';

function factsOf(r: repo.IdeaJoined, credited: boolean): IdeaFacts {
  return {
    orgPath: r.orgPath,
    status: r.idea.status as IdeaStatus,
    handlerUserId: r.idea.handlerUserId,
    submitterUserId: r.idea.submitterUserId,
    credited,
  };
}

function toIdea(ctx: Ctx, r: repo.IdeaJoined, credited: boolean): Idea {
  const i = r.idea;
  const facts = factsOf(r, credited);
  const open = ideaOpenStatuses.includes(facts.status);
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    content: i.content,
    category: i.category as Idea['category'],
    status: facts.status,
    anonymous: i.anonymous,
    submitterName: i.anonymous ? null : r.submitterName,
    orgId: i.orgId,
    orgName: r.orgName,
    handlerUserId: i.handlerUserId,
    handlerName: r.handlerName,
    deadlineAt: i.deadlineAt,
    overdue: open && i.deadlineAt !== null && new Date(i.deadlineAt) < ctx.clock.now(),
    answeredAt: i.answeredAt,
    answer: i.answer,
    mergedIntoId: i.mergedIntoId,
    mergedIntoCode: r.mergedIntoCode,
    benefitFen: i.benefitFen,
    benefitNote: i.benefitNote,
    projectId: i.projectId,
    projectRequestId: i.projectRequestId,
    createdAt: i.createdAt,
    version: i.version,
    abilities: ideaAbilities(ctx.actor, facts).abilities,
  };
}

async function isCredited(db: Db, ideaId: number, personId: number | null) {
  if (personId === null) return false;
  const [c] = await db
    .select({ id: ideaCredits.ideaId })
    .from(ideaCredits)
    .where(and(eq(ideaCredits.ideaId, ideaId), eq(ideaCredits.personId, personId)));
  return c !== undefined;
}

/** Loads an idea the actor may see (ideas.not_found otherwise) with their roles on it. */
export async function loadIdea(ctx: Ctx, id: number) {
  const row = await repo.findIdeaJoined({ db: ctx.db, id });
  if (!row) throw ideaErrors.notFound();
  const credited = await isCredited(ctx.db, id, ctx.actor.personId);
  const facts = factsOf(row, credited);
  if (!canReadIdea(ctx.actor, facts)) throw ideaErrors.notFound();
  return { row, facts, credited, roles: ideaRolesOf(ctx.actor, facts) };
}

/**
 * Lists ideas: `mine` (submitted by or credited to me), `queue` (routed to me and still open — overdue
 * first), or `all` (everything in my ideas.manage scope; 403 without it).
 */
export async function findIdeas({ ctx, query }: { ctx: Ctx; query: IdeaListQuery }) {
  let view: SQL;
  if (query.view === 'mine')
    view = or(eq(ideas.submitterUserId, ctx.actor.userId), repo.creditedTo(ctx.actor.personId))!;
  else if (query.view === 'queue')
    view = and(eq(ideas.handlerUserId, ctx.actor.userId), inArray(ideas.status, [...ideaOpenStatuses]))!;
  else {
    const scope = scopeOf(ctx.actor, 'ideas.manage');
    if (scope.length === 0) throw forbidden();
    view = inScope(orgs.path, scope);
  }
  const now = ctx.clock.now().toISOString();
  const where = and(
    view,
    isNull(ideas.archivedAt),
    query.status ? eq(ideas.status, query.status) : undefined,
    query.category ? eq(ideas.category, query.category) : undefined,
    query.overdue === 'true'
      ? and(inArray(ideas.status, [...ideaOpenStatuses]), lt(ideas.deadlineAt, now))
      : undefined,
    query.q ? or(ilike(ideas.title, likeText(query.q)), ilike(ideas.code, likeText(query.q))) : undefined,
    underOrg(orgs.path, query.orgId),
    query.from
      ? sql`((${ideas.createdAt} AT TIME ZONE 'UTC') + interval '8 hours')::date >= ${query.from}::date`
      : undefined,
    query.to
      ? sql`((${ideas.createdAt} AT TIME ZONE 'UTC') + interval '8 hours')::date <= ${query.to}::date`
      : undefined,
    query.answeredOnTime === 'true'
      ? sql`${ideas.answeredAt} IS NOT NULL AND (${ideas.deadlineAt} IS NULL OR ${ideas.answeredAt} <= ${ideas.deadlineAt})`
      : undefined,
    query.adopted === 'true' ? inArray(ideas.status, ['adopted', 'implemented', 'rewarded']) : undefined,
  );
  const order =
    query.view === 'queue' ? [sql`${ideas.deadlineAt} ASC NULLS LAST`, desc(ideas.id)] : [desc(ideas.id)];
  const [rows, [total]] = await Promise.all([
    repo
      .ideasJoined(ctx.db)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ n: count() }).from(ideas).innerJoin(orgs, eq(orgs.id, ideas.orgId)).where(where),
  ]);
  return pageResult(
    rows.map((r) => toIdea(ctx, r, query.view === 'mine')),
    total?.n ?? 0,
    query,
  );
}

/** An idea with its history, credits, similar earlier ideas (for the handler) and the caller's actions. */
export async function getIdea({ ctx, id }: { ctx: Ctx; id: number }): Promise<IdeaDetail> {
  const { row, facts, credited, roles } = await loadIdea(ctx, id);
  const [steps, credits] = await Promise.all([
    stepsOf({ db: ctx.db, entityType: 'idea', entityId: id }),
    repo.creditsOf({ db: ctx.db, ideaId: id }),
  ]);
  const similar = roles.length
    ? await repo.similarIdeas({
        db: ctx.db,
        text: `${row.idea.title}\n${row.idea.content}`,
        scopePath: enterprisePrefixOf(row.orgPath),
        excludeId: id,
        beforeId: id,
      })
    : [];
  const anonymous = row.idea.anonymous;
  return {
    ...toIdea(ctx, row, credited),
    steps: steps
      .filter((s) => roles.length > 0 || s.public)
      .map((s) => ({
        action: s.action,
        toStatus: s.toStatus,
        note: s.note,
        actorName: s.actorUserId === null || (anonymous && s.action === 'submit') ? null : s.actorName,
        at: s.at,
      })),
    credits: credits.map((c) => ({ ...c, kind: c.kind as 'submitter' | 'merged' })),
    similar: similar.map((s) => ({ ...s, status: s.status as IdeaStatus })),
    actions: ideaAbilities(ctx.actor, facts).actions,
  };
}

/** Login ids of everyone credited with an idea (to tell them about answers). */
async function creditedUserIds(db: Db, ideaId: number): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(ideaCredits)
    .innerJoin(users, eq(users.personId, ideaCredits.personId))
    .where(and(eq(ideaCredits.ideaId, ideaId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

async function creditPoints(tx: Db, ctx: Ctx, ideaId: number, event: string, personIds?: number[]) {
  const credits = await tx.select().from(ideaCredits).where(eq(ideaCredits.ideaId, ideaId));
  for (const c of credits) {
    if (personIds && !personIds.includes(c.personId)) continue;
    await awardPoints({ db: tx, ctx, personId: c.personId, event, cause: { type: 'idea', id: ideaId } });
  }
}

async function checkHandler(ctx: Ctx, userId: number | undefined, ideaPath: string) {
  if (!userId) throw ideaErrors.handlerInvalid();
  const scope = scopeOf(ctx.actor, 'ideas.manage');
  const rows = await ctx.db
    .select({ path: orgs.path })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  const group = ideaPath.split('/').slice(0, 2).join('/');
  const ok = rows.some(
    (r) => r.path.startsWith(`${group}/`) && scope.some((s) => r.path.startsWith(s) || s.startsWith(r.path)),
  );
  if (!ok) throw ideaErrors.handlerInvalid();
}

const answerLabels: Partial<Record<IdeaAction, string>> = {
  adopt: '已采纳',
  implement: '已实施',
  reject: '不采纳',
  merge: '已合并',
};

/**
 * Takes a workflow action on an idea as the table in common/workflows/idea.ts allows: 409
 * ideas.invalid_transition when the status does not allow it, 403 without the role, 400
 * ideas.answer_required when the action needs a written answer. Adopting and implementing credit
 * points to everyone credited; merging credits the later submitter on the earlier idea and tells them.
 */
export async function actOnIdea({
  ctx,
  id,
  action,
  body,
}: {
  ctx: Ctx;
  id: number;
  action: IdeaAction;
  body: IdeaActionBody;
}) {
  const { row, roles } = await loadIdea(ctx, id);
  const idea = row.idea;
  const status = idea.status as IdeaStatus;
  const t = ideaTransition(status, action);
  if (!t) throw ideaErrors.invalidTransition(status, action);
  if (!t.who.some((w) => roles.includes(w))) throw forbidden();
  const answer = body.answer?.trim() ?? '';
  if (t.needsAnswer && answer.length < 2) throw ideaErrors.answerRequired();
  let target: repo.IdeaJoined | null = null;
  if (action === 'merge') {
    target = body.targetId ? await repo.findIdeaJoined({ db: ctx.db, id: body.targetId }) : null;
    const ok =
      target &&
      target.idea.id < id &&
      target.idea.status !== 'merged' &&
      !target.idea.archivedAt &&
      enterprisePrefixOf(target.orgPath) === enterprisePrefixOf(row.orgPath);
    if (!ok) throw ideaErrors.mergeTargetInvalid();
  }
  if (action === 'assign') await checkHandler(ctx, body.handlerUserId, row.orgPath);
  const now = ctx.clock.now();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const set: Partial<typeof ideas.$inferInsert> = { status: t.to };
        if (t.needsAnswer) Object.assign(set, { answer, answeredAt: now.toISOString() });
        if (action === 'merge') set.mergedIntoId = target!.idea.id;
        if (action === 'assign') {
          set.handlerUserId = body.handlerUserId!;
          set.assignedAt = now.toISOString();
          set.deadlineAt = idea.deadlineAt ?? addDays(now, ctx.config.ideaAnswerDays).toISOString();
        }
        const [after] = await tx
          .update(ideas)
          .set({ ...set, version: body.version + 1, updatedAt: now.toISOString() })
          .where(and(eq(ideas.id, id), eq(ideas.version, body.version)))
          .returning();
        if (!after) throw conflict('conflict.stale');
        await recordStep(tx, ctx, {
          entityType: 'idea',
          entityId: id,
          action,
          fromStatus: status,
          toStatus: t.to,
          note: t.needsAnswer ? answer : action === 'assign' ? '已重新分派处理人' : null,
        });
        const { searchText: _a, ...auditBefore } = idea;
        const { searchText: _b, ...auditAfter } = after;
        await recordAudit(tx, ctx, {
          action: `ideas.${action}`,
          entityType: 'idea',
          entityId: id,
          orgId: idea.orgId,
          orgPath: row.orgPath,
          before: auditBefore,
          after: auditAfter,
        });
        const link = `/ideas/${id}`;
        if (action === 'assign') {
          await completeTodos({ db: tx, entityType: 'idea', entityId: id, kind: 'idea.answer', now });
          await addAnswerTodo(tx, now, after, row.orgPath, after.handlerUserId!);
        }
        if (t.needsAnswer) {
          await completeTodos({ db: tx, entityType: 'idea', entityId: id, kind: 'idea.answer', now });
          await notify({
            db: tx,
            userIds: await creditedUserIds(tx, id),
            kind: `ideas.${action}`,
            title: `您的建议 ${idea.code} ${answerLabels[action]}`,
            body: answer,
            link,
            now,
          });
        }
        if (action === 'adopt' || action === 'implement') {
          await creditPoints(tx, ctx, id, 'idea.adopted');
          if (action === 'implement') await creditPoints(tx, ctx, id, 'idea.implemented');
          await addTodo({
            db: tx,
            userIds: await closestAdmins({ db: tx, orgPath: row.orgPath, exclude: [] }),
            kind: 'idea.reward',
            title: `评定奖励：建议 ${idea.code} ${answerLabels[action]}`,
            link,
            entityType: 'idea',
            entityId: id,
            orgPath: row.orgPath,
            dueAt: null,
            now,
          });
        }
        if (action === 'reward') {
          await creditPoints(tx, ctx, id, 'idea.rewarded');
          await completeTodos({ db: tx, entityType: 'idea', entityId: id, kind: 'idea.reward', now });
          await notify({
            db: tx,
            userIds: await creditedUserIds(tx, id),
            kind: 'ideas.reward',
            title: `您的建议 ${idea.code} 获得奖励`,
            link,
            now,
          });
        }
        if (action === 'merge') await mergeCredits(tx, ctx, { from: after, into: target!, now });
      }),
    () => getIdea({ ctx, id }),
  );
  return getIdea({ ctx, id });
}

/** Credits the later idea's people on the earlier one (with its points if already adopted) and tells them. */
async function mergeCredits(
  tx: Db,
  ctx: Ctx,
  v: { from: typeof ideas.$inferSelect; into: repo.IdeaJoined; now: Date },
) {
  const fromCredits = await tx.select().from(ideaCredits).where(eq(ideaCredits.ideaId, v.from.id));
  const added: number[] = [];
  for (const c of fromCredits) {
    const rows = await tx
      .insert(ideaCredits)
      .values({
        ideaId: v.into.idea.id,
        personId: c.personId,
        kind: 'merged',
        sourceIdeaId: v.from.id,
        createdAt: v.now.toISOString(),
      })
      .onConflictDoNothing()
      .returning();
    if (rows.length) added.push(c.personId);
  }
  const intoStatus = v.into.idea.status as IdeaStatus;
  if (added.length && ideaAdoptedStatuses.includes(intoStatus))
    await creditPoints(tx, ctx, v.into.idea.id, 'idea.adopted', added);
  await completeTodos({ db: tx, entityType: 'idea', entityId: v.from.id, now: v.now });
  await notify({
    db: tx,
    userIds: await creditedUserIds(tx, v.from.id),
    kind: 'ideas.merged',
    title: `您的建议 ${v.from.code} 已合并到 ${v.into.idea.code}，您被记为共同提出人`,
    body: v.from.answer,
    link: `/ideas/${v.into.idea.id}`,
    now: v.now,
  });
}

/** Records the economic benefit of an adopted or implemented idea (handler or admin). Audited. */
export async function recordBenefit({ ctx, id, input }: { ctx: Ctx; id: number; input: IdeaBenefit }) {
  const { row, roles } = await loadIdea(ctx, id);
  if (!roles.includes('handler')) throw forbidden();
  if (!ideaAdoptedStatuses.includes(row.idea.status as IdeaStatus)) throw ideaErrors.notAdopted();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now().toISOString();
        const [after] = await tx
          .update(ideas)
          .set({
            benefitFen: input.benefitFen,
            benefitNote: input.benefitNote ?? null,
            version: input.version + 1,
            updatedAt: now,
          })
          .where(and(eq(ideas.id, id), eq(ideas.version, input.version)))
          .returning();
        if (!after) throw conflict('conflict.stale');
        await recordStep(tx, ctx, {
          entityType: 'idea',
          entityId: id,
          action: 'benefit',
          note: `登记经济效益 ¥${(input.benefitFen / 100).toFixed(2)}`,
          public: false,
        });
        await recordAudit(tx, ctx, {
          action: 'ideas.benefit',
          entityType: 'idea',
          entityId: id,
          orgId: row.idea.orgId,
          orgPath: row.orgPath,
          before: { benefitFen: row.idea.benefitFen, benefitNote: row.idea.benefitNote },
          after: { benefitFen: after.benefitFen, benefitNote: after.benefitNote },
        });
      }),
    () => getIdea({ ctx, id }),
  );
  return getIdea({ ctx, id });
}
