import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Req } from './scenarios.js';

/** One statement our server ran for a request, as captured by bench/server.ts (BENCH_CAPTURE). */
export interface Captured {
  sql: string;
  params: unknown[];
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * A pgbench script replaying the statements of one request with their parameters: the request's random id
 * becomes `:r` (drawn from `range`), and the materialised path of that org (`/1/5/23/…`) becomes `:p`, read with
 * one extra `\gset` lookup. Parameters are inlined, so with `-M prepared` pgbench runs the same statements.
 */
export function pgbenchScript(opts: {
  statements: Captured[];
  random?: number;
  range?: [number, number];
  orgPath?: string;
}): string {
  const lines: string[] = [];
  if (opts.random !== undefined && opts.range)
    lines.push(`\\set r random(${opts.range[0]}, ${opts.range[1]})`);
  const usesPath =
    opts.orgPath !== undefined &&
    opts.statements.some((s) => s.params.some((p) => typeof p === 'string' && p.startsWith(opts.orgPath!)));
  if (usesPath) lines.push('SELECT path AS p FROM orgs WHERE id = :r \\gset');
  for (const st of opts.statements) {
    let text = st.sql;
    for (let i = st.params.length; i >= 1; i--) {
      const v = st.params[i - 1];
      let rendered: string;
      if (opts.random !== undefined && (v === opts.random || v === String(opts.random))) rendered = ':r';
      else if (usesPath && typeof v === 'string' && v.startsWith(opts.orgPath!))
        rendered =
          v === opts.orgPath ? ':p::text' : `(:p::text || ${literal(v.slice(opts.orgPath!.length))})`;
      else rendered = literal(v);
      text = text.replace(new RegExp(`\\$${i}(?!\\d)`, 'g'), rendered);
    }
    lines.push(`${text.replace(/\s*\n\s*/g, ' ').trim()};`);
  }
  return `${lines.join('\n')}\n`;
}

/** The statements the server ran for one request (the lines the capture file gained meanwhile) and its time. */
export async function captureRequest(opts: {
  captureFile: string;
  send: (req: Req) => Promise<{ status: number; ms: number }>;
  req: Req;
}): Promise<{ ms: number; statements: Captured[] }> {
  const before = fs.existsSync(opts.captureFile) ? fs.readFileSync(opts.captureFile, 'utf8').length : 0;
  const { status, ms } = await opts.send(opts.req);
  if (status >= 400) throw new Error(`capture ${opts.req.path}: HTTP ${status}`);
  await new Promise((r) => setTimeout(r, 50));
  const statements = fs
    .readFileSync(opts.captureFile, 'utf8')
    .slice(before)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Captured)
    .filter((c) => !/\bjobs\b/.test(c.sql)); // the job runner's polls, not the request's
  return { ms, statements };
}

/** Finds pgbench: on PATH or in /usr/lib/postgresql/<version>/bin. */
export function findPgbin(): string | null {
  try {
    return path.dirname(execFileSync('which', ['pgbench'], { encoding: 'utf8' }).trim());
  } catch {
    const root = '/usr/lib/postgresql';
    if (!fs.existsSync(root)) return null;
    const v = fs.readdirSync(root).sort().at(-1);
    return v ? `${root}/${v}/bin` : null;
  }
}

/**
 * SQL functions that give PostGraphile the same queries (it exposes them as GraphQL fields), in a schema of their
 * own so our tables are not touched: the filtered sorted list, one studio, and the core of the dashboard.
 */
