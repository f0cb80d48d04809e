import { sql } from 'drizzle-orm';
import type {
  ProgressReportCreate,
  Project,
  ProjectActionBody,
  ProjectCreate,
  ProjectListItem,
  ProjectListQuery,
  ProjectUpdate,
} from '../../../common/schemas/projects.js';
import { projectSourceLabels } from '../../../common/schemas/projects.js';
import {
  type ProjectAction,
  type ProjectStatus,
  projectEditableStatuses,
  projectReportableStatuses,
  projectStatusLabels,
  projectTransition,
} from '../../../common/workflows/project.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, invalidFields } from '../../core/errors.js';
import { buildWorkbook } from '../../core/excel.js';
import { pageResult } from '../../core/pagination.js';
import { eventsOf, nextArchiveNo, recordEvent } from '../innovation/innovation.events.js';
import { peopleByIds } from '../innovation/innovation.lookup.js';
import { actorViewOf, seesInScope, todayOf } from '../innovation/innovation.scope.js';
import { searchDocumentOf } from '../similarity/similarity.text.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { projectErrors } from './projects.errors.js';
import { projectAbilities, projectRolesOf } from './projects.policy.js';
import * as repo from './projects.repository.js';
import { projectMilestones, projectReports, projects } from './projects.table.js';

const tsv = (doc: string) => sql`to_tsvector('simple', ${doc})`;

function toListItem(r: repo.ProjectJoined): ProjectListItem {
  const p = r.project;
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    source: p.source as ProjectListItem['source'],
    status: p.status as ProjectStatus,
    year: p.year,
    studioId: p.studioId,
    studioName: r.studioName,
    orgName: r.orgName,
    leaderName: r.leaderName,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    budgetFen: p.budgetFen,
    confidential: p.confidential,
    resultCount: r.resultCount,
    archivedAt: p.archivedAt,
    updatedAt: p.updatedAt,
  };
}

/** 409 conflict.stale with the record as it stands (loaded before the write, so it is current). */
const stale = (row: repo.ProjectJoined) =>
  conflict('conflict.stale', { current: { ...toListItem(row), version: row.project.version } });

/** Loads a project the actor may see (projects.not_found otherwise) with their workflow roles on it. */
export async function loadProject(ctx: Ctx, id: number) {
  const row = await repo.findProjectRow({ db: ctx.db, id });
  if (!row) throw projectErrors.notFound();
  const view = await actorViewOf(ctx);
  const p = row.project;
  if (!seesInScope(view, { studioId: p.studioId, orgPath: row.orgPath, confidential: p.confidential }))
    throw projectErrors.notFound();
  const memberRole = view.memberRoles.get(p.studioId) ?? null;
  const roles = projectRolesOf(ctx.actor, { orgPath: row.orgPath, memberRole });
  return { row, view, roles };
}

/** Gets a project with milestones, progress reports, workflow history and the results it produced. */
export async function getProject({ ctx, id }: { ctx: Ctx; id: number }): Promise<Project> {
  const { row, view, roles } = await loadProject(ctx, id);
  const p = row.project;
  const [milestones, reports, events, linked] = await Promise.all([
    repo.milestonesOf({ db: ctx.db, projectId: id }),
    repo.reportsOf({ db: ctx.db, projectId: id }),
    eventsOf({ db: ctx.db, entityType: 'project', entityId: id }),
    repo.resultsOfProject({ db: ctx.db, projectId: id }),
  ]);
  return {
    ...toListItem(row),
    challengeId: p.challengeId,
    leaderPersonId: p.leaderPersonId,
    members: p.members.map((m) => ({ personId: m.personId, name: m.name, division: m.division ?? null })),
    goal: p.goal,
    content: p.content,
    field: p.field,
    approvedOn: p.approvedOn,
    startedOn: p.startedOn,
    conclusion: p.conclusion,
    concludedOn: p.concludedOn,
    terminatedReason: p.terminatedReason,
    milestones: milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      dueOn: m.dueOn,
      completedOn: m.completedOn,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      milestoneId: r.milestoneId,
      reportedOn: r.reportedOn,
      progress: r.progress,
      content: r.content,
      reporterName: r.reporterName,
      createdAt: r.createdAt,
    })),
    events,
    results: linked
      .filter((r) =>
        seesInScope(view, { studioId: r.studioId, orgPath: row.orgPath, confidential: r.confidential }),
      )
      .map(({ confidential: _c, studioId: _s, ...r }) => r),
    version: p.version,
    abilities: projectAbilities(p.status as ProjectStatus, roles, p.archivedAt !== null),
  };
}

/** Finds a page of the projects the actor sees, filtered by status, source, year, studio and org subtree. */
export async function findProjects({ ctx, query }: { ctx: Ctx; query: ProjectListQuery }) {
  const view = await actorViewOf(ctx);
  const { items, total } = await repo.findProjects({ db: ctx.db, view, query });
  return pageResult(items.map(toListItem), total, query);
}

