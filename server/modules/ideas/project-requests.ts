import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { IdeaToProject } from '../../../common/schemas/ideas.js';
import type { IdeaStatus } from '../../../common/workflows/idea.js';
import { ideaAdoptedStatuses } from '../../../common/workflows/idea.js';
import { inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError, conflict, forbidden, invalidFields } from '../../core/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { studioUserIds } from '../notifications/recipients.js';
import { addTodo, completeTodos } from '../notifications/todos.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { createProject } from '../projects/projects.service.js';
import { getStudioAccess, studioAllows } from '../studios/studios.access.js';
import { studios } from '../studios/studios.table.js';
import { addDays, chinaDate, membershipsOf, recordStep } from './engagement.js';
import { projectRequests } from './engagement.table.js';
import { ideaErrors } from './ideas.errors.js';
import { getIdea, loadIdea } from './ideas.service.js';
import { ideas } from './ideas.table.js';

export type ProjectRequestRow = typeof projectRequests.$inferSelect;
const notFound = () => new AppError('projectRequests.not_found', 404);

/**
 * Asks a studio to open a project (from an adopted idea or a selected challenge bid): a pending request,
 * a to-do for the studio's leaders and a notification. Call inside the caller's transaction.
 */
export async function createProjectRequest(
  tx: Db,
  ctx: Ctx,
  v: {
    source: 'idea' | 'challenge';
    sourceId: number;
    studioId: number;
    title: string;
    goal: string;
    field: string | null;
    orgPath: string;
  },
): Promise<ProjectRequestRow> {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(projectRequests)
    .values({ ...v, createdBy: ctx.actor.userId, createdAt: now.toISOString(), updatedAt: now.toISOString() })
    .returning();
  await addTodo({
    db: tx,
    userIds: await studioUserIds({ db: tx, studioIds: [v.studioId], leadersOnly: true }),
    kind: 'projectRequest.accept',
    title: `${v.source === 'idea' ? '建议转课题' : '揭榜立项'}：${v.title}`,
    body: '请确认立项并填写课题计划。',
    link: v.source === 'idea' ? `/ideas/${v.sourceId}` : `/challenges/${v.sourceId}`,
    entityType: 'projectRequest',
    entityId: row!.id,
    orgPath: v.orgPath,
    dueAt: addDays(now, 15).toISOString(),
    now,
  });
  return row!;
}

/**
 * Turns a pending request into a project of its studio through the projects module (as the caller, who
 * must manage the studio), inside the caller's transaction, and marks the request linked.
 */
export async function convertRequest(
  tx: Db,
  ctx: Ctx,
  req: ProjectRequestRow,
  opts: { plannedEnd?: string; challengeId?: number },
) {
  if (req.status !== 'pending') throw new AppError('projectRequests.not_pending', 409);
  const [studio] = await tx.select().from(studios).where(eq(studios.id, req.studioId));
  const leaderPersonId = studio?.leaderPersonId ?? ctx.actor.personId;
  if (!leaderPersonId) throw invalidFields({ studioId: '工作室尚无领衔人，无法立项' });
  const now = ctx.clock.now();
  const plannedStart = chinaDate(now);
  const plannedEnd = opts.plannedEnd ?? chinaDate(addDays(now, 180));
  const project = await createProject({
    ctx: { ...ctx, db: tx },
    input: {
      studioId: req.studioId,
      title: req.title.slice(0, 100),
      source: req.source === 'challenge' ? 'challenge' : 'enterprise',
      challengeId: opts.challengeId ?? null,
      leaderPersonId,
      members: [],
      goal: req.goal.slice(0, 2000),
      content: null,
      field: req.field,
      plannedStart,
      plannedEnd: [plannedStart, plannedEnd].sort().at(-1)!,
      budgetFen: 0,
      confidential: false,
      milestones: [],
    },
  });
  const [linked] = await tx
    .update(projectRequests)
    .set({ status: 'linked', projectId: project.id, version: req.version + 1, updatedAt: now.toISOString() })
    .where(and(eq(projectRequests.id, req.id), eq(projectRequests.version, req.version)))
    .returning();
  if (!linked) throw conflict('conflict.stale');
  await completeTodos({ db: tx, entityType: 'projectRequest', entityId: req.id, now });
  return project.id;
}

/**
 * Makes an adopted idea a studio's project. When the caller manages the studio the project is proposed
 * at once; otherwise the studio's leader gets a request to accept. 409 ideas.not_adopted / ideas.already_project.
 */
