import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { numberOf, rowsOf, yearSpan } from './stats.sql.js';

/**
 * The statistics queries, each over one org subtree (`path` is the org's materialised path: `/1/5/`).
 * A studio counts while it is not archived and not revoked or merged ("active"); results, projects,
 * activities… count by the host org of their studio. Counts are cast to int, sums to float8.
 */
type Span = { start: string; end: string };
const under = (path: string) => `${path}%`;

/** Active studios by type and status (named, rectifying, cultivating). */
export function studiosByTypeStatus(db: Db, path: string) {
  return rowsOf<{ type: string; status: string; n: number }>(
    db,
    sql`SELECT s.type, s.status, count(*)::int AS n FROM studios s JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND s.archived_at IS NULL AND s.status IN ('named', 'rectifying', 'cultivating')
        GROUP BY s.type, s.status`,
  );
}

/** Named (or rectifying) studios by their current naming level. */
export function studiosByLevel(db: Db, path: string) {
  return rowsOf<{ level: string | null; n: number }>(
    db,
    sql`SELECT s.current_level AS level, count(*)::int AS n FROM studios s JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND s.archived_at IS NULL AND s.status IN ('named', 'rectifying')
        GROUP BY s.current_level`,
  );
}

/** Active studios with their host path, status and name (for coverage and the report's name lists). */
export function activeStudios(db: Db, path: string) {
  return rowsOf<{
    id: number;
    name: string;
    status: string;
    level: string | null;
    hostPath: string;
    hostName: string;
  }>(
    db,
    sql`SELECT s.id, s.name, s.status, s.current_level AS level, ho.path AS "hostPath", ho.name AS "hostName"
        FROM studios s JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND s.archived_at IS NULL AND s.status IN ('named', 'rectifying', 'cultivating')
        ORDER BY s.code`,
  );
}

/** The live orgs of the subtree, for coverage and the head-count roll-up. */
export function subtreeOrgs(db: Db, path: string) {
  return rowsOf<{
    id: number;
    parentId: number | null;
    kind: string;
    name: string;
    path: string;
    employeeCount: number;
  }>(
    db,
    sql`SELECT id, parent_id AS "parentId", kind, name, path, employee_count AS "employeeCount" FROM orgs
        WHERE path LIKE ${under(path)} AND archived_at IS NULL ORDER BY path`,
  );
}

/** People who are current members of an active studio of the subtree (each person once). */
export function activeMembers(db: Db, path: string) {
  return numberOf(
    db,
    sql`SELECT count(DISTINCT m.person_id)::int AS n FROM studio_members m JOIN studios s ON s.id = m.studio_id
        JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND m.left_on IS NULL AND s.archived_at IS NULL
          AND s.status IN ('named', 'rectifying', 'cultivating')`,
  );
}

/** Trades of the subtree's people that no current member of an active studio of the subtree has. */
export function tradesWithoutStudio(db: Db, path: string) {
  return rowsOf<{ trade: string; n: number }>(
    db,
    sql`SELECT p.trade, count(*)::int AS n FROM people p JOIN orgs o ON o.id = p.org_id
        WHERE o.path LIKE ${under(path)} AND p.archived_at IS NULL AND p.trade IS NOT NULL AND p.trade <> ''
          AND p.trade NOT IN (
            SELECT mp.trade FROM studio_members m JOIN people mp ON mp.id = m.person_id
            JOIN studios s ON s.id = m.studio_id JOIN orgs ho ON ho.id = s.host_org_id
            WHERE ho.path LIKE ${under(path)} AND m.left_on IS NULL AND s.archived_at IS NULL
              AND s.status IN ('named', 'rectifying', 'cultivating') AND mp.trade IS NOT NULL)
        GROUP BY p.trade ORDER BY count(*) DESC, p.trade`,
  );
}

