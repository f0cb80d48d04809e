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
 * What each type searches: its columns, in the order of its `jx_grams` index (migration 0014), the name column
 * matched fuzzily, and whether it has a `search_text` of segmented words. Each type's table is named as the type.
 */
const searched: Record<SearchType, { cols: string[]; name?: string; tsv?: true }> = {
  studios: { cols: ['name', 'code', 'field'], name: 'name' },
  people: { cols: ['name', 'employee_no', 'trade'], name: 'name' },
  projects: { cols: ['title', 'code', 'goal'], tsv: true },
  results: { cols: ['title', 'archive_no', 'problem'], tsv: true },
  ideas: { cols: ['title', 'code', 'content'], tsv: true },
  challenges: { cols: ['title', 'code', 'field', 'description'], tsv: true },
};

/**
 * Whether the row `alias` of `type` matches the query: the whole query as a substring of its columns, or every
 * segmented word somewhere in them; for names also fuzzily — trigram similarity (Latin), or all but one of the
 * query's characters (a mistyped Chinese name of 3–4 characters); or its segmented words (`search_text`).
 *
 * In two steps, so that no row is read that an index has not found: the candidates are a union of index scans —
 * the row's characters and character pairs (`jx_grams`) contain the query's (or the words', or all but one of a
 * name's characters), the name is trigram-similar, the segmented words match — and only the candidates are
 * checked exactly. The index expression is never recomputed for a row: it appears only in the candidate scans,
 * which the index answers exactly.
 */
export function matchOf(q: string, words: string[], type: SearchType, alias: string): SQL {
  const { cols, name, tsv } = searched[type];
  const col = (a: string, c: string) => sql.raw(`${a}.${c}`);
  const list = (a: string) =>
    sql.join(
      cols.map((c) => col(a, c)),
      sql`, `,
    );
  const text = sql`concat_ws(' ', ${list(alias)})`;
  const found = (where: SQL) => sql`SELECT g.id FROM ${sql.raw(type)} g WHERE ${where}`;
  const has = (s: string) => found(sql`jx_grams(${list('g')}) @> jx_grams(${s}::text)`);
  const candidates: SQL[] = [has(q)];
  const exact: SQL[] = [sql`${text} ILIKE ${likeOf(q)}`];
  if (words.length > 1) {
    candidates.push(has(words.join(' ')));
    exact.push(
      sql`(${sql.join(
        words.map((w) => sql`${text} ILIKE ${likeOf(w)}`),
        sql` AND `,
      )})`,
    );
  }
  if (name) {
    const n = col(alias, name);
    candidates.push(found(sql`${col('g', name)} % ${q}`));
    exact.push(sql`similarity(${n}, ${q}) > 0.4`);
    const chars = [...q].filter((c) => /\p{Script=Han}/u.test(c));
    if (chars.length >= 3 && chars.length === [...q].length && chars.length <= 4) {
      for (const some of allButOne(chars)) candidates.push(has(some.join(' ')));
      exact.push(
        sql`(char_length(${n}) BETWEEN ${chars.length - 1} AND ${chars.length + 1} AND (${sql.join(
          chars.map((c) => sql`(CASE WHEN strpos(${n}, ${c}) > 0 THEN 1 ELSE 0 END)`),
          sql` + `,
        )}) >= ${chars.length - 1})`,
      );
    }
  }
  if (tsv && words.length) {
    const query = sql`plainto_tsquery('simple', ${words.join(' ')})`;
    candidates.push(found(sql`g.search_text @@ ${query}`));
    exact.push(sql`${col(alias, 'search_text')} @@ ${query}`);
  }
  return sql`${col(alias, 'id')} IN (${sql.join(candidates, sql` UNION `)}) AND (${sql.join(exact, sql` OR `)})`;
}

/** Each way of leaving one item out: [a, b, c] → [b, c], [a, c], [a, b]. */
export const allButOne = <T>(xs: T[]): T[][] => xs.map((_, i) => xs.filter((_x, j) => j !== i));

/** Best first: the exact name, then names starting with the query, then containing it, then the rest. */
const rankOf = (q: string, name: SQL) =>
  sql`CASE WHEN ${name} = ${q} THEN 0 WHEN ${name} ILIKE ${`${likeOf(q).slice(1)}`} THEN 1 WHEN ${name} ILIKE ${likeOf(q)} THEN 2 ELSE 3 END, similarity(${name}, ${q}) DESC`;

function studiosSql(ctx: Ctx, q: string, words: string[], limit: number): SQL {
  const person = ctx.actor.personId ?? 0;
  return sql`SELECT s.id, s.name AS title, o.name AS subtitle, '/studios/' || s.id AS link, count(*) OVER ()::int AS total
        FROM studios s JOIN orgs o ON o.id = s.host_org_id
        WHERE s.archived_at IS NULL
          AND (${inScope(sql`o.path`, scopeOf(ctx.actor, 'studios.read'))}
               OR EXISTS (SELECT 1 FROM studio_members m WHERE m.studio_id = s.id AND m.person_id = ${person} AND m.left_on IS NULL))
          AND ${matchOf(q, words, 'studios', 's')}
        ORDER BY ${rankOf(q, sql`s.name`)}, s.id LIMIT ${limit}`;
}

