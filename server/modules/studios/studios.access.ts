import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, can } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { orgs } from '../orgs/orgs.table.js';
import { studios } from './studios.table.js';

/** What a caller needs of a studio: to see it, to manage it (admin or its leader), or to contribute (also members). */
export type StudioNeed = 'read' | 'manage' | 'contribute';

export interface StudioAccess {
  studio: typeof studios.$inferSelect;
  /** Path of the host org: the studio's place in the tree, used for scoping and audit. */
  orgPath: string;
  hostOrgName: string;
  /** The actor's active membership role in this studio, if any. */
  memberRole: string | null;
}

/** Whether an actor with a membership role `memberRole` may do `need` on a studio at `orgPath`. */
export function studioAllows(
  actor: Actor,
  need: StudioNeed,
  orgPath: string,
  memberRole: string | null,
): boolean {
  const admin = actor.grants.some(
    (g) => (g.role === 'group_admin' || g.role === 'enterprise_admin') && orgPath.startsWith(g.orgPath),
  );
  if (need === 'read') return admin || memberRole !== null || can(actor, 'studios.read', orgPath);
  if (need === 'manage') return admin || memberRole === 'leader';
  return admin || memberRole !== null;
}

/**
 * The actor's active membership role in the studio whose id is `studioId` (SQL), as a scalar subquery:
 * read in the same statement as the studio, so an access check costs one round trip.
 */
export function memberRoleOf(studioId: SQL | AnyColumn, personId: number | null): SQL<string | null> {
  if (personId === null) return sql<string | null>`NULL::text`;
  return sql<string | null>`(SELECT m_r.role FROM studio_members m_r
    WHERE m_r.studio_id = ${studioId} AND m_r.person_id = ${personId} AND m_r.left_on IS NULL LIMIT 1)`;
}

/**
 * Loads a studio for the actor. Throws studios.not_found (404) when the actor may not even see it
 * (outside their subtree and not a member), and auth.forbidden (403) when they see it but lack `need`.
 */
export async function getStudioAccess({
  ctx,
  id,
  need,
}: {
  ctx: Ctx;
  id: number;
  need: StudioNeed;
}): Promise<StudioAccess> {
  const [row] = await ctx.db
    .select({
      studio: studios,
      orgPath: orgs.path,
      hostOrgName: orgs.name,
      memberRole: memberRoleOf(studios.id, ctx.actor.personId),
    })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(eq(studios.id, id));
  if (!row) throw new AppError('studios.not_found', 404);
  const { memberRole } = row;
  if (!studioAllows(ctx.actor, 'read', row.orgPath, memberRole)) throw new AppError('studios.not_found', 404);
  if (!studioAllows(ctx.actor, need, row.orgPath, memberRole)) throw forbidden();
  return row;
}
