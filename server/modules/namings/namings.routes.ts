import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { namingListItem, namingListQuery } from '../../../common/schemas/applications.js';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import { AppError } from '../../core/errors.js';
import { loadApplication } from '../applications/applications.service.js';
import * as service from './namings.service.js';

const attachment = (reply: FastifyReply, type: string, filename: string, body: Buffer) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(body);

export function namingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['namings'];
  r.get(
    '/api/namings',
    {
      config: { access: 'studios.read' },
      schema: { tags, querystring: namingListQuery, response: { 200: pageOf(namingListItem) } },
    },
    (req) => service.findNamings({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/namings/export',
    {
      config: { access: 'studios.read' },
      schema: { tags, querystring: namingListQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const { buffer, filename } = await service.exportNamings({ ctx: req.ctx(), query: req.query });
      return attachment(
        reply,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename,
        buffer,
      );
    },
  );
  r.get(
    '/api/namings/:id/certificate',
    { config: { access: 'studios.read' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { pdf, filename } = await service.getCertificate({ ctx: req.ctx(), id: req.params.id });
      return attachment(reply, 'application/pdf', filename, pdf);
    },
  );
  r.get(
    '/api/applications/:id/certificate',
    { config: { access: 'applications.read' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const ctx = req.ctx();
      const l = await loadApplication({ ctx, id: req.params.id });
      if (l.j.app.namingId === null) throw new AppError('namings.not_found', 404);
      const { pdf, filename } = await service.getCertificate({ ctx, id: l.j.app.namingId });
      return attachment(reply, 'application/pdf', filename, pdf);
    },
  );
}
