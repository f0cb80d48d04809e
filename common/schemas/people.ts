import { z } from 'zod';
import { educations, genders, honourKinds, honourLevels, skillGrades } from '../enums.js';
import { abilities, id, pageQuery, version, year } from './shared.js';

export const honour = z.object({
  kind: z.enum(honourKinds),
  level: z.enum(honourLevels),
  year: year,
  note: z.string().trim().max(200).optional(),
});
export type Honour = z.infer<typeof honour>;

const personFields = {
  orgId: id,
  employeeNo: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(50),
  gender: z.enum(genders).nullable().optional(),
  birthYear: z.number().int().min(1930).max(2015).nullable().optional(),
  education: z.enum(educations).nullable().optional(),
  skillGrade: z.enum(skillGrades).nullable().optional(),
  professionalTitle: z.string().trim().max(50).nullable().optional(),
  trade: z.string().trim().max(50).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  email: z
    .string()
    .trim()
    .email()
    .max(120)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  honours: z.array(honour).max(50).default([]),
};

export const personCreate = z.object(personFields);
export type PersonCreate = z.infer<typeof personCreate>;
// No defaults in an update: a field left out must stay as it is (a `.default([])` would wipe honours).
export const personUpdate = z
  .object({ ...personFields, honours: z.array(honour).max(50) })
  .partial()
  .extend({ version });
export type PersonUpdate = z.infer<typeof personUpdate>;

export const person = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  employeeNo: z.string(),
  name: z.string(),
  gender: z.enum(genders).nullable(),
  birthYear: z.number().int().nullable(),
  education: z.enum(educations).nullable(),
  skillGrade: z.enum(skillGrades).nullable(),
  professionalTitle: z.string().nullable(),
  trade: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  honours: z.array(honour),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Person = z.infer<typeof person>;

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  skillGrade: z.enum(skillGrades).optional(),
  honourKind: z.enum(honourKinds).optional(),
  trade: z.string().trim().max(50).optional(),
  includeArchived: z.stringbool().optional(),
});
export type PersonListQuery = z.infer<typeof personListQuery>;
