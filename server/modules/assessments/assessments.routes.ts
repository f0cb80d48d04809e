import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expertCandidate, myReview } from '../../../common/schemas/applications.js';
import {
  assessmentDetail,
  assessmentListItem,
  assessmentTransition,
  campaign,
  campaignBoard,
  campaignCreate,
  reviewersAssign,
  selfScoreInput,
  studioChange,
  studioChangeCreate,
  studioChangeQuery,
  studioChangeTransition,
  taskReport,
} from '../../../common/schemas/assessments.js';
import { scoreInput } from '../../../common/schemas/rulebooks.js';
import { id, idParams } from '../../../common/schemas/shared.js';
import { type AssessmentState, assessmentStateLabels } from '../../../common/workflows/assessment.js';
import { type FileNeed, registerFileOwner } from '../files/files.owners.js';
import { orgs } from '../orgs/orgs.table.js';
import { registerReviewSubject } from '../rulebooks/reviews.service.js';
import { studios } from '../studios/studios.table.js';
import './assessments.sources.js';
import type { Ctx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import * as reviews from './assessments.reviews.js';
import * as service from './assessments.service.js';
import { assessmentCampaigns, assessments } from './assessments.table.js';
import * as workflow from './assessments.workflow.js';
import * as changes from './studio-changes.service.js';

// Assessments show in the reviewers' to-do list with the studio, year and step.
registerReviewSubject(service.SUBJECT, async (db, ids) => {
  const rows = await db
    .select({
      id: assessments.id,
      state: assessments.state,
      year: assessmentCampaigns.year,
      studio: studios.name,
      org: orgs.name,
    })
    .from(assessments)
    .innerJoin(assessmentCampaigns, eq(assessmentCampaigns.id, assessments.campaignId))
    .innerJoin(studios, eq(studios.id, assessments.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(inArray(assessments.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        title: `${r.studio} · ${r.year}年度考核`,
        subtitle: `${r.org} · ${assessmentStateLabels[r.state as AssessmentState].zh}`,
        link: `/assessments/${r.id}/review`,
      },
    ]),
  );
});

// Evidence (佐证材料) of an assessment: seen by whoever sees the assessment, added by the leader while the
// self assessment is open, managed by the leader and admins over the studio.
registerFileOwner('assessment', async (ctx: Ctx, ownerId: number, need: FileNeed) => {
  const l = await service.loadAssessment({ ctx, id: ownerId });
  if (need === 'upload') {
    const d = await service.getAssessment({ ctx, id: ownerId });
    if (!d.abilities.upload) throw forbidden();
  }
  if (need === 'manage' && l.roles.length === 0) throw forbidden();
  return { orgPath: l.j.orgPath };
});

export function assessmentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];
  const read = { access: 'assessments.read' } as const;
  const manage = { access: 'assessments.manage' } as const;
  r.get(
    '/api/assessment-campaigns',
    { config: read, schema: { tags, response: { 200: z.array(campaign) } } },
    (req) => service.findCampaigns({ ctx: req.ctx() }),
  );
  r.post(
    '/api/assessment-campaigns',
    { config: manage, schema: { tags, body: campaignCreate, response: { 201: campaignBoard } } },
    async (req, reply) =>
      reply.code(201).send(await service.openCampaign({ ctx: req.ctx(), input: req.body })),
  );
  r.get(
    '/api/assessment-campaigns/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: campaignBoard } } },
    (req) => service.getCampaignBoard({ ctx: req.ctx(), id: req.params.id }),
  );
  r.get(
    '/api/assessments/mine',
    { config: read, schema: { tags, response: { 200: z.array(assessmentListItem) } } },
    (req) => service.findMyAssessments({ ctx: req.ctx() }),
  );
  r.get(
    '/api/assessments/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: assessmentDetail } } },
    (req) => service.getAssessment({ ctx: req.ctx(), id: req.params.id }),
  );
  r.put(
    '/api/assessments/:id/self-score',
    {
      config: read,
      schema: { tags, params: idParams, body: selfScoreInput, response: { 200: assessmentDetail } },
    },
    (req) => service.saveSelfScore({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/assessments/:id/refresh',
    { config: read, schema: { tags, params: idParams, response: { 200: assessmentDetail } } },
    (req) => service.refreshIndicators({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/assessments/:id/transitions',
    {
      config: read,
      schema: { tags, params: idParams, body: assessmentTransition, response: { 200: assessmentDetail } },
    },
    (req) => workflow.transitionAssessment({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/assessments/:id/tasks/:taskId/report',
    {
      config: read,
      schema: {
        tags,
        params: z.object({ id, taskId: id }),
        body: taskReport,
        response: { 200: assessmentDetail },
      },
    },
    (req) =>
      workflow.reportTask({
        ctx: req.ctx(),
        id: req.params.id,
        taskId: req.params.taskId,
        report: req.body.report,
      }),
  );
  r.get(
    '/api/assessments/:id/reviewer-candidates',
    { config: manage, schema: { tags, params: idParams, response: { 200: z.array(expertCandidate) } } },
    (req) => reviews.listReviewerCandidates({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/assessments/:id/reviewers',
    {
      config: manage,
      schema: { tags, params: idParams, body: reviewersAssign, response: { 200: assessmentDetail } },
    },
    (req) => reviews.assignReviewers({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.get(
    '/api/assessments/:id/my-review',
    { config: { access: 'reviews.score' }, schema: { tags, params: idParams, response: { 200: myReview } } },
    (req) => reviews.getMyReview({ ctx: req.ctx(), id: req.params.id }),
  );
  r.put(
    '/api/assessments/:id/my-score',
    {
      config: { access: 'reviews.score' },
      schema: { tags, params: idParams, body: scoreInput, response: { 200: myReview } },
    },
    (req) => reviews.saveMyScore({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );

  const ctags = ['studio-changes'];
  r.get(
    '/api/studio-changes',
    {
      config: { access: 'studios.read' },
      schema: { tags: ctags, querystring: studioChangeQuery, response: { 200: z.array(studioChange) } },
    },
    (req) => changes.findStudioChanges({ ctx: req.ctx(), studioId: req.query.studioId }),
  );
  r.post(
    '/api/studio-changes',
    {
      config: { access: 'studioChanges.propose' },
      schema: { tags: ctags, body: studioChangeCreate, response: { 201: studioChange } },
    },
    async (req, reply) =>
      reply.code(201).send(await changes.proposeStudioChange({ ctx: req.ctx(), input: req.body })),
  );
  r.post(
    '/api/studio-changes/:id/transitions',
    {
      config: { access: 'studioChanges.propose' },
      schema: {
        tags: ctags,
        params: idParams,
        body: studioChangeTransition,
        response: { 200: studioChange },
      },
    },
    (req) => changes.transitionStudioChange({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
}
