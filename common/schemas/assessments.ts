import { z } from 'zod';
import { studioStatuses, studioTypes } from '../enums.js';
import { assessmentActions, assessmentStates } from '../workflows/assessment.js';
import { studioChangeActions, studioChangeKinds, studioChangeStates } from '../workflows/studio-change.js';
import { expertAssignment, scoreSummary } from './applications.js';
import { abilities, id, isoDate, version } from './shared.js';

/**
 * One number counted from a studio's own records for its annual assessment, with where it came from:
 * `source` names the module and the rule ("成果库：认定日期在 2026 年内的成果"), `indicatorKey` the score
 * sheet indicator it supports (null when it fits none).
 */
export const prefillFact = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  source: z.string(),
  indicatorKey: z.string().nullable(),
});
export type PrefillFact = z.infer<typeof prefillFact>;

const deadline = isoDate;

export const campaignCreate = z.object({
  /** The org whose named studios are assessed (its whole subtree). */
  orgId: id,
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2).max(100).optional(),
  /** An assessment rulebook version; the current one when absent. */
  rulebookId: id.optional(),
  selfDeadline: deadline,
  reviewDeadline: deadline,
  /** Drop the highest and lowest reviewer score (with three or more). */
  dropExtremes: z.boolean().default(false),
});
export type CampaignCreate = z.infer<typeof campaignCreate>;

export const assessmentStateCounts = z.record(z.string(), z.number().int());

export const campaign = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  name: z.string(),
  rulebookId: z.number().int(),
  rulebookName: z.string(),
  rulebookVersionNo: z.number().int(),
  selfDeadline: z.string(),
  reviewDeadline: z.string(),
  dropExtremes: z.boolean(),
  createdAt: z.string(),
  /** Assessments the caller sees, by state. */
  counts: assessmentStateCounts,
  total: z.number().int(),
  abilities,
});
export type Campaign = z.infer<typeof campaign>;

export const assessmentListItem = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  year: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  studioType: z.enum(studioTypes),
  studioStatus: z.enum(studioStatuses),
  hostOrgName: z.string(),
  leaderName: z.string().nullable(),
  state: z.enum(assessmentStates),
  selfTotal: z.number().nullable(),
  finalScore: z.number().nullable(),
  grade: z.string().nullable(),
  reviewersAssigned: z.number().int(),
  reviewersSubmitted: z.number().int(),
  openTasks: z.number().int(),
  updatedAt: z.string(),
});
export type AssessmentListItem = z.infer<typeof assessmentListItem>;

export const campaignBoard = campaign.extend({ assessments: z.array(assessmentListItem) });
export type CampaignBoard = z.infer<typeof campaignBoard>;

export const assessmentStep = z.object({
  id: z.number().int(),
  action: z.string(),
  fromState: z.enum(assessmentStates),
  toState: z.enum(assessmentStates),
  opinion: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const rectificationTask = z.object({
  id: z.number().int(),
  title: z.string(),
  detail: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  report: z.string().nullable(),
  reportedAt: z.string().nullable(),
});
export type RectificationTask = z.infer<typeof rectificationTask>;

export const selfScore = z.object({
  items: z.record(z.string(), z.number()),
  bonus: z.record(z.string(), z.number()),
  notes: z.record(z.string(), z.string()),
  comment: z.string().nullable(),
  total: z.number().nullable(),
});

export const assessmentDetail = assessmentListItem.extend({
  campaignName: z.string(),
  rulebookId: z.number().int(),
  selfDeadline: z.string(),
  reviewDeadline: z.string(),
  indicators: z.array(prefillFact),
  prefilledAt: z.string().nullable(),
  self: selfScore,
  outcomeNote: z.string().nullable(),
  steps: z.array(assessmentStep),
  /** Assigned reviewers with their totals: group admins only. */
  reviewers: z.array(expertAssignment),
  scoreSummary: scoreSummary.nullable(),
  tasks: z.array(rectificationTask),
  version: z.number().int(),
  abilities,
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

const points = z.record(z.string(), z.number().min(0).max(1000).multipleOf(0.5));
export const selfScoreInput = z.object({
  items: points,
  bonus: points.default({}),
  notes: z.record(z.string(), z.string().trim().max(2000)).default({}),
  comment: z.string().trim().max(2000).nullable().optional(),
  version,
});
export type SelfScoreInput = z.infer<typeof selfScoreInput>;

export const rectificationTaskInput = z.object({
  title: z.string().trim().min(2).max(200),
  detail: z.string().trim().max(2000).nullable().optional(),
  deadline,
});

export const assessmentTransition = z.object({
  action: z.enum(assessmentActions),
  opinion: z.string().trim().max(2000).nullable().optional(),
  version,
  /** Rectification tasks, with the action `rectify` (at least one). */
  tasks: z.array(rectificationTaskInput).max(20).optional(),
});
export type AssessmentTransition = z.infer<typeof assessmentTransition>;

export const reviewersAssign = z.object({
  reviewerUserIds: z.array(id).min(1).max(20),
  /** Defaults to the campaign's review deadline. */
  deadline: deadline.optional(),
  version,
});
export type ReviewersAssign = z.infer<typeof reviewersAssign>;

export const taskReport = z.object({ report: z.string().trim().min(2).max(2000) });

export const studioChangeCreate = z.object({
  kind: z.enum(studioChangeKinds),
  /** The studio to revoke, or the surviving studio of a merge. */
  studioId: id,
  /** Studios merged into `studioId` (merge only). */
  absorbedStudioIds: z.array(id).max(20).default([]),
  reason: z.string().trim().min(2).max(2000),
});
export type StudioChangeCreate = z.infer<typeof studioChangeCreate>;

export const studioChange = z.object({
  id: z.number().int(),
  kind: z.enum(studioChangeKinds),
  studioId: z.number().int(),
  studioName: z.string(),
  absorbed: z.array(z.object({ id: z.number().int(), name: z.string() })),
  reason: z.string(),
  state: z.enum(studioChangeStates),
  effectiveOn: z.string().nullable(),
  proposedByName: z.string().nullable(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** What a merge moved into the surviving studio. */
  moved: z.object({ members: z.number().int(), results: z.number().int() }).nullable(),
  version: z.number().int(),
  abilities,
});
export type StudioChange = z.infer<typeof studioChange>;

export const studioChangeQuery = z.object({ studioId: id.optional() });

export const studioChangeTransition = z.object({
  action: z.enum(studioChangeActions),
  opinion: z.string().trim().max(2000).nullable().optional(),
  version,
});
export type StudioChangeTransition = z.infer<typeof studioChangeTransition>;
