import { and, asc, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { ProjectListQuery } from '../../../common/schemas/projects.js';
import { underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { type ActorView, scopeWhere } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { results } from '../results/results.table.js';
import { studios } from '../studios/studios.table.js';
import { projectMilestones, projectReports, projects } from './projects.table.js';

const columns = {
  project: projects,
  studioName: studios.name,
  orgPath: orgs.path,
  orgName: orgs.name,
  leaderName: people.name,
  resultCount:
    sql<number>`(SELECT count(*) FROM results r WHERE r.project_id = ${projects.id} AND r.archived_at IS NULL)`.mapWith(
      Number,
    ),
};

function base(db: Db) {
  return db
    .select(columns)
    .from(projects)
    .innerJoin(studios, eq(studios.id, projects.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(people, eq(people.id, projects.leaderPersonId));
}
export type ProjectJoined = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** One project with its studio and host org, regardless of scope (the service decides visibility). */
export async function findProjectRow({ db, id }: { db: Db; id: number }) {
  const [row] = await base(db).where(eq(projects.id, id));
  return row ?? null;
}

function listWhere(view: ActorView, q: Omit<ProjectListQuery, 'page' | 'pageSize'>) {
  return and(
    scopeWhere(view, {
      studioId: projects.studioId,
      orgPath: orgs.path,
      confidential: projects.confidential,
    }),
    q.includeArchived ? undefined : isNull(projects.archivedAt),
    q.status ? eq(projects.status, q.status) : undefined,
    q.source ? eq(projects.source, q.source) : undefined,
    q.year ? eq(projects.year, q.year) : undefined,
    q.studioId ? eq(projects.studioId, q.studioId) : undefined,
    underOrg(orgs.path, q.orgId),
    q.q ? or(ilike(projects.title, likeText(q.q)), ilike(projects.code, likeText(q.q))) : undefined,
  );
}

/** A filtered page of the projects the actor sees. With `all`, every row (for the Excel export, capped). */
export async function findProjects({
  db,
  view,
  query,
  all,
}: {
  db: Db;
  view: ActorView;
  query: ProjectListQuery;
  all?: boolean;
}) {
  const where = listWhere(view, query);
  const list = base(db).where(where).orderBy(desc(projects.year), desc(projects.id));
  const [items, [total]] = await Promise.all([
    all ? list.limit(10_000) : list.limit(query.pageSize).offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(projects)
      .innerJoin(studios, eq(studios.id, projects.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function milestonesOf({ db, projectId }: { db: Db; projectId: number }) {
  return db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.seq));
}

export async function reportsOf({ db, projectId }: { db: Db; projectId: number }) {
  return db
    .select()
    .from(projectReports)
    .where(eq(projectReports.projectId, projectId))
    .orderBy(asc(projectReports.reportedOn), asc(projectReports.id));
}

/** Results produced by a project (the service filters them by visibility). */
export async function resultsOfProject({ db, projectId }: { db: Db; projectId: number }) {
  return db
    .select({
      id: results.id,
      archiveNo: results.archiveNo,
      title: results.title,
      kind: results.kind,
      status: results.status,
      confidential: results.confidential,
      studioId: results.studioId,
    })
    .from(results)
    .where(and(eq(results.projectId, projectId), isNull(results.archivedAt)))
    .orderBy(asc(results.id));
}

/** Optimistic update: null when `version` is stale. */
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
  set: Partial<typeof projects.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(projects)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning();
  return row ?? null;
}
