import { type Actor, can } from '../../core/access.js';
import { studioAllows } from './studios.access.js';

/** A studio that is archived, revoked or merged takes no new members, namings or edits. */
export function studioIsActive(s: { archivedAt: string | null; status: string }): boolean {
  return s.archivedAt === null && s.status !== 'revoked' && s.status !== 'merged';
}

/**
 * What the actor may do on a studio at `orgPath`, given their membership role there. Admins (group or
 * enterprise union admin over the host org) do everything; the studio's leader edits its profile and
 * roster; members upload photos and documents; the naming history is the group admin's.
 */
export function studioAbilities(
  actor: Actor,
  s: { orgPath: string; archivedAt: string | null; status: string },
  memberRole: string | null,
): Record<string, boolean> {
  const admin = can(actor, 'studios.create', s.orgPath);
  const manage = studioAllows(actor, 'manage', s.orgPath, memberRole);
  const contribute = studioAllows(actor, 'contribute', s.orgPath, memberRole);
  const active = studioIsActive(s);
  return {
    update: manage && s.archivedAt === null,
    updateCore: admin && s.archivedAt === null,
    archive: admin && s.archivedAt === null,
    restore: admin && s.archivedAt !== null,
    manageMembers: manage && active,
    changeLeader: admin && active,
    manageNamings: can(actor, 'studios.namings', s.orgPath) && s.archivedAt === null,
    upload: contribute && s.archivedAt === null,
    manageFiles: manage,
  };
}
