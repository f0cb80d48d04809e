import type { ExpertCandidate, MyReview } from '../../../common/schemas/applications.js';
import type { AssessmentDetail, ReviewersAssign } from '../../../common/schemas/assessments.js';
import type { ScoreInput } from '../../../common/schemas/rulebooks.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalidFields } from '../../core/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { myReviewOf, reviewerCandidates } from '../rulebooks/reviews.experts.js';
import { assignReviewer, saveScorecard } from '../rulebooks/reviews.service.js';
import { chinaToday, getRulebookRow } from '../rulebooks/rulebooks.service.js';
import { assessmentErrors } from './assessments.errors.js';
import * as repo from './assessments.repository.js';
import { getAssessment, type LoadedAssessment, loadAssessment, SUBJECT } from './assessments.service.js';

function requireGroupAdmin(l: LoadedAssessment) {
  if (!l.roles.includes('groupAdmin')) throw forbidden();
}

const candidatesOf = (ctx: Ctx, l: LoadedAssessment) =>
  reviewerCandidates({ db: ctx.db, orgPath: l.j.orgPath, subjectType: SUBJECT, subjectId: l.j.a.id });

/** Experts who may review the assessment, those from the studio's own enterprise flagged. Group admin only. */
export async function listReviewerCandidates({
  ctx,
  id,
}: {
  ctx: Ctx;
  id: number;
}): Promise<ExpertCandidate[]> {
  const l = await loadAssessment({ ctx, id });
  requireGroupAdmin(l);
  return candidatesOf(ctx, l);
}

/**
 * Assigns reviewers (group admin, during 专家评审), by the campaign's review deadline unless another is
 * given. All or nothing, with the naming rules: an expert of the studio's own enterprise → 400
 * applications.expert_conflict; someone who is not an available expert → 400 applications.expert_invalid.
 * Each new reviewer gets the item in their review to-do list and a notification. Audited per reviewer.
 */
export async function assignReviewers({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ReviewersAssign;
}): Promise<AssessmentDetail> {
  const l = await loadAssessment({ ctx, id });
  requireGroupAdmin(l);
  if (l.j.a.state !== 'review') throw assessmentErrors.notInReview();
  const deadline = input.deadline ?? l.j.campaign.reviewDeadline;
  if (deadline < chinaToday(ctx.clock)) throw invalidFields({ deadline: '评审截止日期不能早于今天' });
  const candidates = new Map((await candidatesOf(ctx, l)).map((c) => [c.userId, c]));
  const chosen = [...new Set(input.reviewerUserIds)].map((uid) => {
    const c = candidates.get(uid);
    if (!c)
      throw new AppError('applications.expert_invalid', 400, {
        userId: uid,
        fields: { reviewerUserIds: '所选人员不是可用的评审专家' },
      });
    return c;
  });
  const clash = chosen.find((c) => c.conflict);
  if (clash)
    throw new AppError('applications.expert_conflict', 400, {
      expertName: clash.name,
      fields: { reviewerUserIds: `专家${clash.name}与被考核工作室同属${clash.enterpriseName ?? ''}，须回避` },
    });
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const row = await repo.updateAssessmentRow({ db: tx, id, version: input.version, set: {}, now });
    if (!row) throw conflict('conflict.stale', { version: l.j.a.version });
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
          rulebookId: l.j.campaign.rulebookId,
          orgPath: l.j.orgPath,
          deadline,
        },
      });
      if (!created) continue;
      fresh.push(c.userId);
      await recordAudit(tx, ctx, {
        action: 'assessments.assign_reviewer',
        entityType: 'assessment',
        entityId: id,
        orgId: l.j.studio.hostOrgId,
        orgPath: l.j.orgPath,
        after: { assignmentId: a.id, reviewerUserId: c.userId, reviewerName: c.name, deadline },
      });
    }
    await notify({
      db: tx,
      userIds: fresh,
      kind: 'review',
      title: `请评审：${l.j.studio.name}${l.j.campaign.year}年度考核`,
      body: `评审截止日期 ${deadline}`,
      link: `/assessments/${id}/review`,
      now: ctx.clock.now(),
    });
  });
  return getAssessment({ ctx, id });
}

/** The assigned reviewer's own card, and the others' only once their own is submitted. */
export async function getMyReview({ ctx, id }: { ctx: Ctx; id: number }): Promise<MyReview> {
  const l = await loadAssessment({ ctx, id });
  const a = l.assignment;
  if (!a) throw assessmentErrors.notFound();
  return myReviewOf({ db: ctx.db, assignment: a, canScore: l.j.a.state === 'review' });
}

/**
 * Saves or submits the assigned reviewer's score on the campaign's sheet version. 404 for someone not
 * assigned (403 for the group admin), 409 outside 专家评审 or once submitted, 400 for points off the sheet.
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
  const l = await loadAssessment({ ctx, id });
  const a = l.assignment;
  if (!a) throw l.roles.length ? forbidden() : assessmentErrors.notFound();
  if (l.j.a.state !== 'review') throw assessmentErrors.notInReview();
  if (a.status !== 'pending') throw new AppError('reviews.score_submitted', 409);
  const rulebook = await getRulebookRow({ db: ctx.db, id: l.j.campaign.rulebookId });
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
      action: input.submit ? 'assessments.score_submit' : 'assessments.score_draft',
      entityType: 'assessment',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      after: { scorecardId: card.id, items: card.items, bonus: card.bonus, total: card.total },
    });
  });
  return getMyReview({ ctx, id });
}
