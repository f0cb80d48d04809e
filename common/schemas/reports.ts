import { z } from 'zod';

export const reportFormats = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The annual report of an org node for a year, as Word (editable) or PDF. */
export const annualReportQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100),
  format: z.enum(reportFormats).default('docx'),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery>;

/** The upward forms an upper union asks for, produced from the records. */
export const upwardForms = ['provincial', 'fiveSmall'] as const;
export type UpwardForm = (typeof upwardForms)[number];
export const upwardFormLabels: Record<UpwardForm, { zh: string; en: string }> = {
  provincial: { zh: '省级劳模和工匠人才创新工作室信息表', en: 'Provincial studio information form' },
  fiveSmall: { zh: '“五小”成果汇总表', en: '“Five small” results summary' },
};
export const upwardFormQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const upwardFormParams = z.object({ form: z.enum(upwardForms) });
