import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adoption,
  adoptionCreate,
  adoptionUpdate,
  marketItem,
  marketQuery,
} from '../../../common/schemas/adoptions.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { sendXlsx } from '../innovation/innovation.http.js';
import { exportMarket } from './adoptions.export.js';
import * as service from './adoptions.service.js';

/** 成果推广: the group-wide results market and adoption records. */
export function adoptionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['adoptions'];
  r.get(
    '/api/market/results',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: marketQuery, response: { 200: pageOf(marketItem) } },
    },
    (req) => service.findMarket({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/market/results/export',
    { config: { access: 'authenticated' }, schema: { tags, querystring: marketQuery } },
    async (req, reply) =>
      sendXlsx(reply, await exportMarket({ ctx: req.ctx(), query: req.query }), '成果推广.xlsx'),
  );
  r.get(
    '/api/results/:id/adoptions',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: z.array(adoption) } },
    },
    (req) => service.listAdoptions({ ctx: req.ctx(), resultId: req.params.id }),
  );
  r.post(
    '/api/results/:id/adoptions',
    {
      config: { access: 'adoptions.record' },
      schema: { tags, params: idParams, body: adoptionCreate, response: { 201: adoption } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.createAdoption({ ctx: req.ctx(), resultId: req.params.id, input: req.body })),
  );
  r.get(
    '/api/adoptions/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: adoption } } },
    (req) => service.getAdoption({ ctx: req.ctx(), id: req.params.id }),
  );
  r.patch(
    '/api/adoptions/:id',
    {
      config: { access: 'adoptions.record' },
      schema: { tags, params: idParams, body: adoptionUpdate, response: { 200: adoption } },
    },
    (req) => service.updateAdoption({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/adoptions/:id/${action}`,
      {
        config: { access: 'adoptions.record' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: adoption } },
      },
      (req) =>
        service.setAdoptionArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
}
