import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileInfo, fileListQuery, fileUploadQuery } from '../../../common/schemas/files.js';
import { idParams } from '../../../common/schemas/shared.js';
import { readUpload } from '../../core/upload.js';
import * as service from './files.service.js';

/** Attachments for every module: object-level checks go through the owner type's registered resolver. */
export function filesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];
  r.post(
    '/api/files',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: fileUploadQuery,
        response: { 201: fileInfo },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const upload = await readUpload(req);
      return reply.code(201).send(await service.uploadFile({ ctx, query: req.query, upload }));
    },
  );
  r.get(
    '/api/files',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: fileListQuery, response: { 200: z.array(fileInfo) } },
    },
    (req) => service.findFiles({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/files/:id/content',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ download: z.enum(['1', 'true']).optional() }),
      },
    },
    async (req, reply) => {
      const { info, path } = await service.getFileContent({ ctx: req.ctx(), id: req.params.id });
      const inline = info.mime.startsWith('image/') && !req.query.download;
      return reply
        .header('content-type', info.mime)
        .header('content-length', String(info.size))
        .header(
          'content-disposition',
          service.contentDisposition(inline ? 'inline' : 'attachment', info.originalName),
        )
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(path));
    },
  );
  for (const [method, url, deleted] of [
    ['DELETE', '/api/files/:id', true],
    ['POST', '/api/files/:id/restore', false],
  ] as const) {
    r.route({
      method,
      url,
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: fileInfo } },
      handler: (req) => service.setFileDeleted({ ctx: req.ctx(), id: req.params.id, deleted }),
    });
  }
}
