import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  milestoneInput,
  progressReportCreate,
  project,
  projectActionBody,
  projectActionParams,
  projectCreate,
  projectListItem,
  projectListQuery,
  projectUpdate,
} from '../../../common/schemas/projects.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { sendXlsx } from '../innovation/innovation.http.js';
import * as service from './projects.service.js';
import * as workflow from './projects.workflow.js';

/** 攻关课题: list, export, detail, proposal, edits, workflow actions, progress reports, archive. */
export function projectsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get(
    '/api/projects',
    {
      config: { access: 'studios.read' },
      schema: { tags, querystring: projectListQuery, response: { 200: pageOf(projectListItem) } },
    },
    (req) => service.findProjects({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/projects/export',
    { config: { access: 'studios.read' }, schema: { tags, querystring: projectListQuery } },
    async (req, reply) =>
      sendXlsx(reply, await service.exportProjects({ ctx: req.ctx(), query: req.query }), '攻关课题.xlsx'),
  );
  r.get(
    '/api/projects/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: project } } },
    (req) => service.getProject({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/projects',
    {
      config: { access: 'studios.manage' },
      schema: { tags, body: projectCreate, response: { 201: project } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createProject({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/projects/:id',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: idParams, body: projectUpdate, response: { 200: project } },
    },
    (req) => service.updateProject({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/projects/:id/actions/:action',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: projectActionParams, body: projectActionBody, response: { 200: project } },
    },
    (req) =>
      workflow.actOnProject({ ctx: req.ctx(), id: req.params.id, action: req.params.action, body: req.body }),
  );
  r.post(
    '/api/projects/:id/reports',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: idParams, body: progressReportCreate, response: { 201: project } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await workflow.reportProgress({ ctx: req.ctx(), id: req.params.id, input: req.body })),
  );
  r.post(
    '/api/projects/:id/milestones',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: idParams, body: milestoneInput, response: { 201: project } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await workflow.addMilestone({ ctx: req.ctx(), id: req.params.id, input: req.body })),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/projects/:id/${action}`,
      {
        config: { access: 'studios.manage' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: project } },
      },
      (req) =>
        workflow.setProjectArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
}
