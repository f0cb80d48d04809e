import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Permission, permissions, type Role } from '../../common/roles.js';

export interface Grant {
  id: number;
  role: Role;
  orgId: number;
  orgPath: string;
  orgName: string;
}

/** The logged-in user as the server sees them for one request. */
export interface Actor {
  userId: number;
  username: string;
  name: string;
  personId: number | null;
  grants: Grant[];
}

/**
 * The org path prefixes under which `actor` holds `permission` — the actor's scope for it.
 * Nested prefixes are collapsed so a query gets the fewest LIKE terms.
 */
export function scopeOf(actor: Actor, permission: Permission): string[] {
  const allowed = permissions[permission] as readonly Role[];
  const paths = actor.grants
    .filter((g) => allowed.includes(g.role))
    .map((g) => g.orgPath)
    .sort();
  const out: string[] = [];
  for (const p of paths) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out;
}

/** Whether `actor` holds `permission` over the org at `orgPath` (or anywhere, when no path is given). */
export function can(actor: Actor, permission: Permission, orgPath?: string): boolean {
  const allowed = permissions[permission] as readonly Role[];
  return actor.grants.some(
    (g) => allowed.includes(g.role) && (orgPath === undefined || orgPath.startsWith(g.orgPath)),
  );
}

/** Every permission the actor holds somewhere: sent to the web so it can show the right menu. */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => can(actor, p));
}

/**
 * A WHERE fragment keeping rows whose org path column lies inside `scope`; matches nothing for an empty scope.
 * Each prefix is written as the equivalent range (paths hold only digits and '/', all below '~'), which the
 * path index serves even in a prepared statement's generic plan, where `LIKE $1` can use no index.
 */
export function inScope(pathColumn: AnyPgColumn | SQL, scope: string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`(${pathColumn} ~>=~ ${p} AND ${pathColumn} ~<~ ${`${p}~`})`),
    sql` OR `,
  )})`;
}

/** A list filter: rows whose org path lies in the subtree of org `orgId` (undefined when no org is asked for). */
export function underOrg(pathColumn: AnyPgColumn | SQL, orgId: number | undefined): SQL | undefined {
  if (orgId === undefined) return undefined;
  // The prefix as a range (paths hold only digits and '/', all below '~'), so the path index serves it: a LIKE
  // whose pattern comes from a subquery cannot use an index and scans every org.
  const path = sql`(SELECT o_f.path FROM orgs o_f WHERE o_f.id = ${orgId})`;
  return sql`(${pathColumn} ~>=~ ${path} AND ${pathColumn} ~<~ (${path} || '~'))`;
}

/**
 * The name of the enterprise above (or at) the org whose path is `pathColumn`: the nearest one, or with
 * `topmost` the highest. Looks the path's ancestor ids up by primary key — a `LIKE e.path || '%'` against every
 * enterprise costs a scan of all enterprises per row, seconds at national scale.
 */
export function enterpriseNameOf(pathColumn: AnyPgColumn | SQL, topmost = false): SQL<string | null> {
  return sql<string | null>`(SELECT e.name FROM orgs e WHERE e.kind = 'enterprise'
    AND e.id = ANY (string_to_array(trim(both '/' from ${pathColumn}), '/')::int[])
    ORDER BY e.depth ${topmost ? sql`ASC` : sql`DESC`} LIMIT 1)`;
}

/** Abilities map for a thing at `orgPath`: `{ update: true, archive: false, … }`. */
export function abilitiesFor(
  actor: Actor,
  orgPath: string,
  map: Record<string, Permission>,
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [k, p] of Object.entries(map)) out[k] = can(actor, p, orgPath);
  return out;
}
