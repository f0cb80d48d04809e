import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idea,
  ideaActionBody,
  ideaActionParams,
  ideaBenefit,
  ideaCreate,
  ideaDetail,
  ideaListQuery,
  ideaRoute,
  ideaRouteCreate,
  ideaRouteQuery,
  ideaRouteUpdate,
  ideaToProject,
  publicIdeaCreate,
  publicIdeaCreated,
  publicIdeaStatus,
  publicOrg,
  publicPhotoUploaded,
  similarIdea,
  similarIdeasQuery,
  trackingCodeParam,
} from '../../../common/schemas/ideas.js';
import { idParams, isoDate, pageOf, version } from '../../../common/schemas/shared.js';
import type { Deps } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { createRateLimiter } from '../../core/rate-limit.js';
import { readUpload } from '../../core/upload.js';
import { contentDisposition } from '../files/files.service.js';
import './ideas.files.js';
import * as photos from './ideas.photos.js';
import * as routing from './ideas.routing.js';
import * as service from './ideas.service.js';
import * as submit from './ideas.submit.js';
import * as requests from './project-requests.js';

const projectRequest = z.object({
  id: z.number().int(),
  source: z.enum(['idea', 'challenge']),
  sourceId: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  title: z.string(),
  goal: z.string(),
  status: z.enum(['pending', 'linked', 'declined']),
  projectId: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[0-9a-fA-F-]{36}$/)
    .optional(),
});

