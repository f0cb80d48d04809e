import { z } from 'zod';
import { abilities, id, pageQuery, version } from './shared.js';

export const clinicStatuses = ['open', 'resolved', 'closed'] as const;
export type ClinicStatus = (typeof clinicStatuses)[number];
export const clinicStatusLabels: Record<ClinicStatus, { zh: string; en: string }> = {
  open: { zh: '待解答', en: 'Open' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const clinicQuestionCreate = z.object({
  title: z.string().trim().min(4).max(100),
  content: z.string().trim().min(10).max(5000),
  /** Technical field, matched against the studios' fields to route the question (e.g. 焊接, 数控加工). */
  field: z.string().trim().min(1).max(50),
});
export type ClinicQuestionCreate = z.infer<typeof clinicQuestionCreate>;

export const clinicAnswer = z.object({
  id: z.number().int(),
  content: z.string(),
  authorName: z.string(),
  studioId: z.number().int().nullable(),
  studioName: z.string().nullable(),
  accepted: z.boolean(),
  createdAt: z.string(),
});
export type ClinicAnswer = z.infer<typeof clinicAnswer>;
export const clinicAnswerCreate = z.object({ content: z.string().trim().min(5).max(5000) });
export type ClinicAnswerCreate = z.infer<typeof clinicAnswerCreate>;

export const clinicQuestion = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  content: z.string(),
  field: z.string(),
  status: z.enum(clinicStatuses),
  askerName: z.string(),
  orgName: z.string(),
  answerCount: z.number().int(),
  acceptedAnswerId: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type ClinicQuestion = z.infer<typeof clinicQuestion>;
export const clinicQuestionDetail = clinicQuestion.extend({
  routedStudios: z.array(z.object({ id: z.number().int(), name: z.string(), field: z.string().nullable() })),
  answers: z.array(clinicAnswer),
});
export type ClinicQuestionDetail = z.infer<typeof clinicQuestionDetail>;

export const clinicListQuery = pageQuery.extend({
  /** mine = I asked; routed = sent to a studio I belong to; all = everything in my group. */
  view: z.enum(['all', 'mine', 'routed']).default('all'),
  status: z.enum(clinicStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ClinicListQuery = z.infer<typeof clinicListQuery>;

export const clinicAccept = z.object({ answerId: id, version });
export const clinicClose = z.object({ version });
