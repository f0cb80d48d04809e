import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  ClinicAnswerCreate,
  ClinicListQuery,
  ClinicQuestion,
  ClinicQuestionCreate,
  ClinicQuestionDetail,
  ClinicStatus,
} from '../../../common/schemas/clinic.js';
import { can, inScope } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, invalidFields, withCurrentOnStale } from '../../core/errors.js';
import { likeText, offsetOf, pageResult } from '../../core/pagination.js';
import { users } from '../accounts/accounts.table.js';
import { studiosMatchingField } from '../challenges/challenges.repository.js';
import {
  addDays,
  groupRootOf,
  groupRootsOf,
  inActorGroups,
  membershipsOf,
  nextCode,
  recordStep,
  searchVector,
} from '../ideas/engagement.js';
import { notify } from '../notifications/notifications.service.js';
import { studioUserIds } from '../notifications/recipients.js';
import { addTodo, completeTodos } from '../notifications/todos.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { awardPoints } from '../points/points.award.js';
import { studios } from '../studios/studios.table.js';
import { clinicErrors } from './clinic.errors.js';
import { clinicAnswers, clinicQuestions, clinicRoutes } from './clinic.table.js';

const answerCount = sql<number>`(SELECT count(*)::int FROM clinic_answers a WHERE a.question_id = ${clinicQuestions.id})`;

function joined(ctx: Ctx) {
  return ctx.db
    .select({
      q: clinicQuestions,
      askerName: users.displayName,
      orgName: orgs.name,
      orgPath: orgs.path,
      answerCount,
    })
    .from(clinicQuestions)
    .innerJoin(orgs, eq(orgs.id, clinicQuestions.orgId))
    .innerJoin(users, eq(users.id, clinicQuestions.askerUserId));
}
type Joined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

function toQuestion(ctx: Ctx, r: Joined): ClinicQuestion {
  const asker = r.q.askerUserId === ctx.actor.userId;
  const open = r.q.status === 'open';
  return {
    id: r.q.id,
    code: r.q.code,
    title: r.q.title,
    content: r.q.content,
    field: r.q.field,
    status: r.q.status as ClinicStatus,
    askerName: r.askerName,
    orgName: r.orgName,
    answerCount: Number(r.answerCount),
    acceptedAnswerId: r.q.acceptedAnswerId,
    createdAt: r.q.createdAt,
    version: r.q.version,
    abilities: { accept: asker && open, close: open && (asker || can(ctx.actor, 'ideas.manage', r.orgPath)) },
  };
}

async function load(ctx: Ctx, id: number) {
  const [r] = await joined(ctx).where(eq(clinicQuestions.id, id));
  if (!r || r.q.archivedAt || !inActorGroups(ctx.actor, r.orgPath)) throw clinicErrors.notFound();
  return r;
}

/** Questions of the actor's group: all, mine (asked), or routed (sent to a studio I belong to). */
export async function findQuestions({ ctx, query }: { ctx: Ctx; query: ClinicListQuery }) {
  const mine = [...(await membershipsOf(ctx)).keys()];
  const view: SQL | undefined =
    query.view === 'mine'
      ? eq(clinicQuestions.askerUserId, ctx.actor.userId)
      : query.view === 'routed'
        ? mine.length
          ? sql`EXISTS (SELECT 1 FROM clinic_routes r WHERE r.question_id = ${clinicQuestions.id} AND r.studio_id IN (${sql.join(
              mine.map((m) => sql`${m}`),
              sql`, `,
            )}))`
          : sql`false`
        : undefined;
  const where = and(
    inScope(orgs.path, groupRootsOf(ctx.actor)),
    isNull(clinicQuestions.archivedAt),
    view,
    query.status ? eq(clinicQuestions.status, query.status) : undefined,
    query.q
      ? or(ilike(clinicQuestions.title, likeText(query.q)), ilike(clinicQuestions.field, likeText(query.q)))
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    joined(ctx).where(where).orderBy(desc(clinicQuestions.id)).limit(query.pageSize).offset(offsetOf(query)),
    ctx.db
      .select({ n: count() })
      .from(clinicQuestions)
      .innerJoin(orgs, eq(orgs.id, clinicQuestions.orgId))
      .where(where),
  ]);
  return pageResult(
    rows.map((r) => toQuestion(ctx, r)),
    total?.n ?? 0,
    query,
  );
}

