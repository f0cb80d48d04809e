import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { job, jobListQuery } from '../../../common/schemas/jobs.js';
import { idParams } from '../../../common/schemas/shared.js';
import { findMyJobs, getJob, getJobFile } from './jobs.service.js';

/** Sends a file as a download with its (Chinese) name. */
export function attachment(name: string) {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function jobsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];
  r.get(
    '/api/jobs',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: jobListQuery, response: { 200: z.array(job) } },
    },
    (req) => findMyJobs({ ctx: req.ctx(), kind: req.query.kind }),
  );
  r.get(
    '/api/jobs/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: job } } },
    (req) => getJob({ ctx: req.ctx(), id: req.params.id }),
  );
  r.get(
    '/api/jobs/:id/file',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const f = await getJobFile({ ctx: req.ctx(), id: req.params.id });
      return reply
        .header('content-type', f.mime)
        .header('content-length', f.size)
        .header('content-disposition', attachment(f.name))
        .send(fs.createReadStream(f.path));
    },
  );
}
