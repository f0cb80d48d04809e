import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  clinicAccept,
  clinicAnswerCreate,
  clinicClose,
  clinicListQuery,
  clinicQuestion,
  clinicQuestionCreate,
  clinicQuestionDetail,
} from '../../../common/schemas/clinic.js';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import { registerFileOwner } from '../files/files.owners.js';
import * as service from './clinic.service.js';

// Photos of a clinic question: everyone in the group may read them; the asker (or an admin) uploads and manages.
registerFileOwner('clinic', (ctx, ownerId, need) => service.clinicFileOwner(ctx, ownerId, need));

/** The technical clinic (技术门诊): ask, answer, accept, close. */
export function clinicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clinic'];
  r.get(
    '/api/clinic/questions',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: clinicListQuery, response: { 200: pageOf(clinicQuestion) } },
    },
    (req) => service.findQuestions({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/clinic/questions',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: clinicQuestionCreate, response: { 201: clinicQuestionDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.askQuestion({ ctx: req.ctx(), input: req.body })),
  );
  r.get(
    '/api/clinic/questions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: clinicQuestionDetail } },
    },
    (req) => service.getQuestion({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/clinic/questions/:id/answers',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: clinicAnswerCreate, response: { 201: clinicQuestionDetail } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.answerQuestion({ ctx: req.ctx(), id: req.params.id, input: req.body })),
  );
  r.post(
    '/api/clinic/questions/:id/accept',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: clinicAccept, response: { 200: clinicQuestionDetail } },
    },
    (req) => service.acceptAnswer({ ctx: req.ctx(), id: req.params.id, ...req.body }),
  );
  r.post(
    '/api/clinic/questions/:id/close',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: clinicClose, response: { 200: clinicQuestionDetail } },
    },
    (req) => service.closeQuestion({ ctx: req.ctx(), id: req.params.id, version: req.body.version }),
  );
}
