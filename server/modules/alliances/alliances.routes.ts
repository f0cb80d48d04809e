import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alliance,
  allianceCreate,
  allianceDetail,
  allianceListQuery,
  allianceMemberAdd,
  allianceMemberLeave,
  allianceMemberParams,
  allianceProjectCreate,
  allianceProjectParams,
  allianceProjectUpdate,
  allianceRotateLead,
  allianceUpdate,
} from '../../../common/schemas/alliances.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { xlsxHeaders } from '../activities/studio-life.access.js';
import * as members from './alliances.members.service.js';
import * as service from './alliances.service.js';

export function alliancesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alliances'];
  const read = { access: 'studios.read' } as const;
  const manage = { access: 'alliances.manage' } as const;
  const detail = { 200: allianceDetail };
  r.get(
    '/api/alliances',
    { config: read, schema: { tags, querystring: allianceListQuery, response: { 200: pageOf(alliance) } } },
    (req) => service.findAlliances({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/alliances/export',
    { config: read, schema: { tags, querystring: allianceListQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('创新联盟.xlsx'))
        .send(await service.exportAlliances({ ctx: req.ctx(), query: req.query })),
  );
  r.get('/api/alliances/:id', { config: read, schema: { tags, params: idParams, response: detail } }, (req) =>
    service.getAlliance({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/alliances',
    { config: manage, schema: { tags, body: allianceCreate, response: { 201: allianceDetail } } },
    async (req, reply) =>
      reply.code(201).send(await service.createAlliance({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/alliances/:id',
    { config: manage, schema: { tags, params: idParams, body: allianceUpdate, response: detail } },
    (req) => service.updateAlliance({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/alliances/:id/members',
    { config: manage, schema: { tags, params: idParams, body: allianceMemberAdd, response: detail } },
    (req) => members.addAllianceMember({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/alliances/:id/members/:memberId/leave',
    {
      config: manage,
      schema: { tags, params: allianceMemberParams, body: allianceMemberLeave, response: detail },
    },
    (req) =>
      members.removeAllianceMember({
        ctx: req.ctx(),
        id: req.params.id,
        memberId: req.params.memberId,
        leftOn: req.body.leftOn,
      }),
  );
  r.post(
    '/api/alliances/:id/rotate-lead',
    { config: manage, schema: { tags, params: idParams, body: allianceRotateLead, response: detail } },
    (req) => members.rotateAllianceLead({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/alliances/:id/projects',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: idParams, body: allianceProjectCreate, response: detail },
    },
    (req) => members.createAllianceProject({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.patch(
    '/api/alliances/:id/projects/:projectId',
    {
      config: { access: 'studios.manage' },
      schema: { tags, params: allianceProjectParams, body: allianceProjectUpdate, response: detail },
    },
    (req) =>
      members.updateAllianceProject({
        ctx: req.ctx(),
        id: req.params.id,
        projectId: req.params.projectId,
        input: req.body,
      }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/alliances/:id/${action}`,
      { config: manage, schema: { tags, params: idParams, body: z.object({ version }), response: detail } },
      (req) =>
        service.setAllianceArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
}
