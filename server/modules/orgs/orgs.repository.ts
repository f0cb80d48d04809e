import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { OrgListQuery } from '../../../common/schemas/orgs.js';
import { inScope, underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from './orgs.table.js';

export type OrgRow = typeof orgs.$inferSelect;

/** One org inside `scope`, or null (outside the scope is the same as missing). */
export async function findOrgInScope({ db, scope, id }: { db: Db; scope: string[]; id: number }) {
  const [row] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), inScope(orgs.path, scope)));
  return row ?? null;
}

export async function findOrgByCode({ db, code }: { db: Db; code: string }) {
  const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
  return row ?? null;
}

/** A page of orgs inside `scope`, filtered. */
export async function findOrgs({ db, scope, query }: { db: Db; scope: string[]; query: OrgListQuery }) {
  const where = and(
    inScope(orgs.path, scope),
    query.includeArchived ? undefined : isNull(orgs.archivedAt),
    query.kind ? eq(orgs.kind, query.kind) : undefined,
    query.q ? or(ilike(orgs.name, likeText(query.q)), ilike(orgs.code, likeText(query.q))) : undefined,
    underOrg(orgs.path, query.under),
  );
  const [items, [total]] = await Promise.all([
    db.select().from(orgs).where(where).orderBy(asc(orgs.path)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(orgs).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every org inside `scope` (for the tree), sorted so parents come before children. */
export async function listOrgTree({
  db,
  scope,
  includeArchived,
}: {
  db: Db;
  scope: string[];
  includeArchived: boolean;
}) {
  return db
    .select()
    .from(orgs)
    .where(and(inScope(orgs.path, scope), includeArchived ? undefined : isNull(orgs.archivedAt)))
    .orderBy(asc(orgs.depth), asc(orgs.code));
}

export async function insertOrg({
  db,
  values,
  parent,
}: {
  db: Db;
  values: { kind: string; code: string; name: string; employeeCount: number };
  parent: OrgRow | null;
}) {
  const [row] = await db
    .insert(orgs)
    .values({ ...values, parentId: parent?.id ?? null, path: '/', depth: parent ? parent.depth + 1 : 0 })
    .returning();
  const path = `${parent?.path ?? '/'}${row!.id}/`;
  const [withPath] = await db.update(orgs).set({ path }).where(eq(orgs.id, row!.id)).returning();
  return withPath!;
}

/** Updates with optimistic concurrency: returns null when `version` is stale. */
export async function updateOrgRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof orgs.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(orgs)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(orgs.id, id), eq(orgs.version, version)))
    .returning();
  return row ?? null;
}

/** Rewrites the path and depth of a whole subtree after its root moved from `oldPath` to `newPath`. */
export async function rewriteSubtreePaths({
  db,
  oldPath,
  newPath,
}: {
  db: Db;
  oldPath: string;
  newPath: string;
}) {
  const depthDelta = newPath.split('/').length - oldPath.split('/').length;
  await db
    .update(orgs)
    .set({
      path: sql`${newPath} || substr(${orgs.path}, ${oldPath.length + 1})`,
      depth: sql`${orgs.depth} + ${depthDelta}`,
    })
    .where(sql`${orgs.path} LIKE ${`${oldPath}%`}`);
}

export async function countActiveChildren({ db, id }: { db: Db; id: number }) {
  const [r] = await db
    .select({ n: count() })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), isNull(orgs.archivedAt)));
  return r?.n ?? 0;
}
