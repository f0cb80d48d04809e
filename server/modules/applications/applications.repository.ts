import { and, asc, count, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ApplicationListQuery } from '../../../common/schemas/applications.js';
import { inScope } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { rulebooks } from '../rulebooks/rulebooks.table.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { applicationObjections, applicationSteps, applications } from './applications.table.js';

const openObjections =
  sql<number>`(SELECT count(*) FROM application_objections o WHERE o.application_id = ${applications.id} AND o.status = 'open')`.mapWith(
    Number,
  );

const columns = {
  app: applications,
  studio: studios,
  orgPath: orgs.path,
  hostOrgName: orgs.name,
  leaderName: people.name,
  rulebookVersionNo: rulebooks.versionNo,
  openObjections,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(applications)
    .innerJoin(studios, eq(studios.id, applications.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .innerJoin(rulebooks, eq(rulebooks.id, applications.rulebookId))
    .leftJoin(people, eq(people.id, studios.leaderPersonId));
}
export type ApplicationJoined = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export async function findApplication({ db, id }: { db: Db; id: number }) {
  const [row] = await base(db).where(eq(applications.id, id));
  return row ?? null;
}

/** The actor's active membership role in a studio, or null. */
export async function memberRoleOf({
  db,
  studioId,
  personId,
}: {
  db: Db;
  studioId: number;
  personId: number | null;
}) {
  if (personId === null) return null;
  const [m] = await db
    .select({ role: studioMembers.role })
    .from(studioMembers)
    .where(
      and(
        eq(studioMembers.studioId, studioId),
        eq(studioMembers.personId, personId),
        isNull(studioMembers.leftOn),
      ),
    );
  return m?.role ?? null;
}

/**
 * What an actor may list: applications of studios they belong to or lead, non-drafts under their
 * admin scope, and those they are assigned to review.
 */
export function visibleTo({
  adminScope,
  personId,
  userId,
}: {
  adminScope: string[];
  personId: number | null;
  userId: number;
}): SQL {
  const own =
    personId === null
      ? sql`false`
      : sql`(${studios.leaderPersonId} = ${personId} OR ${studios.id} IN (SELECT m.studio_id FROM studio_members m WHERE m.person_id = ${personId} AND m.left_on IS NULL))`;
  const assigned = sql`${applications.id} IN (SELECT a.subject_id FROM review_assignments a WHERE a.subject_type = 'application' AND a.reviewer_user_id = ${userId} AND a.status <> 'cancelled')`;
  return or(
    own,
    and(ne(applications.state, 'draft'), inScope(orgs.path, adminScope)),
    and(ne(applications.state, 'draft'), assigned),
  )!;
}

function filters(query: Partial<ApplicationListQuery>) {
  return and(
    query.state ? eq(applications.state, query.state) : undefined,
    query.level ? eq(applications.level, query.level) : undefined,
    query.studioId ? eq(applications.studioId, query.studioId) : undefined,
    query.q ? or(ilike(studios.name, likeText(query.q)), ilike(orgs.name, likeText(query.q))) : undefined,
  );
}

/** A filtered page of the applications `visible` selects, most recently changed first. */
export async function findApplications({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: ApplicationListQuery;
}) {
  const where = and(visible, filters(query));
  const [items, [total]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(desc(applications.updatedAt), desc(applications.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(applications)
      .innerJoin(studios, eq(studios.id, applications.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** How many visible applications sit in each state (the review board's tabs), ignoring the state filter. */
export async function countByState({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: Partial<ApplicationListQuery>;
}) {
  const rows = await db
    .select({ state: applications.state, n: count() })
    .from(applications)
    .innerJoin(studios, eq(studios.id, applications.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(visible, filters({ ...query, state: undefined })))
    .groupBy(applications.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Applications in 公示 within one group (for the publicity board), newest window first. */
export async function findInPublicity({ db, rootPath }: { db: Db; rootPath: string }) {
  return base(db)
    .where(and(eq(applications.state, 'publicity'), sql`${orgs.path} LIKE ${`${rootPath}%`}`))
    .orderBy(desc(applications.publicityStart), asc(applications.id));
}

export async function listSteps({ db, applicationId }: { db: Db; applicationId: number }) {
  return db
    .select()
    .from(applicationSteps)
    .where(eq(applicationSteps.applicationId, applicationId))
    .orderBy(asc(applicationSteps.id));
}

export async function listObjections({ db, applicationId }: { db: Db; applicationId: number }) {
  return db
    .select()
    .from(applicationObjections)
    .where(eq(applicationObjections.applicationId, applicationId))
    .orderBy(asc(applicationObjections.id));
}

/** Optimistic update guarded by version (and state, for transitions): null when stale. */
export async function updateApplicationRow({
  db,
  id,
  version,
  state,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  state?: string;
  set: Partial<typeof applications.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(applications)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(
      and(
        eq(applications.id, id),
        eq(applications.version, version),
        state ? eq(applications.state, state) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** Studios the person leads (by the studio record or an active leader membership). */
export async function findLedStudios({ db, personId }: { db: Db; personId: number }) {
  return db
    .select({ studio: studios, hostOrgName: orgs.name })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(
      and(
        isNull(studios.archivedAt),
        or(
          eq(studios.leaderPersonId, personId),
          sql`${studios.id} IN (SELECT m.studio_id FROM studio_members m WHERE m.person_id = ${personId} AND m.role = 'leader' AND m.left_on IS NULL)`,
        ),
      ),
    )
    .orderBy(asc(studios.name));
}
