import { and, eq, isNull } from 'drizzle-orm';
import {
  type NamingLevel,
  namingLevelLabels,
  type StudioStatus,
  type StudioType,
  studioStatusLabels,
  studioTypeLabels,
} from '../../../common/enums.js';
import {
  type Naming,
  type Studio,
  type StudioCreate,
  type StudioListItem,
  type StudioListQuery,
  type StudioUpdate,
  studioCoreFields,
} from '../../../common/schemas/studios.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, invalidFields } from '../../core/errors.js';
import { buildWorkbook } from '../../core/excel.js';
import { pageResult } from '../../core/pagination.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { getStudioAccess, studioAllows } from './studios.access.js';
import { studioErrors } from './studios.errors.js';
import { healthFrom, localToday } from './studios.health.js';
import { studioAbilities, studioIsActive } from './studios.policy.js';
import * as repo from './studios.repository.js';
import { studioMembers } from './studios.table.js';

export function toNaming(r: repo.NamingJson): Naming {
  return {
    id: r.id,
    studioId: r.studioId,
    level: r.level as NamingLevel,
    namingBody: r.namingBody,
    namedOn: r.namedOn,
    plaqueNo: r.plaqueNo,
    applicationId: r.applicationId,
    revokedOn: r.revokedOn,
    revokeReason: r.revokeReason,
    note: r.note,
    version: r.version,
  };
}

export function toListItem(r: repo.StudioListRow): StudioListItem {
  const s = r.studio;
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    type: s.type as StudioType,
    hostOrgId: s.hostOrgId,
    hostOrgName: r.hostOrgName,
    enterpriseName: r.enterpriseName,
    leaderPersonId: s.leaderPersonId,
    leaderName: r.leaderName,
    field: s.field,
    foundedOn: s.foundedOn,
    status: s.status as StudioStatus,
    currentLevel: s.currentLevel as NamingLevel | null,
    memberCount: r.memberCount,
    archivedAt: s.archivedAt,
    version: s.version,
    createdAt: s.createdAt,
  };
}

/**
 * Gets a studio with its abilities, naming history and health, in one statement; studios.not_found (404) when
 * invisible (the same rule as getStudioAccess with need 'read').
 */
export async function getStudio({ ctx, id }: { ctx: Ctx; id: number }): Promise<Studio> {
  const r = await repo.findStudioView({ db: ctx.db, id, personId: ctx.actor.personId });
  if (!r || !studioAllows(ctx.actor, 'read', r.hostOrgPath, r.memberRole)) {
    throw studioErrors.notFound();
  }
  const s = r.studio;
  return {
    ...toListItem(r),
    slogan: s.slogan,
    intro: s.intro,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    siteArea: s.siteArea,
    equipment: s.equipment,
    mergedIntoId: s.mergedIntoId,
    leaderHonours: r.leaderHonours ?? [],
    namings: r.namings.map(toNaming),
    health: healthFrom({ today: localToday(ctx.clock), studio: s, signals: r.signals }),
    updatedAt: s.updatedAt,
    abilities: studioAbilities(ctx.actor, { ...s, orgPath: r.hostOrgPath }, r.memberRole),
  };
}

/** A filtered page of the studios the actor may see. */
export async function findStudios({ ctx, query }: { ctx: Ctx; query: StudioListQuery }) {
  const { items, total } = await repo.findStudios({ db: ctx.db, actor: ctx.actor, query });
  return pageResult(items.map(toListItem), total, query);
}

/** Most rows an export writes; larger lists should be filtered first. */
export const EXPORT_LIMIT = 20_000;

/** The filtered studio list as an .xlsx with Chinese headers (no paging, up to EXPORT_LIMIT rows). */
export async function exportStudios({ ctx, query }: { ctx: Ctx; query: StudioListQuery }): Promise<Buffer> {
  const rows = await repo.listStudios({ db: ctx.db, actor: ctx.actor, query, limit: EXPORT_LIMIT });
  const headers = [
    '档案编号',
    '工作室名称',
    '类型',
    '依托单位',
    '所属企业',
    '领衔人',
    '专业领域',
    '成立日期',
    '状态',
    '命名级别',
    '成员人数',
    '联系人',
    '联系电话',
    '场地面积（㎡）',
    '创建日期',
  ];
  return buildWorkbook([
    {
      name: '创新工作室',
      headers,
      widths: [18, 30, 18, 20, 24, 10, 16, 12, 10, 10, 10, 10, 16, 14, 12],
      rows: rows.map((r) => {
        const s = r.studio;
        return [
          s.code,
          s.name,
          studioTypeLabels[s.type as StudioType]?.zh ?? s.type,
          r.hostOrgName,
          r.enterpriseName,
          r.leaderName,
          s.field,
          s.foundedOn,
          studioStatusLabels[s.status as StudioStatus]?.zh ?? s.status,
          s.currentLevel ? (namingLevelLabels[s.currentLevel as NamingLevel]?.zh ?? s.currentLevel) : null,
          r.memberCount,
          s.contactName,
          s.contactPhone,
          s.siteArea,
          s.createdAt.slice(0, 10),
        ];
      }),
    },
  ]);
}

