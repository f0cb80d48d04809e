import { and, asc, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MarketQuery } from '../../../common/schemas/adoptions.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { type ActorView, groupWhere } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { verifiedBenefitOf } from '../results/results.repository.js';
import { results } from '../results/results.table.js';
import { studios } from '../studios/studios.table.js';
import { adoptions } from './adoptions.table.js';

const enterprise = alias(orgs, 'enterprise');
/** The enterprise (depth-1 ancestor) of an org row, joined by path prefix. */
const enterpriseJoin = (pathCol: typeof orgs.path) =>
  sql`${enterprise.depth} = 1 AND ${pathCol} LIKE ${enterprise.path} || '%'`;

const adoptionColumns = {
  adoption: adoptions,
  orgPath: orgs.path,
  orgName: orgs.name,
  enterpriseName: enterprise.name,
  resultTitle: results.title,
  verifiedBenefitFen:
    sql<number>`(SELECT coalesce(sum(b.amount_fen), 0) FROM benefits b WHERE b.adoption_id = ${adoptions.id} AND b.status = 'verified' AND b.archived_at IS NULL)`.mapWith(
      Number,
    ),
};

function adoptionBase(db: Db) {
  return db
    .select(adoptionColumns)
    .from(adoptions)
    .innerJoin(orgs, eq(orgs.id, adoptions.orgId))
    .innerJoin(results, eq(results.id, adoptions.resultId))
    .leftJoin(enterprise, enterpriseJoin(orgs.path));
}
export type AdoptionJoined = Awaited<ReturnType<typeof adoptionBase>>[number];

export async function findAdoptionRow({ db, id }: { db: Db; id: number }) {
  const [row] = await adoptionBase(db).where(eq(adoptions.id, id));
  return row ?? null;
}

export async function adoptionsOfResult({
  db,
  resultId,
  includeArchived,
}: {
  db: Db;
  resultId: number;
  includeArchived: boolean;
}) {
  return adoptionBase(db)
    .where(and(eq(adoptions.resultId, resultId), includeArchived ? undefined : isNull(adoptions.archivedAt)))
    .orderBy(asc(adoptions.adoptedOn), asc(adoptions.id));
}

/** Optimistic update: null when `version` is stale. */
export async function updateAdoptionRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof adoptions.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(adoptions)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(adoptions.id, id), eq(adoptions.version, version)))
    .returning();
  return row ?? null;
}

/** The group-wide results market: recognised, non-confidential, live results of the actor's group(s). */
export async function findMarket({ db, view, query }: { db: Db; view: ActorView; query: MarketQuery }) {
  const where = and(
    groupWhere(view, orgs.path),
    eq(results.status, 'recognised'),
    eq(results.confidential, false),
    isNull(results.archivedAt),
    query.kind ? eq(results.kind, query.kind) : undefined,
    query.field ? ilike(results.field, likeText(query.field)) : undefined,
    query.q
      ? or(
          ilike(results.title, likeText(query.q)),
          ilike(results.problem, likeText(query.q)),
          ilike(studios.name, likeText(query.q)),
        )
      : undefined,
  );
  const from = () =>
    db
      .select({
        result: results,
        studioName: studios.name,
        hostOrgName: orgs.name,
        enterpriseName: enterprise.name,
        verifiedBenefitFen: verifiedBenefitOf(results.id),
        adoptionCount:
          sql<number>`(SELECT count(*) FROM adoptions a WHERE a.result_id = ${results.id} AND a.archived_at IS NULL)`.mapWith(
            Number,
          ),
      })
      .from(results)
      .innerJoin(studios, eq(studios.id, results.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .leftJoin(enterprise, enterpriseJoin(orgs.path));
  const [items, [total]] = await Promise.all([
    from()
      .where(where)
      .orderBy(desc(results.recognisedOn), desc(results.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(results)
      .innerJoin(studios, eq(studios.id, results.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
