import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { portfolio } from '../../../common/schemas/portfolio.js';
import {
  result,
  resultActionBody,
  resultActionParams,
  resultCreate,
  resultListItem,
  resultListQuery,
  resultUpdate,
  reviewerCandidate,
  scoreInput,
  scoreSheet,
} from '../../../common/schemas/results.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { sendXlsx } from '../innovation/innovation.http.js';
import { getPortfolio } from './portfolio.service.js';
import { exportResults } from './results.export.js';
import { actOnResult, findReviewerCandidates, scoreResult } from './results.review.js';
import * as service from './results.service.js';
import { resolveResultSheet } from './results.sheet.js';

/** 成果: list, export, detail, entry and edits, review workflow and scoring, archive; the person portfolio. */
export function resultsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  r.get(
    '/api/results',
    {
      config: { access: 'studios.read' },
      schema: { tags, querystring: resultListQuery, response: { 200: pageOf(resultListItem) } },
    },
    (req) => service.findResults({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/results/export',
    { config: { access: 'studios.read' }, schema: { tags, querystring: resultListQuery } },
    async (req, reply) =>
      sendXlsx(reply, await exportResults({ ctx: req.ctx(), query: req.query }), '创新成果.xlsx'),
  );
  r.get(
    '/api/results/score-sheet',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: scoreSheet } } },
    (req) => resolveResultSheet({ db: req.ctx().db }),
  );
  r.get(
    '/api/results/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: result } } },
    (req) => service.getResult({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/results',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, body: resultCreate, response: { 201: result } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createResult({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/results/:id',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: idParams, body: resultUpdate, response: { 200: result } },
    },
    (req) => service.updateResult({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/results/:id/actions/:action',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: resultActionParams, body: resultActionBody, response: { 200: result } },
    },
    (req) => actOnResult({ ctx: req.ctx(), id: req.params.id, action: req.params.action, body: req.body }),
  );
  r.put(
    '/api/results/:id/score',
    {
      config: { access: 'results.score' },
      schema: { tags, params: idParams, body: scoreInput, response: { 200: result } },
    },
    (req) => scoreResult({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.get(
    '/api/results/:id/reviewer-candidates',
    {
      config: { access: 'results.review' },
      schema: { tags, params: idParams, response: { 200: z.array(reviewerCandidate) } },
    },
    (req) => findReviewerCandidates({ ctx: req.ctx(), id: req.params.id }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/results/:id/${action}`,
      {
        config: { access: 'studios.contribute' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: result } },
      },
      (req) =>
        service.setResultArchived({ ctx: req.ctx(), id: req.params.id, version: req.body.version, archived }),
    );
  }
  r.get(
    '/api/people/:id/portfolio',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['people'], params: idParams, response: { 200: portfolio } },
    },
    (req) => getPortfolio({ ctx: req.ctx(), personId: req.params.id }),
  );
}
