import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { mapUniqueViolation } from '../../core/errors.js';
import { benefits } from '../benefits/benefits.table.js';
import { reserveArchiveNos } from '../innovation/innovation.events.js';
import { todayOf } from '../innovation/innovation.scope.js';
import { docOf } from '../results/results.service.js';
import { results } from '../results/results.table.js';
import { rowsOf } from '../stats/stats.sql.js';
import { studioErrors } from '../studios/studios.errors.js';
import { localToday } from '../studios/studios.health.js';
import { reserveStudioCodes } from '../studios/studios.repository.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { idArray } from './import.lookups.js';
import type { CreatePlan, MemberCreatePlan, ResultCreatePlan, StudioCreatePlan } from './import.rows.js';

/**
 * Rows one statement writes. Each chunk is one parameter (the rows as JSON, expanded by json_to_recordset) and
 * one statement that inserts the records, their dependants and their audit records together, so a 100k-row
 * ledger costs ~20 round trips instead of ~500k; progress moves once a chunk.
 */
const CHUNK = 5000;

type Progress = (done: number) => void;

/**
 * A record as its audit `after` holds it — the drizzle row, keys in camelCase — built in SQL from the row
 * `alias` of `table`, so a bulk insert audits every record it writes in the same statement.
 */
function rowJson(table: PgTable, alias: string, omit: string[] = []): SQL {
  const cols = Object.entries(getTableColumns(table)).filter(([k]) => !omit.includes(k));
  return sql.raw(`jsonb_build_object(${cols.map(([k, c]) => `'${k}', ${alias}."${c.name}"`).join(', ')})`);
}

/** The columns of audit_log every record of this import shares: when, who, from where (as recordAudit). */
function auditBy(ctx: Ctx) {
  return {
    at: ctx.clock.now().toISOString(),
    userId: ctx.actor.userId,
    name: ctx.actor.name,
    ip: ctx.ip ?? null,
  };
}

/**
 * Locks the records the planned rows point at (FOR SHARE: a concurrent archive waits for the import) and tells
 * whether they are all still active — false when one was archived between the lookups and the lock, in which
 * case the caller plans again under the locks.
 */
