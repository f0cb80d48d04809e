import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import {
  atRiskItem,
  atRiskQuery,
  naming,
  namingCreate,
  namingParams,
  namingUpdate,
  notifyResult,
  studio,
  studioArchive,
  studioCreate,
  studioListItem,
  studioListQuery,
  studioUpdate,
} from '../../../common/schemas/studios.js';
import { scopeOf } from '../../core/access.js';
import { findAtRiskStudios, notifyAtRiskStudios } from './studios.at-risk.js';
import './studios.files.js';
import { studioMembersRoutes } from './studios.members.routes.js';
import { addNaming, changeNaming } from './studios.namings.service.js';
import * as service from './studios.service.js';

/**
 * Studio registry routes. Reads and membership-based actions declare 'authenticated': a leader or member
 * acts through their membership, which getStudioAccess checks per studio (404 invisible, 403 not allowed).
 */
export function studiosRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['studios'];
  r.get(
    '/api/studios',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: studioListQuery, response: { 200: pageOf(studioListItem) } },
    },
    (req) => service.findStudios({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/studios/export',
    { config: { access: 'authenticated' }, schema: { tags, querystring: studioListQuery } },
    async (req, reply) => {
      const ctx = req.ctx();
      const buf = await service.exportStudios({ ctx, query: req.query });
      const name = `创新工作室台账_${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="studios.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );
  r.get(
    '/api/studios/at-risk',
    {
      config: { access: 'studios.monitor' },
      schema: { tags, querystring: atRiskQuery, response: { 200: pageOf(atRiskItem) } },
    },
    (req) => findAtRiskStudios({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/studios/at-risk/notify',
    { config: { access: 'studios.monitor' }, schema: { tags, response: { 200: notifyResult } } },
    (req) => {
      const ctx = req.ctx();
      return notifyAtRiskStudios({
        db: ctx.db,
        clock: ctx.clock,
        scope: scopeOf(ctx.actor, 'studios.monitor'),
      });
    },
  );
  r.get(
    '/api/studios/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: studio } } },
    (req) => service.getStudio({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/studios',
    { config: { access: 'studios.create' }, schema: { tags, body: studioCreate, response: { 201: studio } } },
    async (req, reply) =>
      reply.code(201).send(await service.createStudio({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/studios/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: studioUpdate, response: { 200: studio } },
    },
    (req) => service.updateStudio({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/studios/:id/${action}`,
      {
        config: { access: 'studios.create' },
        schema: { tags, params: idParams, body: studioArchive, response: { 200: studio } },
      },
      (req) =>
        service.setStudioArchived({ ctx: req.ctx(), id: req.params.id, version: req.body.version, archived }),
    );
  }
  r.post(
    '/api/studios/:id/namings',
    {
      config: { access: 'studios.namings' },
      schema: { tags, params: idParams, body: namingCreate, response: { 201: naming } },
    },
    async (req, reply) =>
      reply.code(201).send(await addNaming({ ctx: req.ctx(), studioId: req.params.id, input: req.body })),
  );
  r.patch(
    '/api/studios/:id/namings/:namingId',
    {
      config: { access: 'studios.namings' },
      schema: { tags, params: namingParams, body: namingUpdate, response: { 200: naming } },
    },
    (req) =>
      changeNaming({
        ctx: req.ctx(),
        studioId: req.params.id,
        namingId: req.params.namingId,
        input: req.body,
      }),
  );
  r.post(
    '/api/studios/:id/namings/:namingId/archive',
    {
      config: { access: 'studios.namings' },
      schema: { tags, params: namingParams, body: studioArchive, response: { 200: naming } },
    },
    (req) =>
      changeNaming({
        ctx: req.ctx(),
        studioId: req.params.id,
        namingId: req.params.namingId,
        input: req.body,
        archive: true,
      }),
  );
  studioMembersRoutes(app);
}
