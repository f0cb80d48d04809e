import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AllianceListQuery } from '../../../common/schemas/alliances.js';
import { inScope } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { activities } from '../activities/activities.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { studios } from '../studios/studios.table.js';
import { allianceLeads, allianceMembers, allianceProjects, alliances } from './alliances.table.js';

const joinedColumns = {
  a: alliances,
  orgName: orgs.name,
  orgPath: orgs.path,
  leadStudioId: sql<
    number | null
  >`(SELECT l.studio_id FROM alliance_leads l WHERE l.alliance_id = ${alliances.id} AND l.ends_on IS NULL)`,
  leadStudioName: sql<
    string | null
  >`(SELECT s.name FROM alliance_leads l JOIN studios s ON s.id = l.studio_id WHERE l.alliance_id = ${alliances.id} AND l.ends_on IS NULL)`,
  leadSince: sql<
    string | null
  >`(SELECT l.starts_on::text FROM alliance_leads l WHERE l.alliance_id = ${alliances.id} AND l.ends_on IS NULL)`,
  studioCount: sql<number>`(SELECT count(*)::int FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.studio_id IS NOT NULL AND m.left_on IS NULL)`,
  partnerCount: sql<number>`(SELECT count(*)::int FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.studio_id IS NULL AND m.left_on IS NULL)`,
  projectCount: sql<number>`(SELECT count(*)::int FROM alliance_projects p WHERE p.alliance_id = ${alliances.id})`,
};
function joined(db: Db) {
  return db.select(joinedColumns).from(alliances).innerJoin(orgs, eq(orgs.id, alliances.orgId));
}
export type AllianceJoined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

/**
 * Alliances visible to an actor: registered under an org in their studios.read `scope`, with an active
 * member studio inside that scope, or with a member studio the actor belongs to.
 */
export function allianceVisibility(scope: string[], personId: number | null): SQL {
  const parts: SQL[] = [
    inScope(orgs.path, scope),
    sql`${alliances.id} IN (SELECT am.alliance_id FROM alliance_members am JOIN studios vs ON vs.id = am.studio_id
      JOIN orgs vo ON vo.id = vs.host_org_id WHERE am.left_on IS NULL AND ${inScope(sql`vo.path`, scope)})`,
  ];
  if (personId !== null) {
    parts.push(sql`${alliances.id} IN (SELECT am.alliance_id FROM alliance_members am JOIN studio_members sm ON sm.studio_id = am.studio_id
      WHERE am.left_on IS NULL AND sm.person_id = ${personId} AND sm.left_on IS NULL)`);
  }
  return or(...parts)!;
}