export const peerSchemaSql = `
CREATE SCHEMA IF NOT EXISTS peer;
DROP TYPE IF EXISTS peer.studio_row CASCADE;
CREATE TYPE peer.studio_row AS (id int, code text, name text, type text, status text, current_level text,
  host_org_id int, host_org_name text, leader_name text, created_at timestamptz, member_count int);
CREATE OR REPLACE FUNCTION peer.studio_list(org int) RETURNS SETOF peer.studio_row LANGUAGE sql STABLE AS $$
  SELECT s.id, s.code, s.name, s.type, s.status, s.current_level, s.host_org_id, o.name, p.name, s.created_at,
    (SELECT count(*)::int FROM public.studio_members m WHERE m.studio_id = s.id AND m.left_on IS NULL)
  FROM public.studios s JOIN public.orgs o ON o.id = s.host_org_id LEFT JOIN public.people p ON p.id = s.leader_person_id
  WHERE o.path ~>=~ (SELECT o2.path FROM public.orgs o2 WHERE o2.id = org)
    AND o.path ~<~ ((SELECT o2.path FROM public.orgs o2 WHERE o2.id = org) || '~') AND s.status = 'named'
    AND s.archived_at IS NULL
  ORDER BY s.created_at DESC, s.id DESC LIMIT 20 $$;
CREATE OR REPLACE FUNCTION peer.studio_by_id(sid int) RETURNS peer.studio_row LANGUAGE sql STABLE AS $$
  SELECT s.id, s.code, s.name, s.type, s.status, s.current_level, s.host_org_id, o.name, p.name, s.created_at,
    (SELECT count(*)::int FROM public.studio_members m WHERE m.studio_id = s.id AND m.left_on IS NULL)
  FROM public.studios s JOIN public.orgs o ON o.id = s.host_org_id LEFT JOIN public.people p ON p.id = s.leader_person_id
  WHERE s.id = sid $$;
DROP TYPE IF EXISTS peer.count_row CASCADE;
CREATE TYPE peer.count_row AS (k text, n int);
CREATE OR REPLACE FUNCTION peer.studios_by_status(org int) RETURNS SETOF peer.count_row LANGUAGE sql STABLE AS $$
  SELECT s.type || '/' || s.status, count(*)::int FROM public.studios s JOIN public.orgs ho ON ho.id = s.host_org_id
  WHERE ho.path ~>=~ (SELECT path FROM public.orgs WHERE id = org)
    AND ho.path ~<~ ((SELECT path FROM public.orgs WHERE id = org) || '~') AND s.archived_at IS NULL
    AND s.status IN ('named', 'rectifying', 'cultivating') GROUP BY 1 $$;
CREATE OR REPLACE FUNCTION peer.results_by_kind(org int, y int) RETURNS SETOF peer.count_row LANGUAGE sql STABLE AS $$
  SELECT r.kind, count(*)::int FROM public.results r JOIN public.studios s ON s.id = r.studio_id
  JOIN public.orgs ho ON ho.id = s.host_org_id
  WHERE ho.path ~>=~ (SELECT path FROM public.orgs WHERE id = org)
    AND ho.path ~<~ ((SELECT path FROM public.orgs WHERE id = org) || '~') AND r.archived_at IS NULL
    AND r.status = 'recognised' AND r.year = y GROUP BY 1 $$;
CREATE OR REPLACE FUNCTION peer.activities_by_kind(org int, y int) RETURNS SETOF peer.count_row LANGUAGE sql STABLE AS $$
  SELECT a.kind, count(*)::int FROM public.activities a JOIN public.studios s ON s.id = a.studio_id
  JOIN public.orgs ho ON ho.id = s.host_org_id
  WHERE ho.path ~>=~ (SELECT path FROM public.orgs WHERE id = org)
    AND ho.path ~<~ ((SELECT path FROM public.orgs WHERE id = org) || '~') AND a.archived_at IS NULL
    AND a.held_on BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31) GROUP BY 1 $$;
CREATE OR REPLACE FUNCTION peer.ideas_by_status(org int, y int) RETURNS SETOF peer.count_row LANGUAGE sql STABLE AS $$
  SELECT i.status, count(*)::int FROM public.ideas i JOIN public.orgs o ON o.id = i.org_id
  WHERE o.path ~>=~ (SELECT path FROM public.orgs WHERE id = org)
    AND o.path ~<~ ((SELECT path FROM public.orgs WHERE id = org) || '~') AND i.archived_at IS NULL
    AND i.created_at >= make_date(y, 1, 1) AND i.created_at < make_date(y + 1, 1, 1) GROUP BY 1 $$;
`;

export async function installPeerSchema(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(peerSchemaSql);
  } finally {
    await c.end();
  }
}

const studioFields =
  'id code name type status currentLevel hostOrgId hostOrgName leaderName createdAt memberCount';
/** The GraphQL body PostGraphile gets for a scenario (null: not offered by the peer). */
export function graphqlBody(key: string, random: number | undefined, year: number): string | null {
  const q = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  switch (key) {
    case 'a':
      return q(`query($org:Int!){studioList(org:$org){nodes{${studioFields}}}}`, { org: random });
    case 'b':
      return q(`query($id:Int!){studioById(sid:$id){${studioFields}}}`, { id: random });
    case 'c1':
    case 'c2':
      return q(
        `query($org:Int!,$y:Int!){studiosByStatus(org:$org){nodes{k n}} resultsByKind(org:$org,y:$y){nodes{k n}}
          activitiesByKind(org:$org,y:$y){nodes{k n}} ideasByStatus(org:$org,y:$y){nodes{k n}}}`,
        { org: random ?? 1, y: year },
      );
    default:
      return null;
  }
}

/** Installs PostGraphile 4.14.1 into `dir` (outside the project's dependencies) when it is not there yet. */
export function ensurePostgraphile(dir: string): string {
  const cli = path.join(dir, 'node_modules/postgraphile/cli.js');
  if (fs.existsSync(cli)) return cli;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"peers-postgraphile4","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', 'postgraphile@4.14.1'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return cli;
}
