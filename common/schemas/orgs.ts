import { z } from 'zod';
import { orgKinds } from '../enums.js';
import { abilities, id, pageQuery, version } from './shared.js';

export const orgCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/);

export const org = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(orgKinds),
  code: z.string(),
  name: z.string(),
  employeeCount: z.number().int(),
  depth: z.number().int(),
  path: z.string(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: abilities.optional(),
});
export type Org = z.infer<typeof org>;

export const orgCreate = z.object({
  parentId: id,
  kind: z.enum(orgKinds),
  code: orgCode,
  name: z.string().trim().min(1).max(100),
  employeeCount: z.number().int().min(0).max(10_000_000).default(0),
});
export type OrgCreate = z.infer<typeof orgCreate>;

export const orgUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  code: orgCode.optional(),
  kind: z.enum(orgKinds).optional(),
  employeeCount: z.number().int().min(0).max(10_000_000).optional(),
  version,
});
export type OrgUpdate = z.infer<typeof orgUpdate>;

export const orgMove = z.object({ parentId: id, version });
export const orgArchive = z.object({ version });

export const orgListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(orgKinds).optional(),
  under: z.coerce.number().int().positive().optional(),
  includeArchived: z.stringbool().optional(),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;
