import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReport } from '../../../common/schemas/audit.js';
import {
  org,
  orgArchive,
  orgCreate,
  orgListQuery,
  orgMove,
  orgUpdate,
} from '../../../common/schemas/orgs.js';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import { buildWorkbook } from '../../core/excel.js';
import { readXlsxUpload } from '../../core/upload.js';
import * as service from './orgs.service.js';

export function orgsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];
  r.get(
    '/api/orgs',
    {
      config: { access: 'orgs.read' },
      schema: { tags, querystring: orgListQuery, response: { 200: pageOf(org) } },
    },
    (req) => service.findOrgs({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/orgs/tree',
    {
      config: { access: 'orgs.read' },
      schema: {
        tags,
        querystring: z.object({ includeArchived: z.stringbool().optional() }),
        response: { 200: z.array(org) },
      },
    },
    (req) => service.getOrgTree({ ctx: req.ctx(), includeArchived: req.query.includeArchived ?? false }),
  );
  r.get(
    '/api/orgs/:id',
    { config: { access: 'orgs.read' }, schema: { tags, params: idParams, response: { 200: org } } },
    (req) => service.getOrg({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/orgs',
    { config: { access: 'orgs.write' }, schema: { tags, body: orgCreate, response: { 201: org } } },
    async (req, reply) => reply.code(201).send(await service.createOrg({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/orgs/:id',
    {
      config: { access: 'orgs.write' },
      schema: { tags, params: idParams, body: orgUpdate, response: { 200: org } },
    },
    (req) => service.updateOrg({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/orgs/:id/move',
    {
      config: { access: 'orgs.write' },
      schema: { tags, params: idParams, body: orgMove, response: { 200: org } },
    },
    (req) => service.moveOrg({ ctx: req.ctx(), id: req.params.id, ...req.body }),
  );
  r.post(
    '/api/orgs/:id/archive',
    {
      config: { access: 'orgs.write' },
      schema: { tags, params: idParams, body: orgArchive, response: { 200: org } },
    },
    (req) =>
      service.setOrgArchived({
        ctx: req.ctx(),
        id: req.params.id,
        version: req.body.version,
        archived: true,
      }),
  );
  r.post(
    '/api/orgs/:id/restore',
    {
      config: { access: 'orgs.write' },
      schema: { tags, params: idParams, body: orgArchive, response: { 200: org } },
    },
    (req) =>
      service.setOrgArchived({
        ctx: req.ctx(),
        id: req.params.id,
        version: req.body.version,
        archived: false,
      }),
  );
  r.post(
    '/api/orgs/import',
    {
      config: { access: 'orgs.import' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: importReport },
      },
    },
    async (req) =>
      service.importOrgs({
        ctx: req.ctx(),
        file: await readXlsxUpload(req),
        dryRun: req.query.dryRun === 'true',
      }),
  );
  r.get(
    '/api/orgs/import/template',
    { config: { access: 'orgs.import' }, schema: { tags } },
    async (_req, reply) => {
      const buf = await buildWorkbook([
        {
          name: '组织',
          headers: ['编码', '名称', '上级编码', '类型', '职工人数'],
          rows: [['SLHI-01-B9', '示例分厂', 'SLHI-01', '分厂', 300]],
        },
      ]);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('组织导入模板.xlsx')}`,
        )
        .send(buf);
    },
  );
}
