import { z } from 'zod';
import { abilities, id, isoDate, pageQuery, version, year } from './shared.js';

export const pointSubjects = ['person', 'studio'] as const;
export type PointSubject = (typeof pointSubjects)[number];

export const pointRule = z.object({
  id: z.number().int(),
  event: z.string(),
  label: z.string(),
  subject: z.enum(pointSubjects),
  points: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PointRule = z.infer<typeof pointRule>;
export const pointRuleUpdate = z.object({
  points: z.number().int().min(-1000).max(10_000).optional(),
  active: z.boolean().optional(),
  label: z.string().trim().min(1).max(50).optional(),
  version,
});
export type PointRuleUpdate = z.infer<typeof pointRuleUpdate>;

export const pointEntry = z.object({
  id: z.number().int(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  studioId: z.number().int().nullable(),
  studioName: z.string().nullable(),
  orgName: z.string(),
  event: z.string(),
  label: z.string(),
  points: z.number().int(),
  causeType: z.string(),
  causeId: z.number().int(),
  note: z.string().nullable(),
  correctionOfId: z.number().int().nullable(),
  /** Sum of this entry and its corrections. */
  netPoints: z.number().int(),
  createdAt: z.string(),
  abilities,
});
export type PointEntry = z.infer<typeof pointEntry>;

export const pointEntryQuery = pageQuery.extend({
  personId: id.optional(),
  studioId: id.optional(),
  event: z.string().trim().max(50).optional(),
});
export type PointEntryQuery = z.infer<typeof pointEntryQuery>;

export const myPoints = z.object({
  total: z.number().int(),
  thisYear: z.number().int(),
  entries: z.array(pointEntry),
});

export const pointCorrection = z.object({
  /** The change to apply, e.g. the negative of the entry to reverse it. Never zero. */
  points: z
    .number()
    .int()
    .min(-100_000)
    .max(100_000)
    .refine((n) => n !== 0, { message: '调整分值不能为 0' }),
  reason: z.string().trim().min(2).max(500),
});
export type PointCorrection = z.infer<typeof pointCorrection>;

export const leaderboardPeriods = ['month', 'quarter', 'year', 'all'] as const;
export type LeaderboardPeriod = (typeof leaderboardPeriods)[number];
export const leaderboardQuery = z.object({
  subject: z.enum(['person', 'studio', 'enterprise']).default('person'),
  period: z.enum(leaderboardPeriods).default('year'),
  /** A day inside the period; defaults to today. */
  at: isoDate.optional(),
  enterpriseId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuery>;
export const leaderboardRow = z.object({
  rank: z.number().int(),
  id: z.number().int(),
  name: z.string(),
  enterpriseName: z.string().nullable(),
  points: z.number().int(),
  entries: z.number().int(),
});
export const leaderboard = z.object({
  subject: z.enum(['person', 'studio', 'enterprise']),
  period: z.enum(leaderboardPeriods),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(leaderboardRow),
});
export type Leaderboard = z.infer<typeof leaderboard>;

// Awards (评优) with citations.
export const award = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  subject: z.enum(pointSubjects),
  personId: z.number().int().nullable(),
  studioId: z.number().int().nullable(),
  winnerName: z.string(),
  orgName: z.string(),
  citation: z.string(),
  awardedOn: z.string(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  abilities,
});
export type Award = z.infer<typeof award>;
export const awardCreate = z
  .object({
    title: z.string().trim().min(2).max(100),
    year,
    personId: id.optional(),
    studioId: id.optional(),
    citation: z.string().trim().min(10).max(2000),
    awardedOn: isoDate,
  })
  .refine((a) => (a.personId === undefined) !== (a.studioId === undefined), {
    message: '请选择一位获奖人或一个获奖工作室',
    path: ['personId'],
  });
export type AwardCreate = z.infer<typeof awardCreate>;
export const awardQuery = pageQuery.extend({
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type AwardQuery = z.infer<typeof awardQuery>;
export const archiveBody = z.object({ version });
