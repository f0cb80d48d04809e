import { z } from 'zod';
import { honourLevels, namingLevels } from '../enums.js';
import { abilities, id } from './shared.js';

type L = { zh: string; en: string };

/** What a rulebook is for: naming a studio, the annual assessment, or awarding a result. */
export const rulebookPurposes = ['naming', 'assessment', 'result'] as const;
export type RulebookPurpose = (typeof rulebookPurposes)[number];
export const rulebookPurposeLabels: Record<RulebookPurpose, L> = {
  naming: { zh: '命名申报', en: 'Naming' },
  assessment: { zh: '年度考核', en: 'Annual assessment' },
  result: { zh: '成果评审', en: 'Result award' },
};

/**
 * Entry conditions by kind. A server-side registry checks each kind from the studio's data; a kind
 * whose data source is not installed yet (results before the results module) is shown as 待人工确认.
 */
export const conditionKinds = [
  'leaderHonour',
  'minMembers',
  'minYearsRunning',
  'minResultsPerYear',
  'minSiteArea',
  'priorNaming',
  'manual',
] as const;
export type ConditionKind = (typeof conditionKinds)[number];
export const conditionKindLabels: Record<ConditionKind, L> = {
  leaderHonour: { zh: '领衔人荣誉', en: 'Leader honour' },
  minMembers: { zh: '成员人数', en: 'Members' },
  minYearsRunning: { zh: '运行年限', en: 'Years running' },
  minResultsPerYear: { zh: '年度成果数', en: 'Results a year' },
  minSiteArea: { zh: '场所面积', en: 'Site area' },
  priorNaming: { zh: '已获下级命名', en: 'Prior naming' },
  manual: { zh: '人工核实', en: 'Manual check' },
};

const key = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '只能包含字母、数字和下划线，并以字母开头');
const label = z.string().trim().min(1).max(200);
const count = z.number().int().min(0).max(1000);

export const condition = z.discriminatedUnion('kind', [
  z.object({ key, label, kind: z.literal('leaderHonour'), minLevel: z.enum(honourLevels).nullable() }),
  z.object({ key, label, kind: z.literal('minMembers'), min: count }),
  z.object({ key, label, kind: z.literal('minYearsRunning'), years: count }),
  z.object({
    key,
    label,
    kind: z.literal('minResultsPerYear'),
    perYear: count,
    years: z.number().int().min(1).max(10),
  }),
  z.object({ key, label, kind: z.literal('minSiteArea'), sqm: z.number().min(0).max(100000) }),
  z.object({ key, label, kind: z.literal('priorNaming'), level: z.enum(namingLevels) }),
  z.object({ key, label, kind: z.literal('manual') }),
]);
export type Condition = z.infer<typeof condition>;

const points = z.number().min(0).max(1000).multipleOf(0.5);

export const indicator = z.object({
  key,
  name: z.string().trim().min(1).max(60),
  maxPoints: points.positive(),
  guidance: z.string().trim().max(1000).default(''),
});
export type Indicator = z.infer<typeof indicator>;

export const gradeBand = z.object({
  name: z.string().trim().min(1).max(30),
  /** Lowest total (inclusive) that earns this grade; the bands are matched from the highest down. */
  minScore: z.number().min(0).max(1000),
});
export type GradeBand = z.infer<typeof gradeBand>;

export const scoreSheet = z.object({
  indicators: z.array(indicator).min(1).max(50),
  bonus: z.array(indicator).max(20).default([]),
  /** Most bonus points counted, whatever the bonus items add up to. */
  bonusCap: z.number().min(0).max(1000).default(0),
  grades: z.array(gradeBand).min(1).max(10),
});
export type ScoreSheet = z.infer<typeof scoreSheet>;

/** A new version of a rulebook (editing always creates one; old versions never change). */
export const rulebookCreate = z.object({
  purpose: z.enum(rulebookPurposes),
  /** Naming level it applies to; null for assessment and result rulebooks that fit every level. */
  level: z.enum(namingLevels).nullable(),
  name: z.string().trim().min(1).max(100),
  note: z.string().trim().max(1000).nullable().optional(),
  conditions: z.array(condition).max(30).default([]),
  sheet: scoreSheet,
  /** The version this one was edited from: a newer current version → conflict.stale. Absent for a new family. */
  baseId: id.optional(),
});
export type RulebookCreate = z.infer<typeof rulebookCreate>;

/**
 * What the shape alone cannot say, as `{ field path: Chinese message }` (empty when fine): unique
 * indicator and condition keys, distinct grade lines with one starting at 0, a level for naming rules.
 * Checked by the server and by the editor before saving.
 */
