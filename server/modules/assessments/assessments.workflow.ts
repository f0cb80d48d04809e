import { and, eq } from 'drizzle-orm';
import type { AssessmentDetail, AssessmentTransition } from '../../../common/schemas/assessments.js';
import {
  type AssessmentAction,
  type AssessmentState,
  assessmentActionLabels,
  assessmentMove,
  assessmentOpinionRequired,
} from '../../../common/workflows/assessment.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, invalidFields } from '../../core/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { closestAdmins } from '../notifications/recipients.js';
import { addTodo, completeTodos } from '../notifications/todos.service.js';
import { cancelAssignments, listAssignments } from '../rulebooks/reviews.service.js';
import { chinaToday, getRulebookRow } from '../rulebooks/rulebooks.service.js';
import { scoreTotal } from '../rulebooks/scoring.js';
import { assessmentErrors } from './assessments.errors.js';
import * as repo from './assessments.repository.js';
import {
  getAssessment,
  type LoadedAssessment,
  loadAssessment,
  SUBJECT,
  scoreSummaryOf,
  userIdsOfPerson,
} from './assessments.service.js';
import { assessmentSteps, type assessments, rectificationTasks } from './assessments.table.js';
import { revokeStudio, setStudioStatus } from './studios.effects.js';

type Row = typeof assessments.$inferSelect;
type TaskRow = typeof rectificationTasks.$inferSelect;
const TASK = 'rectification_task';

/** Checks a move against the workflow table: 409 assessments.invalid_transition, 403 for the wrong role. */
function assertMove(l: LoadedAssessment, action: AssessmentAction) {
  const state = l.j.a.state as AssessmentState;
  const move = assessmentMove(state, action, l.roles);
  if (!move.ok && move.reason === 'invalid_transition')
    throw assessmentErrors.invalidTransition(state, action);
  if (!move.ok) throw forbidden();
  return move.to;
}

/** States that wait for a union admin, and the to-do they give. */
const adminTodoOf: Partial<
  Record<AssessmentState, { kind: string; title: string; roles: ('enterprise_admin' | 'group_admin')[] }>
> = {
  enterpriseCheck: {
    kind: 'assessment.check',
    title: '的自评已提交，请审核',
    roles: ['enterprise_admin', 'group_admin'],
  },
  // Only a group admin accepts a rectification (common/workflows/assessment.ts).
  rectifyCheck: { kind: 'assessment.rectify_check', title: '报告整改完成，请验收', roles: ['group_admin'] },
};

async function giveTaskTodos(db: Db, ctx: Ctx, l: LoadedAssessment, tasks: TaskRow[]) {
  const leaders = await userIdsOfPerson(db, l.j.studio.leaderPersonId);
  for (const t of tasks) {
    await addTodo({
      db,
      userIds: leaders,
      kind: 'assessment.rectify',
      title: `整改任务：${l.j.studio.name} · ${t.title}`,
      body: t.detail ?? undefined,
      link: `/assessments/${l.j.a.id}`,
      entityType: TASK,
      entityId: t.id,
      orgPath: null,
      dueAt: t.deadline,
      now: ctx.clock.now(),
    });
  }
}

/**
 * Moves an assessment along the workflow table with the data guards of each step: a complete self score
 * to submit, every reviewer's score in to finish the review (which fixes the score and the grade from the
 * sheet's bands), at least one task with a deadline to order rectification, every task reported to report
 * it done. Outcomes change the studio: 整改 sets it 整改中, accepting the rectification or keeping it sets
 * it back to 已命名, 摘牌 revokes it and its namings. One transaction with the history step and the audit
 * record; a stale version → 409 conflict.stale.
 */
