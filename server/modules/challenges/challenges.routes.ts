import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bidCreate,
  bidParams,
  challenge,
  challengeActionBody,
  challengeActionParams,
  challengeCreate,
  challengeDetail,
  challengeListQuery,
  challengeUpdate,
} from '../../../common/schemas/challenges.js';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import * as bids from './challenges.bids.js';
import * as service from './challenges.service.js';

/** The challenge board (揭榜挂帅): post, bid, select, project, acceptance, close. */
export function challengesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['challenges'];
  r.get(
    '/api/challenges',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: challengeListQuery, response: { 200: pageOf(challenge) } },
    },
    (req) => service.findChallenges({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/challenges',
    {
      config: { access: 'challenges.manage' },
      schema: { tags, body: challengeCreate, response: { 201: challengeDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createChallenge({ ctx: req.ctx(), input: req.body })),
  );
  r.get(
    '/api/challenges/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: challengeDetail } },
    },
    (req) => service.getChallenge({ ctx: req.ctx(), id: req.params.id }),
  );
  r.patch(
    '/api/challenges/:id',
    {
      config: { access: 'challenges.manage' },
      schema: { tags, params: idParams, body: challengeUpdate, response: { 200: challengeDetail } },
    },
    (req) => service.updateChallenge({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/challenges/:id/actions/:action',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: challengeActionParams,
        body: challengeActionBody,
        response: { 200: challengeDetail },
      },
    },
    (req) =>
      service.actOnChallenge({
        ctx: req.ctx(),
        id: req.params.id,
        action: req.params.action,
        body: req.body,
      }),
  );
  r.post(
    '/api/challenges/:id/bids',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: idParams, body: bidCreate, response: { 201: challengeDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await bids.createBid({ ctx: req.ctx(), id: req.params.id, input: req.body })),
  );
  r.post(
    '/api/challenges/:id/bids/:bidId/withdraw',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: bidParams, response: { 200: challengeDetail } },
    },
    (req) => bids.withdrawBid({ ctx: req.ctx(), id: req.params.id, bidId: req.params.bidId }),
  );
}
