import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ilike, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type NamingLevel, namingLevels } from '../../../common/enums.js';
import type { StudioListQuery } from '../../../common/schemas/studios.js';
import { type Actor, enterpriseNameOf, inScope, scopeOf, underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { memberRoleOf } from './studios.access.js';
import { healthColumns } from './studios.health.js';
import { studioCodeCounters, studioMembers, studioNamings, studios } from './studios.table.js';

export type StudioRow = typeof studios.$inferSelect;
export type NamingRow = typeof studioNamings.$inferSelect;

/**
 * Runs a select as a named prepared statement: PostgreSQL plans it once per connection instead of on every
 * request (planning the list took three times as long as running it). The name is a hash of the SQL text,
 * so every shape of the query (filters, sort, registered health sources) has its own. PGlite ignores names.
 */
function prepared<T>(qb: {
  getSQL(): SQL;
  toSQL(): { sql: string };
  prepare(name: string): { execute(): Promise<T> };
}) {
  // toSQL and prepare both build the query from getSQL(): build it once for both.
  const built = qb.getSQL();
  qb.getSQL = () => built;
  const name = `jx_studios_${createHash('sha1').update(qb.toSQL().sql).digest('base64url').slice(0, 22)}`;
  return qb.prepare(name).execute();
}

const enterpriseName = enterpriseNameOf(orgs.path);
const memberCount =
  sql<number>`(SELECT count(*)::int FROM studio_members m WHERE m.studio_id = ${studios.id} AND m.left_on IS NULL)`.mapWith(
    Number,
  );

const columns = {
  studio: studios,
  hostOrgName: orgs.name,
  hostOrgPath: orgs.path,
  enterpriseName,
  leaderName: people.name,
  leaderHonours: people.honours,
  memberCount,
};

/** What a list item shows: the studio's list fields (no profile text or equipment) and the same joins. */
const listColumns = {
  studio: {
    id: studios.id,
    code: studios.code,
    name: studios.name,
    type: studios.type,
    hostOrgId: studios.hostOrgId,
    leaderPersonId: studios.leaderPersonId,
    field: studios.field,
    foundedOn: studios.foundedOn,
    status: studios.status,
    currentLevel: studios.currentLevel,
    archivedAt: studios.archivedAt,
    version: studios.version,
    createdAt: studios.createdAt,
  },
  hostOrgName: orgs.name,
  enterpriseName,
  leaderName: people.name,
  memberCount,
};
/** A row of the list: what toListItem needs (a full joined row has all of it too). */
export interface StudioListRow {
  studio: { [K in keyof typeof listColumns.studio]: StudioRow[K] };
  hostOrgName: string;
  enterpriseName: string | null;
  leaderName: string | null;
  memberCount: number;
}

function base(db: Db) {
  return db
    .select(columns)
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(people, eq(people.id, studios.leaderPersonId));
}

/**
 * The studios an actor may see: those hosted in their studios.read subtree, and those they are an active
 * member of (a member may sit in another enterprise). Agrees with getStudioAccess.
 */
export function visibleStudios(actor: Actor): SQL {
  const scope = scopeOf(actor, 'studios.read');
  if (actor.personId === null) return inScope(orgs.path, scope);
  // Both halves as id arrays on the studios table, so PostgreSQL ORs two index scans (host org, primary key);
  // `orgs.path … OR studios.id IN (…)` spans two tables and made every worker's list scan all studios.
  return sql`(${studios.hostOrgId} = ANY (ARRAY(SELECT o_v.id FROM orgs o_v WHERE ${inScope(sql`o_v.path`, scope)}))
    OR ${studios.id} = ANY (ARRAY(SELECT m_v.studio_id FROM studio_members m_v WHERE m_v.person_id = ${actor.personId} AND m_v.left_on IS NULL)))`;
}

function listWhere(actor: Actor, q: Omit<StudioListQuery, 'page' | 'pageSize' | 'sort'>) {
  return and(
    visibleStudios(actor),
    q.includeArchived === 'true' ? undefined : isNull(studios.archivedAt),
    q.type ? eq(studios.type, q.type) : undefined,
    q.level ? eq(studios.currentLevel, q.level) : undefined,
    q.status ? eq(studios.status, q.status) : undefined,
    underOrg(orgs.path, q.orgId),
    q.field ? ilike(studios.field, likeText(q.field)) : undefined,
    q.q
      ? or(
          ilike(studios.name, likeText(q.q)),
          ilike(studios.field, likeText(q.q)),
          ilike(studios.slogan, likeText(q.q)),
          ilike(studios.code, likeText(q.q)),
        )
      : undefined,
  );
}

const orderings = {
  newest: [desc(studios.createdAt), desc(studios.id)],
  oldest: [asc(studios.createdAt), asc(studios.id)],
  name: [asc(studios.name), asc(studios.id)],
  foundedOn: [sql`${studios.foundedOn} DESC NULLS LAST`, desc(studios.id)],
};

/**
 * A filtered page of the studios the actor may see, and how many match, in one statement: the count is an
 * uncorrelated subquery (PostgreSQL runs it once, as an InitPlan) carried on every row of the page. Only a
 * page past the end has no row to carry it, and asks for the count alone.
 */
export async function findStudios({ db, actor, query }: { db: Db; actor: Actor; query: StudioListQuery }) {
  const where = listWhere(actor, query);
  const counted = db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(where);
  const rows = await prepared(
    db
      .select({ ...listColumns, total: sql<number>`(${counted})`.mapWith(Number) })
      .from(studios)
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .leftJoin(people, eq(people.id, studios.leaderPersonId))
      .where(where)
      .orderBy(...orderings[query.sort])
      .limit(query.pageSize)
      .offset(offsetOf(query)),
  );
  if (rows.length === 0 && query.page > 1) {
    const [total] = await counted;
    return { items: [] as StudioListRow[], total: total?.n ?? 0 };
  }
  return {
    items: rows.map(({ total: _t, ...item }): StudioListRow => item),
    total: rows[0]?.total ?? 0,
  };
}

/** Every studio matching the filters (for exports), up to `limit`. */
export async function listStudios({
  db,
  actor,
  query,
  limit,
}: {
  db: Db;
  actor: Actor;
  query: StudioListQuery;
  limit: number;
}) {
  return base(db)
    .where(listWhere(actor, query))
    .orderBy(...orderings[query.sort])
    .limit(limit);
}

/** A naming as json_build_object renders it: the keys and value types of `NamingRow` that a studio shows. */
const namingsJson = sql<NamingJson[] | string>`COALESCE((
  SELECT json_agg(json_build_object('id', n.id, 'studioId', n.studio_id, 'level', n.level,
    'namingBody', n.naming_body, 'namedOn', n.named_on, 'plaqueNo', n.plaque_no,
    'applicationId', n.application_id, 'revokedOn', n.revoked_on, 'revokeReason', n.revoke_reason,
    'note', n.note, 'version', n.version) ORDER BY n.named_on, n.id)
  FROM studio_namings n WHERE n.studio_id = ${studios.id} AND n.archived_at IS NULL), '[]'::json)`;
export type NamingJson = Omit<NamingRow, 'archivedAt' | 'createdAt' | 'updatedAt'>;

/**
 * Everything the studio page shows, in one statement, regardless of scope (the caller decides access from
 * `hostOrgPath` and `memberRole`): the joined row, the actor's membership role, the live namings (oldest
 * first) and the health signals of every registered source.
 */
export async function findStudioView({ db, id, personId }: { db: Db; id: number; personId: number | null }) {
  const [row] = await prepared(
    db
      .select({
        ...columns,
        memberRole: memberRoleOf(studios.id, personId),
        namings: namingsJson,
        ...healthColumns(sql`${studios.id}`),
      })
      .from(studios)
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .leftJoin(people, eq(people.id, studios.leaderPersonId))
      .where(eq(studios.id, id)),
  );
  if (!row) return null;
  const { namings, lastResultOn, lastActivityOn, lastBenefitOn, ...rest } = row;
  return {
    ...rest,
    // pg parses json; PGlite may hand it over as text.
    namings: (typeof namings === 'string' ? JSON.parse(namings) : namings) as NamingJson[],
    signals: { lastResultOn, lastActivityOn, lastBenefitOn },
  };
}

/**
 * Studios that can still be watched for health (not archived, revoked or merged) inside `scope`, founded before
 * `since`, each with the health signals of every registered source (one statement).
 */
export async function findWatchedStudios({
  db,
  scope,
  orgId,
  foundedBefore,
}: {
  db: Db;
  scope: string[];
  orgId?: number;
  foundedBefore: string;
}) {
  return db
    .select({ ...columns, ...healthColumns(sql`${studios.id}`) })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(people, eq(people.id, studios.leaderPersonId))
    .where(
      and(
        inScope(orgs.path, scope),
        underOrg(orgs.path, orgId ?? undefined),
        isNull(studios.archivedAt),
        notInArray(studios.status, ['revoked', 'merged']),
        sql`COALESCE(${studios.foundedOn}, (${studios.createdAt} AT TIME ZONE 'Asia/Shanghai')::date) < ${foundedBefore}::date`,
      ),
    )
    .orderBy(asc(studios.id));
}

/** Hands out the next archive number of `year` atomically: GZS-2026-0001, GZS-2026-0002… */
export async function nextStudioCode({ db, year }: { db: Db; year: number }): Promise<string> {
  return (await reserveStudioCodes({ db, year, count: 1 }))[0]!;
}

/** `count` consecutive archive numbers of `year`, taken with one counter update (bulk creation). */
export async function reserveStudioCodes({
  db,
  year,
  count,
}: {
  db: Db;
  year: number;
  count: number;
}): Promise<string[]> {
  if (count <= 0) return [];
  const [row] = await db
    .insert(studioCodeCounters)
    .values({ year, last: count })
    .onConflictDoUpdate({
      target: studioCodeCounters.year,
      set: { last: sql`${studioCodeCounters.last} + ${count}` },
    })
    .returning({ last: studioCodeCounters.last });
  const first = row!.last - count + 1;
  return Array.from({ length: count }, (_, i) => `GZS-${year}-${String(first + i).padStart(4, '0')}`);
}

export async function insertStudio({ db, values }: { db: Db; values: typeof studios.$inferInsert }) {
  const [row] = await db.insert(studios).values(values).returning();
  return row!;
}

/** Optimistic update: null when `version` is stale. */
export async function updateStudioRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof studios.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(studios)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(studios.id, id), eq(studios.version, version)))
    .returning();
  return row ?? null;
}

