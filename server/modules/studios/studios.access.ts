import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, can } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { orgs } from '../orgs/orgs.table.js';
import { studioMembers, studios } from './studios.table.js';

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
    .select({ studio: studios, orgPath: orgs.path, hostOrgName: orgs.name })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(eq(studios.id, id));
  if (!row) throw new AppError('studios.not_found', 404);
  let memberRole: string | null = null;
  if (ctx.actor.personId !== null) {
    const [m] = await ctx.db
      .select({ role: studioMembers.role })
      .from(studioMembers)
      .where(
        and(
          eq(studioMembers.studioId, id),
          eq(studioMembers.personId, ctx.actor.personId),
          isNull(studioMembers.leftOn),
        ),
      );
    memberRole = m?.role ?? null;
  }
  if (!studioAllows(ctx.actor, 'read', row.orgPath, memberRole)) throw new AppError('studios.not_found', 404);
  if (!studioAllows(ctx.actor, need, row.orgPath, memberRole)) throw forbidden();
  return { ...row, memberRole };
}
