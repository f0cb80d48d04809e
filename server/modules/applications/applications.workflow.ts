import { and, count, eq } from 'drizzle-orm';
import { type NamingLevel, namingLevelLabels } from '../../../common/enums.js';
import type { ApplicationDetail, ApplicationTransition } from '../../../common/schemas/applications.js';
import {
  type ApplicationAction,
  type ApplicationState,
  applicationActionLabels,
  applicationMove,
  opinionRequired,
} from '../../../common/workflows/application.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, invalidFields } from '../../core/errors.js';
import { users } from '../accounts/accounts.table.js';
import { recordNaming } from '../namings/namings.service.js';
import { notify } from '../notifications/notifications.service.js';
import { cancelAssignments, listAssignments } from '../rulebooks/reviews.service.js';
import { chinaToday, conditionCheckFor, getCurrentRulebookRow } from '../rulebooks/rulebooks.service.js';
import { applicationErrors } from './applications.errors.js';
import { publicityPhase } from './applications.policy.js';
import * as repo from './applications.repository.js';
import {
  getApplication,
  type LoadedApplication,
  loadApplication,
  SUBJECT,
  scoreSummaryOf,
  toApplication,
} from './applications.service.js';
import { applicationObjections, applicationSteps, type applications } from './applications.table.js';

type AppRow = typeof applications.$inferSelect;

/**
 * Checks a move against the workflow table for the actor: applications.invalid_transition (409) when
 * the state does not allow the action, auth.forbidden (403) when the actor's role may not take it.
 */
export function assertMove(l: LoadedApplication, action: ApplicationAction) {
  const state = l.j.app.state as ApplicationState;
  const move = applicationMove(state, action, l.roles);
  if (!move.ok && move.reason === 'invalid_transition')
    throw applicationErrors.invalidTransition(state, action);
  if (!move.ok) throw forbidden();
  return move.to;
}

/** Writes the history step and the audit record of a move, in the caller's transaction. */
export async function recordStep({
  db,
  ctx,
  l,
  action,
  to,
  opinion,
  before,
  after,
}: {
  db: Db;
  ctx: Ctx;
  l: LoadedApplication;
  action: ApplicationAction;
  to: ApplicationState;
  opinion: string | null;
  before?: unknown;
  after?: unknown;
}) {
  const at = ctx.clock.now().toISOString();
  await db.insert(applicationSteps).values({
    applicationId: l.j.app.id,
    action,
    fromState: l.j.app.state,
    toState: to,
    opinion,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.name,
    at,
  });
  await recordAudit(db, ctx, {
    action: `applications.${action}`,
    entityType: 'application',
    entityId: l.j.app.id,
    orgId: l.j.studio.hostOrgId,
    orgPath: l.j.orgPath,
    before: before ?? { state: l.j.app.state, version: l.j.app.version },
    after: after ?? { state: to, opinion },
  });
}

/** The leader's user account, to tell them of a decision. */
async function leaderUserIds(db: Db, personId: number | null): Promise<number[]> {
  if (personId === null) return [];
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.personId, personId));
  return rows.map((r) => r.id);
}

/**
 * Moves an application along the workflow table, with the data guards of each step: conditions met
 * to submit, every expert's score in to finish the review, a publicity window to start 公示, the
 * window over and no open objection to name. Records the step (opinion, who, when) and an audit record
 * in one transaction; a stale `version` gets conflict.stale (409) and changes nothing.
 */