/** Studios first named (a live naming entry) within the span. */
export function studiosNamedIn(db: Db, path: string, span: Span) {
  return numberOf(
    db,
    sql`SELECT count(*)::int AS n FROM (
          SELECT s.id FROM studios s JOIN orgs ho ON ho.id = s.host_org_id JOIN studio_namings sn ON sn.studio_id = s.id
          WHERE ho.path LIKE ${under(path)} AND s.archived_at IS NULL AND sn.archived_at IS NULL
          GROUP BY s.id HAVING min(sn.named_on) BETWEEN ${span.start} AND ${span.end}) x`,
  );
}

const resultsFrom = (path: string) =>
  sql`FROM results r JOIN studios s ON s.id = r.studio_id JOIN orgs ho ON ho.id = s.host_org_id
      WHERE ho.path LIKE ${under(path)} AND r.archived_at IS NULL`;

/** Recognised results by kind for the years `from`..`to`. */
export function resultsByKind(db: Db, path: string, from: number, to: number) {
  return rowsOf<{ kind: string; n: number }>(
    db,
    sql`SELECT r.kind, count(*)::int AS n ${resultsFrom(path)} AND r.status = 'recognised' AND r.year BETWEEN ${from} AND ${to}
        GROUP BY r.kind`,
  );
}

/** Recognised results per year. */
export function resultsByYear(db: Db, path: string, from: number, to: number) {
  return rowsOf<{ year: number; n: number }>(
    db,
    sql`SELECT r.year, count(*)::int AS n ${resultsFrom(path)} AND r.status = 'recognised' AND r.year BETWEEN ${from} AND ${to}
        GROUP BY r.year`,
  );
}

/** Patents (results with patent details) by type and status, for the years `from`..`to`. */
export function patentsByTypeStatus(db: Db, path: string, from: number, to: number) {
  return rowsOf<{ type: string; status: string | null; n: number }>(
    db,
    sql`SELECT r.patent_type AS type, r.patent_status AS status, count(*)::int AS n ${resultsFrom(path)}
          AND r.patent_type IS NOT NULL AND r.year BETWEEN ${from} AND ${to}
        GROUP BY r.patent_type, r.patent_status`,
  );
}

/** Projects by status, for the years `from`..`to` (the project's year). */
export function projectsByStatus(db: Db, path: string, from: number, to: number) {
  return rowsOf<{ status: string; n: number }>(
    db,
    sql`SELECT p.status, count(*)::int AS n FROM projects p JOIN studios s ON s.id = p.studio_id
        JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND p.archived_at IS NULL AND p.year BETWEEN ${from} AND ${to}
        GROUP BY p.status`,
  );
}

/** Projects approved (立项) within the span. */
export function projectsApprovedIn(db: Db, path: string, span: Span) {
  return numberOf(
    db,
    sql`SELECT count(*)::int AS n FROM projects p JOIN studios s ON s.id = p.studio_id JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND p.archived_at IS NULL AND p.approved_on BETWEEN ${span.start} AND ${span.end}`,
  );
}

/**
 * Verified benefit (fen) within the span: a calculation split across units counts the share of the units in the
 * subtree; one without a split counts for its own org. Drafts, submitted and rejected calculations never count.
 */
export function verifiedBenefit(db: Db, path: string, span: Span) {
  return numberOf(
    db,
    sql`SELECT coalesce(sum(x.amount), 0)::float8 AS n FROM (
          SELECT ba.amount_fen AS amount FROM benefit_attributions ba JOIN benefits b ON b.id = ba.benefit_id
          JOIN orgs o ON o.id = ba.org_id
          WHERE b.status = 'verified' AND b.archived_at IS NULL AND b.verified_on BETWEEN ${span.start} AND ${span.end}
            AND o.path LIKE ${under(path)}
          UNION ALL
          SELECT b.amount_fen FROM benefits b JOIN orgs o ON o.id = b.org_id
          WHERE b.status = 'verified' AND b.archived_at IS NULL AND b.verified_on BETWEEN ${span.start} AND ${span.end}
            AND o.path LIKE ${under(path)} AND NOT EXISTS (SELECT 1 FROM benefit_attributions ba WHERE ba.benefit_id = b.id)
        ) x`,
  );
}

