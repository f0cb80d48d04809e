import { z } from 'zod';

/** The standard ledgers (台账) every union keeps, exported as formatted .xlsx. */
export const ledgerKinds = [
  'studios',
  'members',
  'results',
  'patents',
  'activities',
  'training',
  'mentoring',
  'funds',
] as const;
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

/** Ledgers that can be imported from a union's own (messy) Excel files. */
export const importKinds = ['studios', 'members', 'results'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
/** Field → 1-based column of the sheet (null: not in this ledger). */
export const importMapping = z.record(z.string(), z.number().int().positive().nullable());
export type ImportMapping = z.infer<typeof importMapping>;

export const importIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssue>;

/** An uploaded ledger: its header as found, the fields to map and the mapping (remembered for this layout, or guessed). */
export const importBatch = z.object({
  id: z.number().int(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.object({ col: z.number().int(), text: z.string() })),
  fields: z.array(importField),
  mapping: importMapping,
  /** True when this header layout was mapped before: the mapping is the one confirmed then. */
  remembered: z.boolean(),
  status: z.enum(['uploaded', 'checked', 'applied']),
});
export type ImportBatch = z.infer<typeof importBatch>;

export const importUploadQuery = z.object({
  kind: z.enum(importKinds),
  orgId: z.coerce.number().int().positive(),
});

/** A dry run: what applying would do, and every problem by row and column (nothing is written). */
export const importCheck = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importIssue),
  preview: z.array(
    z.object({ row: z.number().int(), action: z.enum(['create', 'unchanged']), summary: z.string() }),
  ),
});
export type ImportCheck = z.infer<typeof importCheck>;
export const importCheckBody = z.object({ mapping: importMapping });

export const importApplied = z.object({ created: z.number().int(), unchanged: z.number().int() });
