import { z } from 'zod';
// The kinds and grades with their labels live in ../enums.ts (no zod: the public showcase pages show them).
import { resultGrades, resultKinds } from '../enums.js';
import { resultActions, resultStatuses } from '../workflows/result.js';
import { fen, queryBool, workflowEvent } from './projects.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

export {
  type ResultGrade,
  type ResultKind,
  resultGradeLabels,
  resultGrades,
  resultKindLabels,
  resultKinds,
} from '../enums.js';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const patentTypes = ['invention', 'utilityModel', 'design'] as const;
export type PatentType = (typeof patentTypes)[number];
export const patentTypeLabels: Labels<PatentType> = {
  invention: { zh: '发明专利', en: 'Invention patent' },
  utilityModel: { zh: '实用新型', en: 'Utility model' },
  design: { zh: '外观设计', en: 'Design patent' },
};
export const patentStatuses = ['filing', 'granted', 'rejected', 'lapsed'] as const;
export type PatentStatus = (typeof patentStatuses)[number];
export const patentStatusLabels: Labels<PatentStatus> = {
  filing: { zh: '申请中', en: 'Filing' },
  granted: { zh: '已授权', en: 'Granted' },
  rejected: { zh: '驳回', en: 'Rejected' },
  lapsed: { zh: '失效', en: 'Lapsed' },
};

export const contributorRoles = ['main', 'participant'] as const;
export const contributorRoleLabels: Labels<(typeof contributorRoles)[number]> = {
  main: { zh: '主要完成人', en: 'Main contributor' },
  participant: { zh: '参与人', en: 'Participant' },
};

/** A share in percent with at most two decimals. */
const share = z
  .number()
  .positive()
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '份额最多保留两位小数' });

export const contributorInput = z.object({
  personId: id,
  share,
  role: z.enum(contributorRoles).default('participant'),
});
export type ContributorInput = z.infer<typeof contributorInput>;

/** China's patent application numbers: 8 or 12 digits, a dot and a check digit (ZL/CN prefixes allowed). */
export const patentNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(ZL|CN)?\s?\d{8}(\d{4})?\.[\dX]$/, { message: '专利申请号格式应为 202310123456.7' });

export const patentInput = z.object({
  type: z.enum(patentTypes),
  applicationNo: patentNo,
  filedOn: isoDate,
  grantedOn: isoDate.nullable().optional(),
  status: z.enum(patentStatuses),
});
export type PatentInput = z.infer<typeof patentInput>;

export const mediaItem = z.object({
  title: z.string().trim().min(1).max(200),
  outlet: z.string().trim().max(100).optional(),
  publishedOn: isoDate.optional(),
});

const resultFields = {
  kind: z.enum(resultKinds),
  projectId: id.nullable().optional(),
  title: z.string().trim().min(2).max(100),
  field: z.string().trim().max(50).nullable().optional(),
  problem: z.string().trim().min(2).max(3000),
  principle: z.string().trim().max(3000).nullable().optional(),
  innovationPoints: z.string().trim().max(3000).nullable().optional(),
  implementedOn: isoDate.nullable().optional(),
  media: z.array(mediaItem).max(30).default([]),
  confidential: z.boolean().default(false),
  contributors: z.array(contributorInput).min(1).max(30),
  patent: patentInput.nullable().optional(),
};
export const resultCreate = z.object({ studioId: id, ...resultFields });
export type ResultCreate = z.infer<typeof resultCreate>;
export const resultUpdate = z.object(resultFields).partial().extend({ version });
export type ResultUpdate = z.infer<typeof resultUpdate>;

export const resultActionBody = z.object({
  version,
  opinion: z.string().trim().max(2000).optional(),
  /** `pass`: the experts who will score. */
  reviewerUserIds: z.array(id).max(20).optional(),
  /** `recognise`: grade, award and date. */
  grade: z.enum(resultGrades).optional(),
  award: z.string().trim().max(200).optional(),
  on: isoDate.optional(),
});
export type ResultActionBody = z.infer<typeof resultActionBody>;
export const resultActionParams = z.object({ id, action: z.enum(resultActions).exclude(['score']) });

