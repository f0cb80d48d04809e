import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reviewTask,
  reviewTaskQuery,
  rulebook,
  rulebookCreate,
  rulebookListQuery,
} from '../../../common/schemas/rulebooks.js';
import { idParams } from '../../../common/schemas/shared.js';
import { findMyReviewTasks } from './reviews.service.js';
import * as service from './rulebooks.service.js';

export function rulebooksRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rulebooks'];
  r.get(
    '/api/rulebooks',
    {
      config: { access: 'rulebooks.read' },
      schema: { tags, querystring: rulebookListQuery, response: { 200: z.array(rulebook) } },
    },
    (req) => service.listRulebooks({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/rulebooks/:id',
    { config: { access: 'rulebooks.read' }, schema: { tags, params: idParams, response: { 200: rulebook } } },
    (req) => service.getRulebook({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/rulebooks',
    {
      config: { access: 'rulebooks.manage' },
      schema: { tags, body: rulebookCreate, response: { 201: rulebook } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createRulebookVersion({ ctx: req.ctx(), input: req.body })),
  );
  r.get(
    '/api/reviews/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['reviews'], querystring: reviewTaskQuery, response: { 200: z.array(reviewTask) } },
    },
    (req) => findMyReviewTasks({ ctx: req.ctx(), status: req.query.status }),
  );
}
