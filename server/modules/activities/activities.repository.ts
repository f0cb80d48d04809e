import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../common/schemas/activities.js';
import { underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { alliances } from '../alliances/alliances.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';
import { activities, activityParticipants } from './activities.table.js';

export type ActivityRow = typeof activities.$inferSelect;

const trainer = sql<string | null>`(SELECT name FROM people tp WHERE tp.id = ${activities.trainerPersonId})`;
const joinedColumns = {
  activity: activities,
  studioName: studios.name,
  orgPath: orgs.path,
  allianceName: alliances.name,
  trainerPersonName: trainer,
  invitedCount: sql<number>`(SELECT count(*)::int FROM activity_participants p WHERE p.activity_id = ${activities.id})`,
  attendedCount: sql<number>`(SELECT count(*)::int FROM activity_participants p WHERE p.activity_id = ${activities.id} AND p.attended_at IS NOT NULL)`,
};

function joined(db: Db) {
  return db
    .select(joinedColumns)
    .from(activities)
    .innerJoin(studios, eq(studios.id, activities.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(alliances, eq(alliances.id, activities.allianceId));
}
export type ActivityJoined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

/** A page of activities matching `query` among the studios `visible` selects. */
export async function findActivities({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: ActivityListQuery;
}) {
  const where = and(
    visible,
    query.includeArchived ? undefined : isNull(activities.archivedAt),
    query.studioId ? eq(activities.studioId, query.studioId) : undefined,
    underOrg(orgs.path, query.orgId),
    query.kind ? eq(activities.kind, query.kind) : undefined,
    query.allianceId ? eq(activities.allianceId, query.allianceId) : undefined,
    query.from ? gte(activities.heldOn, query.from) : undefined,
    query.to ? lte(activities.heldOn, query.to) : undefined,
    query.q ? ilike(activities.title, likeText(query.q)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(activities.heldOn), desc(activities.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(activities)
      .innerJoin(studios, eq(studios.id, activities.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getActivityJoined({ db, id }: { db: Db; id: number }) {
  const [row] = await joined(db).where(eq(activities.id, id));
  return row ?? null;
}

export async function findActivityByToken({ db, token }: { db: Db; token: string }) {
  const [row] = await joined(db).where(eq(activities.checkinToken, token));
  return row ?? null;
}

/** Participants of activities with their person and org, in list order. */
export async function listParticipants({ db, activityIds }: { db: Db; activityIds: number[] }) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      p: activityParticipants,
      name: people.name,
      employeeNo: people.employeeNo,
      orgName: orgs.name,
    })
    .from(activityParticipants)
    .innerJoin(people, eq(people.id, activityParticipants.personId))
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(inArray(activityParticipants.activityId, activityIds))
    .orderBy(asc(activityParticipants.activityId), asc(activityParticipants.id));
}
export type ParticipantJoined = Awaited<ReturnType<typeof listParticipants>>[number];

export async function insertActivity({ db, values }: { db: Db; values: typeof activities.$inferInsert }) {
  const [row] = await db.insert(activities).values(values).returning();
  return row!;
}

/** Updates with optimistic concurrency: null when `version` is stale. */
export async function updateActivityRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof activities.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(activities)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row ?? null;
}

/** Replaces an activity's participant list (rows for people no longer listed go). */
export async function replaceParticipants({
  db,
  activityId,
  rows,
}: {
  db: Db;
  activityId: number;
  rows: Omit<typeof activityParticipants.$inferInsert, 'activityId'>[];
}) {
  await db.delete(activityParticipants).where(eq(activityParticipants.activityId, activityId));
  if (rows.length) await db.insert(activityParticipants).values(rows.map((r) => ({ ...r, activityId })));
}

export async function findParticipant({
  db,
  activityId,
  personId,
}: {
  db: Db;
  activityId: number;
  personId: number;
}) {
  const [row] = await db
    .select()
    .from(activityParticipants)
    .where(and(eq(activityParticipants.activityId, activityId), eq(activityParticipants.personId, personId)));
  return row ?? null;
}

/**
 * Records attendance once: returns the saved row, or null when the person already has an attendance time (kept
 * as it is: an idempotent check-in).
 */
export async function upsertAttendance({
  db,
  activityId,
  personId,
  role,
  at,
}: {
  db: Db;
  activityId: number;
  personId: number;
  role: string;
  at: string;
}) {
  // only a row without attendance changes: a check-in that loses a race with the same person's other check-in
  // (two tabs, an outbox resend) changes nothing and gets null back
  const [row] = await db
    .insert(activityParticipants)
    .values({ activityId, personId, role, attendedAt: at, checkinMethod: 'qr' })
    .onConflictDoUpdate({
      target: [activityParticipants.activityId, activityParticipants.personId],
      set: {
        attendedAt: sql`excluded.attended_at`,
        checkinMethod: sql`coalesce(${activityParticipants.checkinMethod}, excluded.checkin_method)`,
      },
      setWhere: isNull(activityParticipants.attendedAt),
    })
    .returning();
  return row ?? null;
}

/** Whether a person is an active member of a studio. */
export async function isStudioMember({
  db,
  studioId,
  personId,
}: {
  db: Db;
  studioId: number;
  personId: number;
}) {
  const [r] = await db
    .select({ n: count() })
    .from(sql`studio_members`)
    .where(sql`studio_id = ${studioId} AND person_id = ${personId} AND left_on IS NULL`);
  return (r?.n ?? 0) > 0;
}
