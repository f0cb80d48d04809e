import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { job } from '../../../common/schemas/jobs.js';
import {
  importApplied,
  importBatch,
  importCheck,
  importCheckBody,
  importUploadQuery,
} from '../../../common/schemas/ledgers.js';
import { idParams } from '../../../common/schemas/shared.js';
import { AppError } from '../../core/errors.js';
import { readUpload } from '../../core/upload.js';
import { registerJobHandler } from '../jobs/jobs.runner.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { applyImport, checkApplicable, checkImport, uploadImport } from './import.service.js';

// A large ledger is applied as a job: progress is rows done of rows planned; a failure keeps every problem.
registerJobHandler('ledger.import', async ({ ctx, params, progress }) => {
  const { id } = z.object({ id: z.number().int() }).parse(params);
  return { result: await applyImport({ ctx, id, progress }) };
});

export function importRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledgers'];
  r.post(
    '/api/ledgers/imports',
    {
      config: { access: 'ledgers.import' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: importUploadQuery,
        response: { 201: importBatch },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req);
      if (file.buffer.length < 4 || file.buffer.readUInt32LE(0) !== 0x04034b50)
        throw new AppError('files.type_not_allowed', 400);
      return reply
        .code(201)
        .send(await uploadImport({ ctx: req.ctx(), kind: req.query.kind, orgId: req.query.orgId, file }));
    },
  );
  r.post(
    '/api/ledgers/imports/:id/check',
    {
      config: { access: 'ledgers.import' },
      schema: { tags, params: idParams, body: importCheckBody, response: { 200: importCheck } },
    },
    (req) => checkImport({ ctx: req.ctx(), id: req.params.id, mapping: req.body.mapping }),
  );
  r.post(
    '/api/ledgers/imports/:id/apply',
    {
      config: { access: 'ledgers.import' },
      schema: { tags, params: idParams, response: { 200: importApplied } },
    },
    (req) => applyImport({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/ledgers/imports/:id/jobs',
    { config: { access: 'ledgers.import' }, schema: { tags, params: idParams, response: { 202: job } } },
    async (req, reply) => {
      const ctx = req.ctx();
      const b = await checkApplicable({ ctx, id: req.params.id });
      return reply
        .code(202)
        .send(await enqueueJob({ ctx, kind: 'ledger.import', params: { id: b.id }, orgId: b.orgId }));
    },
  );
}
