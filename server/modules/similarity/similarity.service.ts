import { and, desc, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SimilarItem, SimilarQuery } from '../../../common/schemas/similarity.js';
import { inScope } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { enterpriseNames } from '../innovation/innovation.lookup.js';
import {
  type ActorView,
  actorViewOf,
  enterprisePrefixOf,
  groupWhere,
  seesInMarket,
  seesInScope,
} from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { projects } from '../projects/projects.table.js';
import { results } from '../results/results.table.js';
import { studios } from '../studios/studios.table.js';
import { wordsOf } from './similarity.text.js';

const MAX_WORDS = 40;
const MIN_SCORE = 0.05;

/**
 * The blended similarity of a stored item to the query: 60% shared words (the mean of the share of the
 * query's words found in the item and the Dice overlap of both word sets, from the tsvector column),
 * 40% pg_trgm similarity of the item's title to the query (the better of similarity and word_similarity,
 * so a title found inside a longer description still counts).
 */
function scoring(words: string[], text: string, searchCol: AnyPgColumn, titleCol: AnyPgColumn) {
  const q = words.length;
  const hit = (w: string) => sql`(coalesce(${searchCol}, ''::tsvector) @@ plainto_tsquery('simple', ${w}))`;
  const matched = q
    ? sql.join(
        words.map((w) => sql`${hit(w)}::int`),
        sql` + `,
      )
    : sql`0`;
  const shared = q
    ? sql<string[]>`array_remove(ARRAY[${sql.join(
        words.map((w) => sql`CASE WHEN ${hit(w)} THEN ${w}::text END`),
        sql`, `,
      )}]::text[], NULL)`
    : sql<string[]>`ARRAY[]::text[]`;
  const qn = sql.raw(String(q || 1));
  const wordScore = q
    ? sql`(((${matched})::float8 / ${qn}) + (2.0 * (${matched}) / (${qn} + greatest(length(coalesce(${searchCol}, ''::tsvector)), 1)))) / 2`
    : sql`0`;
  const trgm = sql`greatest(similarity(${titleCol}, ${text}), word_similarity(${titleCol}, ${text}))`;
  const score = sql<number>`(0.6 * ${wordScore} + 0.4 * ${trgm})::float8`.mapWith(Number);
  const candidate = or(
    q ? sql`${searchCol} @@ to_tsquery('simple', ${words.join(' | ')})` : undefined,
    sql`word_similarity(${titleCol}, ${text}) >= 0.3`,
    sql`similarity(${titleCol}, ${text}) >= 0.2`,
  )!;
  return { score, shared, candidate };
}

/** Confidential items of other enterprises are left out entirely; in the actor's own reach they are listed. */
function confidentialOk(view: ActorView, confidential: AnyPgColumn, studioId: AnyPgColumn): SQL {
  return or(
    sql`${confidential} = false`,
    inScope(orgs.path, view.confidentialScope),
    view.memberStudioIds.length
      ? sql`${studioId} IN (${sql.join(
          view.memberStudioIds.map((i) => sql`${i}`),
          sql`, `,
        )})`
      : undefined,
  )!;
}

/**
 * The ten existing projects and/or results across the actor's whole group most similar to `text`, with a
 * 0–1 score and the shared words. Enterprise scope is ignored on purpose (duplicated work is found across
 * enterprises); items the caller cannot open show only code, title, studio and enterprise.
 */
export async function findSimilar({ ctx, query }: { ctx: Ctx; query: SimilarQuery }): Promise<SimilarItem[]> {
  const view = await actorViewOf(ctx);
  const words = wordsOf(query.text)
    .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    .slice(0, MAX_WORDS);
  const text = query.text.slice(0, 1000);
  type Row = Omit<SimilarItem, 'enterpriseName' | 'canOpen'> & {
    orgPath: string;
    studioId: number;
    confidential: boolean;
  };
  const rows: Row[] = [];

  if (query.kind !== 'result') {
    const s = scoring(words, text, projects.searchText, projects.title);
    const found = await ctx.db
      .select({
        id: projects.id,
        code: projects.code,
        title: projects.title,
        status: projects.status,
        year: projects.year,
        studioId: projects.studioId,
        studioName: studios.name,
        orgPath: orgs.path,
        confidential: projects.confidential,
        score: s.score,
        sharedWords: s.shared,
      })
      .from(projects)
      .innerJoin(studios, eq(studios.id, projects.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(
        and(
          isNull(projects.archivedAt),
          groupWhere(view, orgs.path),
          confidentialOk(view, projects.confidential, projects.studioId),
          query.excludeProjectId ? ne(projects.id, query.excludeProjectId) : undefined,
          s.candidate,
        ),
      )
      .orderBy(desc(s.score))
      .limit(10);
    rows.push(...found.map((r) => ({ ...r, kind: 'project' as const })));
  }
  if (query.kind !== 'project') {
    const s = scoring(words, text, results.searchText, results.title);
    const found = await ctx.db
      .select({
        id: results.id,
        code: results.archiveNo,
        title: results.title,
        status: results.status,
        year: results.year,
        studioId: results.studioId,
        studioName: studios.name,
        orgPath: orgs.path,
        confidential: results.confidential,
        score: s.score,
        sharedWords: s.shared,
      })
      .from(results)
      .innerJoin(studios, eq(studios.id, results.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(
        and(
          isNull(results.archivedAt),
          groupWhere(view, orgs.path),
          confidentialOk(view, results.confidential, results.studioId),
          query.excludeResultId ? ne(results.id, query.excludeResultId) : undefined,
          s.candidate,
        ),
      )
      .orderBy(desc(s.score))
      .limit(10);
    rows.push(...found.map((r) => ({ ...r, kind: 'result' as const })));
  }

  const top = rows
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, 10);
  const names = await enterpriseNames({
    db: ctx.db,
    prefixes: top.map((r) => enterprisePrefixOf(r.orgPath)),
  });
  return top.map(({ orgPath, studioId, confidential, ...r }) => ({
    ...r,
    score: Math.round(r.score * 1000) / 1000,
    sharedWords: r.sharedWords ?? [],
    enterpriseName: names.get(enterprisePrefixOf(orgPath)) ?? '',
    canOpen:
      seesInScope(view, { studioId, orgPath, confidential }) ||
      (r.kind === 'result' &&
        seesInMarket(view, { orgPath, confidential, status: r.status, archivedAt: null })),
  }));
}
