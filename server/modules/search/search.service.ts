import { type SQL, sql } from 'drizzle-orm';
import {
  type SearchHit,
  type SearchResult,
  type SearchType,
  searchTypeLabels,
  searchTypes,
} from '../../../common/schemas/search.js';
import { inScope, scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { actorViewOf, groupRootsOf, scopeWhere } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { projects } from '../projects/projects.table.js';
import { results } from '../results/results.table.js';
import { rowsOf } from '../stats/stats.sql.js';
import { likeOf, queryWords } from './search.words.js';

type Hit = SearchHit & { total: number };

/**
 * Whether `text` matches the query: the whole query as a substring, or every segmented word somewhere in it;
 * for names also fuzzily — trigram similarity (Latin), or all but one of the query's characters (a mistyped
 * Chinese name of 2–4 characters).
 */
function matchOf(q: string, words: string[], text: SQL, name?: SQL, tsv?: SQL): SQL {
  const parts: SQL[] = [sql`${text} ILIKE ${likeOf(q)}`];
  if (words.length > 1)
    parts.push(
      sql`(${sql.join(
        words.map((w) => sql`${text} ILIKE ${likeOf(w)}`),
        sql` AND `,
      )})`,
    );
  if (name) {
    parts.push(sql`similarity(${name}, ${q}) > 0.4`);
    const chars = [...q].filter((c) => /\p{Script=Han}/u.test(c));
    if (chars.length >= 3 && chars.length === [...q].length && chars.length <= 4)
      parts.push(
        sql`(char_length(${name}) BETWEEN ${chars.length - 1} AND ${chars.length + 1} AND (${sql.join(
          chars.map((c) => sql`(CASE WHEN strpos(${name}, ${c}) > 0 THEN 1 ELSE 0 END)`),
          sql` + `,
        )}) >= ${chars.length - 1})`,
      );
  }
  if (tsv && words.length) parts.push(sql`${tsv} @@ plainto_tsquery('simple', ${words.join(' ')})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Best first: the exact name, then names starting with the query, then containing it, then the rest. */
const rankOf = (q: string, name: SQL) =>
  sql`CASE WHEN ${name} = ${q} THEN 0 WHEN ${name} ILIKE ${`${likeOf(q).slice(1)}`} THEN 1 WHEN ${name} ILIKE ${likeOf(q)} THEN 2 ELSE 3 END, similarity(${name}, ${q}) DESC`;

async function studiosHits(ctx: Ctx, q: string, words: string[], limit: number): Promise<Hit[]> {
  const person = ctx.actor.personId ?? 0;
  return rowsOf<Hit>(
    ctx.db,
    sql`SELECT s.id, s.name AS title, o.name AS subtitle, '/studios/' || s.id AS link, count(*) OVER ()::int AS total
        FROM studios s JOIN orgs o ON o.id = s.host_org_id
        WHERE s.archived_at IS NULL
          AND (${inScope(sql`o.path`, scopeOf(ctx.actor, 'studios.read'))}
               OR EXISTS (SELECT 1 FROM studio_members m WHERE m.studio_id = s.id AND m.person_id = ${person} AND m.left_on IS NULL))
          AND ${matchOf(q, words, sql`concat_ws(' ', s.name, s.code, s.field)`, sql`s.name`)}
        ORDER BY ${rankOf(q, sql`s.name`)}, s.id LIMIT ${limit}`,
  );
}

async function peopleHits(ctx: Ctx, q: string, words: string[], limit: number): Promise<Hit[]> {
  return rowsOf<Hit>(
    ctx.db,
    sql`SELECT p.id, p.name AS title, o.name || ' · ' || p.employee_no || coalesce(' · ' || p.trade, '') AS subtitle,
               '/people/' || p.id AS link, count(*) OVER ()::int AS total
        FROM people p JOIN orgs o ON o.id = p.org_id
        WHERE p.archived_at IS NULL AND ${inScope(sql`o.path`, scopeOf(ctx.actor, 'people.read'))}
          AND ${matchOf(q, words, sql`concat_ws(' ', p.name, p.employee_no, p.trade)`, sql`p.name`)}
        ORDER BY ${rankOf(q, sql`p.name`)}, p.id LIMIT ${limit}`,
  );
}

async function innovationHits(
  ctx: Ctx,
  type: 'projects' | 'results',
  q: string,
  words: string[],
  limit: number,
): Promise<Hit[]> {
  const view = await actorViewOf(ctx);
  const t = type === 'projects' ? projects : results;
  const code = type === 'projects' ? projects.code : results.archiveNo;
  const body = type === 'projects' ? projects.goal : results.problem;
  const where = scopeWhere(view, { studioId: t.studioId, orgPath: orgs.path, confidential: t.confidential });
  return rowsOf<Hit>(
    ctx.db,
    sql`SELECT ${t.id} AS id, ${t.title} AS title, studios.name || ' · ' || ${code} AS subtitle,
               ${`/${type}/`} || ${t.id} AS link, count(*) OVER ()::int AS total
        FROM ${t} JOIN studios ON studios.id = ${t.studioId} JOIN ${orgs} ON ${orgs.id} = studios.host_org_id
        WHERE ${t.archivedAt} IS NULL AND ${where}
          AND ${matchOf(q, words, sql`concat_ws(' ', ${t.title}, ${code}, ${body})`, undefined, sql`${t.searchText}`)}
        ORDER BY ${rankOf(q, sql`${t.title}`)}, ${t.id} DESC LIMIT ${limit}`,
  );
}

async function ideasHits(ctx: Ctx, q: string, words: string[], limit: number): Promise<Hit[]> {
  const me = ctx.actor.userId;
  const person = ctx.actor.personId ?? 0;
  return rowsOf<Hit>(
    ctx.db,
    sql`SELECT i.id, i.title, i.code || ' · ' || o.name AS subtitle, '/ideas/' || i.id AS link, count(*) OVER ()::int AS total
        FROM ideas i JOIN orgs o ON o.id = i.org_id
        WHERE i.archived_at IS NULL
          AND (i.submitter_user_id = ${me} OR i.handler_user_id = ${me} OR ${inScope(sql`o.path`, scopeOf(ctx.actor, 'ideas.manage'))}
               OR EXISTS (SELECT 1 FROM idea_credits c WHERE c.idea_id = i.id AND c.person_id = ${person}))
          AND ${matchOf(q, words, sql`concat_ws(' ', i.title, i.code, i.content)`, undefined, sql`i.search_text`)}
        ORDER BY ${rankOf(q, sql`i.title`)}, i.id DESC LIMIT ${limit}`,
  );
}

async function challengesHits(ctx: Ctx, q: string, words: string[], limit: number): Promise<Hit[]> {
  return rowsOf<Hit>(
    ctx.db,
    sql`SELECT c.id, c.title, o.name || ' · ' || c.field AS subtitle, '/challenges/' || c.id AS link, count(*) OVER ()::int AS total
        FROM challenges c JOIN orgs o ON o.id = c.owner_org_id
        WHERE c.archived_at IS NULL AND ${inScope(sql`o.path`, groupRootsOf(ctx.actor))}
          AND ${matchOf(q, words, sql`concat_ws(' ', c.title, c.code, c.field, c.description)`, undefined, sql`c.search_text`)}
        ORDER BY ${rankOf(q, sql`c.title`)}, c.id DESC LIMIT ${limit}`,
  );
}

/** The tables each type reads (a type whose module has not landed is left out). */
const needs: Record<SearchType, string[]> = {
  studios: ['studios'],
  people: ['people'],
  projects: ['projects'],
  results: ['results'],
  ideas: ['ideas', 'idea_credits'],
  challenges: ['challenges'],
};
const listPage: Partial<Record<SearchType, string>> = {
  studios: '/studios',
  people: '/people',
  projects: '/projects',
  results: '/results',
  ideas: '/ideas',
  challenges: '/challenges',
};

/**
 * One search box over studios, people, projects, results, ideas and challenges: Chinese segmented into words
 * (Intl.Segmenter) plus fuzzy matching for names, each type scoped to what the actor may see there, grouped by
 * type (empty groups left out), best matches first.
 */
export async function search({
  ctx,
  q,
  type,
  limit,
}: {
  ctx: Ctx;
  q: string;
  type?: SearchType;
  limit: number;
}): Promise<SearchResult> {
  const words = queryWords(q);
  const tables = await existingTables(ctx);
  const groups: SearchResult['groups'] = [];
  for (const t of type ? [type] : searchTypes) {
    if (!needs[t].every((n) => tables.has(n))) continue;
    const hits =
      t === 'studios'
        ? await studiosHits(ctx, q, words, limit)
        : t === 'people'
          ? await peopleHits(ctx, q, words, limit)
          : t === 'projects' || t === 'results'
            ? await innovationHits(ctx, t, q, words, limit)
            : t === 'ideas'
              ? await ideasHits(ctx, q, words, limit)
              : await challengesHits(ctx, q, words, limit);
    if (hits.length === 0) continue;
    const total = hits[0]!.total;
    groups.push({
      type: t,
      label: searchTypeLabels[t][ctx.lang],
      total,
      items: hits.map(({ total: _t, ...h }) => ({ ...h, subtitle: h.subtitle ?? null })),
      more: total > hits.length && listPage[t] ? `${listPage[t]}?q=${encodeURIComponent(q)}` : null,
    });
  }
  return { q, words, groups };
}

/** The schema's tables, read once per database (migrations run before the server serves). */
const tablesOf = new WeakMap<object, Promise<Set<string>>>();
function existingTables(ctx: Ctx): Promise<Set<string>> {
  let tables = tablesOf.get(ctx.db);
  if (!tables) {
    tables = rowsOf<{ t: string }>(
      ctx.db,
      sql`SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = current_schema()`,
    ).then((rows) => new Set(rows.map((r) => r.t)));
    tablesOf.set(ctx.db, tables);
  }
  return tables;
}
