import { z } from 'zod';
import { skillGrades } from '../enums.js';
import { abilities, id, pageQuery, version } from './shared.js';
import { calendarDate, lifeListFilters, optText, personRef } from './studio-life.js';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const mentorshipStatuses = ['active', 'completed', 'terminated'] as const;
export type MentorshipStatus = (typeof mentorshipStatuses)[number];
export const mentorshipStatusLabels: Labels<MentorshipStatus> = {
  active: { zh: '带徒中', en: 'Active' },
  completed: { zh: '已出师', en: 'Completed' },
  terminated: { zh: '已终止', en: 'Terminated' },
};

const agreementFields = {
  startsOn: calendarDate,
  endsOn: calendarDate,
  goals: z.string().trim().min(1).max(2000),
  targetGrade: z.enum(skillGrades).nullable().optional(),
};
export const mentorshipCreate = z.object({
  studioId: id,
  mentorPersonId: id,
  apprenticePersonId: id,
  ...agreementFields,
});
export type MentorshipCreate = z.infer<typeof mentorshipCreate>;
export const mentorshipUpdate = z.object(agreementFields).partial().extend({ version });
export type MentorshipUpdate = z.infer<typeof mentorshipUpdate>;

/** Ending an agreement as 出师: the grade reached (if any) is written to the apprentice's record. */
export const mentorshipComplete = z.object({
  outcomeOn: calendarDate,
  outcomeGrade: z.enum(skillGrades).nullable().optional(),
  certificate: optText(200),
  outcomeNote: optText(2000),
  version,
});
export type MentorshipComplete = z.infer<typeof mentorshipComplete>;
export const mentorshipTerminate = z.object({
  outcomeOn: calendarDate,
  outcomeNote: z.string().trim().min(1).max(2000),
  version,
});
export type MentorshipTerminate = z.infer<typeof mentorshipTerminate>;

export const mentorshipNoteCreate = z.object({
  notedOn: calendarDate,
  content: z.string().trim().min(1).max(2000),
});
export type MentorshipNoteCreate = z.infer<typeof mentorshipNoteCreate>;

export const mentorshipNote = z.object({
  id: z.number().int(),
  notedOn: z.string(),
  content: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const mentorship = z.object({
  id: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  mentor: personRef,
  apprentice: personRef.extend({ skillGrade: z.enum(skillGrades).nullable() }),
  startsOn: z.string(),
  endsOn: z.string(),
  goals: z.string(),
  targetGrade: z.enum(skillGrades).nullable(),
  status: z.enum(mentorshipStatuses),
  outcomeOn: z.string().nullable(),
  outcomeGrade: z.enum(skillGrades).nullable(),
  certificate: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  noteCount: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Mentorship = z.infer<typeof mentorship>;
export const mentorshipDetail = mentorship.extend({ notes: z.array(mentorshipNote) });
export type MentorshipDetail = z.infer<typeof mentorshipDetail>;

export const mentorshipListQuery = pageQuery.extend({
  ...lifeListFilters,
  status: z.enum(mentorshipStatuses).optional(),
  personId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
  /** Agreements that started within these dates (the dashboard's 本年新签). */
  startedFrom: calendarDate.optional(),
  startedTo: calendarDate.optional(),
});
export type MentorshipListQuery = z.infer<typeof mentorshipListQuery>;

export const skillGradeSources = ['mentorship', 'manual', 'import'] as const;
export const skillGradeSourceLabels: Labels<(typeof skillGradeSources)[number]> = {
  mentorship: { zh: '师带徒出师', en: 'Mentorship' },
  manual: { zh: '手工登记', en: 'Manual' },
  import: { zh: '导入', en: 'Import' },
};
export const skillGradeChange = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fromGrade: z.enum(skillGrades).nullable(),
  toGrade: z.enum(skillGrades),
  changedOn: z.string(),
  source: z.string(),
  sourceId: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type SkillGradeChange = z.infer<typeof skillGradeChange>;
