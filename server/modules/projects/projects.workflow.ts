import { eq } from 'drizzle-orm';
import type { ProgressReportCreate, Project, ProjectActionBody } from '../../../common/schemas/projects.js';
import {
  type ProjectAction,
  type ProjectStatus,
  projectReportableStatuses,
  projectTransition,
} from '../../../common/workflows/project.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { forbidden, invalidFields } from '../../core/errors.js';
import { recordEvent } from '../innovation/innovation.events.js';
import { todayOf } from '../innovation/innovation.scope.js';
import { projectErrors } from './projects.errors.js';
import { projectAbilities } from './projects.policy.js';
import * as repo from './projects.repository.js';
import { getProject, loadProject, stale } from './projects.service.js';
import { projectMilestones, projectReports, type projects } from './projects.table.js';

// Workflow steps, progress reports, milestones and archiving of projects (the table is common/workflows/project.ts).

/**
 * Takes a workflow action on a project, as the table in common/workflows/project.ts allows: 409
 * projects.invalid_transition when the status does not allow it, 403 when the caller lacks the role.
 * requestAcceptance needs a conclusion; rejectAcceptance and terminate need an opinion.
 */
export async function actOnProject({
  ctx,
  id,
  action,
  body,
}: {
  ctx: Ctx;
  id: number;
  action: ProjectAction;
  body: ProjectActionBody;
}): Promise<Project> {
  const { row, roles } = await loadProject(ctx, id);
  const p = row.project;
  const status = p.status as ProjectStatus;
  const t = p.archivedAt ? null : projectTransition(status, action);
  if (!t) throw projectErrors.invalidTransition(status, action);
  if (!t.who.some((w) => roles.includes(w))) throw forbidden();
  const on = body.on ?? todayOf(ctx);
  const set: Partial<typeof projects.$inferInsert> = { status: t.to };
  if (action === 'approve') set.approvedOn = on;
  if (action === 'start') set.startedOn = on;
  if (action === 'requestAcceptance') {
    if (!body.conclusion) throw invalidFields({ conclusion: '请填写结题总结（完成情况、取得的成果和效益）' });
    set.conclusion = body.conclusion;
  }
  if (action === 'conclude') set.concludedOn = on;
  if ((action === 'rejectAcceptance' || action === 'terminate') && !body.opinion)
    throw invalidFields({ opinion: action === 'terminate' ? '请填写终止原因' : '请填写验收意见' });
  if (action === 'terminate') set.terminatedReason = body.opinion!;
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateProjectRow({
      db: tx,
      id,
      version: body.version,
      set,
      now: ctx.clock.now().toISOString(),
    });
    if (!updated) throw stale(row);
    await recordEvent(tx, ctx, {
      entityType: 'project',
      entityId: id,
      action,
      from: status,
      to: t.to,
      opinion: body.opinion ?? body.conclusion ?? null,
    });
    await recordAudit(tx, ctx, {
      action: `projects.${action}`,
      entityType: 'project',
      entityId: id,
      orgPath: row.orgPath,
      before: { status },
      after: { status: t.to, ...set, opinion: body.opinion ?? null },
    });
  });
  return getProject({ ctx, id });
}

/** Reports progress (optionally completing a milestone) on an approved or running project; studio leaders only. */
export async function reportProgress({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ProgressReportCreate;
}): Promise<Project> {
  const { row, roles } = await loadProject(ctx, id);
  if (!roles.includes('studio')) throw forbidden();
  if (row.project.archivedAt || !projectReportableStatuses.includes(row.project.status as ProjectStatus))
    throw projectErrors.notReportable();
  const milestones = await repo.milestonesOf({ db: ctx.db, projectId: id });
  const milestone = input.milestoneId ? milestones.find((m) => m.id === input.milestoneId) : undefined;
  if (input.milestoneId && !milestone) throw invalidFields({ milestoneId: '里程碑不属于该课题' });
  if (input.completesMilestone && !milestone) throw invalidFields({ milestoneId: '请选择要完成的里程碑' });
  await ctx.db.transaction(async (tx) => {
    const [report] = await tx
      .insert(projectReports)
      .values({
        projectId: id,
        milestoneId: milestone?.id ?? null,
        reportedOn: input.reportedOn,
        progress: input.progress,
        content: input.content,
        reporterUserId: ctx.actor.userId,
        reporterName: ctx.actor.name,
      })
      .returning();
    if (milestone && input.completesMilestone)
      await tx
        .update(projectMilestones)
        .set({ completedOn: input.reportedOn })
        .where(eq(projectMilestones.id, milestone.id));
    await recordAudit(tx, ctx, {
      action: 'projects.report',
      entityType: 'project',
      entityId: id,
      orgPath: row.orgPath,
      after: { ...report, completesMilestone: input.completesMilestone },
    });
  });
  return getProject({ ctx, id });
}

/** Adds a milestone to a project that is proposed, approved or running (its studio only). */
export async function addMilestone({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: { title: string; dueOn: string };
}) {
  const { row, roles } = await loadProject(ctx, id);
  const abilities = projectAbilities(
    row.project.status as ProjectStatus,
    roles,
    row.project.archivedAt !== null,
  );
  if (!roles.includes('studio')) throw forbidden();
  if (!abilities.addMilestone) throw projectErrors.notReportable();
  const existing = await repo.milestonesOf({ db: ctx.db, projectId: id });
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(projectMilestones)
      .values({ projectId: id, seq: (existing.at(-1)?.seq ?? 0) + 1, title: input.title, dueOn: input.dueOn })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'projects.add_milestone',
      entityType: 'project',
      entityId: id,
      orgPath: row.orgPath,
      after: m,
    });
  });
  return getProject({ ctx, id });
}

/** Archives (soft-deletes) or restores a project. */
export async function setProjectArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}) {
  const { row, roles } = await loadProject(ctx, id);
  const abilities = projectAbilities(
    row.project.status as ProjectStatus,
    roles,
    row.project.archivedAt !== null,
  );
  if (!(archived ? abilities.archive : abilities.restore)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const updated = await repo.updateProjectRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!updated) throw stale(row);
    await recordAudit(tx, ctx, {
      action: archived ? 'projects.archive' : 'projects.restore',
      entityType: 'project',
      entityId: id,
      orgPath: row.orgPath,
      before: { archivedAt: row.project.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getProject({ ctx, id });
}
