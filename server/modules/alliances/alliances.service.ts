import {
  type Alliance,
  type AllianceCreate,
  type AllianceDetail,
  type AllianceListQuery,
  type AllianceProject,
  type AllianceProjectStatus,
  type AllianceUpdate,
  allianceProjectStatusLabels,
  type PartnerKind,
  partnerKindLabels,
} from '../../../common/schemas/alliances.js';
import { labelOf } from '../../../common/schemas/studio-life.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalidFields, withCurrentOnStale } from '../../core/errors.js';
import { buildWorkbook, type CellValue } from '../../core/excel.js';
import { pageResult } from '../../core/pagination.js';
import { actorMemberships, EXPORT_LIMIT, isAdminOver, toIso } from '../activities/studio-life.access.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { allianceErrors } from './alliances.errors.js';
import { addMonths } from './alliances.policy.js';
import * as repo from './alliances.repository.js';

type Row = repo.AllianceJoined;

function abilities(ctx: Ctx, memberships: Map<number, string>, r: Row) {
  const manage = isAdminOver(ctx.actor, r.orgPath);
  const leadLeader = r.leadStudioId !== null && memberships.get(r.leadStudioId) === 'leader';
  const live = !r.a.archivedAt;
  return {
    update: manage && live,
    manageMembers: manage && live,
    rotateLead: manage && live,
    manageProjects: (manage || leadLeader) && live,
    archive: manage && live,
    restore: manage && !live,
  };
}

export function toAlliance(ctx: Ctx, memberships: Map<number, string>, r: Row): Alliance {
  return {
    id: r.a.id,
    name: r.a.name,
    orgId: r.a.orgId,
    orgName: r.orgName,
    foundedOn: r.a.foundedOn,
    intro: r.a.intro,
    leadTermMonths: r.a.leadTermMonths,
    lead: r.leadStudioId !== null ? { id: r.leadStudioId, name: r.leadStudioName ?? '' } : null,
    leadSince: r.leadSince,
    nextRotationOn: r.leadSince ? addMonths(r.leadSince, r.a.leadTermMonths) : null,
    studioCount: r.studioCount,
    partnerCount: r.partnerCount,
    projectCount: r.projectCount,
    archivedAt: toIso(r.a.archivedAt),
    version: r.a.version,
    updatedAt: toIso(r.a.updatedAt),
    abilities: abilities(ctx, memberships, r),
  };
}

function visibility(ctx: Ctx) {
  return repo.allianceVisibility(scopeOf(ctx.actor, 'studios.read'), ctx.actor.personId);
}

/** Loads an alliance: 404 when invisible, 403 when the actor lacks `need` ('manage' = admins over its org). */
export async function load(ctx: Ctx, id: number, need: 'read' | 'manage' | 'projects') {
  const r = await repo.getAllianceJoined({ db: ctx.db, id, visible: visibility(ctx) });
  if (!r) throw allianceErrors.notFound();
  const memberships = await actorMemberships(ctx);
  if (need === 'manage' && !isAdminOver(ctx.actor, r.orgPath)) throw forbidden();
  if (need === 'projects' && !abilities(ctx, memberships, r).manageProjects) throw forbidden();
  return { r, memberships };
}

/** Finds a page of the alliances the actor can see. */
export async function findAlliances({ ctx, query }: { ctx: Ctx; query: AllianceListQuery }) {
  const [{ items, total }, m] = await Promise.all([
    repo.findAlliances({ db: ctx.db, visible: visibility(ctx), query }),
    actorMemberships(ctx),
  ]);
  return pageResult(
    items.map((r) => toAlliance(ctx, m, r)),
    total,
    query,
  );
}