const activitiesFrom = (path: string, span: Span) =>
  sql`FROM activities a JOIN studios s ON s.id = a.studio_id JOIN orgs ho ON ho.id = s.host_org_id
      WHERE ho.path LIKE ${under(path)} AND a.archived_at IS NULL AND a.held_on BETWEEN ${span.start} AND ${span.end}`;

/** Activities by kind within the span. */
export function activitiesByKind(db: Db, path: string, span: Span) {
  return rowsOf<{ kind: string; n: number }>(
    db,
    sql`SELECT a.kind, count(*)::int AS n ${activitiesFrom(path, span)} GROUP BY a.kind`,
  );
}

/** Training within the span: sessions, session hours, people trained (attended) and trainee-hours. */
export async function training(db: Db, path: string, span: Span) {
  const [a] = await rowsOf<{ sessions: number; hours: number }>(
    db,
    sql`SELECT count(*)::int AS sessions, coalesce(sum(a.hours), 0)::float8 AS hours ${activitiesFrom(path, span)} AND a.kind = 'training'`,
  );
  const [p] = await rowsOf<{ people: number; personHours: number }>(
    db,
    sql`SELECT count(DISTINCT ap.person_id)::int AS people, coalesce(sum(coalesce(ap.hours, a.hours)), 0)::float8 AS "personHours"
        FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id
        JOIN studios s ON s.id = a.studio_id JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND a.archived_at IS NULL AND a.kind = 'training' AND ap.attended_at IS NOT NULL
          AND a.held_on BETWEEN ${span.start} AND ${span.end}`,
  );
  return {
    sessions: a?.sessions ?? 0,
    hours: Number(a?.hours ?? 0),
    people: p?.people ?? 0,
    personHours: Number(p?.personHours ?? 0),
  };
}

/** Mentoring: agreements started within the span, active now, completed (出师) within the span. */
export async function mentorships(db: Db, path: string, span: Span) {
  const [r] = await rowsOf<{ started: number; active: number; completed: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE m.starts_on BETWEEN ${span.start} AND ${span.end})::int AS started,
               count(*) FILTER (WHERE m.status = 'active')::int AS active,
               count(*) FILTER (WHERE m.status = 'completed' AND m.outcome_on BETWEEN ${span.start} AND ${span.end})::int AS completed
        FROM mentorships m JOIN studios s ON s.id = m.studio_id JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND m.archived_at IS NULL`,
  );
  return { started: r?.started ?? 0, active: r?.active ?? 0, completed: r?.completed ?? 0 };
}

/**
 * Ideas of the subtree submitted within the span (China calendar): submitted, answered by their deadline,
 * adopted (adopted, implemented or rewarded).
 */
export async function ideas(db: Db, path: string, span: Span) {
  const [r] = await rowsOf<{ submitted: number; onTime: number; adopted: number }>(
    db,
    sql`SELECT count(*)::int AS submitted,
               count(*) FILTER (WHERE i.answered_at IS NOT NULL AND (i.deadline_at IS NULL OR i.answered_at <= i.deadline_at))::int AS "onTime",
               count(*) FILTER (WHERE i.status IN ('adopted', 'implemented', 'rewarded'))::int AS adopted
        FROM ideas i JOIN orgs o ON o.id = i.org_id
        WHERE o.path LIKE ${under(path)} AND i.archived_at IS NULL
          AND ((i.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date BETWEEN ${span.start}::date AND ${span.end}::date`,
  );
  return { submitted: r?.submitted ?? 0, onTime: r?.onTime ?? 0, adopted: r?.adopted ?? 0 };
}

/** Fund allocations (fen) by year and source for studios of the subtree. */
export function fundsByYearSource(db: Db, path: string, from: number, to: number) {
  return rowsOf<{ year: number; source: string; n: number }>(
    db,
    sql`SELECT f.year, f.source, coalesce(sum(f.amount_fen), 0)::float8 AS n FROM fund_allocations f
        JOIN studios s ON s.id = f.studio_id JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${under(path)} AND f.archived_at IS NULL AND f.year BETWEEN ${from} AND ${to}
        GROUP BY f.year, f.source`,
  );
}

export { yearSpan };
