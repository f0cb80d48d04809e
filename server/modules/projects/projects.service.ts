import { sql } from 'drizzle-orm';
import type {
  Project,
  ProjectCreate,
  ProjectListItem,
  ProjectListQuery,
  ProjectUpdate,
} from '../../../common/schemas/projects.js';
import { projectSourceLabels } from '../../../common/schemas/projects.js';
import {
  type ProjectStatus,
  projectEditableStatuses,
  projectStatusLabels,
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
import { projectMilestones, projects } from './projects.table.js';

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
export const stale = (row: repo.ProjectJoined) =>
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