/** Ideas (金点子/合理化建议): anonymous public submission and tracking, the employee's and handler's views, routing rules. */
export function ideasRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ideas'];
  // Anonymous submission: 5 ideas per 10 minutes per address; tracking lookups 30 per minute (codes are unguessable anyway).
  // Counted in the database, so the limits hold across every server process.
  const { db, clock } = deps;
  const submitLimiter = createRateLimiter({ name: 'idea', max: 5, windowMs: 10 * 60_000, db, clock });
  const trackLimiter = createRateLimiter({ name: 'track', max: 30, windowMs: 60_000, db, clock });
  // Anonymous photos: 10 per 10 minutes per address (a retry after a refused type or size included).
  const photoLimiter = createRateLimiter({ name: 'photo', max: 10, windowMs: 10 * 60_000, db, clock });
  const limited = async (limiter: ReturnType<typeof createRateLimiter>, ip: string) => {
    if (!(await limiter.hit(ip))) throw new AppError('request.rate_limited', 429);
  };

  r.get(
    '/api/public/ideas/orgs',
    { config: { access: 'public' }, schema: { tags, response: { 200: z.array(publicOrg) } } },
    () => submit.publicOrgs({ deps }),
  );
  r.get(
    '/api/public/ideas/similar',
    {
      config: { access: 'public' },
      schema: { tags, querystring: similarIdeasQuery, response: { 200: z.array(similarIdea) } },
    },
    async (req) => {
      await limited(trackLimiter, req.ip);
      return submit.similarForPublic({ deps, text: req.query.text, orgCode: req.query.orgCode });
    },
  );
  r.post(
    '/api/public/ideas',
    {
      config: { access: 'public' },
      // Idempotency-Key: the public page's offline outbox resends with the same key and gets the same tracking code
      schema: {
        tags,
        headers: idempotencyHeaders,
        body: publicIdeaCreate,
        response: { 201: publicIdeaCreated },
      },
    },
    async (req, reply) => {
      await limited(submitLimiter, req.ip);
      const created = await submit.submitPublicIdea({
        deps,
        input: req.body,
        clientKey: req.headers['idempotency-key'],
      });
      return reply.code(201).send(created);
    },
  );
  r.post(
    '/api/public/ideas/photos',
    {
      config: { access: 'public' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: publicPhotoUploaded } },
    },
    async (req, reply) => {
      await limited(photoLimiter, req.ip);
      const upload = await readUpload(req);
      return reply.code(201).send(await photos.uploadPublicPhoto({ deps, upload }));
    },
  );
  r.get(
    '/api/public/ideas/track/:code/files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        params: trackingCodeParam.extend({ fileId: z.coerce.number().int().positive().max(2_147_483_647) }),
      },
    },
    async (req, reply) => {
      await limited(trackLimiter, req.ip);
      const { info, path } = await photos.trackedPhoto({
        deps,
        code: req.params.code,
        fileId: req.params.fileId,
      });
      return reply
        .header('content-type', info.mime)
        .header('content-length', String(info.size))
        .header('content-disposition', contentDisposition('inline', info.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(path));
    },
  );
  r.get(
    '/api/public/ideas/track/:code',
    {
      config: { access: 'public' },
      schema: { tags, params: trackingCodeParam, response: { 200: publicIdeaStatus } },
    },
    async (req) => {
      await limited(trackLimiter, req.ip);
      return submit.trackIdea({ deps, code: req.params.code });
    },
  );

  r.get(
    '/api/ideas',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: ideaListQuery, response: { 200: pageOf(idea) } },
    },
    (req) => service.findIdeas({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/ideas/similar',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: similarIdeasQuery, response: { 200: z.array(similarIdea) } },
    },
    (req) => submit.similarForDraft({ ctx: req.ctx(), text: req.query.text }),
  );
  r.post(
    '/api/ideas',
    {
      config: { access: 'authenticated' },
      // Idempotency-Key: a client-generated UUID; the phone's offline outbox resends with the same key
      schema: { tags, headers: idempotencyHeaders, body: ideaCreate, response: { 201: ideaDetail } },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const id = await submit.submitIdea({ ctx, input: req.body, clientKey: req.headers['idempotency-key'] });
      return reply.code(201).send(await service.getIdea({ ctx, id }));
    },
  );
  r.get(
    '/api/ideas/routes',
    {
      config: { access: 'ideas.manage' },
      schema: { tags, querystring: ideaRouteQuery, response: { 200: pageOf(ideaRoute) } },
    },
    (req) => routing.findRoutes({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/ideas/routes',
    {
      config: { access: 'ideas.manage' },
      schema: { tags, body: ideaRouteCreate, response: { 201: ideaRoute } },
    },
    async (req, reply) =>
      reply.code(201).send(await routing.createRoute({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/ideas/routes/:id',
    {
      config: { access: 'ideas.manage' },
      schema: { tags, params: idParams, body: ideaRouteUpdate, response: { 200: ideaRoute } },
    },
    (req) => routing.updateRoute({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/ideas/routes/:id/${verb}`,
      {
        config: { access: 'ideas.manage' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: ideaRoute } },
      },
      (req) =>
        routing.setRouteArchived({ ctx: req.ctx(), id: req.params.id, version: req.body.version, archived }),
    );
  }
  r.get(
    '/api/ideas/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: ideaDetail } },
    },
    (req) => service.getIdea({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/ideas/:id/actions/:action',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: ideaActionParams, body: ideaActionBody, response: { 200: ideaDetail } },
    },
    (req) =>
      service.actOnIdea({ ctx: req.ctx(), id: req.params.id, action: req.params.action, body: req.body }),
  );
  r.post(
    '/api/ideas/:id/benefit',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: ideaBenefit, response: { 200: ideaDetail } },
    },
    (req) => service.recordBenefit({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/ideas/:id/project',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: ideaToProject, response: { 200: ideaDetail } },
    },
    (req) => requests.ideaToProject({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );

  r.get(
    '/api/project-requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        querystring: z.object({ status: z.enum(['pending', 'linked', 'declined']).optional() }),
        response: { 200: z.array(projectRequest) },
      },
    },
    (req) => requests.findProjectRequests({ ctx: req.ctx(), status: req.query.status }),
  );
  r.post(
    '/api/project-requests/:id/accept',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: idParams,
        body: z.object({ plannedEnd: isoDate.optional() }),
        response: { 200: z.object({ projectId: z.number().int() }) },
      },
    },
    (req) =>
      requests.acceptProjectRequest({ ctx: req.ctx(), id: req.params.id, plannedEnd: req.body.plannedEnd }),
  );
}
