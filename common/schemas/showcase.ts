import { z } from 'zod';
import { honourKinds, honourLevels, memberRoles, namingLevels, studioTypes } from '../enums.js';
import { activityKinds } from './activities.js';
import { resultKinds } from './results.js';
import { id, pageQuery, version } from './shared.js';

/**
 * The public showcase (no login). What is public:
 * - a studio whose showcase entry is published (by an admin over it or its leader) and which is not archived,
 *   revoked or merged;
 * - a result marked public that is also recognised, not confidential, not archived, of a published studio;
 * - the naming list of published studios, and the 公示 notices of applications in their publicity window.
 * Nothing else: no contacts, employee numbers, materials, scores or confidential text.
 */
export const publicStudioCard = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(studioTypes),
  level: z.enum(namingLevels).nullable(),
  field: z.string().nullable(),
  slogan: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  leaderName: z.string().nullable(),
  photoId: z.number().int().nullable(),
  resultCount: z.number().int(),
});
export type PublicStudioCard = z.infer<typeof publicStudioCard>;

export const publicResultCard = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(resultKinds),
  field: z.string().nullable(),
  year: z.number().int(),
  grade: z.string().nullable(),
  award: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  studioId: z.number().int(),
  studioName: z.string(),
  enterpriseName: z.string().nullable(),
  photoId: z.number().int().nullable(),
});
export type PublicResultCard = z.infer<typeof publicResultCard>;

export const publicResult = publicResultCard.extend({
  problem: z.string(),
  innovationPoints: z.string().nullable(),
  implementedOn: z.string().nullable(),
  contributors: z.array(z.string()),
  photoIds: z.array(z.number().int()),
});
export type PublicResult = z.infer<typeof publicResult>;

export const publicNaming = z.object({
  studioId: z.number().int(),
  studioName: z.string(),
  enterpriseName: z.string().nullable(),
  level: z.enum(namingLevels),
  namingBody: z.string(),
  namedOn: z.string(),
  plaqueNo: z.string().nullable(),
});
export type PublicNaming = z.infer<typeof publicNaming>;

export const publicStudio = publicStudioCard.extend({
  story: z.string().nullable(),
  intro: z.string().nullable(),
  foundedOn: z.string().nullable(),
  hostOrgName: z.string(),
  leader: z
    .object({
      name: z.string(),
      honours: z.array(
        z.object({ kind: z.enum(honourKinds), level: z.enum(honourLevels), year: z.number() }),
      ),
    })
    .nullable(),
  team: z.array(z.object({ name: z.string(), role: z.enum(memberRoles) })),
  namings: z.array(publicNaming.pick({ level: true, namingBody: true, namedOn: true, plaqueNo: true })),
  photoIds: z.array(z.number().int()),
  results: z.array(publicResultCard),
  activities: z.array(
    z.object({ id: z.number().int(), kind: z.enum(activityKinds), title: z.string(), heldOn: z.string() }),
  ),
});
export type PublicStudio = z.infer<typeof publicStudio>;

export const publicNotice = z.object({
  studioName: z.string(),
  /** Set only when the studio is published, so that the notice links to its page. */
  studioId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  level: z.enum(namingLevels),
  publicityStart: z.string(),
  publicityEnd: z.string(),
});
export type PublicNotice = z.infer<typeof publicNotice>;

export const publicHome = z.object({
  counts: z.object({ studios: z.number().int(), results: z.number().int(), enterprises: z.number().int() }),
  studios: z.array(publicStudioCard),
  recentResults: z.array(publicResultCard),
  notices: z.array(publicNotice),
});
export type PublicHome = z.infer<typeof publicHome>;

export const publicResultQuery = pageQuery.extend({
  kind: z.enum(resultKinds).optional(),
  field: z.string().trim().max(50).optional(),
  enterpriseId: id.optional(),
  q: z.string().trim().max(50).optional(),
});
export type PublicResultQuery = z.infer<typeof publicResultQuery>;

export const publicFilters = z.object({
  enterprises: z.array(z.object({ id: z.number().int(), name: z.string() })),
  fields: z.array(z.string()),
});

/** The showcase settings of a studio, for its admins and leader. */
export const showcaseStudioSettings = z.object({
  studioId: z.number().int(),
  studioName: z.string(),
  status: z.string(),
  level: z.enum(namingLevels).nullable(),
  plaqueNo: z.string().nullable(),
  published: z.boolean(),
  story: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ShowcaseStudioSettings = z.infer<typeof showcaseStudioSettings>;

export const showcaseStudioUpdate = z.object({
  published: z.boolean(),
  story: z.string().trim().max(5000).nullable().optional(),
  version,
});
export type ShowcaseStudioUpdate = z.infer<typeof showcaseStudioUpdate>;

/** A result as the showcase settings list shows it: whether it is marked public and whether that shows. */
export const showcaseResultSettings = z.object({
  resultId: z.number().int(),
  title: z.string(),
  kind: z.enum(resultKinds),
  studioId: z.number().int(),
  studioName: z.string(),
  status: z.string(),
  confidential: z.boolean(),
  published: z.boolean(),
  /** Marked public and every other condition met: it is on the public site now. */
  visible: z.boolean(),
  version: z.number().int(),
});
export type ShowcaseResultSettings = z.infer<typeof showcaseResultSettings>;

export const showcaseResultUpdate = z.object({ published: z.boolean(), version });

export const showcaseListQuery = pageQuery.extend({ q: z.string().trim().max(50).optional() });
export type ShowcaseListQuery = z.infer<typeof showcaseListQuery>;

/** Plaque sheet: several studios, one plaque each. */
export const plaqueSheetQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+){0,99}$/)
    .transform((s) => [...new Set(s.split(',').map(Number))]),
});
