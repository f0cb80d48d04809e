import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { ResultListQuery } from '../../../common/schemas/results.js';
import { underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { type ActorView, scopeWhere } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { projects } from '../projects/projects.table.js';
import { studios } from '../studios/studios.table.js';
import { resultContributors, resultReviewers, resultScores, results } from './results.table.js';

/** Finance-verified benefit of a result (own use and adoptions): the only amount any total uses. */
export const verifiedBenefitOf = (resultId: SQL | typeof results.id) =>
  sql<number>`(SELECT coalesce(sum(b.amount_fen), 0) FROM benefits b WHERE b.result_id = ${resultId} AND b.status = 'verified' AND b.archived_at IS NULL)`.mapWith(
    Number,
  );

const columns = {
  result: results,
  studioName: studios.name,
  orgPath: orgs.path,
  orgName: orgs.name,
  projectTitle: projects.title,
  contributorNames: sql<string>`coalesce((SELECT string_agg(p.name, '、' ORDER BY c.seq) FROM result_contributors c JOIN people p ON p.id = c.person_id WHERE c.result_id = ${results.id}), '')`,
  verifiedBenefitFen: verifiedBenefitOf(results.id),
};

function base(db: Db) {
  return db
    .select(columns)
    .from(results)
    .innerJoin(studios, eq(studios.id, results.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(projects, eq(projects.id, results.projectId));
}
export type ResultJoined = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export async function findResultRow({ db, id }: { db: Db; id: number }) {
  const [row] = await base(db).where(eq(results.id, id));
  return row ?? null;
}

/** SQL: the actor is an assigned expert of the result row. */
export const reviewerOf = (userId: number) =>
  sql`EXISTS (SELECT 1 FROM result_reviewers rr WHERE rr.result_id = ${results.id} AND rr.user_id = ${userId})`;

function listWhere(view: ActorView, q: ResultListQuery) {
  return and(
    scopeWhere(view, {
      studioId: results.studioId,
      orgPath: orgs.path,
      confidential: results.confidential,
      reviewer: reviewerOf(view.actor.userId),
    }),
    q.includeArchived ? undefined : isNull(results.archivedAt),
    q.kind ? eq(results.kind, q.kind) : undefined,
    q.status ? eq(results.status, q.status) : undefined,
    q.year ? eq(results.year, q.year) : undefined,
    q.studioId ? eq(results.studioId, q.studioId) : undefined,
    q.projectId ? eq(results.projectId, q.projectId) : undefined,
    q.patentType ? eq(results.patentType, q.patentType) : undefined,
    q.patentStatus ? eq(results.patentStatus, q.patentStatus) : undefined,
    q.hasPatent ? isNotNull(results.patentType) : undefined,
    underOrg(orgs.path, q.orgId),
    q.q
      ? or(
          ilike(results.title, likeText(q.q)),
          ilike(results.archiveNo, likeText(q.q)),
          ilike(results.patentApplicationNo, likeText(q.q)),
        )
      : undefined,
  );
}

/** A filtered page of the results the actor sees; with `all`, every row (Excel export, capped). */
export async function findResults({
  db,
  view,
  query,
  all,
}: {
  db: Db;
  view: ActorView;
  query: ResultListQuery;
  all?: boolean;
}) {
  const where = listWhere(view, query);
  const list = base(db).where(where).orderBy(desc(results.year), desc(results.id));
  const [items, [total]] = await Promise.all([
    all ? list.limit(10_000) : list.limit(query.pageSize).offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(results)
      .innerJoin(studios, eq(studios.id, results.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function contributorsOf({ db, resultId }: { db: Db; resultId: number }) {
  return db
    .select({
      personId: resultContributors.personId,
      name: people.name,
      orgName: orgs.name,
      share: resultContributors.share,
      role: resultContributors.role,
    })
    .from(resultContributors)
    .innerJoin(people, eq(people.id, resultContributors.personId))
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(eq(resultContributors.resultId, resultId))
    .orderBy(asc(resultContributors.seq));
}

export async function reviewersOf({ db, resultId }: { db: Db; resultId: number }) {
  return db.select().from(resultReviewers).where(eq(resultReviewers.resultId, resultId));
}

export async function scoresOf({ db, resultId }: { db: Db; resultId: number }) {
  return db
    .select()
    .from(resultScores)
    .where(eq(resultScores.resultId, resultId))
    .orderBy(asc(resultScores.id));
}

/** Optimistic update: null when `version` is stale. */
export async function updateResultRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof results.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(results)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(results.id, id), eq(results.version, version)))
    .returning();
  return row ?? null;
}

/** Replaces a result's contributors (inside the caller's transaction). */
export async function replaceContributors({
  db,
  resultId,
  list,
}: {
  db: Db;
  resultId: number;
  list: { personId: number; share: number; role: string }[];
}) {
  await db.delete(resultContributors).where(eq(resultContributors.resultId, resultId));
  if (list.length)
    await db
      .insert(resultContributors)
      .values(
        list.map((c, i) => ({ resultId, personId: c.personId, share: c.share, role: c.role, seq: i + 1 })),
      );
}