export async function ideaToProject({ ctx, id, input }: { ctx: Ctx; id: number; input: IdeaToProject }) {
  const { row, roles } = await loadIdea(ctx, id);
  if (!roles.includes('handler')) throw forbidden();
  const idea = row.idea;
  if (!ideaAdoptedStatuses.includes(idea.status as IdeaStatus)) throw ideaErrors.notAdopted();
  if (idea.projectId || idea.projectRequestId) throw ideaErrors.alreadyProject();
  const access = await getStudioAccess({ ctx, id: input.studioId, need: 'read' });
  const member = (await membershipsOf(ctx)).get(input.studioId) ?? null;
  const direct = studioAllows(ctx.actor, 'manage', access.orgPath, member);
  await ctx.db.transaction(async (tx) => {
    const req = await createProjectRequest(tx, ctx, {
      source: 'idea',
      sourceId: id,
      studioId: input.studioId,
      title: input.title ?? idea.title,
      goal: input.goal ?? idea.content,
      field: access.studio.field,
      orgPath: access.orgPath,
    });
    const projectId = direct ? await convertRequest(tx, ctx, req, {}) : null;
    const now = ctx.clock.now().toISOString();
    const [after] = await tx
      .update(ideas)
      .set({ projectRequestId: req.id, projectId, version: input.version + 1, updatedAt: now })
      .where(and(eq(ideas.id, id), eq(ideas.version, input.version)))
      .returning();
    if (!after) throw conflict('conflict.stale');
    await recordStep(tx, ctx, {
      entityType: 'idea',
      entityId: id,
      action: 'toProject',
      note: projectId ? `已转为“${access.studio.name}”的攻关课题` : `已请“${access.studio.name}”立项攻关`,
    });
    await recordAudit(tx, ctx, {
      action: 'ideas.to_project',
      entityType: 'idea',
      entityId: id,
      orgId: idea.orgId,
      orgPath: row.orgPath,
      before: { projectId: idea.projectId, projectRequestId: idea.projectRequestId },
      after: { projectId, projectRequestId: req.id },
    });
  });
  return getIdea({ ctx, id });
}

/** Pending (or all) requests for the studios the caller leads, and those in their admin scope. */
export async function findProjectRequests({
  ctx,
  status,
}: {
  ctx: Ctx;
  status?: 'pending' | 'linked' | 'declined';
}) {
  const led = [...(await membershipsOf(ctx)).entries()].filter(([, r]) => r === 'leader').map(([id]) => id);
  const rows = await ctx.db
    .select({ r: projectRequests, studioName: studios.name })
    .from(projectRequests)
    .innerJoin(studios, eq(studios.id, projectRequests.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(
      and(
        or(
          led.length ? inArray(projectRequests.studioId, led) : undefined,
          inScope(orgs.path, scopeOf(ctx.actor, 'studios.manage')),
        ),
        status ? eq(projectRequests.status, status) : undefined,
      ),
    )
    .orderBy(desc(projectRequests.id))
    .limit(200);
  return rows.map(({ r, studioName }) => ({
    id: r.id,
    source: r.source as 'idea' | 'challenge',
    sourceId: r.sourceId,
    studioId: r.studioId,
    studioName,
    title: r.title,
    goal: r.goal,
    status: r.status as 'pending' | 'linked' | 'declined',
    projectId: r.projectId,
    createdAt: r.createdAt,
    version: r.version,
  }));
}

/**
 * The studio's leader (or an admin over it) accepts a request: the project is proposed in the projects
 * module and linked back to the idea, or — for a challenge — the challenge moves to 攻关 (its start action).
 */
export async function acceptProjectRequest({
  ctx,
  id,
  plannedEnd,
}: {
  ctx: Ctx;
  id: number;
  plannedEnd?: string;
}) {
  const [req] = await ctx.db.select().from(projectRequests).where(eq(projectRequests.id, id));
  if (!req) throw notFound();
  try {
    await getStudioAccess({ ctx, id: req.studioId, need: 'manage' });
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw notFound();
    throw e;
  }
  if (req.status !== 'pending') throw new AppError('projectRequests.not_pending', 409);
  if (req.source === 'challenge') {
    const { startChallengeProject } = await import('../challenges/challenges.service.js');
    return startChallengeProject({ ctx, challengeId: req.sourceId, plannedEnd });
  }
  const projectId = await ctx.db.transaction(async (tx) => {
    const pid = await convertRequest(tx, ctx, req, { plannedEnd });
    const [idea] = await tx
      .update(ideas)
      .set({ projectId: pid, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(ideas.id, req.sourceId))
      .returning();
    await recordStep(tx, ctx, {
      entityType: 'idea',
      entityId: req.sourceId,
      action: 'toProject',
      note: '工作室已确认立项攻关',
    });
    await recordAudit(tx, ctx, {
      action: 'projectRequests.accept',
      entityType: 'projectRequest',
      entityId: id,
      before: req,
      after: { projectId: pid },
    });
    if (idea?.handlerUserId)
      await notify({
        db: tx,
        userIds: [idea.handlerUserId],
        kind: 'ideas.project',
        title: `建议 ${idea.code} 已立项攻关`,
        link: `/ideas/${idea.id}`,
        now: ctx.clock.now(),
      });
    return pid;
  });
  return { projectId };
}