export async function findAlliances({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: AllianceListQuery;
}) {
  const where = and(
    visible,
    query.includeArchived ? undefined : isNull(alliances.archivedAt),
    query.q ? ilike(alliances.name, likeText(query.q)) : undefined,
    query.studioId
      ? sql`${alliances.id} IN (SELECT alliance_id FROM alliance_members WHERE studio_id = ${query.studioId} AND left_on IS NULL)`
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(alliances.foundedOn), desc(alliances.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(alliances).innerJoin(orgs, eq(orgs.id, alliances.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getAllianceJoined({ db, id, visible }: { db: Db; id: number; visible: SQL }) {
  const [row] = await joined(db).where(and(eq(alliances.id, id), visible));
  return row ?? null;
}

export async function listMembers({ db, allianceId }: { db: Db; allianceId: number }) {
  return db
    .select({ m: allianceMembers, studioName: studios.name })
    .from(allianceMembers)
    .leftJoin(studios, eq(studios.id, allianceMembers.studioId))
    .where(eq(allianceMembers.allianceId, allianceId))
    .orderBy(asc(allianceMembers.joinedOn), asc(allianceMembers.id));
}

export async function listLeads({ db, allianceId }: { db: Db; allianceId: number }) {
  return db
    .select({ l: allianceLeads, studioName: studios.name })
    .from(allianceLeads)
    .innerJoin(studios, eq(studios.id, allianceLeads.studioId))
    .where(eq(allianceLeads.allianceId, allianceId))
    .orderBy(asc(allianceLeads.startsOn), asc(allianceLeads.id));
}

export async function listProjects({ db, allianceId }: { db: Db; allianceId: number }) {
  return db
    .select()
    .from(allianceProjects)
    .where(eq(allianceProjects.allianceId, allianceId))
    .orderBy(desc(allianceProjects.startedOn), desc(allianceProjects.id));
}

export async function listSharedActivities({ db, allianceId }: { db: Db; allianceId: number }) {
  return db
    .select({
      id: activities.id,
      title: activities.title,
      kind: activities.kind,
      heldOn: activities.heldOn,
      studioName: studios.name,
    })
    .from(activities)
    .innerJoin(studios, eq(studios.id, activities.studioId))
    .where(and(eq(activities.allianceId, allianceId), isNull(activities.archivedAt)))
    .orderBy(desc(activities.heldOn))
    .limit(200);
}

/** Studios with their host org paths (for checking they lie under the alliance's org). */
export async function studiosWithPaths({ db, ids }: { db: Db; ids: number[] }) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: studios.id,
      name: studios.name,
      orgPath: orgs.path,
      archivedAt: studios.archivedAt,
      status: studios.status,
    })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(inArray(studios.id, ids));
}

/** Whether a studio is an active member of an alliance (activities may then be shared with it). */
export async function isActiveAllianceStudio({
  db,
  allianceId,
  studioId,
}: {
  db: Db;
  allianceId: number;
  studioId: number;
}) {
  const [r] = await db
    .select({ n: count() })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .where(
      and(
        eq(allianceMembers.allianceId, allianceId),
        eq(allianceMembers.studioId, studioId),
        isNull(allianceMembers.leftOn),
        isNull(alliances.archivedAt),
      ),
    );
  return (r?.n ?? 0) > 0;
}

export async function insertAlliance({ db, values }: { db: Db; values: typeof alliances.$inferInsert }) {
  const [row] = await db.insert(alliances).values(values).returning();
  return row!;
}

export async function updateAllianceRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof alliances.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(alliances)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(alliances.id, id), eq(alliances.version, version)))
    .returning();
  return row ?? null;
}

export async function insertMember({ db, values }: { db: Db; values: typeof allianceMembers.$inferInsert }) {
  const [row] = await db.insert(allianceMembers).values(values).returning();
  return row!;
}

export async function closeMember({ db, id, leftOn }: { db: Db; id: number; leftOn: string }) {
  const [row] = await db
    .update(allianceMembers)
    .set({ leftOn })
    .where(and(eq(allianceMembers.id, id), isNull(allianceMembers.leftOn)))
    .returning();
  return row ?? null;
}

/** Ends the open lead term (if any) on `endsOn` and opens a new one for `studioId`. */
export async function rotateLead({
  db,
  allianceId,
  studioId,
  startsOn,
}: {
  db: Db;
  allianceId: number;
  studioId: number;
  startsOn: string;
}) {
  await db
    .update(allianceLeads)
    .set({ endsOn: startsOn })
    .where(and(eq(allianceLeads.allianceId, allianceId), isNull(allianceLeads.endsOn)));
  const [row] = await db.insert(allianceLeads).values({ allianceId, studioId, startsOn }).returning();
  return row!;
}

export async function insertProject({
  db,
  values,
}: {
  db: Db;
  values: typeof allianceProjects.$inferInsert;
}) {
  const [row] = await db.insert(allianceProjects).values(values).returning();
  return row!;
}

export async function getProject({ db, allianceId, id }: { db: Db; allianceId: number; id: number }) {
  const [row] = await db
    .select()
    .from(allianceProjects)
    .where(and(eq(allianceProjects.id, id), eq(allianceProjects.allianceId, allianceId)));
  return row ?? null;
}

export async function updateProjectRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof allianceProjects.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(allianceProjects)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(allianceProjects.id, id), eq(allianceProjects.version, version)))
    .returning();
  return row ?? null;
}