export function rulebookProblems(
  r: Pick<RulebookCreate, 'purpose' | 'level' | 'conditions' | 'sheet'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.purpose === 'naming' && !r.level) out.level = '命名规则必须指定命名级别';
  const keys = new Set<string>();
  for (const [list, items] of [
    ['indicators', r.sheet.indicators],
    ['bonus', r.sheet.bonus ?? []],
  ] as const) {
    items.forEach((it, i) => {
      if (keys.has(it.key)) out[`sheet.${list}.${i}.key`] = '指标编码重复';
      keys.add(it.key);
    });
  }
  const mins = r.sheet.grades.map((g) => g.minScore);
  if (new Set(mins).size !== mins.length) out['sheet.grades'] = '等级分数线不能重复';
  else if (!mins.includes(0)) out['sheet.grades'] = '须有一个从 0 分起的最低等级';
  const ckeys = new Set<string>();
  (r.conditions ?? []).forEach((c, i) => {
    if (ckeys.has(c.key)) out[`conditions.${i}.key`] = '条件编码重复';
    ckeys.add(c.key);
  });
  return out;
}

export const rulebook = z.object({
  id: z.number().int(),
  purpose: z.enum(rulebookPurposes),
  level: z.enum(namingLevels).nullable(),
  versionNo: z.number().int(),
  name: z.string(),
  note: z.string().nullable(),
  conditions: z.array(condition),
  sheet: scoreSheet,
  /** Whether this is the newest version of its (purpose, level). */
  current: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  abilities: abilities.optional(),
});
export type Rulebook = z.infer<typeof rulebook>;

export const rulebookListQuery = z.object({
  purpose: z.enum(rulebookPurposes).optional(),
  level: z.enum(namingLevels).optional(),
  /** All versions instead of only the current one of each (purpose, level). */
  allVersions: z.enum(['true', 'false']).optional(),
});
export type RulebookListQuery = z.infer<typeof rulebookListQuery>;

export const conditionStatuses = ['passed', 'failed', 'manual'] as const;
export type ConditionStatus = (typeof conditionStatuses)[number];
export const conditionStatusLabels: Record<ConditionStatus, L> = {
  passed: { zh: '符合', en: 'Passed' },
  failed: { zh: '不符合', en: 'Failed' },
  manual: { zh: '待人工确认', en: 'Needs manual confirmation' },
};

export const conditionResult = z.object({
  key: z.string(),
  kind: z.enum(conditionKinds),
  label: z.string(),
  status: z.enum(conditionStatuses),
  /** Why, in Chinese: "领衔人张卫东持有省部级劳动模范（2018）". */
  reason: z.string(),
});
export type ConditionResult = z.infer<typeof conditionResult>;

export const conditionCheck = z.object({
  studioId: z.number().int(),
  level: z.enum(namingLevels),
  rulebookId: z.number().int(),
  rulebookVersionNo: z.number().int(),
  checkedAt: z.string(),
  results: z.array(conditionResult),
  /** No condition failed (manual ones are left to the reviewers). */
  ok: z.boolean(),
});
export type ConditionCheck = z.infer<typeof conditionCheck>;

/** One reviewer's points on a sheet: indicator key → points. */
export const scoreInput = z.object({
  items: z.record(z.string(), z.number().min(0).max(1000).multipleOf(0.5)),
  bonus: z.record(z.string(), z.number().min(0).max(1000).multipleOf(0.5)).default({}),
  comment: z.string().trim().max(2000).nullable().optional(),
  /** false saves a draft the reviewer can change; true submits for good. */
  submit: z.boolean(),
});
export type ScoreInput = z.infer<typeof scoreInput>;

export const scorecard = z.object({
  id: z.number().int(),
  rulebookId: z.number().int(),
  scorerUserId: z.number().int(),
  scorerName: z.string(),
  items: z.record(z.string(), z.number()),
  bonus: z.record(z.string(), z.number()),
  total: z.number(),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Scorecard = z.infer<typeof scorecard>;

export const reviewTaskStatuses = ['pending', 'submitted', 'cancelled'] as const;
export type ReviewTaskStatus = (typeof reviewTaskStatuses)[number];

/** One item in a reviewer's to-do list, whatever it reviews (application, assessment, result). */
export const reviewTask = z.object({
  assignmentId: z.number().int(),
  subjectType: z.string(),
  subjectId: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** Web path of the page where the reviewer scores. */
  link: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(reviewTaskStatuses),
  assignedAt: z.string(),
});
export type ReviewTask = z.infer<typeof reviewTask>;

export const reviewTaskQuery = z.object({ status: z.enum(['open', 'done', 'all']).default('open') });
