import { z } from 'zod';
import { resultGrades, resultKinds } from './results.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

const adoptionFields = {
  /** The adopting unit (in an enterprise other than the studio's). */
  orgId: id,
  adoptedOn: isoDate,
  /** Where: line, workshop, equipment. */
  site: z.string().trim().min(2).max(200),
  /** Scope of the adoption: how many machines, lines, shifts. */
  scope: z.string().trim().min(2).max(1000),
  contact: z.string().trim().max(50).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};
export const adoptionCreate = z.object(adoptionFields);
export type AdoptionCreate = z.infer<typeof adoptionCreate>;
export const adoptionUpdate = z.object(adoptionFields).omit({ orgId: true }).partial().extend({ version });
export type AdoptionUpdate = z.infer<typeof adoptionUpdate>;

export const adoption = z.object({
  id: z.number().int(),
  resultId: z.number().int(),
  resultTitle: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  enterpriseName: z.string(),
  adoptedOn: z.string(),
  site: z.string(),
  scope: z.string(),
  contact: z.string().nullable(),
  note: z.string().nullable(),
  /** Finance-verified benefit of this adoption only, in fen. */
  verifiedBenefitFen: z.number().int(),
  createdByName: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  abilities,
});
export type Adoption = z.infer<typeof adoption>;

export const marketQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(resultKinds).optional(),
  field: z.string().trim().max(50).optional(),
});
export type MarketQuery = z.infer<typeof marketQuery>;

export const marketItem = z.object({
  id: z.number().int(),
  archiveNo: z.string(),
  kind: z.enum(resultKinds),
  title: z.string(),
  field: z.string().nullable(),
  problem: z.string(),
  studioName: z.string(),
  enterpriseName: z.string(),
  recognisedOn: z.string().nullable(),
  grade: z.enum(resultGrades).nullable(),
  award: z.string().nullable(),
  verifiedBenefitFen: z.number().int(),
  adoptionCount: z.number().int(),
});
export type MarketItem = z.infer<typeof marketItem>;