/** The highest level among a studio's live, unrevoked namings, by the order of `namingLevels`. */
export function highestLevel(
  rows: Pick<NamingRow, 'level' | 'revokedOn' | 'archivedAt'>[],
): NamingLevel | null {
  let best = -1;
  for (const r of rows) {
    if (r.revokedOn || r.archivedAt) continue;
    best = Math.max(best, namingLevels.indexOf(r.level as NamingLevel));
  }
  return best < 0 ? null : namingLevels[best]!;
}

/**
 * Recomputes `current_level` from the naming history and moves the status between 培育中 and 已命名
 * (a first naming names the studio; losing the last one returns it to cultivating). Other statuses
 * (整改中, 已摘牌, 已合并) belong to their workflows and are left alone. Does not bump `version`:
 * these are derived fields no edit form holds.
 */
export async function refreshStudioLevel({ db, studioId, now }: { db: Db; studioId: number; now: string }) {
  const rows = await db.select().from(studioNamings).where(eq(studioNamings.studioId, studioId));
  const level = highestLevel(rows);
  const [row] = await db
    .update(studios)
    .set({
      currentLevel: level,
      status: sql`CASE WHEN ${level !== null}::boolean AND ${studios.status} = 'cultivating' THEN 'named'
                       WHEN ${level === null}::boolean AND ${studios.status} = 'named' THEN 'cultivating'
                       ELSE ${studios.status} END`,
      updatedAt: now,
    })
    .where(eq(studios.id, studioId))
    .returning();
  return row!;
}

export async function activeMembership({
  db,
  studioId,
  personId,
}: {
  db: Db;
  studioId: number;
  personId: number;
}) {
  const [row] = await db
    .select()
    .from(studioMembers)
    .where(
      and(
        eq(studioMembers.studioId, studioId),
        eq(studioMembers.personId, personId),
        isNull(studioMembers.leftOn),
      ),
    );
  return row ?? null;
}
