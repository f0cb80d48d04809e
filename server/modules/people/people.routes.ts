import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReport } from '../../../common/schemas/audit.js';
import { person, personCreate, personListQuery, personUpdate } from '../../../common/schemas/people.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { buildWorkbook } from '../../core/excel.js';
import { readXlsxUpload } from '../../core/upload.js';
import { importPeople } from './people.import.js';
import * as service from './people.service.js';

export function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  r.get(
    '/api/people',
    {
      config: { access: 'people.read' },
      schema: { tags, querystring: personListQuery, response: { 200: pageOf(person) } },
    },
    (req) => service.findPeople({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/people/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: person } } },
    (req) => service.getPerson({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/people',
    { config: { access: 'people.write' }, schema: { tags, body: personCreate, response: { 201: person } } },
    async (req, reply) =>
      reply.code(201).send(await service.createPerson({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/people/:id',
    {
      config: { access: 'people.write' },
      schema: { tags, params: idParams, body: personUpdate, response: { 200: person } },
    },
    (req) => service.updatePerson({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/people/:id/${action}`,
      {
        config: { access: 'people.write' },
        schema: { tags, params: idParams, body: z.object({ version }), response: { 200: person } },
      },
      (req) =>
        service.setPersonArchived({ ctx: req.ctx(), id: req.params.id, version: req.body.version, archived }),
    );
  }
  r.post(
    '/api/people/import',
    {
      config: { access: 'people.import' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: importReport },
      },
    },
    async (req) =>
      importPeople({
        ctx: req.ctx(),
        file: await readXlsxUpload(req),
        dryRun: req.query.dryRun === 'true',
      }),
  );
  r.get(
    '/api/people/import/template',
    { config: { access: 'people.import' }, schema: { tags } },
    async (_req, reply) => {
      const buf = await buildWorkbook([
        {
          name: '人员',
          headers: [
            '工号',
            '姓名',
            '组织编码',
            '性别',
            '出生年份',
            '学历',
            '技能等级',
            '职称',
            '工种',
            '手机',
            '荣誉',
          ],
          rows: [
            [
              'E000001',
              '张三',
              'SLHI-01-B1-W1-T1',
              '男',
              1985,
              '大专',
              '技师',
              '工程师',
              '钳工',
              '13800000000',
              '技术能手(企业级,2021)',
            ],
          ],
        },
      ]);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
        )
        .send(buf);
    },
  );
}
