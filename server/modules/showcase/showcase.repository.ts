import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type {
  PublicResultCard,
  PublicResultQuery,
  PublicStudioCard,
} from '../../../common/schemas/showcase.js';
import { enterpriseNameOf, underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { results } from '../results/results.table.js';
import { rowsOf } from '../stats/stats.sql.js';
import { studios } from '../studios/studios.table.js';
import { showcaseResults, showcaseStudios } from './showcase.table.js';

/**
 * The one definition of "public" (see common/schemas/showcase.ts). Every public query goes through
 * `publicStudios()` / `publicResults()` below, so no query can forget a condition.
 */
export const studioIsPublic: SQL = and(
  eq(showcaseStudios.published, true),
  isNull(studios.archivedAt),
  notInArray(studios.status, ['revoked', 'merged']),
)!;

export const resultIsPublic: SQL = and(
  eq(showcaseResults.published, true),
  eq(results.status, 'recognised'),
  eq(results.confidential, false),
  isNull(results.archivedAt),
  // a result of a confidential project stays private whatever its own flag says
  sql`NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = ${results.projectId} AND p.confidential)`,
  studioIsPublic,
)!;

const enterpriseName = enterpriseNameOf(orgs.path);

/** First photo of an owner: an image with purpose 'photo' that is not deleted. */
const firstPhoto = (ownerType: 'studio' | 'result', ownerId: SQL | typeof studios.id | typeof results.id) =>
  sql<number | null>`(SELECT f.id FROM files f WHERE f.owner_type = ${ownerType} AND f.owner_id = ${ownerId}
    AND f.purpose = 'photo' AND f.deleted_at IS NULL AND f.mime LIKE 'image/%' ORDER BY f.id LIMIT 1)`;

const publicResultCount = sql<number>`(SELECT count(*)::int FROM results r2
  JOIN showcase_results sr2 ON sr2.result_id = r2.id
  WHERE r2.studio_id = ${studios.id} AND sr2.published AND r2.status = 'recognised' AND NOT r2.confidential
    AND r2.archived_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = r2.project_id AND p.confidential))`.mapWith(Number);

const studioCardColumns = {
  id: studios.id,
  name: studios.name,
  type: studios.type,
  level: studios.currentLevel,
  field: studios.field,
  slogan: studios.slogan,
  enterpriseName,
  leaderName: people.name,
  photoId: firstPhoto('studio', studios.id),
  resultCount: publicResultCount,
};

function publicStudios<T extends Record<string, unknown>>(db: Db, columns: T) {
  return db
    .select(columns as never)
    .from(studios)
    .innerJoin(showcaseStudios, eq(showcaseStudios.studioId, studios.id))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(people, eq(people.id, studios.leaderPersonId));
}

const resultCardColumns = {
  id: results.id,
  title: results.title,
  kind: results.kind,
  field: results.field,
  year: results.year,
  grade: results.grade,
  award: results.award,
  recognisedOn: results.recognisedOn,
  studioId: studios.id,
  studioName: studios.name,
  enterpriseName,
  photoId: firstPhoto('result', results.id),
};

function publicResults<T extends Record<string, unknown>>(db: Db, columns: T) {
  return db
    .select(columns as never)
    .from(results)
    .innerJoin(showcaseResults, eq(showcaseResults.resultId, results.id))
    .innerJoin(studios, eq(studios.id, results.studioId))
    .innerJoin(showcaseStudios, eq(showcaseStudios.studioId, studios.id))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId));
}

type StudioCardRow = Omit<PublicStudioCard, 'type' | 'level'> & { type: string; level: string | null };
type ResultCardRow = Omit<PublicResultCard, 'kind'> & { kind: string };

/** Published studios, highest naming level first. */
export async function listPublicStudios({ db, limit }: { db: Db; limit: number }) {
  const rows = await publicStudios(db, studioCardColumns)
    .where(studioIsPublic)
    .orderBy(
      sql`CASE ${studios.currentLevel} WHEN 'national' THEN 0 WHEN 'provinceDemo' THEN 1 WHEN 'province' THEN 2
        WHEN 'city' THEN 3 WHEN 'group' THEN 4 WHEN 'enterprise' THEN 5 ELSE 6 END`,
      asc(studios.name),
    )
    .limit(limit);
  return rows as unknown as StudioCardRow[];
}

