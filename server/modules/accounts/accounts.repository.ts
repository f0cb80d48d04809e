import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { roleGrants, sessions, users } from './accounts.table.js';

export async function findUserByUsername({ db, username }: { db: Db; username: string }) {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return u ?? null;
}

export async function findUserById({ db, id }: { db: Db; id: number }) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

/** The org path a user belongs to: their person's org (users without a person belong to their first grant's org). */
export async function userOrgPath({ db, userId }: { db: Db; userId: number }): Promise<string | null> {
  const [p] = await db
    .select({ path: orgs.path })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(eq(users.id, userId));
  if (p) return p.path;
  const [g] = await db
    .select({ path: orgs.path })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(asc(orgs.depth))
    .limit(1);
  return g?.path ?? null;
}

export async function grantsOfUsers({ db, userIds }: { db: Db; userIds: number[] }) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
    })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.id));
}

export async function insertSession({ db, values }: { db: Db; values: typeof sessions.$inferInsert }) {
  await db.insert(sessions).values(values);
}

export async function deleteSession({ db, id }: { db: Db; id: string }) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions({ db, userId }: { db: Db; userId: number }) {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

export async function updateUser({
  db,
  id,
  set,
}: {
  db: Db;
  id: number;
  set: Partial<typeof users.$inferInsert>;
}) {
  const [u] = await db
    .update(users)
    .set({ ...set, updatedAt: sql`now()` as never, version: sql`${users.version} + 1` as never })
    .where(eq(users.id, id))
    .returning();
  return u ?? null;
}

/**
 * Counts one failed login atomically (parallel guesses cannot overwrite each other's count); at
 * `threshold` failures the account is locked until `lockUntil` and the count starts again.
 */
export async function recordFailedLogin({
  db,
  id,
  threshold,
  lockUntil,
}: {
  db: Db;
  id: number;
  threshold: number;
  lockUntil: string;
}) {
  const reached = sql`${users.failedLogins} + 1 >= ${threshold}`;
  const [u] = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${reached} THEN 0 ELSE ${users.failedLogins} + 1 END` as never,
      lockedUntil:
        sql`CASE WHEN ${reached} THEN ${lockUntil}::timestamptz ELSE ${users.lockedUntil} END` as never,
    })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins });
  // The count only returns to 0 when this failure reached the threshold.
  const locked = u?.failedLogins === 0;
  return { locked, failed: locked ? threshold : (u?.failedLogins ?? 0) };
}

export async function findGrant({ db, id }: { db: Db; id: number }) {
  const [g] = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgPath: orgs.path,
    })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(eq(roleGrants.id, id));
  return g ?? null;
}

export async function insertGrant({
  db,
  userId,
  role,
  orgId,
}: {
  db: Db;
  userId: number;
  role: string;
  orgId: number;
}) {
  const [g] = await db.insert(roleGrants).values({ userId, role, orgId }).onConflictDoNothing().returning();
  return g ?? null;
}

export async function deleteGrant({ db, id }: { db: Db; id: number }) {
  await db.delete(roleGrants).where(and(eq(roleGrants.id, id)));
}