export async function lockReferences(db: Db, plans: CreatePlan[]): Promise<boolean> {
  const orgIds = new Set<number>();
  const studioIds = new Set<number>();
  const personIds = new Set<number>();
  for (const p of plans) {
    if (p.kind === 'studios') {
      orgIds.add(p.hostOrgId);
      if (p.leaderPersonId !== null) personIds.add(p.leaderPersonId);
    } else if (p.kind === 'members') {
      studioIds.add(p.studioId);
      personIds.add(p.personId);
    } else {
      studioIds.add(p.studioId);
      for (const c of p.contributors) personIds.add(c.personId);
    }
  }
  const live = async (table: 'orgs' | 'studios' | 'people', ids: Set<number>, extra = sql``) => {
    if (!ids.size) return true;
    const rows = await rowsOf<{ id: number }>(
      db,
      sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ANY(${idArray(ids)}::int[]) AND archived_at IS NULL ${extra}
          ORDER BY id FOR SHARE`,
    );
    return rows.length === ids.size;
  };
  return (
    (await live('orgs', orgIds)) &&
    (await live('studios', studioIds, sql`AND status NOT IN ('revoked', 'merged')`)) &&
    (await live('people', personIds))
  );
}

/** Creates the studios as createStudio does — archive number, the leader's membership, audit — a chunk a statement. */
export async function writeStudios(db: Db, ctx: Ctx, plans: StudioCreatePlan[], progress: Progress) {
  if (!plans.length) return;
  const today = localToday(ctx.clock);
  const now = ctx.clock.now().toISOString();
  const by = auditBy(ctx);
  const codes = await reserveStudioCodes({ db, year: Number(today.slice(0, 4)), count: plans.length });
  for (let i = 0; i < plans.length; i += CHUNK) {
    const chunk = plans.slice(i, i + CHUNK);
    const rows = JSON.stringify(
      chunk.map((p, j) => ({
        code: codes[i + j],
        name: p.name,
        type: p.type,
        host: p.hostOrgId,
        path: p.hostOrgPath,
        founded: p.foundedOn,
        field: p.field,
        phone: p.contactPhone,
        leader: p.leaderPersonId,
      })),
    );
    await db.execute(sql`
      WITH k AS (
        SELECT * FROM json_to_recordset(${rows}::json) AS k(code text, name text, type text, host int, path text,
          founded date, field text, phone text, leader int)
      ), ins AS (
        INSERT INTO studios (code, name, type, host_org_id, founded_on, field, contact_phone, leader_person_id,
          created_at, updated_at)
        SELECT code, name, type, host, founded, field, phone, leader, ${now}::timestamptz, ${now}::timestamptz FROM k
        RETURNING *
      ), leaders AS (
        INSERT INTO studio_members (studio_id, person_id, role, joined_on)
        SELECT id, leader_person_id, 'leader', coalesce(founded_on, ${today}::date) FROM ins
        WHERE leader_person_id IS NOT NULL
      )
      INSERT INTO audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, org_id, org_path, before,
        after, ip)
      SELECT ${by.at}::timestamptz, ${by.userId}::int, ${by.name}::text, 'studios.create', 'studio', ins.id::text, ins.host_org_id, k.path,
        NULL::jsonb, ${rowJson(studios, 'ins')}, ${by.ip}::text
      FROM ins JOIN k ON k.code = ins.code`);
    progress(i + chunk.length);
  }
}

/** Opens the memberships as addMember does (audited on the studio), a chunk a statement. */
export async function writeMembers(db: Db, ctx: Ctx, plans: MemberCreatePlan[], progress: Progress) {
  const by = auditBy(ctx);
  for (let i = 0; i < plans.length; i += CHUNK) {
    const chunk = plans.slice(i, i + CHUNK);
    const rows = JSON.stringify(
      chunk.map((p) => ({
        studio: p.studioId,
        person: p.personId,
        name: p.personName,
        host: p.hostOrgId,
        path: p.orgPath,
        role: p.role,
        division: p.division,
        joined: p.joinedOn,
      })),
    );
    // A membership opened by hand since the lookups trips the active-membership key: 409, nothing written.
    await db
      .execute(sql`
        WITH k AS (
          SELECT * FROM json_to_recordset(${rows}::json) AS k(studio int, person int, name text, host int, path text,
            role text, division text, joined date)
        ), ins AS (
          INSERT INTO studio_members (studio_id, person_id, role, division, joined_on)
          SELECT studio, person, role, division, joined FROM k
          RETURNING *
        )
        INSERT INTO audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, org_id, org_path,
          before, after, ip)
        SELECT ${by.at}::timestamptz, ${by.userId}::int, ${by.name}::text, 'studios.member_add', 'studio', ins.studio_id::text, k.host, k.path,
          NULL::jsonb, ${rowJson(studioMembers, 'ins')} || jsonb_build_object('personName', k.name), ${by.ip}::text
        FROM ins JOIN k ON k.studio = ins.studio_id AND k.person = ins.person_id`)
      .catch((e) => mapUniqueViolation(e, { studio_members_active_key: studioErrors.memberExists }));
    progress(i + chunk.length);
  }
}

/**
 * Enters the results as createResult does — archive number, search text, contributors, workflow event, audit —
 * in the ledger's year, each with its claimed benefit as a draft awaiting the finance sign-off (audited too).
 */
export async function writeResults(db: Db, ctx: Ctx, plans: ResultCreatePlan[], progress: Progress) {
  if (!plans.length) return;
  const by = auditBy(ctx);
  const archiveNos = await reserveArchiveNos({
    db,
    prefix: 'CG',
    year: Number(todayOf(ctx).slice(0, 4)),
    count: plans.length,
  });
  for (let i = 0; i < plans.length; i += CHUNK) {
    const chunk = plans.slice(i, i + CHUNK);
    const rows = JSON.stringify(
      chunk.map((p, j) => ({
        no: archiveNos[i + j],
        studio: p.studioId,
        host: p.hostOrgId,
        path: p.orgPath,
        kind: p.resultKind,
        title: p.title,
        problem: p.problem,
        field: p.studioField,
        implemented: p.implementedOn,
        year: p.year,
        doc: docOf({ title: p.title, problem: p.problem, field: p.studioField }),
        contributors: p.contributors,
        benefit: p.benefitFen,
      })),
    );
    await db.execute(sql`
      WITH k AS (
        SELECT * FROM json_to_recordset(${rows}::json) AS k(no text, studio int, host int, path text, kind text,
          title text, problem text, field text, implemented date, year int, doc text, contributors jsonb, benefit bigint)
      ), ins AS (
        INSERT INTO results (archive_no, studio_id, kind, title, problem, field, implemented_on, year, media,
          confidential, status, created_by, search_text)
        SELECT no, studio, kind, title, problem, field, implemented, year, '[]'::jsonb, false, 'draft', ${by.userId}::int,
          to_tsvector('simple', doc)
        FROM k
        RETURNING *
      ), c AS (
        INSERT INTO result_contributors (result_id, person_id, share, role, seq)
        SELECT ins.id, (x.c->>'personId')::int, (x.c->>'share')::numeric, x.c->>'role', x.seq
        FROM ins JOIN k ON k.no = ins.archive_no
        CROSS JOIN LATERAL jsonb_array_elements(k.contributors) WITH ORDINALITY AS x(c, seq)
      ), e AS (
        INSERT INTO innovation_events (entity_type, entity_id, action, from_status, to_status, actor_user_id,
          actor_name, at)
        SELECT 'result', id, 'create', NULL, 'draft', ${by.userId}::int, ${by.name}::text, ${by.at}::timestamptz FROM ins
      ), b AS (
        INSERT INTO benefits (result_id, org_id, period_from, period_to, before_value_fen, after_value_fen,
          period_count, period_unit, amount_fen, basis, status, created_by)
        SELECT ins.id, k.host, make_date(k.year, 1, 1), make_date(k.year, 12, 31), 0, k.benefit, 1, 'year', k.benefit,
          '由台账导入，待财务核定', 'draft', ${by.userId}::int
        FROM ins JOIN k ON k.no = ins.archive_no
        WHERE k.benefit IS NOT NULL AND k.benefit <> 0
        RETURNING *
      )
      INSERT INTO audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, org_id, org_path, before,
        after, ip)
      SELECT ${by.at}::timestamptz, ${by.userId}::int, ${by.name}::text, 'results.create', 'result', ins.id::text, k.host, k.path, NULL::jsonb,
        ${rowJson(results, 'ins', ['searchText'])} || jsonb_build_object('contributors', k.contributors), ${by.ip}::text
      FROM ins JOIN k ON k.no = ins.archive_no
      UNION ALL
      SELECT ${by.at}::timestamptz, ${by.userId}::int, ${by.name}::text, 'benefits.create', 'benefit', b.id::text, k.host, k.path, NULL::jsonb,
        ${rowJson(benefits, 'b')}, ${by.ip}::text
      FROM b JOIN ins ON ins.id = b.result_id JOIN k ON k.no = ins.archive_no`);
    progress(i + chunk.length);
  }
}
