import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { roleGrants, users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { studioMembers } from '../studios/studios.table.js';

/**
 * The union admins closest above the org at `orgPath`: users holding enterprise_admin or group_admin on
 * the deepest ancestor (or the org itself) that has any, leaving out `exclude`. When everyone at that level
 * is excluded, the next level up is used — so a handler who is an enterprise admin escalates to the group.
 */
export async function closestAdmins({
  db,
  orgPath,
  exclude = [],
  roles = ['enterprise_admin', 'group_admin'],
}: {
  db: Db;
  orgPath: string;
  exclude?: number[];
  /** Only these admin roles (e.g. group admins for a step only they may take). */
  roles?: ('enterprise_admin' | 'group_admin')[];
}): Promise<number[]> {
  const rows = await db
    .select({ userId: roleGrants.userId, path: orgs.path })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.role, roles),
        eq(users.disabled, false),
        sql`${orgPath} LIKE ${orgs.path} || '%'`,
      ),
    );
  const byDepth = new Map<number, Set<number>>();
  for (const r of rows) {
    if (exclude.includes(r.userId)) continue;
    const depth = r.path.split('/').length;
    if (!byDepth.has(depth)) byDepth.set(depth, new Set());
    byDepth.get(depth)!.add(r.userId);
  }
  const deepest = [...byDepth.keys()].sort((a, b) => b - a)[0];
  return deepest === undefined ? [] : [...byDepth.get(deepest)!].sort((a, b) => a - b);
}

/** Login ids of the active members of studios (only their leaders with `leadersOnly`). */
export async function studioUserIds({
  db,
  studioIds,
  leadersOnly = false,
}: {
  db: Db;
  studioIds: number[];
  leadersOnly?: boolean;
}): Promise<number[]> {
  if (studioIds.length === 0) return [];
  const rows = await db
    .select({ userId: users.id })
    .from(studioMembers)
    .innerJoin(users, eq(users.personId, studioMembers.personId))
    .where(
      and(
        inArray(studioMembers.studioId, studioIds),
        isNull(studioMembers.leftOn),
        eq(users.disabled, false),
        leadersOnly ? eq(studioMembers.role, 'leader') : undefined,
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}

/** The login of a person, if they have one. */
export async function userIdOfPerson({
  db,
  personId,
}: {
  db: Db;
  personId: number | null;
}): Promise<number | null> {
  if (personId === null) return null;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.personId, personId), eq(users.disabled, false)));
  return u?.id ?? null;
}
