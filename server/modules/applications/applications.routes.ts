import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type NamingLevel, namingLevelLabels } from '../../../common/enums.js';
import {
  application,
  applicationCreate,
  applicationDetail,
  applicationListQuery,
  applicationStateCounts,
  applicationTransition,
  applicationUpdate,
  conditionCheckQuery,
  expertCandidate,
  expertsAssign,
  expertsSettings,
  myReview,
  myStudio,
  objection,
  objectionCreate,
  objectionResolve,
  publicityItem,
} from '../../../common/schemas/applications.js';
import { conditionCheck, scoreInput } from '../../../common/schemas/rulebooks.js';
import { id, idParams } from '../../../common/schemas/shared.js';
import { type ApplicationState, applicationStateLabels } from '../../../common/workflows/application.js';
import { orgs } from '../orgs/orgs.table.js';
import { registerReviewSubject } from '../rulebooks/reviews.service.js';
import { checkStudioConditions } from '../rulebooks/rulebooks.service.js';
import { studios } from '../studios/studios.table.js';
import * as experts from './applications.experts.js';
import * as objections from './applications.objections.js';
import * as service from './applications.service.js';
import { applications } from './applications.table.js';
import { transitionApplication } from './applications.workflow.js';

// Applications show in the experts' review to-do list with the studio, level and step.
registerReviewSubject(service.SUBJECT, async (db, ids) => {
  const rows = await db
    .select({
      id: applications.id,
      level: applications.level,
      state: applications.state,
      studio: studios.name,
      org: orgs.name,
    })
    .from(applications)
    .innerJoin(studios, eq(studios.id, applications.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(inArray(applications.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        title: `${r.studio} · ${namingLevelLabels[r.level as NamingLevel].zh}命名申报`,
        subtitle: `${r.org} · ${applicationStateLabels[r.state as ApplicationState].zh}`,
        link: `/reviews/applications/${r.id}`,
      },
    ]),
  );
});

export function applicationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['applications'];
  const read = { access: 'applications.read' } as const;
  r.get(
    '/api/applications',
    {
      config: read,
      schema: {
        tags,
        querystring: applicationListQuery,
        response: {
          200: z.object({
            items: z.array(application),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            counts: applicationStateCounts,
          }),
        },
      },
    },
    (req) => service.findApplications({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/applications/condition-check',
    { config: read, schema: { tags, querystring: conditionCheckQuery, response: { 200: conditionCheck } } },
    (req) => checkStudioConditions({ ctx: req.ctx(), studioId: req.query.studioId, level: req.query.level }),
  );
  r.get(
    '/api/applications/my-studios',
    { config: { access: 'applications.apply' }, schema: { tags, response: { 200: z.array(myStudio) } } },
    (req) => service.findMyStudios({ ctx: req.ctx() }),
  );
  r.get(
    '/api/applications/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: applicationDetail } } },
    (req) => service.getApplication({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/applications',
    {
      config: { access: 'applications.apply' },
      schema: { tags, body: applicationCreate, response: { 201: applicationDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createApplication({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/applications/:id',
    {
      config: { access: 'applications.apply' },
      schema: { tags, params: idParams, body: applicationUpdate, response: { 200: applicationDetail } },
    },
    (req) => service.updateApplication({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/applications/:id/transitions',
    {
      config: read,
      schema: { tags, params: idParams, body: applicationTransition, response: { 200: applicationDetail } },
    },
    (req) => transitionApplication({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.get(
    '/api/applications/:id/expert-candidates',
    {
      config: { access: 'applications.decide' },
      schema: { tags, params: idParams, response: { 200: z.array(expertCandidate) } },
    },
    (req) => experts.listExpertCandidates({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/applications/:id/experts',
    {
      config: { access: 'applications.decide' },
      schema: { tags, params: idParams, body: expertsAssign, response: { 200: applicationDetail } },
    },
    (req) => experts.assignExperts({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.delete(
    '/api/applications/:id/experts/:assignmentId',
    {
      config: { access: 'applications.decide' },
      schema: { tags, params: z.object({ id, assignmentId: id }), response: { 200: applicationDetail } },
    },
    (req) =>
      experts.cancelExpert({ ctx: req.ctx(), id: req.params.id, assignmentId: req.params.assignmentId }),
  );
  r.patch(
    '/api/applications/:id/settings',
    {
      config: { access: 'applications.decide' },
      schema: { tags, params: idParams, body: expertsSettings, response: { 200: applicationDetail } },
    },
    (req) => experts.setDropExtremes({ ctx: req.ctx(), id: req.params.id, ...req.body }),
  );
  r.get(
    '/api/applications/:id/my-review',
    { config: { access: 'reviews.score' }, schema: { tags, params: idParams, response: { 200: myReview } } },
    (req) => experts.getMyReview({ ctx: req.ctx(), id: req.params.id }),
  );
  r.put(
    '/api/applications/:id/my-score',
    {
      config: { access: 'reviews.score' },
      schema: { tags, params: idParams, body: scoreInput, response: { 200: myReview } },
    },
    (req) => experts.saveMyScore({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.get(
    '/api/publicity',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: z.array(publicityItem) } } },
    (req) => objections.findPublicity({ ctx: req.ctx() }),
  );
  r.post(
    '/api/applications/:id/objections',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: objectionCreate, response: { 201: objection } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await objections.fileObjection({ ctx: req.ctx(), id: req.params.id, content: req.body.content }),
        ),
  );
  r.post(
    '/api/applications/:id/objections/:objectionId/resolve',
    {
      config: { access: 'applications.decide' },
      schema: {
        tags,
        params: z.object({ id, objectionId: id }),
        body: objectionResolve,
        response: { 200: applicationDetail },
      },
    },
    (req) =>
      objections.resolveObjection({
        ctx: req.ctx(),
        id: req.params.id,
        objectionId: req.params.objectionId,
        resolution: req.body.resolution,
      }),
  );
}
