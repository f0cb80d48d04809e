import { z } from 'zod';
import { ideaActions, ideaStatuses } from '../workflows/idea.js';
import { abilities, id, pageQuery, version } from './shared.js';
import { calendarDate } from './studio-life.js';

/** Categories of ideas (金点子/合理化建议); routing can differ per category. */
export const ideaCategories = [
  'safety',
  'quality',
  'efficiency',
  'cost',
  'energy',
  'equipment',
  'process',
  'management',
  'other',
] as const;
export type IdeaCategory = (typeof ideaCategories)[number];
export const ideaCategoryLabels: Record<IdeaCategory, { zh: string; en: string }> = {
  safety: { zh: '安全生产', en: 'Safety' },
  quality: { zh: '质量提升', en: 'Quality' },
  efficiency: { zh: '提质增效', en: 'Efficiency' },
  cost: { zh: '降本节支', en: 'Cost saving' },
  energy: { zh: '节能环保', en: 'Energy & environment' },
  equipment: { zh: '设备改进', en: 'Equipment' },
  process: { zh: '工艺优化', en: 'Process' },
  management: { zh: '管理创新', en: 'Management' },
  other: { zh: '其他', en: 'Other' },
};

/** Money in integer fen (分). */
const fen = z.number().int().min(0).max(1e13);
const title = z.string().trim().min(2).max(100);
const content = z.string().trim().min(5).max(5000);

/** A logged-in employee's idea; the org defaults to the submitter's own. */
export const ideaCreate = z.object({
  title,
  content,
  category: z.enum(ideaCategories),
  orgId: id.optional(),
});
export type IdeaCreate = z.infer<typeof ideaCreate>;

/** An anonymous idea from the public page: the org is named by its code (from a poster's QR code or the picker). */
export const publicIdeaCreate = z.object({
  title,
  content,
  category: z.enum(ideaCategories),
  orgCode: z.string().trim().min(1).max(40),
  /** The one-time token of a photo uploaded to POST /api/public/ideas/photos. */
  photoToken: z.string().max(80).optional(),
});
export type PublicIdeaCreate = z.infer<typeof publicIdeaCreate>;

/** An anonymous photo waiting for its idea: the token attaches it once, until `expiresAt`. */
export const publicPhotoUploaded = z.object({ token: z.string(), expiresAt: z.string() });

export const publicIdeaCreated = z.object({
  trackingCode: z.string(),
  code: z.string(),
  deadlineAt: z.string().nullable(),
});

/** 10 characters of Crockford base32, shown grouped as XXXXX-XXXXX; dashes and case are ignored. */
export const trackingCodeParam = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{10}$/)),
});

export const ideaStep = z.object({
  action: z.string(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  /** Null on the public tracking page: it never names anyone. */
  actorName: z.string().nullable(),
  at: z.string(),
});
export type IdeaStep = z.infer<typeof ideaStep>;

/** What the tracking code shows: progress and the written answer, never who submitted it or who handles it. */
export const publicIdeaStatus = z.object({
  code: z.string(),
  title: z.string(),
  category: z.enum(ideaCategories),
  status: z.enum(ideaStatuses),
  submittedAt: z.string(),
  deadlineAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  mergedIntoCode: z.string().nullable(),
  steps: z.array(ideaStep),
  /** The idea's photos, readable with the tracking code (no login). */
  photos: z.array(z.object({ id: z.number().int(), url: z.string() })),
});
export type PublicIdeaStatus = z.infer<typeof publicIdeaStatus>;

export const similarIdea = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  status: z.enum(ideaStatuses),
  createdAt: z.string(),
  score: z.number(),
});
export type SimilarIdea = z.infer<typeof similarIdea>;
export const similarIdeasQuery = z.object({
  text: z.string().trim().min(2).max(5000),
  orgCode: z.string().trim().max(40).optional(),
});

export const ideaCredit = z.object({
  personId: z.number().int(),
  name: z.string(),
  kind: z.enum(['submitter', 'merged']),
});

