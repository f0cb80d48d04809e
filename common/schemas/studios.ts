import { z } from 'zod';
import { memberRoles, namingLevels, studioStatuses, studioTypes } from '../enums.js';
import { honour } from './people.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

/** One item of a studio's equipment list; `value` is the purchase value in yuan. */
export const equipmentItem = z.object({
  name: z.string().trim().min(1).max(100),
  model: z.string().trim().max(100).optional(),
  quantity: z.number().int().min(1).max(100_000),
  value: z.number().min(0).max(1e10).optional(),
});
export type EquipmentItem = z.infer<typeof equipmentItem>;

const text = (max: number) => z.string().trim().max(max).nullable().optional();

/** Fields a studio leader may edit on their own studio's profile. */
const profileFields = {
  field: text(100),
  slogan: text(200),
  intro: text(5000),
  contactName: text(50),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/)
    .nullable()
    .optional(),
  contactEmail: z
    .string()
    .trim()
    .email()
    .max(120)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  siteArea: z.number().min(0).max(1_000_000).nullable().optional(),
  equipment: z.array(equipmentItem).max(500).optional(),
};

/** Fields only a union admin over the host org may set: identity and place in the tree. */
const coreFields = {
  name: z.string().trim().min(2).max(100),
  type: z.enum(studioTypes),
  hostOrgId: id,
  foundedOn: isoDate.nullable().optional(),
};
export const studioCoreFields = ['name', 'type', 'hostOrgId', 'foundedOn'] as const;

export const studioCreate = z.object({
  ...coreFields,
  ...profileFields,
  leaderPersonId: id.nullable().optional(),
});
export type StudioCreate = z.infer<typeof studioCreate>;

export const studioUpdate = z
  .object({ ...coreFields, ...profileFields })
  .partial()
  .extend({ version });
export type StudioUpdate = z.infer<typeof studioUpdate>;

export const studioArchive = z.object({ version });

export const naming = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  level: z.enum(namingLevels),
  namingBody: z.string(),
  namedOn: z.string(),
  plaqueNo: z.string().nullable(),
  applicationId: z.number().int().nullable(),
  revokedOn: z.string().nullable(),
  /** Why it was revoked (摘牌, merge). */
  revokeReason: z.string().nullable().optional(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Naming = z.infer<typeof naming>;

export const namingCreate = z.object({
  level: z.enum(namingLevels),
  namingBody: z.string().trim().min(2).max(100),
  namedOn: isoDate,
  plaqueNo: z.string().trim().max(60).nullable().optional(),
  note: text(500),
});
export type NamingCreate = z.infer<typeof namingCreate>;
export const namingUpdate = namingCreate
  .partial()
  .extend({ revokedOn: isoDate.nullable().optional(), version });
export type NamingUpdate = z.infer<typeof namingUpdate>;
export const namingParams = z.object({ id, namingId: id });

/** Health: when the studio last showed a result, an activity and a benefit (from the modules that record them). */
export const healthStatuses = ['new', 'active', 'warning', 'atRisk', 'inactive'] as const;
export type HealthStatus = (typeof healthStatuses)[number];
export const healthStatusLabels: Record<HealthStatus, { zh: string; en: string }> = {
  new: { zh: '新建（未满一年）', en: 'New (under a year)' },
  active: { zh: '正常', en: 'Active' },
  warning: { zh: '预警（9个月无动态）', en: 'Warning (9 months idle)' },
  atRisk: { zh: '风险（12个月无成果/活动/效益）', en: 'At risk (12 months idle)' },
  inactive: { zh: '已停用', en: 'Not active' },
};
export const studioHealth = z.object({
  studioId: z.number().int(),
  lastResultOn: z.string().nullable(),
  lastActivityOn: z.string().nullable(),
  lastBenefitOn: z.string().nullable(),
  /** The latest of the three. */
  lastSignalOn: z.string().nullable(),
  status: z.enum(healthStatuses),
  /** The modules that reported data (results, activities…): a missing one counts as "no data". */
  sources: z.array(z.string()),
});
export type StudioHealth = z.infer<typeof studioHealth>;

const studioBase = {
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: z.enum(studioTypes),
  hostOrgId: z.number().int(),
  hostOrgName: z.string(),
  enterpriseName: z.string().nullable(),
  leaderPersonId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  field: z.string().nullable(),
  foundedOn: z.string().nullable(),
  status: z.enum(studioStatuses),
  currentLevel: z.enum(namingLevels).nullable(),
  memberCount: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
};

export const studioListItem = z.object({ ...studioBase, createdAt: z.string() });
export type StudioListItem = z.infer<typeof studioListItem>;

export const studio = z.object({
  ...studioBase,
  slogan: z.string().nullable(),
  intro: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  siteArea: z.number().nullable(),
  equipment: z.array(equipmentItem),
  mergedIntoId: z.number().int().nullable(),
  leaderHonours: z.array(honour),
  namings: z.array(naming),
  health: studioHealth,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities,
});
export type Studio = z.infer<typeof studio>;

export const studioSorts = ['newest', 'oldest', 'name', 'foundedOn'] as const;
export const studioListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: z.enum(studioTypes).optional(),
  level: z.enum(namingLevels).optional(),
  status: z.enum(studioStatuses).optional(),
  /** Host org anywhere inside this org's subtree (an enterprise, a branch…). */
  orgId: z.coerce.number().int().positive().optional(),
  field: z.string().trim().max(100).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  sort: z.enum(studioSorts).default('newest'),
});
export type StudioListQuery = z.infer<typeof studioListQuery>;

export const atRiskQuery = pageQuery.extend({ orgId: z.coerce.number().int().positive().optional() });
export type AtRiskQuery = z.infer<typeof atRiskQuery>;
export const atRiskItem = z.object({ studio: studioListItem, health: studioHealth });
export type AtRiskItem = z.infer<typeof atRiskItem>;
export const notifyResult = z.object({ studios: z.number().int(), notified: z.number().int() });

// Members
export const member = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  employeeNo: z.string(),
  orgName: z.string(),
  skillGrade: z.string().nullable(),
  trade: z.string().nullable(),
  role: z.enum(memberRoles),
  division: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof member>;

export const memberListQuery = z.object({ includeHistory: z.enum(['true', 'false']).optional() });

/** Adding someone: the leader is set by creating the studio or by a leader change, never here. */
export const memberAdd = z.object({
  personId: id,
  role: z.enum(['core', 'member', 'trainee']),
  division: text(200),
  joinedOn: isoDate,
});
export type MemberAdd = z.infer<typeof memberAdd>;

/** A role change closes the row and opens a new one (history kept); division is edited in place. */
export const memberUpdate = z.object({
  role: z.enum(['core', 'member', 'trainee']).optional(),
  division: text(200),
  version,
});
export type MemberUpdate = z.infer<typeof memberUpdate>;

export const memberLeave = z.object({ leftOn: isoDate, reason: text(200), version });
export type MemberLeave = z.infer<typeof memberLeave>;
export const memberParams = z.object({ id, memberId: id });

export const leaderChange = z.object({
  personId: id,
  reason: z.string().trim().min(2).max(500),
  effectiveOn: isoDate,
  /** Keep the outgoing leader in the studio as a core member (default yes). */
  keepOldAsCore: z.boolean().default(true),
  version,
});
export type LeaderChange = z.infer<typeof leaderChange>;
