import { z } from 'zod';
import { namingLevels, studioTypes } from '../enums.js';
import { applicationActions, applicationStates } from '../workflows/application.js';
import { conditionResult, scorecard } from './rulebooks.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

/** What the leader writes in the application form (申报材料). */
export const applicationMaterials = z.object({
  /** 工作室简介 */
  summary: z.string().trim().max(5000).default(''),
  /** 主要成效与成果 */
  achievements: z.string().trim().max(5000).default(''),
  /** 下一步工作计划 */
  plans: z.string().trim().max(5000).default(''),
  /** The leader's explanation per condition key, for conditions that need manual confirmation. */
  conditionNotes: z.record(z.string(), z.string().trim().max(500)).default({}),
});
export type ApplicationMaterials = z.infer<typeof applicationMaterials>;

export const applicationCreate = z.object({
  studioId: id,
  level: z.enum(namingLevels),
  materials: applicationMaterials.default({ summary: '', achievements: '', plans: '', conditionNotes: {} }),
});
export type ApplicationCreate = z.infer<typeof applicationCreate>;

export const applicationUpdate = z.object({ materials: applicationMaterials, version });
export type ApplicationUpdate = z.infer<typeof applicationUpdate>;

/** A workflow move. Extra fields apply to some actions: the publicity window, the naming details. */
export const applicationTransition = z.object({
  action: z.enum(applicationActions),
  version,
  opinion: z.string().trim().max(2000).optional(),
  publicityStart: isoDate.optional(),
  publicityEnd: isoDate.optional(),
  namingBody: z.string().trim().min(1).max(100).optional(),
  namedOn: isoDate.optional(),
});
export type ApplicationTransition = z.infer<typeof applicationTransition>;

export const applicationStep = z.object({
  id: z.number().int(),
  action: z.string(),
  fromState: z.enum(applicationStates),
  toState: z.enum(applicationStates),
  opinion: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ApplicationStep = z.infer<typeof applicationStep>;

export const expertAssignment = z.object({
  id: z.number().int(),
  expertUserId: z.number().int(),
  expertName: z.string(),
  orgName: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(['pending', 'submitted', 'cancelled']),
  assignedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Only present for group admins, or for the expert after submitting their own score. */
  total: z.number().nullable(),
});
export type ExpertAssignment = z.infer<typeof expertAssignment>;

export const scoreSummary = z.object({
  count: z.number().int(),
  /** Aggregated total: the mean, without the highest and lowest when dropExtremes applies. */
  score: z.number().nullable(),
  grade: z.string().nullable(),
  dropExtremes: z.boolean(),
  /** Whether the highest and lowest were dropped (the flag is on and at least three scores are in). */
  dropped: z.boolean(),
});
export type ScoreSummary = z.infer<typeof scoreSummary>;

export const objection = z.object({
  id: z.number().int(),
  content: z.string(),
  /** The filer's name: shown to admins only. */
  filedByName: z.string().nullable(),
  filedAt: z.string(),
  mine: z.boolean(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type Objection = z.infer<typeof objection>;

export const application = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  studioType: z.enum(studioTypes),
  hostOrgName: z.string(),
  leaderName: z.string().nullable(),
  level: z.enum(namingLevels),
  state: z.enum(applicationStates),
  rulebookId: z.number().int(),
  rulebookVersionNo: z.number().int(),
  materials: applicationMaterials,
  /** Condition check as stored at the last submission (null for a draft never submitted). */
  conditionCheck: z.array(conditionResult).nullable(),
  dropExtremes: z.boolean(),
  expertDeadline: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  finalScore: z.number().nullable(),
  grade: z.string().nullable(),
  namingId: z.number().int().nullable(),
  plaqueNo: z.string().nullable(),
  submittedAt: z.string().nullable(),
  openObjections: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Workflow actions and other things the caller may do now. */
  abilities,
});
export type Application = z.infer<typeof application>;

export const applicationDetail = application.extend({
  steps: z.array(applicationStep),
  experts: z.array(expertAssignment),
  scoreSummary: scoreSummary.nullable(),
  objections: z.array(objection),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const applicationListQuery = pageQuery.extend({
  state: z.enum(applicationStates).optional(),
  level: z.enum(namingLevels).optional(),
  studioId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

export const applicationStateCounts = z.record(z.string(), z.number().int());

export const conditionCheckQuery = z.object({ studioId: id, level: z.enum(namingLevels) });

export const expertsAssign = z.object({
  expertUserIds: z.array(id).min(1).max(20),
  deadline: isoDate,
  version,
});
export type ExpertsAssign = z.infer<typeof expertsAssign>;

export const expertsSettings = z.object({ dropExtremes: z.boolean(), version });

export const expertCandidate = z.object({
  userId: z.number().int(),
  name: z.string(),
  orgName: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  /** Same enterprise as the studio: assigning is refused. */
  conflict: z.boolean(),
  assigned: z.boolean(),
});
export type ExpertCandidate = z.infer<typeof expertCandidate>;

/** What an assigned expert sees: the pinned sheet, their own card, and others' only after submitting. */
export const myReview = z.object({
  assignmentId: z.number().int(),
  deadline: z.string().nullable(),
  status: z.enum(['pending', 'submitted', 'cancelled']),
  mine: scorecard.nullable(),
  others: z.array(scorecard),
  canScore: z.boolean(),
});
export type MyReview = z.infer<typeof myReview>;

export const objectionCreate = z.object({ content: z.string().trim().min(5).max(2000) });
export const objectionResolve = z.object({ resolution: z.string().trim().min(2).max(2000) });

export const myStudio = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(studioTypes),
  hostOrgName: z.string(),
  status: z.string(),
  currentLevel: z.enum(namingLevels).nullable(),
});

/** An entry of the naming list (命名名单). */
export const namingListItem = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  studioType: z.enum(studioTypes),
  hostOrgName: z.string(),
  enterpriseName: z.string().nullable(),
  leaderName: z.string().nullable(),
  level: z.enum(namingLevels),
  namingBody: z.string(),
  namedOn: z.string(),
  plaqueNo: z.string().nullable(),
  applicationId: z.number().int().nullable(),
  revokedOn: z.string().nullable(),
});
export type NamingListItem = z.infer<typeof namingListItem>;

export const namingListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  level: z.enum(namingLevels).optional(),
  q: z.string().trim().max(100).optional(),
});
export type NamingListQuery = z.infer<typeof namingListQuery>;

/** An application under 公示 as anyone in the group sees it. */
export const publicityItem = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  studioType: z.enum(studioTypes),
  hostOrgName: z.string(),
  leaderName: z.string().nullable(),
  level: z.enum(namingLevels),
  summary: z.string(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  /** before | open | over: whether objections may be filed today. */
  phase: z.enum(['before', 'open', 'over']).nullable(),
  myObjections: z.array(objection),
});
export type PublicityItem = z.infer<typeof publicityItem>;
