import { z } from 'zod';

export const similarQuery = z.object({
  text: z.string().trim().min(2).max(5000),
  kind: z.enum(['project', 'result']).optional(),
  /** Leave the item being looked at out of its own list. */
  excludeProjectId: z.coerce.number().int().positive().optional(),
  excludeResultId: z.coerce.number().int().positive().optional(),
});
export type SimilarQuery = z.infer<typeof similarQuery>;

export const similarItem = z.object({
  kind: z.enum(['project', 'result']),
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  year: z.number().int(),
  studioName: z.string(),
  enterpriseName: z.string(),
  /** 0–1: a blend of shared words (Intl.Segmenter) and title trigram similarity. */
  score: z.number(),
  /** Words shared with the query text. */
  sharedWords: z.array(z.string()),
  /** Whether the caller may open it (items of other enterprises show their title and studio only). */
  canOpen: z.boolean(),
});
export type SimilarItem = z.infer<typeof similarItem>;