export async function getPublicStudioRow({ db, id }: { db: Db; id: number }) {
  const [row] = await publicStudios(db, {
    ...studioCardColumns,
    story: showcaseStudios.story,
    intro: studios.intro,
    foundedOn: studios.foundedOn,
    hostOrgName: orgs.name,
    leaderHonours: people.honours,
  }).where(and(eq(studios.id, id), studioIsPublic));
  return row as
    | (StudioCardRow & {
        story: string | null;
        intro: string | null;
        foundedOn: string | null;
        hostOrgName: string;
        leaderHonours: { kind: string; level: string; year: number }[] | null;
      })
    | undefined;
}

export async function countPublic({ db }: { db: Db }) {
  const [s] = await publicStudios(db, {
    n: count(),
    enterprises: sql<number>`count(DISTINCT ${enterpriseName})::int`.mapWith(Number),
  }).where(studioIsPublic);
  const [r] = await publicResults(db, { n: count() }).where(resultIsPublic);
  const studiosRow = s as { n: number; enterprises: number } | undefined;
  return {
    studios: studiosRow?.n ?? 0,
    enterprises: studiosRow?.enterprises ?? 0,
    results: (r as { n: number } | undefined)?.n ?? 0,
  };
}

function resultWhere(q: Partial<PublicResultQuery> & { studioId?: number }) {
  return and(
    resultIsPublic,
    q.studioId ? eq(studios.id, q.studioId) : undefined,
    q.kind ? eq(results.kind, q.kind) : undefined,
    q.field ? ilike(results.field, likeText(q.field)) : undefined,
    underOrg(orgs.path, q.enterpriseId),
    q.q ? or(ilike(results.title, likeText(q.q)), ilike(studios.name, likeText(q.q))) : undefined,
  );
}

const newestFirst = [sql`${results.recognisedOn} DESC NULLS LAST`, desc(results.id)];

/** A filtered page of public results, most recently recognised first. */
export async function findPublicResults({ db, query }: { db: Db; query: PublicResultQuery }) {
  const where = resultWhere(query);
  const [items, [total]] = await Promise.all([
    publicResults(db, resultCardColumns)
      .where(where)
      .orderBy(...newestFirst)
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    publicResults(db, { n: count() }).where(where),
  ]);
  return { items: items as unknown as ResultCardRow[], total: (total as { n: number } | undefined)?.n ?? 0 };
}

export async function listPublicResults({
  db,
  studioId,
  limit,
}: {
  db: Db;
  studioId?: number;
  limit: number;
}) {
  const rows = await publicResults(db, resultCardColumns)
    .where(resultWhere({ studioId }))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows as unknown as ResultCardRow[];
}

export async function getPublicResultRow({ db, id }: { db: Db; id: number }) {
  const [row] = await publicResults(db, {
    ...resultCardColumns,
    problem: results.problem,
    innovationPoints: results.innovationPoints,
    implementedOn: results.implementedOn,
  }).where(and(eq(results.id, id), resultIsPublic));
  return row as
    | (ResultCardRow & { problem: string; innovationPoints: string | null; implementedOn: string | null })
    | undefined;
}

/** Enterprises that host a published studio, and the fields of public results (for the gallery filters). */
export async function publicFilterValues({ db }: { db: Db }) {
  const ents = await rowsOf<{ id: number; name: string }>(
    db,
    sql`
    SELECT DISTINCT e.id, e.name FROM studios s
    JOIN showcase_studios ss ON ss.studio_id = s.id AND ss.published
    JOIN orgs o ON o.id = s.host_org_id
    JOIN orgs e ON e.kind = 'enterprise' AND e.id = ANY (string_to_array(trim(both '/' from o.path), '/')::int[])
    WHERE s.archived_at IS NULL AND s.status NOT IN ('revoked', 'merged')
    ORDER BY e.name`,
  );
  const fields = await publicResults(db, { field: results.field })
    .where(and(resultIsPublic, sql`${results.field} IS NOT NULL`))
    .groupBy(results.field)
    .orderBy(results.field)
    .limit(100);
  return {
    enterprises: ents.map((e) => ({ id: Number(e.id), name: String(e.name) })),
    fields: (fields as { field: string }[]).map((f) => f.field),
  };
}

/** The public studio ids among `ids` (to link notices to published pages only). */
export async function publicStudioIds({ db, ids }: { db: Db; ids: number[] }) {
  if (!ids.length) return new Set<number>();
  const rows = (await publicStudios(db, { id: studios.id }).where(
    and(inArray(studios.id, ids), studioIsPublic),
  )) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