export const idea = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  content: z.string(),
  category: z.enum(ideaCategories),
  status: z.enum(ideaStatuses),
  anonymous: z.boolean(),
  submitterName: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  handlerUserId: z.number().int().nullable(),
  handlerName: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  mergedIntoCode: z.string().nullable(),
  benefitFen: z.number().int().nullable(),
  benefitNote: z.string().nullable(),
  projectId: z.number().int().nullable(),
  projectRequestId: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Idea = z.infer<typeof idea>;

export const ideaDetail = idea.extend({
  steps: z.array(ideaStep),
  credits: z.array(ideaCredit),
  similar: z.array(similarIdea),
  /** Actions the caller may take now (from the workflow table). */
  actions: z.array(z.enum(ideaActions)),
});
export type IdeaDetail = z.infer<typeof ideaDetail>;

export const ideaListQuery = pageQuery.extend({
  /** mine = submitted by or credited to me; queue = routed to me and open; all = every idea in my admin scope. */
  view: z.enum(['mine', 'queue', 'all']).default('mine'),
  status: z.enum(ideaStatuses).optional(),
  category: z.enum(ideaCategories).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  /** Drill-down filters (the dashboard's): the org subtree, submission dates (China calendar), outcome. */
  orgId: z.coerce.number().int().positive().optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  answeredOnTime: z.enum(['true', 'false']).optional(),
  adopted: z.enum(['true', 'false']).optional(),
});
export type IdeaListQuery = z.infer<typeof ideaListQuery>;

/** One body for every workflow action; the service checks what each action needs. */
export const ideaActionBody = z.object({
  version,
  /** The written answer the submitter sees (required to adopt, implement, reject or merge). */
  answer: z.string().trim().max(3000).optional(),
  /** For assign: the new handler. */
  handlerUserId: id.optional(),
  /** For merge: the earlier idea this one duplicates. */
  targetId: id.optional(),
});
export type IdeaActionBody = z.infer<typeof ideaActionBody>;
export const ideaActionParams = z.object({ id, action: z.enum(ideaActions) });

export const ideaBenefit = z.object({
  version,
  benefitFen: fen,
  benefitNote: z.string().trim().max(1000).optional(),
});
export type IdeaBenefit = z.infer<typeof ideaBenefit>;

/** Turn an adopted idea into a project of a studio (directly, or as a request the studio's leader accepts). */
export const ideaToProject = z.object({
  version,
  studioId: id,
  title: z.string().trim().min(2).max(100).optional(),
  goal: z.string().trim().min(2).max(2000).optional(),
});
export type IdeaToProject = z.infer<typeof ideaToProject>;

// Routing table: org subtree + category → handler.
export const ideaRoute = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  category: z.enum(ideaCategories).nullable(),
  handlerUserId: z.number().int(),
  handlerName: z.string(),
  deadlineDays: z.number().int().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  abilities,
});
export type IdeaRoute = z.infer<typeof ideaRoute>;
export const ideaRouteCreate = z.object({
  orgId: id,
  category: z.enum(ideaCategories).nullable().default(null),
  handlerUserId: id,
  deadlineDays: z.number().int().min(1).max(365).nullable().default(null),
});
export type IdeaRouteCreate = z.infer<typeof ideaRouteCreate>;
export const ideaRouteUpdate = z.object({
  handlerUserId: id.optional(),
  deadlineDays: z.number().int().min(1).max(365).nullable().optional(),
  version,
});
export type IdeaRouteUpdate = z.infer<typeof ideaRouteUpdate>;
export const ideaRouteQuery = pageQuery.extend({ includeArchived: z.enum(['true', 'false']).optional() });
export type IdeaRouteQuery = z.infer<typeof ideaRouteQuery>;

/** An org a public submitter may choose (enterprises and branches only). */
export const publicOrg = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentName: z.string().nullable(),
});
