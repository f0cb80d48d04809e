import { z } from 'zod';

export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const jobStatusLabels: Record<JobStatus, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '进行中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
};

export const jobKinds = [
  'ledger.export',
  'report.annual',
  'form.provincial',
  'form.fiveSmall',
  'ledger.import',
] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobKindLabels: Record<JobKind, { zh: string; en: string }> = {
  'ledger.export': { zh: '台账导出', en: 'Ledger export' },
  'report.annual': { zh: '年度报告', en: 'Annual report' },
  'form.provincial': { zh: '省级工作室信息表', en: 'Provincial studio form' },
  'form.fiveSmall': { zh: '五小成果汇总表', en: '“Five small” summary' },
  'ledger.import': { zh: '台账导入', en: 'Ledger import' },
};

/** A job as the page polls it: progress is rows done of rows total (total unknown while counting). */
export const job = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  done: z.number().int(),
  total: z.number().int().nullable(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  /** Where the result file downloads from, once done. */
  fileUrl: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof job>;

export const jobListQuery = z.object({ kind: z.string().max(40).optional() });
