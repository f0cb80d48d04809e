import { z } from 'zod';

/** The standard ledgers (台账) every union keeps, exported as formatted .xlsx. */
export const ledgerKinds = ['studios', 'members', 'results', 'patents', 'activities', 'training', 'mentoring', 'funds'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];
export const ledgerKindLabels: Record<LedgerKind, { zh: string; en: string }> = {
  studios: { zh: '工作室台账', en: 'Studios' },
  members: { zh: '成员台账', en: 'Members' },
  results: { zh: '成果台账', en: 'Results' },
  patents: { zh: '专利台账', en: 'Patents' },
  activities: { zh: '活动台账', en: 'Activities' },
  training: { zh: '培训台账', en: 'Training' },
  mentoring: { zh: '师带徒台账', en: 'Mentoring' },
  funds: { zh: '经费台账', en: 'Funds' },
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An org subtree and a period (dates, inclusive); the period defaults to the current year. */
export const ledgerExportQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  from: date.optional(),
  to: date.optional(),
});
export type LedgerExportQuery = z.infer<typeof ledgerExportQuery>;
export const ledgerParams = z.object({ kind: z.enum(ledgerKinds) });

export const ledgerExportJob = ledgerExportQuery.extend({ kind: z.enum(ledgerKinds) });
export type LedgerExportJob = z.infer<typeof ledgerExportJob>;

/** Rows each ledger would hold for the query, so the page can say what it is about to export. */
export const ledgerCounts = z.record(z.enum(ledgerKinds), z.number().int());
