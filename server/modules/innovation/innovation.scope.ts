import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, inScope, scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { studioMembers } from '../studios/studios.table.js';

const adminRoles = new Set(['group_admin', 'enterprise_admin']);

/** `/1/2/` for any path at or below enterprise `/1/2/`; a group root `/1/` stays itself. */
export function enterprisePrefixOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return `/${parts.slice(0, 2).join('/')}/`;
}

/** The group root `/1/` of a path: the whole tree a results market spans. */
export function groupRootOf(path: string): string {
  const first = path.split('/').filter(Boolean)[0];
  return `/${first ?? ''}/`;
}

/** The group roots the actor belongs to (through any grant). */
export function groupRootsOf(actor: Actor): string[] {
  return [...new Set(actor.grants.map((g) => groupRootOf(g.orgPath)))];
}

/**
 * Where the actor may see CONFIDENTIAL projects and results: admins over their subtree, everyone else
 * within their own enterprise. A non-admin grant on the group root (an expert's) opens nothing: the
 * group-wide experts see confidential items only when assigned to them.
 */
export function confidentialScopeOf(actor: Actor): string[] {
  const out = new Set<string>();
  for (const g of actor.grants) {
    if (adminRoles.has(g.role)) out.add(g.orgPath);
    else if (g.orgPath.split('/').filter(Boolean).length >= 2) out.add(enterprisePrefixOf(g.orgPath));
  }
  return [...out];
}

/** What decides whether the actor sees a studio's projects and results. */
export interface ActorView {
  actor: Actor;
  readScope: string[];
  confidentialScope: string[];
  groupRoots: string[];
  /** Studios the actor is an active member of (members see their own studio wherever it is). */
  memberStudioIds: number[];
  /** The actor's membership role per studio id (leader, core, member, trainee). */
  memberRoles: Map<number, string>;
}

/** Loads the actor's view once per request. */
export async function actorViewOf(ctx: Ctx): Promise<ActorView> {
  const memberRoles = new Map<number, string>();
  if (ctx.actor.personId !== null) {
    const rows = await ctx.db
      .select({ studioId: studioMembers.studioId, role: studioMembers.role })
      .from(studioMembers)
      .where(and(eq(studioMembers.personId, ctx.actor.personId), isNull(studioMembers.leftOn)));
    for (const r of rows) memberRoles.set(r.studioId, r.role);
  }
  return {
    actor: ctx.actor,
    readScope: scopeOf(ctx.actor, 'studios.read'),
    confidentialScope: confidentialScopeOf(ctx.actor),
    groupRoots: groupRootsOf(ctx.actor),
    memberStudioIds: [...memberRoles.keys()],
    memberRoles,
  };
}

/** Pure form of the rule, for one item already loaded. */
export function seesInScope(
  view: ActorView,
  item: { studioId: number; orgPath: string; confidential: boolean; isReviewer?: boolean },
): boolean {
  const member = view.memberStudioIds.includes(item.studioId);
  const inRead = member || view.readScope.some((p) => item.orgPath.startsWith(p));
  if (!inRead) return false;
  if (!item.confidential) return true;
  return member || item.isReviewer === true || view.confidentialScope.some((p) => item.orgPath.startsWith(p));
}

/** Whether a result shows in the actor's group-wide market: recognised, not confidential, same group. */
export function seesInMarket(
  view: ActorView,
  item: { orgPath: string; confidential: boolean; status: string; archivedAt: string | null },
): boolean {
  return (
    item.status === 'recognised' &&
    !item.confidential &&
    !item.archivedAt &&
    view.groupRoots.includes(groupRootOf(item.orgPath))
  );
}

/** SQL form of `seesInScope` for lists. `reviewer` is an extra condition that also opens confidential rows. */
export function scopeWhere(
  view: ActorView,
  cols: {
    studioId: AnyPgColumn | SQL;
    orgPath: AnyPgColumn | SQL;
    confidential: AnyPgColumn | SQL;
    reviewer?: SQL;
  },
): SQL {
  const member = view.memberStudioIds.length
    ? inArray(sql`${cols.studioId}`, view.memberStudioIds)
    : sql`false`;
  const read = or(inScope(cols.orgPath, view.readScope), member)!;
  const conf = or(
    sql`${cols.confidential} = false`,
    inScope(cols.orgPath, view.confidentialScope),
    member,
    cols.reviewer,
  )!;
  return and(read, conf)!;
}

/** SQL: the row's org lies in one of the actor's groups. */
export function groupWhere(view: ActorView, orgPath: AnyPgColumn | SQL): SQL {
  return inScope(orgPath, view.groupRoots);
}

/** Today's date in China (YYYY-MM-DD), from the injected clock. */
export function todayOf(ctx: Pick<Ctx, 'clock'>): string {
  return new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
