import { z } from 'zod';
import { benefitActions, benefitStatuses } from '../workflows/benefit.js';
import { fen, queryBool, workflowEvent } from './projects.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

/** What one unit of the period is: the calculation multiplies the per-unit gain by the number of units. */
export const periodUnits = ['month', 'quarter', 'year', 'piece', 'batch'] as const;
export type PeriodUnit = (typeof periodUnits)[number];
export const periodUnitLabels: Record<PeriodUnit, { zh: string; en: string }> = {
  month: { zh: '月', en: 'month' },
  quarter: { zh: '季度', en: 'quarter' },
  year: { zh: '年', en: 'year' },
  piece: { zh: '件', en: 'piece' },
  batch: { zh: '批', en: 'batch' },
};

export const attributionInput = z.object({
  orgId: id,
  share: z
    .number()
    .positive()
    .max(100)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '份额最多保留两位小数' }),
});

/** Signed money in fen for the measured values (a value can be a cost, i.e. negative). */
const signedFen = z.number().int().min(-1e13).max(1e13);

const benefitFields = {
  /** The unit where the benefit arose; defaults to the studio's enterprise (or the adopting org for an adoption). */
  orgId: id.optional(),
  periodFrom: isoDate,
  periodTo: isoDate,
  /** Measured value per unit before the change, in fen. */
  beforeValueFen: signedFen,
  /** Measured value per unit after the change, in fen. */
  afterValueFen: signedFen,
  periodCount: z
    .number()
    .positive()
    .max(1e6)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '数量最多保留两位小数' }),
  periodUnit: z.enum(periodUnits),
  implementationCostFen: fen,
  basis: z.string().trim().min(2).max(3000),
  /** Contributing units and their shares (summing to 100%); defaults to the benefit's unit alone. */
  attribution: z.array(attributionInput).min(1).max(20).optional(),
};
export const benefitCreate = z.object({ adoptionId: id.nullable().optional(), ...benefitFields });
export type BenefitCreate = z.infer<typeof benefitCreate>;
export const benefitUpdate = z.object(benefitFields).partial().extend({ version });
export type BenefitUpdate = z.infer<typeof benefitUpdate>;

export const benefitActionBody = z.object({
  version,
  opinion: z.string().trim().max(2000).optional(),
  /** `verify`: who signed for finance (defaults to the caller) and when. */
  verifierName: z.string().trim().min(1).max(50).optional(),
  verifiedOn: isoDate.optional(),
});
export type BenefitActionBody = z.infer<typeof benefitActionBody>;
export const benefitActionParams = z.object({ id, action: z.enum(benefitActions) });

export const benefit = z.object({
  id: z.number().int(),
  resultId: z.number().int(),
  resultTitle: z.string(),
  resultArchiveNo: z.string(),
  adoptionId: z.number().int().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  beforeValueFen: z.number().int(),
  afterValueFen: z.number().int(),
  periodCount: z.number(),
  periodUnit: z.enum(periodUnits),
  implementationCostFen: z.number().int(),
  /** (after − before) × periodCount − implementation cost, in fen. */
  amountFen: z.number().int(),
  basis: z.string(),
  attribution: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      share: z.number(),
      amountFen: z.number().int(),
    }),
  ),
  status: z.enum(benefitStatuses),
  createdByName: z.string().nullable(),
  verifierName: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  verifyOpinion: z.string().nullable(),
  events: z.array(workflowEvent),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities,
});
export type Benefit = z.infer<typeof benefit>;

export const benefitListQuery = pageQuery.extend({
  status: z.enum(benefitStatuses).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  resultId: z.coerce.number().int().positive().optional(),
  /** The year a benefit counts in: the year finance verified it (the period's end while not yet verified). */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  includeArchived: queryBool,
});
export type BenefitListQuery = z.infer<typeof benefitListQuery>;

/** Exactly one subject: a result, a studio, an org subtree or a person (through contributor shares). */
export const benefitTotalsQuery = z.object({
  resultId: z.coerce.number().int().positive().optional(),
  studioId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type BenefitTotalsQuery = z.infer<typeof benefitTotalsQuery>;

export const benefitTotals = z.object({
  /** Always 'verified': totals never include draft, submitted or rejected calculations. */
  basis: z.literal('verified'),
  verifiedBenefitFen: z.number().int(),
  verifiedCount: z.number().int(),
  /** Calculations still waiting for finance, shown apart and never added in. */
  pendingCount: z.number().int(),
});
export type BenefitTotals = z.infer<typeof benefitTotals>;
