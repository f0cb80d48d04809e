import { type NamingLevel, namingLevelLabels } from '../../../common/enums.js';
import type {
  ApplicationDetail,
  ExpertCandidate,
  ExpertsAssign,
  MyReview,
} from '../../../common/schemas/applications.js';
import type { ScoreInput } from '../../../common/schemas/rulebooks.js';
import { type ApplicationState, finalStates } from '../../../common/workflows/application.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError, conflict, forbidden, invalidFields } from '../../core/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { myReviewOf, reviewerCandidates } from '../rulebooks/reviews.experts.js';
import {
  assignReviewer,
  cancelAssignments,
  listAssignments,
  saveScorecard,
} from '../rulebooks/reviews.service.js';
import { chinaToday, getRulebookRow } from '../rulebooks/rulebooks.service.js';
import { applicationErrors } from './applications.errors.js';
import * as repo from './applications.repository.js';
import {
  getApplication,
  type LoadedApplication,
  loadApplication,
  SUBJECT,
  toApplication,
} from './applications.service.js';

function requireGroupAdmin(l: LoadedApplication) {
  if (!l.roles.includes('groupAdmin')) throw forbidden();
}

/**
 * Experts who may review the application: active users holding the expert role over the studio's org,
 * each flagged when they belong to the studio's own enterprise (conflict of interest). Group admin only.
 */
export async function listExpertCandidates({
  ctx,
  id,
}: {
  ctx: Ctx;
  id: number;
}): Promise<ExpertCandidate[]> {
  const l = await loadApplication({ ctx, id });
  requireGroupAdmin(l);
  return candidatesFor(ctx.db, l);
}

function candidatesFor(db: Db, l: LoadedApplication): Promise<ExpertCandidate[]> {
  return reviewerCandidates({ db, orgPath: l.j.orgPath, subjectType: SUBJECT, subjectId: l.j.app.id });
}

/**
 * Assigns experts with a deadline (group admin, during 专家评审). All or nothing: an expert from the
 * studio's own enterprise → applications.expert_conflict (400, with the name); someone who is not an
 * available expert → applications.expert_invalid (400). Already-assigned experts are kept as they are.
 */
export async function assignExperts({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ExpertsAssign;
}): Promise<ApplicationDetail> {
  const l = await loadApplication({ ctx, id });
  requireGroupAdmin(l);
  if (l.j.app.state !== 'expertReview') throw applicationErrors.notInExpertReview();
  if (input.deadline < chinaToday(ctx.clock)) throw invalidFields({ deadline: '评审截止日期不能早于今天' });
  const candidates = new Map((await candidatesFor(ctx.db, l)).map((c) => [c.userId, c]));
  const chosen = [...new Set(input.expertUserIds)].map((uid) => {
    const c = candidates.get(uid);
    if (!c) throw applicationErrors.expertInvalid(uid);
    return c;
  });
  const clash = chosen.find((c) => c.conflict);
  if (clash) throw applicationErrors.expertConflict(clash.name, clash.enterpriseName ?? '');
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const row = await repo.updateApplicationRow({
      db: tx,
      id,
      version: input.version,
      set: { expertDeadline: input.deadline },
      now,
    });
    if (!row) throw conflict('conflict.stale', { current: toApplication(ctx, l) });
    const fresh: number[] = [];
    for (const c of chosen) {
      const { row: a, created } = await assignReviewer({
        db: tx,
        ctx,
        values: {
          subjectType: SUBJECT,
          subjectId: id,
          reviewerUserId: c.userId,
          reviewerName: c.name,
          rulebookId: l.j.app.rulebookId,
          orgPath: l.j.orgPath,
          deadline: input.deadline,
        },
      });
      if (!created) continue;
      fresh.push(c.userId);
      await recordAudit(tx, ctx, {
        action: 'applications.assign_expert',
        entityType: 'application',
        entityId: id,
        orgId: l.j.studio.hostOrgId,
        orgPath: l.j.orgPath,
        after: { assignmentId: a.id, expertUserId: c.userId, expertName: c.name, deadline: input.deadline },
      });
    }
    await notify({
      db: tx,
      userIds: fresh,
      kind: 'review',
      title: `请评审：${l.j.studio.name}${namingLevelLabels[l.j.app.level as NamingLevel].zh}命名申报`,
      body: `评审截止日期 ${input.deadline}`,
      link: `/reviews/applications/${id}`,
      now: ctx.clock.now(),
    });
  });
  return getApplication({ ctx, id });
}