/** The list as an .xlsx: the same filters and columns as the page shows, every matching row. */
export async function exportProjects({ ctx, query }: { ctx: Ctx; query: ProjectListQuery }): Promise<Buffer> {
  const view = await actorViewOf(ctx);
  const { items } = await repo.findProjects({ db: ctx.db, view, query, all: true });
  const l = ctx.lang;
  return buildWorkbook([
    {
      name: l === 'en' ? 'Projects' : '攻关课题',
      headers:
        l === 'en'
          ? [
              'Code',
              'Title',
              'Source',
              'Status',
              'Year',
              'Studio',
              'Host org',
              'Leader',
              'Start',
              'End',
              'Budget (yuan)',
              'Results',
            ]
          : [
              '课题编号',
              '课题名称',
              '来源',
              '状态',
              '年度',
              '工作室',
              '所属单位',
              '负责人',
              '计划开始',
              '计划结束',
              '预算（元）',
              '成果数',
            ],
      widths: [18, 36, 12, 10, 8, 28, 20, 10, 12, 12, 14, 8],
      rows: items
        .map(toListItem)
        .map((p) => [
          p.code,
          p.title,
          projectSourceLabels[p.source][l],
          projectStatusLabels[p.status][l],
          p.year,
          p.studioName,
          p.orgName,
          p.leaderName,
          p.plannedStart,
          p.plannedEnd,
          p.budgetFen / 100,
          p.resultCount,
        ]),
    },
  ]);
}

/** Checks dates and people of a proposal; returns the members with their names. Throws request.invalid with Chinese field messages. */
async function checkProposal(
  ctx: Ctx,
  v: {
    plannedStart?: string;
    plannedEnd?: string;
    leaderPersonId?: number;
    members?: ProjectCreate['members'];
  },
) {
  const fields: Record<string, string> = {};
  if (v.plannedStart && v.plannedEnd && v.plannedEnd < v.plannedStart)
    fields.plannedEnd = '计划结束日期不能早于开始日期';
  const ids = [...(v.leaderPersonId ? [v.leaderPersonId] : []), ...(v.members ?? []).map((m) => m.personId)];
  const found = await peopleByIds({ db: ctx.db, ids });
  if (v.leaderPersonId && !found.has(v.leaderPersonId)) fields.leaderPersonId = '负责人不存在或已离职';
  const seen = new Set<number>();
  (v.members ?? []).forEach((m, i) => {
    if (!found.has(m.personId)) fields[`members.${i}.personId`] = '人员不存在或已离职';
    else if (seen.has(m.personId)) fields[`members.${i}.personId`] = '课题成员重复';
    seen.add(m.personId);
  });
  if (Object.keys(fields).length) throw invalidFields(fields);
  return v.members?.map((m) => ({
    personId: m.personId,
    name: found.get(m.personId)!.name,
    division: m.division ?? null,
  }));
}

/** Proposes a project (申请) for a studio the actor manages. Throws studios.not_found / auth.forbidden / request.invalid. */
export async function createProject({ ctx, input }: { ctx: Ctx; input: ProjectCreate }): Promise<Project> {
  const access = await getStudioAccess({ ctx, id: input.studioId, need: 'manage' });
  if (access.studio.archivedAt) throw invalidFields({ studioId: '工作室已归档，不能新建课题' });
  const members = (await checkProposal(ctx, input)) ?? [];
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));
  const id = await ctx.db.transaction(async (tx) => {
    const code = await nextArchiveNo({ db: tx, prefix: 'KT', year });
    const { milestones, studioId, ...fields } = input;
    const [row] = await tx
      .insert(projects)
      .values({
        ...fields,
        studioId,
        code,
        year,
        members,
        challengeId: fields.challengeId ?? null,
        content: fields.content ?? null,
        field: fields.field ?? access.studio.field ?? null,
        status: 'proposed',
        createdBy: ctx.actor.userId,
        searchText: tsv(searchDocumentOf([fields.title, fields.goal, fields.content, fields.field])) as never,
      })
      .returning();
    const p = row!;
    if (milestones.length)
      await tx
        .insert(projectMilestones)
        .values(milestones.map((m, i) => ({ projectId: p.id, seq: i + 1, title: m.title, dueOn: m.dueOn })));
    await recordEvent(tx, ctx, { entityType: 'project', entityId: p.id, action: 'propose', to: 'proposed' });
    const { searchText: _s, ...after } = p;
    await recordAudit(tx, ctx, {
      action: 'projects.create',
      entityType: 'project',
      entityId: p.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: { ...after, milestones },
    });
    return p.id;
  });
  return getProject({ ctx, id });
}

/** Edits a proposal while it is still 申请; 409 projects.not_editable afterwards, conflict.stale on a stale version. */
export async function updateProject({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ProjectUpdate;
}): Promise<Project> {
  const { row, roles } = await loadProject(ctx, id);
  const before = row.project;
  if (!roles.includes('studio')) throw forbidden();
  if (before.archivedAt || !projectEditableStatuses.includes(before.status as ProjectStatus))
    throw projectErrors.notEditable();
  const merged = { ...before, ...input };
  const members = await checkProposal(ctx, {
    plannedStart: merged.plannedStart,
    plannedEnd: merged.plannedEnd,
    leaderPersonId: input.leaderPersonId,
    members: input.members,
  });
  const { version, members: _m, ...set } = input;
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateProjectRow({
      db: tx,
      id,
      version,
      now: ctx.clock.now().toISOString(),
      set: {
        ...set,
        ...(members ? { members } : {}),
        searchText: tsv(searchDocumentOf([merged.title, merged.goal, merged.content, merged.field])) as never,
      },
    });
    if (!updated) throw stale(row);
    const { searchText: _a, ...b } = before;
    const { searchText: _b, ...a } = updated;
    await recordAudit(tx, ctx, {
      action: 'projects.update',
      entityType: 'project',
      entityId: id,
      orgPath: row.orgPath,
      before: b,
      after: a,
    });
  });
  return getProject({ ctx, id });
}

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
        .where(sql`${projectMilestones.id} = ${milestone.id}`);
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
