import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  mentorship,
  mentorshipComplete,
  mentorshipCreate,
  mentorshipDetail,
  mentorshipListQuery,
  mentorshipNoteCreate,
  mentorshipTerminate,
  mentorshipUpdate,
  skillGradeChange,
} from '../../../common/schemas/mentorships.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { xlsxHeaders } from '../activities/studio-life.access.js';
import * as reports from './mentorships.reports.js';
import * as service from './mentorships.service.js';

export function mentorshipsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mentorships'];
  const read = { access: 'studios.read' } as const;
  const manage = { access: 'studios.manage' } as const;
  r.get(
    '/api/mentorships',
    {
      config: read,
      schema: { tags, querystring: mentorshipListQuery, response: { 200: pageOf(mentorship) } },
    },
    (req) => service.findMentorships({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/mentorships/export',
    { config: read, schema: { tags, querystring: mentorshipListQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('师带徒台账.xlsx'))
        .send(await reports.exportMentorships({ ctx: req.ctx(), query: req.query })),
  );
  r.get(
    '/api/mentorships/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: mentorshipDetail } } },
    (req) => service.getMentorship({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/mentorships',
    { config: manage, schema: { tags, body: mentorshipCreate, response: { 201: mentorshipDetail } } },
    async (req, reply) =>
      reply.code(201).send(await service.createMentorship({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/mentorships/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: mentorshipUpdate, response: { 200: mentorshipDetail } },
    },
    (req) => service.updateMentorship({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/mentorships/:id/notes',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: idParams, body: mentorshipNoteCreate, response: { 200: mentorshipDetail } },
    },
    (req) => service.addMentorshipNote({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/mentorships/:id/complete',
    {
      config: manage,
      schema: { tags, params: idParams, body: mentorshipComplete, response: { 200: mentorshipDetail } },
    },
    (req) => service.completeMentorship({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/mentorships/:id/terminate',
    {
      config: manage,
      schema: { tags, params: idParams, body: mentorshipTerminate, response: { 200: mentorshipDetail } },
    },
    (req) => service.terminateMentorship({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/mentorships/:id/${action}`,
      {
        config: manage,
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: mentorshipDetail } },
      },
      (req) =>
        service.setMentorshipArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
  r.get(
    '/api/people/:id/skill-history',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['people'], params: idParams, response: { 200: z.array(skillGradeChange) } },
    },
    (req) => reports.getSkillHistory({ ctx: req.ctx(), personId: req.params.id }),
  );
}
