import { z } from 'zod';
import { type ProjectAction, projectActions, projectStatuses } from '../workflows/project.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

/** Where a project comes from: 自选 (the studio's own), 企业难题 (an enterprise problem), 揭榜 (a challenge taken). */
export const projectSources = ['self', 'enterprise', 'challenge'] as const;
export type ProjectSource = (typeof projectSources)[number];
export const projectSourceLabels: Record<ProjectSource, { zh: string; en: string }> = {
  self: { zh: '自选课题', en: 'Self-chosen' },
  enterprise: { zh: '企业难题', en: 'Enterprise problem' },
  challenge: { zh: '揭榜挂帅', en: 'Challenge' },
};

/** A yes/no query-string flag: only the text `true` means yes (z.coerce.boolean would read `false` as true). */
export const queryBool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** Money in integer fen (分). */
export const fen = z.number().int().min(0).max(1e13);

export const projectMemberInput = z.object({
  personId: id,
  division: z.string().trim().max(100).optional(),
});
export const milestoneInput = z.object({
  title: z.string().trim().min(1).max(100),
  dueOn: isoDate,
});

const projectFields = {
  title: z.string().trim().min(2).max(100),
  source: z.enum(projectSources),
  challengeId: z.number().int().positive().nullable().optional(),
  leaderPersonId: id,
  members: z.array(projectMemberInput).max(50).default([]),
  goal: z.string().trim().min(2).max(2000),
  content: z.string().trim().max(5000).nullable().optional(),
  field: z.string().trim().max(50).nullable().optional(),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  budgetFen: fen.default(0),
  confidential: z.boolean().default(false),
};

export const projectCreate = z.object({
  studioId: id,
  ...projectFields,
  milestones: z.array(milestoneInput).max(30).default([]),
});
export type ProjectCreate = z.infer<typeof projectCreate>;
export const projectUpdate = z.object(projectFields).partial().extend({ version });
export type ProjectUpdate = z.infer<typeof projectUpdate>;

/** One body for every workflow action; what each action needs (an opinion, a conclusion) is checked by the service. */
export const projectActionBody = z.object({
  version,
  opinion: z.string().trim().max(2000).optional(),
  conclusion: z.string().trim().max(5000).optional(),
  on: isoDate.optional(),
});
export type ProjectActionBody = z.infer<typeof projectActionBody>;
export const projectActionParams = z.object({ id, action: z.enum(projectActions) });

export const progressReportCreate = z.object({
  milestoneId: id.nullable().optional(),
  reportedOn: isoDate,
  progress: z.number().int().min(0).max(100),
  content: z.string().trim().min(2).max(3000),
  completesMilestone: z.boolean().default(false),
});
export type ProgressReportCreate = z.infer<typeof progressReportCreate>;

export const milestone = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  completedOn: z.string().nullable(),
});
export const progressReport = z.object({
  id: z.number().int(),
  milestoneId: z.number().int().nullable(),
  reportedOn: z.string(),
  progress: z.number().int(),
  content: z.string(),
  reporterName: z.string().nullable(),
  createdAt: z.string(),
});

/** One step of a workflow history (who, when, what, opinion) for a Timeline. */
export const workflowEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  opinion: z.string().nullable(),
  at: z.string(),
});
export type WorkflowEvent = z.infer<typeof workflowEvent>;

export const projectListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  source: z.enum(projectSources),
  status: z.enum(projectStatuses),
  year: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  orgName: z.string(),
  leaderName: z.string().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  budgetFen: z.number().int(),
  confidential: z.boolean(),
  resultCount: z.number().int(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProjectListItem = z.infer<typeof projectListItem>;

export const linkedResult = z.object({
  id: z.number().int(),
  archiveNo: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
});

export const project = projectListItem.extend({
  challengeId: z.number().int().nullable(),
  leaderPersonId: z.number().int().nullable(),
  members: z.array(
    z.object({ personId: z.number().int(), name: z.string(), division: z.string().nullable() }),
  ),
  goal: z.string(),
  content: z.string().nullable(),
  field: z.string().nullable(),
  approvedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  conclusion: z.string().nullable(),
  concludedOn: z.string().nullable(),
  terminatedReason: z.string().nullable(),
  milestones: z.array(milestone),
  reports: z.array(progressReport),
  events: z.array(workflowEvent),
  results: z.array(linkedResult),
  version: z.number().int(),
  /** Workflow actions and edits the caller may take now. */
  abilities,
});
export type Project = z.infer<typeof project>;

export const projectListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(projectStatuses).optional(),
  source: z.enum(projectSources).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  studioId: z.coerce.number().int().positive().optional(),
  /** Enterprise subtree: projects of studios hosted at this org or below. */
  orgId: z.coerce.number().int().positive().optional(),
  includeArchived: queryBool,
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export type { ProjectAction };