/** A host org the actor may create studios under: 404 when invisible or archived, 403 without studios.create. */
async function hostOrgFor(ctx: Ctx, orgId: number) {
  const org = await findOrgInScope({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), id: orgId });
  if (!org || org.archivedAt) throw studioErrors.hostOrgNotFound();
  if (!can(ctx.actor, 'studios.create', org.path)) throw forbidden();
  return org;
}

/**
 * A person the actor may name in a studio (leader, member): active, and inside their people.read scope
 * (or themself). Anyone else is a field error worded so it never reveals who exists.
 */
export async function visiblePerson(ctx: Ctx, personId: number, field: string) {
  const scope = scopeOf(ctx.actor, 'people.read');
  const [row] = await ctx.db
    .select({ id: people.id, name: people.name, orgPath: orgs.path })
    .from(people)
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(and(eq(people.id, personId), isNull(people.archivedAt)));
  if (!row || (row.id !== ctx.actor.personId && !scope.some((p) => row.orgPath.startsWith(p)))) {
    throw studioErrors.personInvalid(field);
  }
  return row;
}

function checkNotFuture(ctx: Ctx, fields: Record<string, string | null | undefined>) {
  const today = localToday(ctx.clock);
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v && v > today) errors[k] = '日期不能晚于今天';
  if (Object.keys(errors).length) throw invalidFields(errors);
}

/**
 * Creates a studio under a host org where the actor holds studios.create. Assigns the archive number
 * GZS-<year>-<nnnn>; with a leader, opens the leader's membership. Audited.
 */
export async function createStudio({ ctx, input }: { ctx: Ctx; input: StudioCreate }): Promise<Studio> {
  const org = await hostOrgFor(ctx, input.hostOrgId);
  checkNotFuture(ctx, { foundedOn: input.foundedOn });
  const leader = input.leaderPersonId
    ? await visiblePerson(ctx, input.leaderPersonId, 'leaderPersonId')
    : null;
  const today = localToday(ctx.clock);
  const now = ctx.clock.now().toISOString();
  const { leaderPersonId: _l, ...fields } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const code = await repo.nextStudioCode({ db: tx, year: Number(today.slice(0, 4)) });
    const row = await repo.insertStudio({
      db: tx,
      values: { ...fields, code, leaderPersonId: leader?.id ?? null, createdAt: now, updatedAt: now },
    });
    if (leader) {
      await tx
        .insert(studioMembers)
        .values({ studioId: row.id, personId: leader.id, role: 'leader', joinedOn: row.foundedOn ?? today });
    }
    await recordAudit(tx, ctx, {
      action: 'studios.create',
      entityType: 'studio',
      entityId: row.id,
      orgId: org.id,
      orgPath: org.path,
      after: row,
    });
    return row.id;
  });
  return getStudio({ ctx, id });
}

/**
 * Edits a studio. Its leader may change the profile (field, slogan, intro, contacts, site, equipment); only
 * an admin over the host org may change name, type, host org or founding date (403 otherwise). A stale
 * `version` gets conflict.stale (409) with the current record, and nothing is saved. Audited.
 */
export async function updateStudio({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: StudioUpdate;
}): Promise<Studio> {
  const access = await getStudioAccess({ ctx, id, need: 'manage' });
  const before = access.studio;
  if (before.archivedAt) throw studioErrors.inactive();
  const { version, ...set } = input;
  const changesCore = studioCoreFields.some((k) => set[k] !== undefined && set[k] !== before[k]);
  if (changesCore && !can(ctx.actor, 'studios.create', access.orgPath)) throw forbidden();
  const newOrg =
    set.hostOrgId !== undefined && set.hostOrgId !== before.hostOrgId
      ? await hostOrgFor(ctx, set.hostOrgId)
      : null;
  checkNotFuture(ctx, { foundedOn: set.foundedOn });
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateStudioRow({ db: tx, id, version, set, now: ctx.clock.now().toISOString() });
    if (!row) return false;
    await recordAudit(tx, ctx, {
      action: 'studios.update',
      entityType: 'studio',
      entityId: id,
      orgId: row.hostOrgId,
      orgPath: newOrg?.path ?? access.orgPath,
      before,
      after: row,
    });
    return true;
  });
  // The current record is read after the (empty) transaction: PGlite has one connection.
  if (!saved) throw conflict('conflict.stale', { current: await getStudio({ ctx, id }) });
  return getStudio({ ctx, id });
}

/** Archives (soft-deletes) or restores a studio; admins over the host org only. 409 on a stale version. */
export async function setStudioArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}): Promise<Studio> {
  const access = await getStudioAccess({ ctx, id, need: 'read' });
  if (!can(ctx.actor, 'studios.create', access.orgPath)) throw forbidden();
  const before = access.studio;
  const saved = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const row = await repo.updateStudioRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!row) return false;
    await recordAudit(tx, ctx, {
      action: archived ? 'studios.archive' : 'studios.restore',
      entityType: 'studio',
      entityId: id,
      orgId: row.hostOrgId,
      orgPath: access.orgPath,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: row.archivedAt },
    });
    return true;
  });
  if (!saved) throw conflict('conflict.stale', { current: await getStudio({ ctx, id }) });
  return getStudio({ ctx, id });
}

/** Refuses changes to a studio that is archived, revoked or merged (studios.inactive). */
export function assertActive(studio: { archivedAt: string | null; status: string }) {
  if (!studioIsActive(studio)) throw studioErrors.inactive();
}
