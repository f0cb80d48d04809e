import { grantableRoles, type Role } from '../../../common/roles.js';
import type { Actor } from '../../core/access.js';

/** Whether `actor` may grant `role` on the org at `orgPath`: they must hold a role that can grant it over that org. */
export function canGrantRole(actor: Actor, role: Role, orgPath: string): boolean {
  return actor.grants.some((g) => orgPath.startsWith(g.orgPath) && grantableRoles[g.role].includes(role));
}

/** Password rule: at least 8 characters with letters and digits. */
export function isStrongPassword(pw: string): boolean {
  return pw.length >= 8 && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
