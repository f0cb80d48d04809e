import { z } from 'zod';
// The kinds with their labels live in ../enums.ts (no zod: the public showcase pages show them).
import { activityKinds } from '../enums.js';
import { abilities, id, pageQuery, version } from './shared.js';
import { calendarDate, lifeListFilters, optText } from './studio-life.js';

export { type ActivityKind, activityKindLabels, activityKinds } from '../enums.js';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

/** A trainee accumulates training hours and may earn a certificate; others just take part. */
export const participantRoles = ['participant', 'trainee'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const participantRoleLabels: Labels<ParticipantRole> = {
  participant: { zh: '参加人员', en: 'Participant' },
  trainee: { zh: '学员', en: 'Trainee' },
};

export const participantInput = z.object({
  personId: id,
  /** Defaults to 'trainee' in a training and 'participant' elsewhere. */
  role: z.enum(participantRoles).optional(),
  /** true marks attendance by hand; false clears it; omitted keeps what a check-in recorded. */
  attended: z.boolean().optional(),
  hours: z.number().min(0).max(1000).nullable().optional(),
  certificate: optText(200),
});
export type ParticipantInput = z.infer<typeof participantInput>;

const activityFields = {
  kind: z.enum(activityKinds),
  title: z.string().trim().min(1).max(100),
  heldOn: calendarDate,
  place: optText(100),
  hours: z.number().min(0).max(1000),
  outsideCount: z.number().int().min(0).max(100_000),
  summary: optText(5000),
  trainerPersonId: id.nullable().optional(),
  trainerName: optText(50),
  allianceId: id.nullable().optional(),
  participants: z.array(participantInput).max(500),
};

export const activityCreate = z.object({
  studioId: id,
  ...activityFields,
  outsideCount: activityFields.outsideCount.default(0),
  participants: activityFields.participants.default([]),
});
export type ActivityCreate = z.infer<typeof activityCreate>;
export const activityUpdate = z.object(activityFields).partial().extend({ version });
export type ActivityUpdate = z.infer<typeof activityUpdate>;

export const participant = z.object({
  personId: z.number().int(),
  name: z.string(),
  employeeNo: z.string(),
  orgName: z.string(),
  role: z.enum(participantRoles),
  attendedAt: z.string().nullable(),
  checkinMethod: z.enum(['qr', 'manual']).nullable(),
  /** Hours credited (the activity's unless overridden). */
  hours: z.number(),
  certificate: z.string().nullable(),
});
export type Participant = z.infer<typeof participant>;

export const activity = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  kind: z.enum(activityKinds),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  hours: z.number(),
  outsideCount: z.number().int(),
  summary: z.string().nullable(),
  trainerPersonId: z.number().int().nullable(),
  trainerName: z.string().nullable(),
  allianceId: z.number().int().nullable(),
  allianceName: z.string().nullable(),
  invitedCount: z.number().int(),
  attendedCount: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Activity = z.infer<typeof activity>;

export const checkinWindow = z.object({
  /** Link encoded in the QR code; only contributors of the studio receive it. */
  url: z.string(),
  opensAt: z.string(),
  expiresAt: z.string(),
});

export const activityDetail = activity.extend({
  participants: z.array(participant),
  checkin: checkinWindow.nullable(),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

export const activityListQuery = pageQuery.extend({
  ...lifeListFilters,
  kind: z.enum(activityKinds).optional(),
  allianceId: z.coerce.number().int().positive().optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const checkinStates = ['open', 'notOpen', 'expired'] as const;
export const checkinInfo = z.object({
  activityId: z.number().int(),
  title: z.string(),
  kind: z.enum(activityKinds),
  studioName: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  opensAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(checkinStates),
  /** Whether the logged-in person may check in (member of the studio or invited). */
  eligible: z.boolean(),
  attendedAt: z.string().nullable(),
});
export type CheckinInfo = z.infer<typeof checkinInfo>;

export const checkinResult = z.object({
  activityId: z.number().int(),
  title: z.string(),
  attendedAt: z.string(),
  /** true when this person had already checked in: nothing changed. */
  already: z.boolean(),
});
export type CheckinResult = z.infer<typeof checkinResult>;
export const checkinParams = z.object({ token: z.string().min(10).max(100) });