export const scoreInput = z.object({
  /** Points per indicator key of the pinned sheet; indicators scored by rule (经济效益) are computed by the server. */
  items: z.record(z.string(), z.number().min(0).max(100)),
  opinion: z.string().trim().max(2000).optional(),
});
export type ScoreInput = z.infer<typeof scoreInput>;

export const sheetIndicator = z.object({
  key: z.string(),
  name: z.string(),
  max: z.number(),
  /** Points by amount of verified benefit (yuan, lower bound inclusive): scored by rule, not by hand. */
  bands: z.array(z.object({ minYuan: z.number(), points: z.number() })).optional(),
});
export const scoreSheet = z.object({
  source: z.string(),
  id: z.number().int().nullable(),
  version: z.number().int(),
  name: z.string(),
  indicators: z.array(sheetIndicator),
  /** Grade bands by average total, matched from the highest minScore down (e.g. 一等 ≥ 90). */
  grades: z.array(z.object({ name: z.string(), minScore: z.number() })),
});
export type ScoreSheet = z.infer<typeof scoreSheet>;

export const resultScore = z.object({
  reviewerUserId: z.number().int(),
  reviewerName: z.string(),
  items: z.record(z.string(), z.number()),
  total: z.number(),
  opinion: z.string().nullable(),
  scoredAt: z.string(),
});

export const contributor = z.object({
  personId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  share: z.number(),
  role: z.enum(contributorRoles),
});
export const patent = z.object({
  type: z.enum(patentTypes),
  applicationNo: z.string(),
  filedOn: z.string(),
  grantedOn: z.string().nullable(),
  status: z.enum(patentStatuses),
});

export const resultListItem = z.object({
  id: z.number().int(),
  archiveNo: z.string(),
  kind: z.enum(resultKinds),
  title: z.string(),
  field: z.string().nullable(),
  status: z.enum(resultStatuses),
  year: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  orgName: z.string(),
  projectId: z.number().int().nullable(),
  contributorNames: z.string(),
  implementedOn: z.string().nullable(),
  grade: z.enum(resultGrades).nullable(),
  award: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  confidential: z.boolean(),
  patentType: z.enum(patentTypes).nullable(),
  patentStatus: z.enum(patentStatuses).nullable(),
  /** Finance-verified benefit only (own use and adoptions), in fen. */
  verifiedBenefitFen: z.number().int(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ResultListItem = z.infer<typeof resultListItem>;

export const result = resultListItem.extend({
  projectTitle: z.string().nullable(),
  problem: z.string(),
  principle: z.string().nullable(),
  innovationPoints: z.string().nullable(),
  media: z.array(mediaItem),
  contributors: z.array(contributor),
  patent: patent.nullable(),
  scoreAvg: z.number().nullable(),
  scoreSheet: scoreSheet.nullable(),
  scores: z.array(resultScore),
  reviewers: z.array(z.object({ userId: z.number().int(), name: z.string(), scored: z.boolean() })),
  suggestedGrade: z.enum(resultGrades).nullable(),
  events: z.array(workflowEvent),
  /** How the caller sees it: through their own scope, or only through the group-wide market. */
  view: z.enum(['scope', 'market']),
  version: z.number().int(),
  abilities,
});
export type Result = z.infer<typeof result>;

export const resultListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(resultKinds).optional(),
  status: z.enum(resultStatuses).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  studioId: z.coerce.number().int().positive().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
  patentType: z.enum(patentTypes).optional(),
  patentStatus: z.enum(patentStatuses).optional(),
  /** true = only results that carry patent data (any kind). */
  hasPatent: queryBool,
  includeArchived: queryBool,
});
export type ResultListQuery = z.infer<typeof resultListQuery>;

export const reviewerCandidate = z.object({
  userId: z.number().int(),
  name: z.string(),
  orgName: z.string().nullable(),
});

export { fen };
