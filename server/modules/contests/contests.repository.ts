import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { ContestListQuery } from '../../../common/schemas/contests.js';
import { underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';
import { contestEntries, contests } from './contests.table.js';

const joinedColumns = {
  contest: contests,
  studioName: studios.name,
  orgPath: orgs.path,
  entrantCount: sql<number>`(SELECT count(*)::int FROM contest_entries e WHERE e.contest_id = ${contests.id})`,
  awardCount: sql<number>`(SELECT count(*)::int FROM contest_entries e WHERE e.contest_id = ${contests.id} AND (e.award IS NOT NULL OR e.award_title IS NOT NULL))`,
};
function joined(db: Db) {
  return db
    .select(joinedColumns)
    .from(contests)
    .innerJoin(studios, eq(studios.id, contests.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId));
}
export type ContestJoined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

export async function findContests({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: ContestListQuery;
}) {
  const where = and(
    visible,
    query.includeArchived ? undefined : isNull(contests.archivedAt),
    query.studioId ? eq(contests.studioId, query.studioId) : undefined,
    underOrg(orgs.path, query.orgId),
    query.level ? eq(contests.level, query.level) : undefined,
    query.trade ? ilike(contests.trade, likeText(query.trade)) : undefined,
    query.from ? gte(contests.heldOn, query.from) : undefined,
    query.to ? lte(contests.heldOn, query.to) : undefined,
    query.q ? ilike(contests.name, likeText(query.q)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(contests.heldOn), desc(contests.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(contests)
      .innerJoin(studios, eq(studios.id, contests.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getContestJoined({ db, id }: { db: Db; id: number }) {
  const [row] = await joined(db).where(eq(contests.id, id));
  return row ?? null;
}

export async function listEntries({ db, contestIds }: { db: Db; contestIds: number[] }) {
  if (contestIds.length === 0) return [];
  return db
    .select({ e: contestEntries, name: people.name, employeeNo: people.employeeNo, orgName: orgs.name })
    .from(contestEntries)
    .innerJoin(people, eq(people.id, contestEntries.personId))
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(inArray(contestEntries.contestId, contestIds))
    .orderBy(
      asc(contestEntries.contestId),
      sql`${contestEntries.rank} ASC NULLS LAST`,
      asc(contestEntries.id),
    );
}
export type EntryJoined = Awaited<ReturnType<typeof listEntries>>[number];

export async function insertContest({ db, values }: { db: Db; values: typeof contests.$inferInsert }) {
  const [row] = await db.insert(contests).values(values).returning();
  return row!;
}

export async function updateContestRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof contests.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(contests)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(contests.id, id), eq(contests.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceEntries({
  db,
  contestId,
  rows,
}: {
  db: Db;
  contestId: number;
  rows: Omit<typeof contestEntries.$inferInsert, 'contestId'>[];
}) {
  await db.delete(contestEntries).where(eq(contestEntries.contestId, contestId));
  if (rows.length) await db.insert(contestEntries).values(rows.map((r) => ({ ...r, contestId })));
}
