import { type SQL, sql } from 'drizzle-orm';
import {
  type SearchHit,
  type SearchResult,
  type SearchType,
  searchCap,
  searchTypeLabels,
  searchTypes,
} from '../../../common/schemas/search.js';
import { inScope, scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { actorViewOf, groupRootsOf, scopeWhere } from '../innovation/innovation.scope.js';
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
 * segmented word somewhere in them; for names also fuzzily — trigram similarity (a Latin query), or all but one of the
 * query's characters (a mistyped Chinese name of 3–4 characters); or its segmented words (`search_text`).
 *
 * In two parts, so that no row is read that an index has not found: the candidates, an OR of conditions each an
 * index answers — the name is trigram-similar, the segmented words match, the row's characters and character
 * pairs (`jx_grams`) contain the query's (or the words', or all but one of a name's characters) — which
 * PostgreSQL reads as one bitmap of index scans; and the exact check, made only on the rows found. The index
 * answers `@>` exactly, so `jx_grams` is never recomputed for a row (the trigram arm, which the index answers
 * only approximately, comes first, so that its rechecks stop there).
 */
export function matchOf(q: string, words: string[], type: SearchType, alias: string): SQL {
  const { cols, name, tsv } = searched[type];
  const col = (c: string) => sql.raw(`${alias}.${c}`);
  const list = sql.join(
    cols.map((c) => col(c)),
    sql`, `,
  );
  const text = sql`concat_ws(' ', ${list})`;
  const has = (s: string) => sql`jx_grams(${list}) @> jx_query_grams(${s}::text)`;
  const candidates: SQL[] = [];
  const exact: SQL[] = [sql`${text} ILIKE ${likeOf(q)}`];
  // Trigram similarity is for Latin names ("Zhang Qiangong" mistyped); a Chinese name's typo is caught below,
  // and for a Chinese query the trigram index returns many rows it then rechecks one by one.
  if (name && /[\p{Script=Latin}\d]/u.test(q)) {
    const n = col(name);
    candidates.push(sql`${n} % ${q}`);
    exact.push(sql`similarity(${n}, ${q}) > 0.4`);
  }
  if (tsv && words.length) {
    const query = sql`plainto_tsquery('simple', ${words.join(' ')})`;
    candidates.push(sql`${col('search_text')} @@ ${query}`);
    exact.push(sql`${col('search_text')} @@ ${query}`);
  }
  candidates.push(has(q));
  if (words.length > 1) {
    candidates.push(has(words.join(' ')));
    exact.push(
      sql`(${sql.join(
        words.map((w) => sql`${text} ILIKE ${likeOf(w)}`),
        sql` AND `,
      )})`,
    );
  }
  const chars = [...q].filter((c) => /\p{Script=Han}/u.test(c));
  if (name && chars.length >= 3 && chars.length === [...q].length && chars.length <= 4) {
    const n = col(name);
    for (const some of allButOne(chars)) candidates.push(has(some.join(' ')));
    exact.push(
      sql`(char_length(${n}) BETWEEN ${chars.length - 1} AND ${chars.length + 1} AND (${sql.join(
        chars.map((c) => sql`(CASE WHEN strpos(${n}, ${c}) > 0 THEN 1 ELSE 0 END)`),
        sql` + `,
      )}) >= ${chars.length - 1})`,
    );
  }
  return sql`(${sql.join(candidates, sql` OR `)}) AND (${sql.join(exact, sql` OR `)})`;
}

/** Each way of leaving one item out: [a, b, c] → [b, c], [a, c], [a, b]. */
export const allButOne = <T>(xs: T[]): T[][] => xs.map((_, i) => xs.filter((_x, j) => j !== i));

/*
 * A row's org is looked up by primary key, not joined: a common word can have a hundred thousand candidates, and
 * PostgreSQL, which cannot estimate how many rows contain all of a query's character pairs (it takes them as
 * independent), would otherwise plan the join for a handful and scan the orgs for each one.
 */
const pathOf = (orgId: SQL) => sql`(SELECT path FROM orgs WHERE id = ${orgId})`;
const nameOf = (orgId: SQL) => sql`(SELECT name FROM orgs WHERE id = ${orgId})`;

/** Best first: the exact name, then names starting with the query, then containing it, then the rest. */
const rankOf = (q: string, name: SQL) =>
  sql`CASE WHEN ${name} = ${q} THEN 0 WHEN ${name} ILIKE ${`${likeOf(q).slice(1)}`} THEN 1 WHEN ${name} ILIKE ${likeOf(q)} THEN 2 ELSE 3 END, similarity(${name}, ${q}) DESC`;

/** One type's query: the rows of `table` (as `x`) matching `where`, each with its title, subtitle and link. */
interface Found {
  table: string;
  where: SQL;
  title: SQL;
  subtitle: SQL;
  link: string;
  /** Ties broken newest first (by id descending) rather than by id. */
  newestFirst?: boolean;
}

/**
 * The best `limit` of at most `searchCap` + 1 matches, each with the count of those matches. The cap keeps a
 * common word bounded: the matches are read from the index bitmap as they come, and ranking stops at the cap.
 */
function statement(q: string, f: Found, limit: number): SQL {
  return sql`SELECT h.id, h.title, h.subtitle, h.link, count(*) OVER ()::int AS total FROM (
          SELECT x.id, ${f.title} AS title, ${f.subtitle} AS subtitle, ${f.link} || x.id AS link
          FROM ${sql.raw(f.table)} x WHERE x.archived_at IS NULL AND ${f.where} LIMIT ${searchCap + 1}) h
        ORDER BY ${rankOf(q, sql`h.title`)}, h.id ${sql.raw(f.newestFirst ? 'DESC' : 'ASC')} LIMIT ${limit}`;
}

async function studiosSql(ctx: Ctx, q: string, words: string[], limit: number, near: Narrow): Promise<SQL> {
  const person = ctx.actor.personId ?? 0;
  const orgIds = await near(scopeOf(ctx.actor, 'studios.read'));
  const narrow = orgIds
    ? sql` AND (x.host_org_id = ANY(${orgIds}) OR x.id = ANY(ARRAY(
        SELECT m.studio_id FROM studio_members m WHERE m.person_id = ${person} AND m.left_on IS NULL)))`
    : sql``;
  return statement(
    q,
    {
      table: 'studios',
      title: sql`x.name`,
      subtitle: nameOf(sql`x.host_org_id`),
      link: '/studios/',
      where: sql`${matchOf(q, words, 'studios', 'x')}
        AND (${inScope(pathOf(sql`x.host_org_id`), scopeOf(ctx.actor, 'studios.read'))}
             OR EXISTS (SELECT 1 FROM studio_members m WHERE m.studio_id = x.id AND m.person_id = ${person} AND m.left_on IS NULL))${narrow}`,
    },
    limit,
  );
}

async function peopleSql(ctx: Ctx, q: string, words: string[], limit: number, near: Narrow): Promise<SQL> {
  const orgIds = await near(scopeOf(ctx.actor, 'people.read'));
  const narrow = orgIds ? sql` AND x.org_id = ANY(${orgIds})` : sql``;
  return statement(
    q,
    {
      table: 'people',
      title: sql`x.name`,
      subtitle: sql`${nameOf(sql`x.org_id`)} || ' · ' || x.employee_no || coalesce(' · ' || x.trade, '')`,
      link: '/people/',
      where: sql`${matchOf(q, words, 'people', 'x')} AND ${inScope(pathOf(sql`x.org_id`), scopeOf(ctx.actor, 'people.read'))}${narrow}`,
    },
    limit,
  );
}

/** The reader's view of innovation records, read once per search (projects and results both need it). */
const views = new WeakMap<Ctx, ReturnType<typeof actorViewOf>>();
function viewOf(ctx: Ctx): ReturnType<typeof actorViewOf> {
  let v = views.get(ctx);
  if (!v) {
    v = actorViewOf(ctx);
    views.set(ctx, v);
  }
  return v;
}

async function innovationSql(
  ctx: Ctx,
  type: 'projects' | 'results',
  q: string,
  words: string[],
  limit: number,
  near: Narrow,
): Promise<SQL> {
  const view = await viewOf(ctx);
  const orgIds = await near(view.readScope);
  const member = sql.raw(`ARRAY[${view.memberStudioIds.join(',')}]::int[]`);
  const narrow = orgIds
    ? sql` AND x.studio_id = ANY(ARRAY(SELECT s.id FROM studios s WHERE s.host_org_id = ANY(${orgIds})) || ${member})`
    : sql``;
  const code = sql.raw(type === 'projects' ? 'x.code' : 'x.archive_no');
  const hostPath = sql`(SELECT hp.path FROM studios hs JOIN orgs hp ON hp.id = hs.host_org_id WHERE hs.id = x.studio_id)`;
  const scope = scopeWhere(view, {
    studioId: sql.raw('x.studio_id'),
    orgPath: hostPath,
    confidential: sql.raw('x.confidential'),
  });
  return statement(
    q,
    {
      table: type,
      title: sql`x.title`,
      subtitle: sql`(SELECT name FROM studios WHERE id = x.studio_id) || ' · ' || ${code}`,
      link: `/${type}/`,
      where: sql`${matchOf(q, words, type, 'x')} AND ${scope}${narrow}`,
      newestFirst: true,
    },
    limit,
  );
}

async function ideasSql(ctx: Ctx, q: string, words: string[], limit: number, near: Narrow): Promise<SQL> {
  const me = ctx.actor.userId;
  const person = ctx.actor.personId ?? 0;
  const orgIds = await near(scopeOf(ctx.actor, 'ideas.manage'));
  const narrow = orgIds
    ? sql` AND (x.org_id = ANY(${orgIds}) OR x.submitter_user_id = ${me} OR x.handler_user_id = ${me}
        OR x.id = ANY(ARRAY(SELECT c.idea_id FROM idea_credits c WHERE c.person_id = ${person})))`
    : sql``;
  return statement(
    q,
    {
      table: 'ideas',
      title: sql`x.title`,
      subtitle: sql`x.code || ' · ' || ${nameOf(sql`x.org_id`)}`,
      link: '/ideas/',
      where: sql`${matchOf(q, words, 'ideas', 'x')}
        AND (x.submitter_user_id = ${me} OR x.handler_user_id = ${me} OR ${inScope(pathOf(sql`x.org_id`), scopeOf(ctx.actor, 'ideas.manage'))}
             OR EXISTS (SELECT 1 FROM idea_credits c WHERE c.idea_id = x.id AND c.person_id = ${person}))${narrow}`,
      newestFirst: true,
    },
    limit,
  );
}

function challengesSql(ctx: Ctx, q: string, words: string[], limit: number): SQL {
  return statement(
    q,
    {
      table: 'challenges',
      title: sql`x.title`,
      subtitle: sql`${nameOf(sql`x.owner_org_id`)} || ' · ' || x.field`,
      link: '/challenges/',
      where: sql`${matchOf(q, words, 'challenges', 'x')} AND ${inScope(pathOf(sql`x.owner_org_id`), groupRootsOf(ctx.actor))}`,
      newestFirst: true,
    },
    limit,
  );
}

/** The statement that finds one type's hits. */
async function statementOf(
  ctx: Ctx,
  t: SearchType,
  q: string,
  words: string[],
  limit: number,
  near: Narrow,
): Promise<SQL> {
  if (t === 'studios') return studiosSql(ctx, q, words, limit, near);
  if (t === 'people') return peopleSql(ctx, q, words, limit, near);
  if (t === 'projects' || t === 'results') return innovationSql(ctx, t, q, words, limit, near);
  if (t === 'ideas') return ideasSql(ctx, q, words, limit, near);
  return challengesSql(ctx, q, words, limit);
}

async function hitsOf(
  ctx: Ctx,
  t: SearchType,
  q: string,
  words: string[],
  limit: number,
  near: Narrow,
): Promise<Hit[]> {
  return rowsOf<Hit>(ctx.db, await statementOf(ctx, t, q, words, limit, near));
}

/**
 * Above this many orgs a reader's scope is wide: a type's matches are found through the text index and then
 * checked for scope (dense: most matches are in scope, and the count stops at the cap). Up to it the scope is
 * narrow — an enterprise's fifty orgs among fifty thousand — and the rows are found through the scope's own
 * indexes (org, studio) and then checked for the text, so that an enterprise admin's search does not read every
 * match in the nation to keep its own.
 */
const narrowScopeOrgs = 5000;

/** The ids of the orgs under a scope, as an SQL array, when the scope is narrow; null when it is wide. */
type Narrow = (scope: string[]) => Promise<SQL | null>;

function narrowing(ctx: Ctx, upTo: number): Narrow {
  const memo = new Map<string, Promise<SQL | null>>();
  return (scope) => {
    const key = scope.join('|');
    let ids = memo.get(key);
    if (!ids) {
      ids = (async () => {
        if (scope.length === 0) return sql.raw(`'{}'::int[]`);
        const rows = await rowsOf<{ id: number }>(
          ctx.db,
          sql`SELECT id FROM orgs WHERE ${sql.join(
            scope.map((p) => sql`(path ~>=~ ${p} AND path ~<~ ${`${p}~`})`),
            sql` OR `,
          )} LIMIT ${upTo + 1}`,
        );
        if (rows.length > upTo) return null;
        return sql.raw(`ARRAY[${rows.map((r) => Number(r.id)).join(',')}]::int[]`);
      })();
      memo.set(key, ids);
    }
    return ids;
  };
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
  narrowUpTo = narrowScopeOrgs,
}: {
  ctx: Ctx;
  q: string;
  type?: SearchType;
  limit: number;
  /** Scopes of at most this many orgs are read through their own indexes (see `narrowScopeOrgs`). */
  narrowUpTo?: number;
}): Promise<SearchResult> {
  const words = queryWords(q);
  const tables = await existingTables(ctx);
  const types = (type ? [type] : searchTypes).filter((t) => needs[t].every((n) => tables.has(n)));
  // The types are independent reads: on PostgreSQL they run at once on the pool.
  const near = narrowing(ctx, narrowUpTo);
  const found = await Promise.all(types.map((t) => hitsOf(ctx, t, q, words, limit, near)));
  const groups: SearchResult['groups'] = [];
  types.forEach((t, i) => {
    const hits = found[i]!;
    if (hits.length === 0) return;
    const total = Math.min(hits[0]!.total, searchCap);
    groups.push({
      type: t,
      label: searchTypeLabels[t][ctx.lang],
      total,
      capped: hits[0]!.total > searchCap,
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
