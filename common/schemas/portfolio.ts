import { z } from 'zod';
import { resultStatuses } from '../workflows/result.js';
import { contributorRoles, patent, resultGrades, resultKinds } from './results.js';

export const portfolioResult = z.object({
  id: z.number().int(),
  archiveNo: z.string(),
  kind: z.enum(resultKinds),
  title: z.string(),
  status: z.enum(resultStatuses),
  studioName: z.string(),
  share: z.number(),
  role: z.enum(contributorRoles),
  grade: z.enum(resultGrades).nullable(),
  award: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  patent: patent.nullable(),
  /** The result's verified benefit (all units), in fen. */
  resultVerifiedBenefitFen: z.number().int(),
  /** The person's part of it: verified benefit × share, in fen. */
  verifiedBenefitFen: z.number().int(),
});

export const portfolio = z.object({
  personId: z.number().int(),
  name: z.string(),
  results: z.array(portfolioResult),
  totals: z.object({
    results: z.number().int(),
    recognised: z.number().int(),
    patents: z.number().int(),
    inventionPatents: z.number().int(),
    utilityModelPatents: z.number().int(),
    designPatents: z.number().int(),
    awards: z.number().int(),
    /** Verified benefit attributed to the person by share; never includes unverified calculations. */
    verifiedBenefitFen: z.number().int(),
  }),
});
export type Portfolio = z.infer<typeof portfolio>;