export async function transitionAssessment({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: AssessmentTransition;
}): Promise<AssessmentDetail> {
  const l = await loadAssessment({ ctx, id });
  const { action } = input;
  const to = assertMove(l, action);
  const opinion = input.opinion?.trim() || null;
  if (!opinion && assessmentOpinionRequired.includes(action))
    throw invalidFields({ opinion: '请填写意见（退回、整改、摘牌须说明理由）' });
  const a = l.j.a;
  const today = chinaToday(ctx.clock);
  const now = ctx.clock.now().toISOString();
  const set: Partial<Row> = { state: to };
  let after: Record<string, unknown> = { state: to, opinion };

  if (action === 'submit') {
    const rulebook = await getRulebookRow({ db: ctx.db, id: l.j.campaign.rulebookId });
    const { errors } = scoreTotal(
      rulebook.sheet,
      { items: a.selfItems, bonus: a.selfBonus },
      { complete: true },
    );
    if (Object.keys(errors).length) throw invalidFields(errors);
    set.submittedAt = now;
  }
  if (action === 'finishReview') {
    const summary = await scoreSummaryOf({ db: ctx.db, j: l.j });
    if (summary.pending.length) throw assessmentErrors.scoresPending(summary.pending);
    if (summary.score === null) throw assessmentErrors.noScores();
    Object.assign(set, { finalScore: summary.score, grade: summary.grade });
    after = { ...after, finalScore: summary.score, grade: summary.grade, dropped: summary.dropped };
  }
  const tasks = input.tasks ?? [];
  if (action === 'rectify') {
    if (!tasks.length) throw invalidFields({ tasks: '请至少布置一项整改任务' });
    const fields: Record<string, string> = {};
    tasks.forEach((t, i) => {
      if (t.deadline < today) fields[`tasks.${i}.deadline`] = '整改期限不能早于今天';
    });
    if (Object.keys(fields).length) throw invalidFields(fields);
  }
  const current = await repo.listTasks({ db: ctx.db, assessmentId: id });
  if (action === 'reportRectified') {
    const open = current.filter((t) => t.status === 'open').length;
    if (open) throw assessmentErrors.tasksOpen(open);
  }
  if (['keep', 'rectify', 'revoke', 'acceptRectification'].includes(action)) {
    Object.assign(set, { decidedAt: now, outcomeNote: opinion });
  }

  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateAssessmentRow({
      db: tx,
      id,
      version: input.version,
      state: a.state,
      set,
      now,
    });
    if (!row) throw conflict('conflict.stale', { version: a.version });
    const cause = { assessmentId: id, campaignId: l.j.campaign.id, year: l.j.campaign.year };
    if (action === 'submit') {
      await completeTodos({
        db: tx,
        entityType: SUBJECT,
        entityId: id,
        kind: 'assessment.self',
        now: ctx.clock.now(),
      });
    }
    if (action === 'return' && a.state === 'review') {
      // A return starts the review over: open assignments end, their cards stay for the record.
      const active = await listAssignments({ db: tx, subjectType: SUBJECT, subjectId: id });
      await cancelAssignments({ db: tx, ctx, ids: active.map((x) => x.id) });
    }
    if (action === 'rectify') {
      const created = await tx
        .insert(rectificationTasks)
        .values(
          tasks.map((t) => ({
            assessmentId: id,
            title: t.title,
            detail: t.detail ?? null,
            deadline: t.deadline,
            createdAt: now,
          })),
        )
        .returning();
      await giveTaskTodos(tx, ctx, l, created);
      await setStudioStatus({
        db: tx,
        ctx,
        studio: l.j.studio,
        orgPath: l.j.orgPath,
        status: 'rectifying',
        cause,
      });
      after = { ...after, tasks: created };
    }
    if (action === 'rejectRectification') {
      const reopened = await tx
        .update(rectificationTasks)
        .set({ status: 'open' })
        .where(eq(rectificationTasks.assessmentId, id))
        .returning();
      await giveTaskTodos(tx, ctx, l, reopened);
    }
    if (action === 'keep' || action === 'acceptRectification') {
      await setStudioStatus({
        db: tx,
        ctx,
        studio: l.j.studio,
        orgPath: l.j.orgPath,
        status: 'named',
        cause,
      });
    }
    if (action === 'revoke') {
      for (const t of current)
        await completeTodos({ db: tx, entityType: TASK, entityId: t.id, now: ctx.clock.now() });
      await revokeStudio({
        db: tx,
        ctx,
        studio: l.j.studio,
        orgPath: l.j.orgPath,
        reason: `${l.j.campaign.year}年度考核摘牌：${opinion}`,
        on: today,
        cause,
      });
    }
    // Where an admin must act next, the closest union admins above the studio get a to-do; it ends when one acts.
    const adminTodo = adminTodoOf[to];
    if (adminTodo)
      await addTodo({
        db: tx,
        userIds: await closestAdmins({ db: tx, orgPath: l.j.orgPath, roles: adminTodo.roles }),
        kind: adminTodo.kind,
        title: `${l.j.campaign.year}年度考核：${l.j.studio.name}${adminTodo.title}`,
        link: `/assessments/${id}`,
        entityType: SUBJECT,
        entityId: id,
        orgPath: l.j.orgPath,
        dueAt: null,
        now: ctx.clock.now(),
      });
    const waited = adminTodoOf[a.state as AssessmentState];
    if (waited)
      await completeTodos({
        db: tx,
        entityType: SUBJECT,
        entityId: id,
        kind: waited.kind,
        now: ctx.clock.now(),
      });
    await tx.insert(assessmentSteps).values({
      assessmentId: id,
      action,
      fromState: a.state,
      toState: to,
      opinion,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.name,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: `assessments.${action}`,
      entityType: 'assessment',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { state: a.state, version: a.version },
      after,
    });
    if (
      ['return', 'keep', 'rectify', 'revoke', 'acceptRectification', 'rejectRectification'].includes(action)
    ) {
      await notify({
        db: tx,
        userIds: await userIdsOfPerson(tx, l.j.studio.leaderPersonId),
        kind: 'assessment',
        title: `${l.j.studio.name}${l.j.campaign.year}年度考核：${assessmentActionLabels[action].zh}`,
        body: opinion,
        link: `/assessments/${id}`,
        now: ctx.clock.now(),
      });
    }
  });
  return getAssessment({ ctx, id });
}

/**
 * The leader reports one rectification task done (整改中 only) with what was done; its to-do closes.
 * Throws assessments.task_not_found (404), 403 to anyone but the leader, 409 outside 整改中. Audited.
 */
export async function reportTask({
  ctx,
  id,
  taskId,
  report,
}: {
  ctx: Ctx;
  id: number;
  taskId: number;
  report: string;
}): Promise<AssessmentDetail> {
  const l = await loadAssessment({ ctx, id });
  if (!l.roles.includes('leader')) throw forbidden();
  if (l.j.a.state !== 'rectifying') throw assessmentErrors.invalidTransition('rectifying', 'reportRectified');
  const [task] = await ctx.db
    .select()
    .from(rectificationTasks)
    .where(and(eq(rectificationTasks.id, taskId), eq(rectificationTasks.assessmentId, id)));
  if (!task) throw assessmentErrors.taskNotFound();
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .update(rectificationTasks)
      .set({ status: 'done', report, reportedBy: ctx.actor.userId, reportedAt: now })
      .where(eq(rectificationTasks.id, taskId))
      .returning();
    await completeTodos({ db: tx, entityType: TASK, entityId: taskId, now: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'assessments.task_report',
      entityType: 'assessment',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { taskId, status: task.status, report: task.report },
      after: { taskId, status: row!.status, report },
    });
  });
  return getAssessment({ ctx, id });
}