/** A question with the studios it was routed to and every answer (accepted first). */
export async function getQuestion({ ctx, id }: { ctx: Ctx; id: number }): Promise<ClinicQuestionDetail> {
  const r = await load(ctx, id);
  const [routed, answers] = await Promise.all([
    ctx.db
      .select({ id: studios.id, name: studios.name, field: studios.field })
      .from(clinicRoutes)
      .innerJoin(studios, eq(studios.id, clinicRoutes.studioId))
      .where(eq(clinicRoutes.questionId, id))
      .orderBy(asc(studios.id)),
    ctx.db
      .select({ a: clinicAnswers, authorName: users.displayName, studioName: studios.name })
      .from(clinicAnswers)
      .innerJoin(users, eq(users.id, clinicAnswers.userId))
      .leftJoin(studios, eq(studios.id, clinicAnswers.studioId))
      .where(eq(clinicAnswers.questionId, id))
      .orderBy(desc(clinicAnswers.accepted), asc(clinicAnswers.id)),
  ]);
  return {
    ...toQuestion(ctx, r),
    routedStudios: routed,
    answers: answers.map((x) => ({
      id: x.a.id,
      content: x.a.content,
      authorName: x.authorName,
      studioId: x.a.studioId,
      studioName: x.studioName,
      accepted: x.a.accepted,
      createdAt: x.a.createdAt,
    })),
  };
}

/**
 * Asks a production question. It is routed to up to 10 studios of the group whose field matches; their
 * members are told and their leaders get a to-do (a week). Audited.
 */
export async function askQuestion({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ClinicQuestionCreate;
}): Promise<ClinicQuestionDetail> {
  let orgId: number | undefined;
  if (ctx.actor.personId) {
    const [p] = await ctx.db
      .select({ orgId: people.orgId })
      .from(people)
      .where(eq(people.id, ctx.actor.personId));
    orgId = p?.orgId;
  }
  orgId ??= ctx.actor.grants[0]?.orgId;
  const [org] = orgId ? await ctx.db.select().from(orgs).where(eq(orgs.id, orgId)) : [];
  if (!org) throw invalidFields({ field: '您的账号未关联单位，无法提问' });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clinicQuestions)
      .values({
        ...input,
        code: await nextCode({ db: tx, prefix: 'MZ', at: now }),
        askerUserId: ctx.actor.userId,
        askerPersonId: ctx.actor.personId,
        orgId: org.id,
        searchText: searchVector([input.title, input.content, input.field]) as never,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    const q = row!;
    const matching = (
      await studiosMatchingField({ db: tx, field: input.field, groupRoot: groupRootOf(org.path) })
    ).slice(0, 10);
    if (matching.length)
      await tx.insert(clinicRoutes).values(matching.map((s) => ({ questionId: q.id, studioId: s.id })));
    const ids = matching.map((s) => s.id);
    const link = `/clinic/${q.id}`;
    await recordStep(tx, ctx, {
      entityType: 'clinic',
      entityId: q.id,
      action: 'ask',
      toStatus: 'open',
      note: `已分诊至 ${ids.length} 个工作室`,
    });
    const { searchText: _s, ...after } = q;
    await recordAudit(tx, ctx, {
      action: 'clinic.ask',
      entityType: 'clinic_question',
      entityId: q.id,
      orgId: org.id,
      orgPath: org.path,
      after: { ...after, routedStudioIds: ids },
    });
    await addTodo({
      db: tx,
      userIds: (await studioUserIds({ db: tx, studioIds: ids, leadersOnly: true })).filter(
        (u) => u !== ctx.actor.userId,
      ),
      kind: 'clinic.answer',
      title: `技术门诊（${input.field}）：${input.title}`,
      link,
      entityType: 'clinic',
      entityId: q.id,
      orgPath: org.path,
      dueAt: addDays(now, 7).toISOString(),
      now,
    });
    await notify({
      db: tx,
      userIds: (await studioUserIds({ db: tx, studioIds: ids })).filter((u) => u !== ctx.actor.userId),
      kind: 'clinic.asked',
      title: `技术门诊新问题（${input.field}）：${input.title}`,
      link,
      now,
    });
    return q.id;
  });
  return getQuestion({ ctx, id });
}

/** A studio member (of any studio in the group) answers an open question; the asker is told. */
export async function answerQuestion({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ClinicAnswerCreate;
}) {
  const r = await load(ctx, id);
  if (r.q.status !== 'open') throw clinicErrors.closed();
  const memberships = [...(await membershipsOf(ctx)).keys()];
  const inGroup = memberships.length
    ? await ctx.db
        .select({ id: studios.id, path: orgs.path })
        .from(studios)
        .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
        .where(and(inArray(studios.id, memberships), isNull(studios.archivedAt)))
    : [];
  const eligible = inGroup.filter((s) => groupRootOf(s.path) === groupRootOf(r.orgPath)).map((s) => s.id);
  if (eligible.length === 0) throw clinicErrors.notMember();
  const routed = (await ctx.db.select().from(clinicRoutes).where(eq(clinicRoutes.questionId, id))).map(
    (x) => x.studioId,
  );
  const studioId = eligible.find((s) => routed.includes(s)) ?? eligible[0]!;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx
      .insert(clinicAnswers)
      .values({
        questionId: id,
        userId: ctx.actor.userId,
        personId: ctx.actor.personId,
        studioId,
        content: input.content,
        createdAt: now.toISOString(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'clinic.answer',
      entityType: 'clinic_answer',
      entityId: a!.id,
      orgId: r.q.orgId,
      orgPath: r.orgPath,
      after: a,
    });
    await completeTodos({
      db: tx,
      entityType: 'clinic',
      entityId: id,
      userIds: await studioUserIds({ db: tx, studioIds: [studioId], leadersOnly: true }),
      now,
    });
    if (r.q.askerUserId !== ctx.actor.userId)
      await notify({
        db: tx,
        userIds: [r.q.askerUserId],
        kind: 'clinic.answered',
        title: `您的门诊问题有了新解答：${r.q.title}`,
        link: `/clinic/${id}`,
        now,
      });
  });
  return getQuestion({ ctx, id });
}

