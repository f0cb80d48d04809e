import { z } from 'zod';

/** Shared field shapes of the studio-life schemas (activities, contests, mentorships, funds, alliances). */

/** A real calendar date as YYYY-MM-DD (2025-02-30 is refused). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期无效');

/** Money in integer fen (分), strictly positive, at most ¥10 亿. */
export const fen = z.number().int().positive().max(100_000_000_000);

/** Optional free text that may be cleared with null or ''. */
export const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .optional();

/** Date-range and paging filters every studio-life list shares. */
export const lifeListFilters = {
  q: z.string().trim().max(100).optional(),
  studioId: z.coerce.number().int().positive().optional(),
  /** Only studios hosted in this org's subtree. */
  orgId: z.coerce.number().int().positive().optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
};

export const personRef = z.object({
  id: z.number().int(),
  name: z.string(),
  employeeNo: z.string().nullable(),
});
export type PersonRef = z.infer<typeof personRef>;

type Labels<T extends string> = Record<T, { zh: string; en: string }>;
/** Label of an enum value in a language, falling back to the key. */
export function labelOf<T extends string>(
  labels: Labels<T>,
  key: string | null | undefined,
  lang: 'zh' | 'en' = 'zh',
): string {
  if (!key) return '';
  return (labels as Record<string, { zh: string; en: string }>)[key]?.[lang] ?? key;
}