/** One alliance with members, lead history, joint projects and shared activities. Throws alliances.not_found. */
export async function getAlliance({ ctx, id }: { ctx: Ctx; id: number }): Promise<AllianceDetail> {
  const { r, memberships } = await load(ctx, id, 'read');
  const [members, leads, projects, acts] = await Promise.all([
    repo.listMembers({ db: ctx.db, allianceId: id }),
    repo.listLeads({ db: ctx.db, allianceId: id }),
    repo.listProjects({ db: ctx.db, allianceId: id }),
    repo.listSharedActivities({ db: ctx.db, allianceId: id }),
  ]);
  const names = new Map(members.filter((m) => m.m.studioId).map((m) => [m.m.studioId!, m.studioName ?? '']));
  const ref = (sid: number) => ({ id: sid, name: names.get(sid) ?? '' });
  return {
    ...toAlliance(ctx, memberships, r),
    members: members.map((m) => ({
      id: m.m.id,
      studio: m.m.studioId ? { id: m.m.studioId, name: m.studioName ?? '' } : null,
      partnerName: m.m.partnerName,
      partnerKind: m.m.partnerKind as PartnerKind | null,
      joinedOn: m.m.joinedOn,
      leftOn: m.m.leftOn,
    })),
    leads: leads.map((l) => ({
      studio: { id: l.l.studioId, name: l.studioName },
      startsOn: l.l.startsOn,
      endsOn: l.l.endsOn,
    })),
    projects: projects.map(
      (p): AllianceProject => ({
        id: p.id,
        title: p.title,
        leadStudio: ref(p.leadStudioId),
        studios: p.studioIds.map(ref),
        status: p.status as AllianceProjectStatus,
        startedOn: p.startedOn,
        endedOn: p.endedOn,
        summary: p.summary,
        projectId: p.projectId,
        version: p.version,
      }),
    ),
    activities: acts,
  };
}

/** Checks that studios exist, are active and lie under the alliance's org: field errors otherwise. */
export async function checkStudios(ctx: Ctx, orgPath: string, ids: { id: number; field: string }[]) {
  const rows = await repo.studiosWithPaths({ db: ctx.db, ids: ids.map((i) => i.id) });
  const ok = new Set(
    rows
      .filter(
        (s) =>
          s.orgPath.startsWith(orgPath) && !s.archivedAt && s.status !== 'revoked' && s.status !== 'merged',
      )
      .map((s) => s.id),
  );
  const fields: Record<string, string> = {};
  for (const i of ids) if (!ok.has(i.id)) fields[i.field] ??= '工作室不存在、已撤销或不在该联盟所属组织之下';
  if (Object.keys(fields).length) throw invalidFields(fields);
}

/**
 * Forms an alliance under an org the actor administers: at least two member studios below that org,
 * outside partners by name, and the first lead (the first studio unless `leadStudioId` says otherwise).
 */
export async function createAlliance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AllianceCreate;
}): Promise<AllianceDetail> {
  const org = await findOrgInScope({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), id: input.orgId });
  if (!org || org.archivedAt) throw new AppError('orgs.not_found', 404);
  if (!isAdminOver(ctx.actor, org.path) || !can(ctx.actor, 'alliances.manage', org.path)) throw forbidden();
  const fields: Record<string, string> = {};
  input.studioIds.forEach((sid, i) => {
    if (input.studioIds.indexOf(sid) !== i) fields[`studioIds.${i}`] = '工作室重复';
  });
  const lead = input.leadStudioId ?? input.studioIds[0]!;
  if (!input.studioIds.includes(lead)) fields.leadStudioId = '牵头工作室须是联盟成员';
  if (Object.keys(fields).length) throw invalidFields(fields);
  await checkStudios(
    ctx,
    org.path,
    input.studioIds.map((id, i) => ({ id, field: `studioIds.${i}` })),
  );
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const a = await repo.insertAlliance({
      db: tx,
      values: {
        name: input.name,
        orgId: org.id,
        foundedOn: input.foundedOn,
        intro: input.intro ?? null,
        leadTermMonths: input.leadTermMonths,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    for (const sid of input.studioIds)
      await repo.insertMember({
        db: tx,
        values: { allianceId: a.id, studioId: sid, joinedOn: input.foundedOn },
      });
    for (const p of input.partners)
      await repo.insertMember({
        db: tx,
        values: { allianceId: a.id, partnerName: p.name, partnerKind: p.kind, joinedOn: input.foundedOn },
      });
    await repo.rotateLead({ db: tx, allianceId: a.id, studioId: lead, startsOn: input.foundedOn });
    await recordAudit(tx, ctx, {
      action: 'alliances.create',
      entityType: 'alliance',
      entityId: a.id,
      orgId: org.id,
      orgPath: org.path,
      after: { ...a, studioIds: input.studioIds, partners: input.partners, leadStudioId: lead },
    });
    return a.id;
  });
  return getAlliance({ ctx, id });
}