function peopleSql(ctx: Ctx, q: string, words: string[], limit: number): SQL {
  return sql`SELECT p.id, p.name AS title, o.name || ' · ' || p.employee_no || coalesce(' · ' || p.trade, '') AS subtitle,
               '/people/' || p.id AS link, count(*) OVER ()::int AS total
        FROM people p JOIN orgs o ON o.id = p.org_id
        WHERE p.archived_at IS NULL AND ${inScope(sql`o.path`, scopeOf(ctx.actor, 'people.read'))}
          AND ${matchOf(q, words, 'people', 'p')}
        ORDER BY ${rankOf(q, sql`p.name`)}, p.id LIMIT ${limit}`;
}

async function innovationSql(
  ctx: Ctx,
  type: 'projects' | 'results',
  q: string,
  words: string[],
  limit: number,
): Promise<SQL> {
  const view = await actorViewOf(ctx);
  const t = type === 'projects' ? projects : results;
  const code = type === 'projects' ? projects.code : results.archiveNo;
  const where = scopeWhere(view, { studioId: t.studioId, orgPath: orgs.path, confidential: t.confidential });
  return sql`SELECT ${t.id} AS id, ${t.title} AS title, studios.name || ' · ' || ${code} AS subtitle,
               ${`/${type}/`} || ${t.id} AS link, count(*) OVER ()::int AS total
        FROM ${t} JOIN studios ON studios.id = ${t.studioId} JOIN ${orgs} ON ${orgs.id} = studios.host_org_id
        WHERE ${t.archivedAt} IS NULL AND ${where}
          AND ${matchOf(q, words, type, type)}
        ORDER BY ${rankOf(q, sql`${t.title}`)}, ${t.id} DESC LIMIT ${limit}`;
}

function ideasSql(ctx: Ctx, q: string, words: string[], limit: number): SQL {
  const me = ctx.actor.userId;
  const person = ctx.actor.personId ?? 0;
  return sql`SELECT i.id, i.title, i.code || ' · ' || o.name AS subtitle, '/ideas/' || i.id AS link, count(*) OVER ()::int AS total
        FROM ideas i JOIN orgs o ON o.id = i.org_id
        WHERE i.archived_at IS NULL
          AND (i.submitter_user_id = ${me} OR i.handler_user_id = ${me} OR ${inScope(sql`o.path`, scopeOf(ctx.actor, 'ideas.manage'))}
               OR EXISTS (SELECT 1 FROM idea_credits c WHERE c.idea_id = i.id AND c.person_id = ${person}))
          AND ${matchOf(q, words, 'ideas', 'i')}
        ORDER BY ${rankOf(q, sql`i.title`)}, i.id DESC LIMIT ${limit}`;
}

function challengesSql(ctx: Ctx, q: string, words: string[], limit: number): SQL {
  return sql`SELECT c.id, c.title, o.name || ' · ' || c.field AS subtitle, '/challenges/' || c.id AS link, count(*) OVER ()::int AS total
        FROM challenges c JOIN orgs o ON o.id = c.owner_org_id
        WHERE c.archived_at IS NULL AND ${inScope(sql`o.path`, groupRootsOf(ctx.actor))}
          AND ${matchOf(q, words, 'challenges', 'c')}
        ORDER BY ${rankOf(q, sql`c.title`)}, c.id DESC LIMIT ${limit}`;
}

/** The statement that finds one type's hits. */
async function statementOf(ctx: Ctx, t: SearchType, q: string, words: string[], limit: number): Promise<SQL> {
  if (t === 'studios') return studiosSql(ctx, q, words, limit);
  if (t === 'people') return peopleSql(ctx, q, words, limit);
  if (t === 'projects' || t === 'results') return innovationSql(ctx, t, q, words, limit);
  if (t === 'ideas') return ideasSql(ctx, q, words, limit);
  return challengesSql(ctx, q, words, limit);
}

async function hitsOf(ctx: Ctx, t: SearchType, q: string, words: string[], limit: number): Promise<Hit[]> {
  return rowsOf<Hit>(ctx.db, await statementOf(ctx, t, q, words, limit));
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
  const types = (type ? [type] : searchTypes).filter((t) => needs[t].every((n) => tables.has(n)));
  // The types are independent reads: on PostgreSQL they run at once on the pool.
  const found = await Promise.all(types.map((t) => hitsOf(ctx, t, q, words, limit)));
  const groups: SearchResult['groups'] = [];
  types.forEach((t, i) => {
    const hits = found[i]!;
    if (hits.length === 0) return;
    const total = hits[0]!.total;
    groups.push({
      type: t,
      label: searchTypeLabels[t][ctx.lang],
      total,
      items: hits.map(({ total: _t, ...h }) => ({ ...h, subtitle: h.subtitle ?? null })),
      more: total > hits.length && listPage[t] ? `${listPage[t]}?q=${encodeURIComponent(q)}` : null,
    });
  });
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
