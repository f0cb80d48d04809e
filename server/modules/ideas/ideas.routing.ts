import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type {
  IdeaRoute,
  IdeaRouteCreate,
  IdeaRouteQuery,
  IdeaRouteUpdate,
} from '../../../common/schemas/ideas.js';
import { can, inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, mapUniqueViolation, notFound } from '../../core/errors.js';
import { offsetOf, pageResult } from '../../core/pagination.js';
import { roleGrants, users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { ideaErrors } from './ideas.errors.js';
import { ideaRoutes } from './ideas.table.js';

const columns = { route: ideaRoutes, orgName: orgs.name, orgPath: orgs.path, handlerName: users.displayName };
type Joined = {
  route: typeof ideaRoutes.$inferSelect;
  orgName: string;
  orgPath: string;
  handlerName: string;
};

function toRoute(ctx: Ctx, r: Joined): IdeaRoute {
  const manage = can(ctx.actor, 'ideas.manage', r.orgPath);
  return {
    id: r.route.id,
    orgId: r.route.orgId,
    orgName: r.orgName,
    category: r.route.category as IdeaRoute['category'],
    handlerUserId: r.route.handlerUserId,
    handlerName: r.handlerName,
    deadlineDays: r.route.deadlineDays,
    archivedAt: r.route.archivedAt,
    version: r.route.version,
    abilities: {
      update: manage && !r.route.archivedAt,
      archive: manage && !r.route.archivedAt,
      restore: manage && !!r.route.archivedAt,
    },
  };
}

function joined(ctx: Ctx) {
  return ctx.db
    .select(columns)
    .from(ideaRoutes)
    .innerJoin(orgs, eq(orgs.id, ideaRoutes.orgId))
    .innerJoin(users, eq(users.id, ideaRoutes.handlerUserId));
}

async function getRouteRow(ctx: Ctx, id: number) {
  const [r] = await joined(ctx).where(
    and(eq(ideaRoutes.id, id), inScope(orgs.path, scopeOf(ctx.actor, 'ideas.manage'))),
  );
  if (!r) throw ideaErrors.routeNotFound();
  return r;
}

/** The routing rules in the actor's scope, ordered by org and category. */
export async function findRoutes({ ctx, query }: { ctx: Ctx; query: IdeaRouteQuery }) {
  const where = and(
    inScope(orgs.path, scopeOf(ctx.actor, 'ideas.manage')),
    query.includeArchived === 'true' ? undefined : isNull(ideaRoutes.archivedAt),
  );
  const [rows, [total]] = await Promise.all([
    joined(ctx)
      .where(where)
      .orderBy(asc(orgs.path), asc(ideaRoutes.category))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db
      .select({ n: count() })
      .from(ideaRoutes)
      .innerJoin(orgs, eq(orgs.id, ideaRoutes.orgId))
      .where(where),
  ]);
  return pageResult(
    rows.map((r) => toRoute(ctx, r)),
    total?.n ?? 0,
    query,
  );
}

/** A handler must be an active user with a grant inside the rule's org subtree or above it (in the same group). */
async function checkHandler(ctx: Ctx, handlerUserId: number, orgPath: string) {
  const rows = await ctx.db
    .select({ path: orgs.path })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(and(eq(users.id, handlerUserId), eq(users.disabled, false)));
  if (!rows.some((r) => r.path.startsWith(orgPath) || orgPath.startsWith(r.path)))
    throw ideaErrors.handlerInvalid();
}

/** Adds a routing rule for an org subtree (and optionally one category). 404 outside scope; 409 ideas.route_taken. */
export async function createRoute({ ctx, input }: { ctx: Ctx; input: IdeaRouteCreate }): Promise<IdeaRoute> {
  const [org] = await ctx.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, input.orgId), inScope(orgs.path, scopeOf(ctx.actor, 'orgs.read'))));
  if (!org) throw notFound('orgs.not_found');
  if (!can(ctx.actor, 'ideas.manage', org.path)) throw forbidden();
  await checkHandler(ctx, input.handlerUserId, org.path);
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(ideaRoutes)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .catch((e) => mapUniqueViolation(e, { idea_routes_key: ideaErrors.routeTaken }));
    await recordAudit(tx, ctx, {
      action: 'ideas.route_create',
      entityType: 'idea_route',
      entityId: row!.id,
      orgId: org.id,
      orgPath: org.path,
      after: row,
    });
    return row!.id;
  });
  return toRoute(ctx, await getRouteRow(ctx, id));
}

/** Changes a rule's handler or deadline. Stale version → 409 conflict.stale. */
export async function updateRoute({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: IdeaRouteUpdate;
}): Promise<IdeaRoute> {
  const before = await getRouteRow(ctx, id);
  if (input.handlerUserId) await checkHandler(ctx, input.handlerUserId, before.orgPath);
  const { version, ...set } = input;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(ideaRoutes)
      .set({ ...set, version: version + 1, updatedAt: ctx.clock.now().toISOString() })
      .where(and(eq(ideaRoutes.id, id), eq(ideaRoutes.version, version)))
      .returning();
    if (!row) throw conflict('conflict.stale', { current: toRoute(ctx, before) });
    await recordAudit(tx, ctx, {
      action: 'ideas.route_update',
      entityType: 'idea_route',
      entityId: id,
      orgId: row.orgId,
      orgPath: before.orgPath,
      before: before.route,
      after: row,
    });
  });
  return toRoute(ctx, await getRouteRow(ctx, id));
}

/** Archives or restores a rule (ideas already routed keep their handler). */
export async function setRouteArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}) {
  const before = await getRouteRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .update(ideaRoutes)
      .set({ archivedAt: archived ? now : null, version: version + 1, updatedAt: now })
      .where(and(eq(ideaRoutes.id, id), eq(ideaRoutes.version, version)))
      .returning()
      .catch((e) => mapUniqueViolation(e, { idea_routes_key: ideaErrors.routeTaken }));
    if (!row) throw conflict('conflict.stale', { current: toRoute(ctx, before) });
    await recordAudit(tx, ctx, {
      action: archived ? 'ideas.route_archive' : 'ideas.route_restore',
      entityType: 'idea_route',
      entityId: id,
      orgId: row.orgId,
      orgPath: before.orgPath,
      before: { archivedAt: before.route.archivedAt },
      after: { archivedAt: row.archivedAt },
    });
  });
  return toRoute(ctx, await getRouteRow(ctx, id));
}
