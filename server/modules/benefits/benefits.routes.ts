import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  benefit,
  benefitActionBody,
  benefitActionParams,
  benefitCreate,
  benefitListQuery,
  benefitTotals,
  benefitTotalsQuery,
  benefitUpdate,
} from '../../../common/schemas/benefits.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { sendXlsx } from '../innovation/innovation.http.js';
import { exportBenefits } from './benefits.export.js';
import * as service from './benefits.service.js';
import { getBenefitTotals } from './benefits.totals.js';
import * as workflow from './benefits.workflow.js';

/** 经济效益: calculations per result, the finance queue, sign-off actions and verified totals. */
export function benefitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benefits'];
  r.get(
    '/api/results/:id/benefits',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: z.array(benefit) } },
    },
    (req) => service.listResultBenefits({ ctx: req.ctx(), resultId: req.params.id }),
  );
  r.post(
    '/api/results/:id/benefits',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: idParams, body: benefitCreate, response: { 201: benefit } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.createBenefit({ ctx: req.ctx(), resultId: req.params.id, input: req.body })),
  );
  r.get(
    '/api/benefits',
    {
      config: { access: 'benefits.verify' },
      schema: { tags, querystring: benefitListQuery, response: { 200: pageOf(benefit) } },
    },
    (req) => service.findBenefits({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/benefits/export',
    { config: { access: 'benefits.verify' }, schema: { tags, querystring: benefitListQuery } },
    async (req, reply) =>
      sendXlsx(reply, await exportBenefits({ ctx: req.ctx(), query: req.query }), '经济效益.xlsx'),
  );
  r.get(
    '/api/benefits/totals',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: benefitTotalsQuery, response: { 200: benefitTotals } },
    },
    (req) => getBenefitTotals({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/benefits/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: benefit } } },
    (req) => service.getBenefit({ ctx: req.ctx(), id: req.params.id }),
  );
  r.patch(
    '/api/benefits/:id',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: idParams, body: benefitUpdate, response: { 200: benefit } },
    },
    (req) => service.updateBenefit({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/benefits/:id/actions/:action',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: benefitActionParams, body: benefitActionBody, response: { 200: benefit } },
    },
    (req) =>
      workflow.actOnBenefit({ ctx: req.ctx(), id: req.params.id, action: req.params.action, body: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/benefits/:id/${action}`,
      {
        config: { access: 'studios.contribute' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: benefit } },
      },
      (req) =>
        workflow.setBenefitArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
}
