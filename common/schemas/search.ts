import { z } from 'zod';

export const searchTypes = ['studios', 'people', 'projects', 'results', 'ideas', 'challenges'] as const;
export type SearchType = (typeof searchTypes)[number];
export const searchTypeLabels: Record<SearchType, { zh: string; en: string }> = {
  studios: { zh: '工作室', en: 'Studios' },
  people: { zh: '人员', en: 'People' },
  projects: { zh: '攻关课题', en: 'Projects' },
  results: { zh: '成果', en: 'Results' },
  ideas: { zh: '金点子', en: 'Ideas' },
  challenges: { zh: '揭榜挂帅', en: 'Challenges' },
};

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** Only this type (the results page's “more”). */
  type: z.enum(searchTypes).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});

export const searchHit = z.object({
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
  link: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

/** Matches counted per type at most (a common word can match a million ideas nation-wide). */
export const searchCap = 1000;

export const searchResult = z.object({
  q: z.string(),
  /** The words the query was segmented into (Intl.Segmenter). */
  words: z.array(z.string()),
  groups: z.array(
    z.object({
      type: z.enum(searchTypes),
      label: z.string(),
      /** How many match, counted up to `searchCap`. */
      total: z.number().int(),
      /** More than `total` match: counting stopped at the cap (shown as “1000+”). */
      capped: z.boolean(),
      items: z.array(searchHit),
      more: z.string().nullable(),
    }),
  ),
});
export type SearchResult = z.infer<typeof searchResult>;
