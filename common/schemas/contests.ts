import { z } from 'zod';
import { abilities, id, pageQuery, version } from './shared.js';
import { calendarDate, lifeListFilters, optText } from './studio-life.js';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const contestLevels = ['studio', 'enterprise', 'group', 'city', 'province', 'national'] as const;
export type ContestLevel = (typeof contestLevels)[number];
export const contestLevelLabels: Labels<ContestLevel> = {
  studio: { zh: '工作室级', en: 'Studio' },
  enterprise: { zh: '企业级', en: 'Enterprise' },
  group: { zh: '集团级', en: 'Group' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省部级', en: 'Province' },
  national: { zh: '全国', en: 'National' },
};

export const contestAwards = ['first', 'second', 'third', 'excellence'] as const;
export type ContestAward = (typeof contestAwards)[number];
export const contestAwardLabels: Labels<ContestAward> = {
  first: { zh: '一等奖', en: 'First prize' },
  second: { zh: '二等奖', en: 'Second prize' },
  third: { zh: '三等奖', en: 'Third prize' },
  excellence: { zh: '优秀奖', en: 'Excellence award' },
};

export const entryInput = z.object({
  personId: id,
  score: z.number().min(0).max(10_000).nullable().optional(),
  /** Left empty for everyone, ranks are computed from the scores (ties share a rank). */
  rank: z.number().int().min(1).max(10_000).nullable().optional(),
  award: z.enum(contestAwards).nullable().optional(),
  /** A title won with the result, e.g. 技术能手. */
  awardTitle: optText(50),
});
export type EntryInput = z.infer<typeof entryInput>;

const contestFields = {
  name: z.string().trim().min(1).max(100),
  level: z.enum(contestLevels),
  trade: z.string().trim().min(1).max(50),
  heldOn: calendarDate,
  place: optText(100),
  organizer: optText(100),
  summary: optText(5000),
  entries: z.array(entryInput).max(500),
};
export const contestCreate = z.object({
  studioId: id,
  ...contestFields,
  entries: contestFields.entries.default([]),
});
export type ContestCreate = z.infer<typeof contestCreate>;
export const contestUpdate = z.object(contestFields).partial().extend({ version });
export type ContestUpdate = z.infer<typeof contestUpdate>;

export const contestEntry = z.object({
  personId: z.number().int(),
  name: z.string(),
  employeeNo: z.string(),
  orgName: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  award: z.enum(contestAwards).nullable(),
  awardTitle: z.string().nullable(),
  /** Points this result earns (see contestPoints in server/modules/contests/contests.policy.ts). */
  points: z.number().int(),
});
export type ContestEntry = z.infer<typeof contestEntry>;

export const contest = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  name: z.string(),
  level: z.enum(contestLevels),
  trade: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  organizer: z.string().nullable(),
  summary: z.string().nullable(),
  entrantCount: z.number().int(),
  awardCount: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Contest = z.infer<typeof contest>;
export const contestDetail = contest.extend({ entries: z.array(contestEntry) });
export type ContestDetail = z.infer<typeof contestDetail>;

export const contestListQuery = pageQuery.extend({
  ...lifeListFilters,
  level: z.enum(contestLevels).optional(),
  trade: z.string().trim().max(50).optional(),
});
export type ContestListQuery = z.infer<typeof contestListQuery>;