/** Withdraws a pending expert (e.g. one who cannot score in time). Group admin, during 专家评审. */
export async function cancelExpert({
  ctx,
  id,
  assignmentId,
}: {
  ctx: Ctx;
  id: number;
  assignmentId: number;
}) {
  const l = await loadApplication({ ctx, id });
  requireGroupAdmin(l);
  if (l.j.app.state !== 'expertReview') throw applicationErrors.notInExpertReview();
  const a = (await listAssignments({ db: ctx.db, subjectType: SUBJECT, subjectId: id })).find(
    (x) => x.id === assignmentId,
  );
  if (!a) throw new AppError('applications.not_found', 404, { assignmentId });
  if (a.status !== 'pending') throw new AppError('reviews.score_submitted', 409);
  await ctx.db.transaction(async (tx) => {
    await cancelAssignments({ db: tx, ctx, ids: [a.id] });
    await recordAudit(tx, ctx, {
      action: 'applications.cancel_expert',
      entityType: 'application',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { assignmentId: a.id, expertUserId: a.reviewerUserId, status: a.status },
      after: { status: 'cancelled' },
    });
  });
  return getApplication({ ctx, id });
}

/** Sets whether the highest and lowest scores are dropped (applies with three or more). Group admin. */
export async function setDropExtremes({
  ctx,
  id,
  dropExtremes,
  version,
}: {
  ctx: Ctx;
  id: number;
  dropExtremes: boolean;
  version: number;
}) {
  const l = await loadApplication({ ctx, id });
  requireGroupAdmin(l);
  if (finalStates.includes(l.j.app.state as ApplicationState))
    throw applicationErrors.invalidTransition(l.j.app.state as ApplicationState, 'finishExpertReview');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateApplicationRow({
      db: tx,
      id,
      version,
      set: { dropExtremes },
      now: ctx.clock.now().toISOString(),
    });
    if (!row) throw conflict('conflict.stale', { current: toApplication(ctx, l) });
    await recordAudit(tx, ctx, {
      action: 'applications.settings',
      entityType: 'application',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { dropExtremes: l.j.app.dropExtremes },
      after: { dropExtremes },
    });
  });
  return getApplication({ ctx, id });
}

/** The assigned expert's own review: their card, and the others' only once their own is submitted. */
export async function getMyReview({ ctx, id }: { ctx: Ctx; id: number }): Promise<MyReview> {
  const l = await loadApplication({ ctx, id });
  const a = l.assignment;
  if (!a) throw applicationErrors.notFound();
  return myReviewOf({ db: ctx.db, assignment: a, canScore: l.j.app.state === 'expertReview' });
}

/**
 * Saves or submits the assigned expert's score on the application's pinned sheet version.
 * 404 for an expert not assigned; applications.not_in_expert_review (409) outside 专家评审;
 * reviews.score_submitted (409) once submitted; field errors (400) for points off the sheet.
 */
export async function saveMyScore({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ScoreInput;
}): Promise<MyReview> {
  const l = await loadApplication({ ctx, id });
  const a = l.assignment;
  if (!a) throw l.roles.includes('groupAdmin') ? forbidden() : applicationErrors.notFound();
  if (l.j.app.state !== 'expertReview') throw applicationErrors.notInExpertReview();
  if (a.status !== 'pending') throw new AppError('reviews.score_submitted', 409);
  const rulebook = await getRulebookRow({ db: ctx.db, id: l.j.app.rulebookId });
  await ctx.db.transaction(async (tx) => {
    const card = await saveScorecard({
      db: tx,
      ctx,
      assignment: a,
      rulebookId: rulebook.id,
      sheet: rulebook.sheet,
      input,
    });
    await recordAudit(tx, ctx, {
      action: input.submit ? 'applications.score_submit' : 'applications.score_draft',
      entityType: 'application',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      after: {
        scorecardId: card.id,
        rulebookId: card.rulebookId,
        items: card.items,
        bonus: card.bonus,
        total: card.total,
      },
    });
  });
  return getMyReview({ ctx, id });
}
