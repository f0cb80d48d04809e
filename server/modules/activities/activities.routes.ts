import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activity,
  activityCreate,
  activityDetail,
  activityListQuery,
  activityUpdate,
  checkinInfo,
  checkinParams,
  checkinResult,
} from '../../../common/schemas/activities.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { checkIn, getCheckinInfo } from './activities.checkin.js';
import { exportActivities } from './activities.export.js';
import * as service from './activities.service.js';
import { xlsxHeaders } from './studio-life.access.js';

const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[0-9a-fA-F-]{36}$/)
    .optional(),
});

export function activitiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  r.get(
    '/api/activities',
    {
      config: { access: 'studios.read' },
      schema: { tags, querystring: activityListQuery, response: { 200: pageOf(activity) } },
    },
    (req) => service.findActivities({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/activities/export',
    { config: { access: 'studios.read' }, schema: { tags, querystring: activityListQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('活动台账.xlsx'))
        .send(await exportActivities({ ctx: req.ctx(), query: req.query })),
  );
  r.get(
    '/api/activities/:id',
    {
      config: { access: 'studios.read' },
      schema: { tags, params: idParams, response: { 200: activityDetail } },
    },
    (req) => service.getActivity({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/activities',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, body: activityCreate, response: { 201: activityDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createActivity({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/activities/:id',
    {
      config: { access: 'studios.contribute' },
      schema: { tags, params: idParams, body: activityUpdate, response: { 200: activityDetail } },
    },
    (req) => service.updateActivity({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/activities/:id/${action}`,
      {
        config: { access: 'studios.contribute' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: activityDetail } },
      },
      (req) =>
        service.setActivityArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
  r.get(
    '/api/activities/:id/checkin-qr',
    { config: { access: 'studios.contribute' }, schema: { tags, params: idParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'image/png')
        .send(await service.getCheckinQr({ ctx: req.ctx(), id: req.params.id })),
  );
  r.get(
    '/api/checkin/:token',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: checkinParams, response: { 200: checkinInfo } },
    },
    (req) => getCheckinInfo({ ctx: req.ctx(), token: req.params.token }),
  );
  r.post(
    '/api/checkin/:token',
    {
      config: { access: 'authenticated' },
      // Idempotency-Key: a client-generated UUID; the phone's offline outbox resends a check-in with the same key
      schema: { tags, params: checkinParams, headers: idempotencyHeaders, response: { 200: checkinResult } },
    },
    (req) => checkIn({ ctx: req.ctx(), token: req.params.token, clientKey: req.headers['idempotency-key'] }),
  );
}
