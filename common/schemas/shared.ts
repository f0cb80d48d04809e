import { z } from 'zod';

/** Integer id in a path or body. */
export const id = z.coerce.number().int().positive();
export const idParams = z.object({ id });
export const version = z.number().int().nonnegative();
/** A calendar date as YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const year = z.number().int().min(1900).max(2100);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** A page of items with the total count. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The actions the current user may take on a returned thing. */
export const abilities = z.record(z.string(), z.boolean());

export const okResponse = z.object({ ok: z.literal(true) });
