import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveBody,
  award,
  awardCreate,
  awardQuery,
  leaderboard,
  leaderboardQuery,
  myPoints,
  pointCorrection,
  pointEntry,
  pointEntryQuery,
  pointRule,
  pointRuleUpdate,
} from '../../../common/schemas/points.js';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import * as awardsService from './awards.service.js';
import * as service from './points.service.js';

/** Points rules, ledger, corrections, leaderboards and awards (评优). */
export function pointsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['points'];
  r.get(
    '/api/points/rules',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: z.array(pointRule) } } },
    (req) => service.listRules({ ctx: req.ctx() }),
  );
  r.patch(
    '/api/points/rules/:id',
    {
      config: { access: 'points.rules' },
      schema: { tags, params: idParams, body: pointRuleUpdate, response: { 200: pointRule } },
    },
    (req) => service.updateRule({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.get(
    '/api/points/me',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: myPoints } } },
    (req) => service.getMyPoints({ ctx: req.ctx() }),
  );
  r.get(
    '/api/points/studios/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: myPoints } } },
    (req) => service.getStudioPoints({ ctx: req.ctx(), studioId: req.params.id }),
  );
  r.get(
    '/api/points/entries',
    {
      config: { access: 'points.ledger' },
      schema: { tags, querystring: pointEntryQuery, response: { 200: pageOf(pointEntry) } },
    },
    (req) => service.findEntries({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/points/entries/:id/correct',
    {
      config: { access: 'points.ledger' },
      schema: { tags, params: idParams, body: pointCorrection, response: { 201: pointEntry } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.correctEntry({ ctx: req.ctx(), id: req.params.id, input: req.body })),
  );
  r.get(
    '/api/points/leaderboard',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: leaderboardQuery, response: { 200: leaderboard } },
    },
    (req) => service.getLeaderboard({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/awards',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: awardQuery, response: { 200: pageOf(award) } },
    },
    (req) => awardsService.findAwards({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/awards',
    { config: { access: 'awards.manage' }, schema: { tags, body: awardCreate, response: { 201: award } } },
    async (req, reply) =>
      reply.code(201).send(await awardsService.createAward({ ctx: req.ctx(), input: req.body })),
  );
  r.post(
    '/api/awards/:id/archive',
    {
      config: { access: 'awards.manage' },
      schema: { tags, params: idParams, body: archiveBody, response: { 200: award } },
    },
    (req) =>
      awardsService.setAwardArchived({
        ctx: req.ctx(),
        id: req.params.id,
        version: req.body.version,
        archived: true,
      }),
  );
  r.post(
    '/api/awards/:id/restore',
    {
      config: { access: 'awards.manage' },
      schema: { tags, params: idParams, body: archiveBody, response: { 200: award } },
    },
    (req) =>
      awardsService.setAwardArchived({
        ctx: req.ctx(),
        id: req.params.id,
        version: req.body.version,
        archived: false,
      }),
  );
}
