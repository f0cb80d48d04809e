import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contest,
  contestCreate,
  contestDetail,
  contestListQuery,
  contestUpdate,
} from '../../../common/schemas/contests.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { xlsxHeaders } from '../activities/studio-life.access.js';
import * as service from './contests.service.js';

export function contestsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contests'];
  r.get(
    '/api/contests',
    {
      config: { access: 'studios.read' },
      schema: { tags, querystring: contestListQuery, response: { 200: pageOf(contest) } },
    },
    (req) => service.findContests({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/contests/export',
    { config: { access: 'studios.read' }, schema: { tags, querystring: contestListQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('技能比武台账.xlsx'))
        .send(await service.exportContests({ ctx: req.ctx(), query: req.query })),
  );
  r.get(
    '/api/contests/:id',
    {
      config: { access: 'studios.read' },
      schema: { tags, params: idParams, response: { 200: contestDetail } },
    },
    (req) => service.getContest({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/contests',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, body: contestCreate, response: { 201: contestDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createContest({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/contests/:id',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: idParams, body: contestUpdate, response: { 200: contestDetail } },
    },
    (req) => service.updateContest({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/contests/:id/${action}`,
      {
        config: { access: 'studios.contribute' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: contestDetail } },
      },
      (req) =>
        service.setContestArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
}
