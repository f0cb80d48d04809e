import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntry, auditQuery } from '../../../common/schemas/audit.js';
import { pageOf } from '../../../common/schemas/shared.js';
import * as service from './audit.service.js';

export function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: pageOf(auditEntry) } },
    },
    (req) => service.findAuditEntries({ ctx: req.ctx(), query: req.query }),
  );
}
