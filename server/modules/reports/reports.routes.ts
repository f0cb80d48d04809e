import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { job } from '../../../common/schemas/jobs.js';
import {
  annualReportQuery,
  type UpwardForm,
  upwardFormParams,
  upwardFormQuery,
  upwardForms,
} from '../../../common/schemas/reports.js';
import { attachment } from '../jobs/jobs.routes.js';
import { registerJobHandler } from '../jobs/jobs.runner.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { XLSX } from '../ledgers/ledgers.routes.js';
import { getStatsOrg } from '../stats/stats.service.js';
import { generateAnnualReport, generateUpwardForm } from './reports.service.js';

registerJobHandler('report.annual', async ({ ctx, params, progress }) => {
  const r = await generateAnnualReport({ ctx, query: annualReportQuery.parse(params), progress });
  return { file: { buffer: r.buffer, name: r.name, mime: r.mime } };
});

const formJob = upwardFormQuery.extend({ form: z.enum(upwardForms) });
for (const form of upwardForms)
  registerJobHandler(`form.${form}`, async ({ ctx, params, progress }) => {
    const p = formJob.parse(params);
    await progress(0, 1);
    const r = await generateUpwardForm({ ctx, form: p.form, orgId: p.orgId, year: p.year });
    return { file: { buffer: r.buffer, name: r.name, mime: XLSX } };
  });

export function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.get(
    '/api/reports/annual',
    { config: { access: 'reports.generate' }, schema: { tags, querystring: annualReportQuery } },
    async (req, reply) => {
      const out = await generateAnnualReport({ ctx: req.ctx(), query: req.query });
      return reply
        .header('content-type', out.mime)
        .header('content-disposition', attachment(out.name))
        .send(out.buffer);
    },
  );
  r.post(
    '/api/reports/annual/jobs',
    {
      config: { access: 'reports.generate' },
      schema: { tags, body: annualReportQuery, response: { 202: job } },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const org = await getStatsOrg(ctx, req.body.orgId);
      return reply
        .code(202)
        .send(await enqueueJob({ ctx, kind: 'report.annual', params: req.body, orgId: org.id }));
    },
  );
  r.get(
    '/api/reports/forms/:form',
    {
      config: { access: 'reports.generate' },
      schema: { tags, params: upwardFormParams, querystring: upwardFormQuery },
    },
    async (req, reply) => {
      const out = await generateUpwardForm({
        ctx: req.ctx(),
        form: req.params.form as UpwardForm,
        ...req.query,
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(out.name))
        .send(out.buffer);
    },
  );
  r.post(
    '/api/reports/forms/:form/jobs',
    {
      config: { access: 'reports.generate' },
      schema: { tags, params: upwardFormParams, body: upwardFormQuery, response: { 202: job } },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const form = req.params.form as UpwardForm;
      const org = await getStatsOrg(ctx, req.body.orgId);
      return reply
        .code(202)
        .send(await enqueueJob({ ctx, kind: `form.${form}`, params: { ...req.body, form }, orgId: org.id }));
    },
  );
}
