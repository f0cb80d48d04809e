import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { job } from '../../../common/schemas/jobs.js';
import {
  type LedgerKind,
  ledgerCounts,
  ledgerExportJob,
  ledgerExportQuery,
  ledgerParams,
} from '../../../common/schemas/ledgers.js';
import { attachment } from '../jobs/jobs.routes.js';
import { registerJobHandler } from '../jobs/jobs.runner.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { countLedgers, planLedgerExport } from './ledgers.service.js';
import { writeLedger } from './ledgers.writer.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// A large export runs as a job: streamed to a temporary file, then kept as the job's result.
registerJobHandler('ledger.export', async ({ ctx, params, progress }) => {
  const p = ledgerExportJob.parse(params);
  const plan = await planLedgerExport({ ctx, kind: p.kind, query: p });
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jx-ledger-')), 'out.xlsx');
  try {
    const out = fs.createWriteStream(tmp);
    const closed = new Promise<void>((resolve, reject) =>
      out.on('close', () => resolve()).on('error', reject),
    );
    const rows = await writeLedger({
      db: ctx.db,
      ledger: plan.ledger,
      filter: plan.filter,
      out,
      onProgress: progress,
    });
    await closed;
    return { file: { buffer: fs.readFileSync(tmp), name: plan.filename, mime: XLSX }, result: { rows } };
  } finally {
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }
});

export function ledgersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledgers'];
  r.get(
    '/api/ledgers/counts',
    {
      config: { access: 'ledgers.export' },
      schema: { tags, querystring: ledgerExportQuery, response: { 200: ledgerCounts } },
    },
    (req) => countLedgers({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/ledgers/:kind',
    {
      config: { access: 'ledgers.export' },
      schema: { tags, params: ledgerParams, querystring: ledgerExportQuery },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const plan = await planLedgerExport({ ctx, kind: req.params.kind as LedgerKind, query: req.query });
      const out = new PassThrough();
      writeLedger({ db: ctx.db, ledger: plan.ledger, filter: plan.filter, out }).catch((err) => {
        req.log.error({ err }, 'ledger export failed');
        out.destroy(err as Error);
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(plan.filename))
        .send(out);
    },
  );
  r.post(
    '/api/ledgers/:kind/jobs',
    {
      config: { access: 'ledgers.export' },
      schema: { tags, params: ledgerParams, body: ledgerExportQuery, response: { 202: job } },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const kind = req.params.kind as LedgerKind;
      const plan = await planLedgerExport({ ctx, kind, query: req.body });
      return reply
        .code(202)
        .send(
          await enqueueJob({ ctx, kind: 'ledger.export', params: { ...req.body, kind }, orgId: plan.orgId }),
        );
    },
  );
}
