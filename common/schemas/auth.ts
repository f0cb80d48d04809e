import { z } from 'zod';
import { roles } from '../roles.js';
import { id } from './shared.js';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(200),
});

export const roleGrant = z.object({
  id: z.number().int(),
  role: z.enum(roles),
  orgId: z.number().int(),
  orgName: z.string(),
  orgPath: z.string(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const me = z.object({
  userId: z.number().int(),
  username: z.string(),
  personId: z.number().int().nullable(),
  name: z.string(),
  locale: z.enum(['zh', 'en']),
  mustChangePassword: z.boolean(),
  grants: z.array(roleGrant),
  /** permission name → true when the user holds it somewhere */
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

export const passwordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const userCreate = z.object({
  personId: id,
  username: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[A-Za-z0-9_.@-]+$/),
  password: z.string().min(8).max(200),
});
export const passwordReset = z.object({ newPassword: z.string().min(8).max(200) });
export const grantCreate = z.object({ userId: id, role: z.enum(roles), orgId: id });
export const userUpdate = z.object({ disabled: z.boolean() });
export const prefsUpdate = z.object({ locale: z.enum(['zh', 'en']) });

export const account = z.object({
  userId: z.number().int(),
  username: z.string(),
  personId: z.number().int().nullable(),
  name: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(roleGrant),
});
export type Account = z.infer<typeof account>;