/** Edits name, introduction or lead term (admins over the alliance's org). */
export async function updateAlliance({ ctx, id, input }: { ctx: Ctx; id: number; input: AllianceUpdate }) {
  const { r } = await load(ctx, id, 'manage');
  if (r.a.archivedAt) throw forbidden();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const { version, ...set } = input;
        const updated = await repo.updateAllianceRow({
          db: tx,
          id,
          version,
          set,
          now: ctx.clock.now().toISOString(),
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'alliances.update',
          entityType: 'alliance',
          entityId: id,
          orgId: r.a.orgId,
          orgPath: r.orgPath,
          before: r.a,
          after: updated,
        });
      }),
    () => getAlliance({ ctx, id }),
  );
  return getAlliance({ ctx, id });
}

/** Archives or restores an alliance (admins over its org). */
export async function setAllianceArchived({
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
  const { r } = await load(ctx, id, 'manage');
  if (!!r.a.archivedAt === archived) return getAlliance({ ctx, id });
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const updated = await repo.updateAllianceRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!updated) throw conflict('conflict.stale');
    await recordAudit(tx, ctx, {
      action: archived ? 'alliances.archive' : 'alliances.restore',
      entityType: 'alliance',
      entityId: id,
      orgId: r.a.orgId,
      orgPath: r.orgPath,
      before: { archivedAt: r.a.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getAlliance({ ctx, id });
}

/** The alliances list as an .xlsx, with members (studios and partners) and joint projects on further sheets. */
export async function exportAlliances({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: AllianceListQuery;
}): Promise<Buffer> {
  const { items } = await repo.findAlliances({
    db: ctx.db,
    visible: visibility(ctx),
    query: { ...query, page: 1, pageSize: EXPORT_LIMIT },
  });
  const members: CellValue[][] = [];
  const projects: CellValue[][] = [];
  for (const r of items) {
    for (const m of await repo.listMembers({ db: ctx.db, allianceId: r.a.id }))
      members.push([
        r.a.name,
        m.studioName ?? m.m.partnerName,
        m.m.studioId ? '工作室' : labelOf(partnerKindLabels, m.m.partnerKind),
        m.m.joinedOn,
        m.m.leftOn,
      ]);
    for (const p of await repo.listProjects({ db: ctx.db, allianceId: r.a.id }))
      projects.push([
        r.a.name,
        p.title,
        labelOf(allianceProjectStatusLabels, p.status),
        p.startedOn,
        p.endedOn,
        p.summary,
      ]);
  }
  return buildWorkbook([
    {
      name: '创新联盟',
      headers: [
        '联盟名称',
        '所属组织',
        '成立日期',
        '当前牵头工作室',
        '牵头起始',
        '轮值期（月）',
        '成员工作室数',
        '外部单位数',
        '联合项目数',
      ],
      rows: items.map((r) => [
        r.a.name,
        r.orgName,
        r.a.foundedOn,
        r.leadStudioName,
        r.leadSince,
        r.a.leadTermMonths,
        r.studioCount,
        r.partnerCount,
        r.projectCount,
      ]),
      widths: [28, 20, 12, 24, 12, 10, 12, 10, 10],
    },
    {
      name: '联盟成员',
      headers: ['联盟名称', '成员', '类型', '加入日期', '退出日期'],
      rows: members,
      widths: [28, 28, 10, 12, 12],
    },
    {
      name: '联合项目',
      headers: ['联盟名称', '项目名称', '状态', '开始日期', '结束日期', '简介'],
      rows: projects,
      widths: [28, 30, 8, 12, 12, 40],
    },
  ]);
}
