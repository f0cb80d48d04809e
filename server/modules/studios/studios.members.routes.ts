import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../common/schemas/shared.js';
import {
  leaderChange,
  member,
  memberAdd,
  memberLeave,
  memberListQuery,
  memberParams,
  memberUpdate,
  studio,
} from '../../../common/schemas/studios.js';
import * as service from './studios.members.service.js';

/** The roster of a studio: members with history, and the leader change (领衔人变更). */
export function studioMembersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['studios'];
  r.get(
    '/api/studios/:id/members',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, querystring: memberListQuery, response: { 200: z.array(member) } },
    },
    (req) =>
      service.findMembers({
        ctx: req.ctx(),
        studioId: req.params.id,
        includeHistory: req.query.includeHistory === 'true',
      }),
  );
  r.post(
    '/api/studios/:id/members',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, body: memberAdd, response: { 201: member } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.addMember({ ctx: req.ctx(), studioId: req.params.id, input: req.body })),
  );
  r.patch(
    '/api/studios/:id/members/:memberId',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: memberParams, body: memberUpdate, response: { 200: member } },
    },
    (req) =>
      service.updateMember({
        ctx: req.ctx(),
        studioId: req.params.id,
        memberId: req.params.memberId,
        input: req.body,
      }),
  );
  r.post(
    '/api/studios/:id/members/:memberId/leave',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: memberParams, body: memberLeave, response: { 200: member } },
    },
    (req) =>
      service.leaveMember({
        ctx: req.ctx(),
        studioId: req.params.id,
        memberId: req.params.memberId,
        input: req.body,
      }),
  );
  r.post(
    '/api/studios/:id/leader-change',
    {
      config: { access: 'studios.create' },
      schema: { tags, params: idParams, body: leaderChange, response: { 200: studio } },
    },
    (req) => service.changeLeader({ ctx: req.ctx(), studioId: req.params.id, input: req.body }),
  );
}