/** The asker accepts an answer: the question is resolved and the answerer (and their studio) earn points. */
export async function acceptAnswer({
  ctx,
  id,
  answerId,
  version,
}: {
  ctx: Ctx;
  id: number;
  answerId: number;
  version: number;
}) {
  const r = await load(ctx, id);
  if (r.q.askerUserId !== ctx.actor.userId) throw forbidden();
  if (r.q.status !== 'open') throw clinicErrors.closed();
  const [a] = await ctx.db
    .select()
    .from(clinicAnswers)
    .where(and(eq(clinicAnswers.id, answerId), eq(clinicAnswers.questionId, id)));
  if (!a) throw clinicErrors.answerNotFound();
  if (a.userId === ctx.actor.userId) throw clinicErrors.ownAnswer();
  const now = ctx.clock.now();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const [after] = await tx
          .update(clinicQuestions)
          .set({
            status: 'resolved',
            acceptedAnswerId: answerId,
            version: version + 1,
            updatedAt: now.toISOString(),
          })
          .where(and(eq(clinicQuestions.id, id), eq(clinicQuestions.version, version)))
          .returning();
        if (!after) throw conflict('conflict.stale');
        await tx.update(clinicAnswers).set({ accepted: true }).where(eq(clinicAnswers.id, answerId));
        await recordStep(tx, ctx, {
          entityType: 'clinic',
          entityId: id,
          action: 'accept',
          fromStatus: 'open',
          toStatus: 'resolved',
        });
        await recordAudit(tx, ctx, {
          action: 'clinic.accept',
          entityType: 'clinic_question',
          entityId: id,
          orgId: r.q.orgId,
          orgPath: r.orgPath,
          before: { status: r.q.status },
          after: { status: 'resolved', acceptedAnswerId: answerId },
        });
        const cause = { type: 'clinic_answer', id: answerId };
        if (a.personId)
          await awardPoints({ db: tx, ctx, personId: a.personId, event: 'clinic.answer_accepted', cause });
        if (a.studioId)
          await awardPoints({
            db: tx,
            ctx,
            studioId: a.studioId,
            event: 'clinic.answer_accepted_studio',
            cause,
          });
        await completeTodos({ db: tx, entityType: 'clinic', entityId: id, now });
        await notify({
          db: tx,
          userIds: [a.userId],
          kind: 'clinic.accepted',
          title: `您的门诊解答被采纳：${r.q.title}`,
          link: `/clinic/${id}`,
          now,
        });
      }),
    () => getQuestion({ ctx, id }),
  );
  return getQuestion({ ctx, id });
}

/** Closes an open question without an accepted answer (the asker, or an admin over it). */
export async function closeQuestion({ ctx, id, version }: { ctx: Ctx; id: number; version: number }) {
  const r = await load(ctx, id);
  if (!toQuestion(ctx, r).abilities.close) {
    if (r.q.status !== 'open') throw clinicErrors.closed();
    throw forbidden();
  }
  const now = ctx.clock.now();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const [after] = await tx
          .update(clinicQuestions)
          .set({ status: 'closed', version: version + 1, updatedAt: now.toISOString() })
          .where(and(eq(clinicQuestions.id, id), eq(clinicQuestions.version, version)))
          .returning();
        if (!after) throw conflict('conflict.stale');
        await recordStep(tx, ctx, {
          entityType: 'clinic',
          entityId: id,
          action: 'close',
          fromStatus: 'open',
          toStatus: 'closed',
        });
        await recordAudit(tx, ctx, {
          action: 'clinic.close',
          entityType: 'clinic_question',
          entityId: id,
          orgId: r.q.orgId,
          orgPath: r.orgPath,
          before: { status: r.q.status },
          after: { status: 'closed' },
        });
        await completeTodos({ db: tx, entityType: 'clinic', entityId: id, now });
      }),
    () => getQuestion({ ctx, id }),
  );
  return getQuestion({ ctx, id });
}

/** Loads a question for the attachments check (404 outside the actor's group); the asker may upload. */
export async function clinicFileOwner(ctx: Ctx, id: number, need: 'read' | 'upload' | 'manage') {
  const r = await load(ctx, id);
  if (need !== 'read' && r.q.askerUserId !== ctx.actor.userId && !can(ctx.actor, 'ideas.manage', r.orgPath))
    throw forbidden();
  return { orgPath: r.orgPath };
}
