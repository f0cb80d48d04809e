import { z } from 'zod';
import { abilities, id, pageQuery, version } from './shared.js';
import { calendarDate, lifeListFilters, optText } from './studio-life.js';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const partnerKinds = ['university', 'enterprise', 'institute', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const partnerKindLabels: Labels<PartnerKind> = {
  university: { zh: '高校', en: 'University' },
  enterprise: { zh: '外部企业', en: 'Outside company' },
  institute: { zh: '科研院所', en: 'Research institute' },
  other: { zh: '其他', en: 'Other' },
};

export const allianceProjectStatuses = ['ongoing', 'completed', 'suspended'] as const;
export type AllianceProjectStatus = (typeof allianceProjectStatuses)[number];
export const allianceProjectStatusLabels: Labels<AllianceProjectStatus> = {
  ongoing: { zh: '进行中', en: 'Ongoing' },
  completed: { zh: '已完成', en: 'Completed' },
  suspended: { zh: '已中止', en: 'Suspended' },
};

export const partnerInput = z.object({ name: z.string().trim().min(1).max(100), kind: z.enum(partnerKinds) });

export const allianceCreate = z.object({
  name: z.string().trim().min(1).max(100),
  /** The org the alliance is registered under; every member studio lies below it. */
  orgId: id,
  foundedOn: calendarDate,
  intro: optText(5000),
  leadTermMonths: z.number().int().min(1).max(60).default(12),
  studioIds: z.array(id).min(2).max(100),
  /** First lead; defaults to the first studio. */
  leadStudioId: id.optional(),
  partners: z.array(partnerInput).max(50).default([]),
});
export type AllianceCreate = z.infer<typeof allianceCreate>;
export const allianceUpdate = z
  .object({
    name: z.string().trim().min(1).max(100),
    intro: optText(5000),
    leadTermMonths: z.number().int().min(1).max(60),
  })
  .partial()
  .extend({ version });
export type AllianceUpdate = z.infer<typeof allianceUpdate>;

export const allianceMemberAdd = z
  .object({
    studioId: id.optional(),
    partnerName: z.string().trim().min(1).max(100).optional(),
    partnerKind: z.enum(partnerKinds).optional(),
    joinedOn: calendarDate,
  })
  .refine((v) => (v.studioId === undefined) !== (v.partnerName === undefined), {
    message: '请选择工作室或填写外部单位名称（二选一）',
    path: ['studioId'],
  });
export type AllianceMemberAdd = z.infer<typeof allianceMemberAdd>;
export const allianceMemberLeave = z.object({ leftOn: calendarDate });
export const allianceMemberParams = z.object({ id, memberId: id });

/** Hand the lead on: to `studioId`, or (omitted) to the next member studio in rotation order. */
export const allianceRotateLead = z.object({ studioId: id.optional(), startsOn: calendarDate, version });
export type AllianceRotateLead = z.infer<typeof allianceRotateLead>;

const projectFields = {
  title: z.string().trim().min(1).max(100),
  leadStudioId: id,
  studioIds: z.array(id).max(100),
  status: z.enum(allianceProjectStatuses),
  startedOn: calendarDate,
  endedOn: calendarDate.nullable().optional(),
  summary: optText(5000),
  projectId: id.nullable().optional(),
};
export const allianceProjectCreate = z.object({
  ...projectFields,
  studioIds: projectFields.studioIds.default([]),
  status: projectFields.status.default('ongoing'),
});
export type AllianceProjectCreate = z.infer<typeof allianceProjectCreate>;
export const allianceProjectUpdate = z.object(projectFields).partial().extend({ version });
export type AllianceProjectUpdate = z.infer<typeof allianceProjectUpdate>;
export const allianceProjectParams = z.object({ id, projectId: id });

const studioRef = z.object({ id: z.number().int(), name: z.string() });
export const alliance = z.object({
  id: z.number().int(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  foundedOn: z.string(),
  intro: z.string().nullable(),
  leadTermMonths: z.number().int(),
  lead: studioRef.nullable(),
  leadSince: z.string().nullable(),
  /** When the current lead's term is due to end (leadSince + term). */
  nextRotationOn: z.string().nullable(),
  studioCount: z.number().int(),
  partnerCount: z.number().int(),
  projectCount: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Alliance = z.infer<typeof alliance>;

export const allianceMember = z.object({
  id: z.number().int(),
  studio: studioRef.nullable(),
  partnerName: z.string().nullable(),
  partnerKind: z.enum(partnerKinds).nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export const allianceProject = z.object({
  id: z.number().int(),
  title: z.string(),
  leadStudio: studioRef,
  studios: z.array(studioRef),
  status: z.enum(allianceProjectStatuses),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  summary: z.string().nullable(),
  projectId: z.number().int().nullable(),
  version: z.number().int(),
});
export type AllianceProject = z.infer<typeof allianceProject>;
export const allianceDetail = alliance.extend({
  members: z.array(allianceMember),
  leads: z.array(z.object({ studio: studioRef, startsOn: z.string(), endsOn: z.string().nullable() })),
  projects: z.array(allianceProject),
  activities: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      kind: z.string(),
      heldOn: z.string(),
      studioName: z.string(),
    }),
  ),
});
export type AllianceDetail = z.infer<typeof allianceDetail>;

export const allianceListQuery = pageQuery.extend({
  q: lifeListFilters.q,
  studioId: lifeListFilters.studioId,
  includeArchived: lifeListFilters.includeArchived,
});
export type AllianceListQuery = z.infer<typeof allianceListQuery>;