export async function transitionApplication({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ApplicationTransition;
}): Promise<ApplicationDetail> {
  const l = await loadApplication({ ctx, id });
  const { action } = input;
  if (action === 'fileObjection' || action === 'resolveObjection') {
    throw invalidFields({ action: '异议请通过“提出异议/处理异议”办理' });
  }
  const to = assertMove(l, action);
  const opinion = input.opinion?.trim() || null;
  if (!opinion && (opinionRequired.includes(action) || action === 'finishSiteVisit')) {
    throw invalidFields({
      opinion: action === 'finishSiteVisit' ? '请填写实地考察意见' : '请填写意见（退回或不通过须说明理由）',
    });
  }
  const app = l.j.app;
  const today = chinaToday(ctx.clock);
  const now = ctx.clock.now().toISOString();
  const set: Partial<AppRow> = { state: to };

  if (action === 'submit') {
    const m = app.materials;
    if (!m.summary.trim()) throw invalidFields({ 'materials.summary': '请填写工作室简介' });
    const rulebook = await getCurrentRulebookRow({
      db: ctx.db,
      purpose: 'naming',
      level: app.level as NamingLevel,
    });
    const check = await conditionCheckFor({
      db: ctx.db,
      clock: ctx.clock,
      studio: l.j.studio,
      rulebook,
      level: app.level as NamingLevel,
    });
    if (!check.ok) throw applicationErrors.conditionsNotMet(check.results);
    Object.assign(set, {
      rulebookId: rulebook.id,
      conditionCheck: check.results,
      submittedAt: now,
      finalScore: null,
      grade: null,
    });
  }
  if (action === 'finishExpertReview') {
    const assignments = await listAssignments({ db: ctx.db, subjectType: SUBJECT, subjectId: id });
    const pending = assignments.filter((a) => a.status === 'pending');
    if (pending.length) throw applicationErrors.scoresPending(pending.map((a) => a.reviewerName));
    const summary = await scoreSummaryOf({ db: ctx.db, app });
    if (summary.score === null) throw applicationErrors.noScores();
    Object.assign(set, { finalScore: summary.score, grade: summary.grade });
  }
  if (action === 'finishSiteVisit') {
    const { publicityStart: start, publicityEnd: end } = input;
    const fields: Record<string, string> = {};
    if (!start) fields.publicityStart = '请选择公示开始日期';
    else if (start < today) fields.publicityStart = '公示开始日期不能早于今天';
    if (!end) fields.publicityEnd = '请选择公示结束日期';
    else if (start && end < start) fields.publicityEnd = '公示结束日期不能早于开始日期';
    if (Object.keys(fields).length) throw invalidFields(fields);
    Object.assign(set, { publicityStart: start, publicityEnd: end });
  }
  if (action === 'name') {
    if (publicityPhase(app.publicityStart, app.publicityEnd, today) !== 'over') {
      throw applicationErrors.publicityNotOver(app.publicityEnd);
    }
    const [open] = await ctx.db
      .select({ n: count() })
      .from(applicationObjections)
      .where(and(eq(applicationObjections.applicationId, id), eq(applicationObjections.status, 'open')));
    if (open?.n) throw applicationErrors.objectionUnresolved(open.n);
    if (input.namedOn && input.namedOn > today) throw invalidFields({ namedOn: '命名日期不能晚于今天' });
  }
  if (action === 'reject' || action === 'name') set.decidedAt = now;
  if (action === 'return')
    Object.assign(set, { finalScore: null, grade: null, publicityStart: null, publicityEnd: null });

  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateApplicationRow({
      db: tx,
      id,
      version: input.version,
      state: app.state,
      set,
      now,
    });
    if (!row) throw conflict('conflict.stale', { current: toApplication(ctx, l) });
    let after: Record<string, unknown> = { state: to, opinion };
    if (action === 'return' || action === 'reject') {
      // A return starts the review over: open assignments end, their cards stay for the record.
      const active = await listAssignments({ db: tx, subjectType: SUBJECT, subjectId: id });
      await cancelAssignments({ db: tx, ctx, ids: active.map((a) => a.id) });
    }
    if (action === 'finishExpertReview') after = { ...after, finalScore: set.finalScore, grade: set.grade };
    if (action === 'finishSiteVisit')
      after = { ...after, publicityStart: set.publicityStart, publicityEnd: set.publicityEnd };
    if (action === 'submit')
      after = { ...after, rulebookId: set.rulebookId, conditionCheck: set.conditionCheck };
    if (action === 'name') {
      const naming = await recordNaming({
        db: tx,
        ctx,
        studio: l.j.studio,
        orgPath: l.j.orgPath,
        level: app.level as NamingLevel,
        applicationId: id,
        namingBody: input.namingBody,
        namedOn: input.namedOn ?? today,
      });
      await repo.updateApplicationRow({
        db: tx,
        id,
        version: row.version,
        set: { namingId: naming.id, plaqueNo: naming.plaqueNo },
        now,
      });
      after = { ...after, namingId: naming.id, plaqueNo: naming.plaqueNo, namingBody: naming.namingBody };
    }
    await recordStep({ db: tx, ctx, l, action, to, opinion, after });
    if (['return', 'reject', 'name'].includes(action)) {
      await notify({
        db: tx,
        userIds: await leaderUserIds(tx, l.j.studio.leaderPersonId),
        kind: 'application',
        title: `${l.j.studio.name}${namingLevelLabels[app.level as NamingLevel].zh}命名申报：${applicationActionLabels[action].zh}`,
        body: opinion,
        link: `/applications/${id}`,
        now: ctx.clock.now(),
      });
    }
  });
  return getApplication({ ctx, id });
}
