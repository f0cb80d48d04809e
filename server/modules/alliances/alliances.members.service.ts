import type {
  AllianceMemberAdd,
  AllianceProjectCreate,
  AllianceProjectUpdate,
  AllianceRotateLead,
} from '../../../common/schemas/alliances.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalidFields, mapUniqueViolation } from '../../core/errors.js';
import { allianceErrors } from './alliances.errors.js';
import { nextLead } from './alliances.policy.js';
import * as repo from './alliances.repository.js';
import { checkStudios, getAlliance, load, toAlliance } from './alliances.service.js';

/** Adds a member studio (below the alliance's org) or an outside partner. */
export async function addAllianceMember({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: AllianceMemberAdd;
}) {
  const { r } = await load(ctx, id, 'manage');
  if (r.a.archivedAt) throw forbidden();
  if (input.studioId) await checkStudios(ctx, r.orgPath, [{ id: input.studioId, field: 'studioId' }]);
  if (input.joinedOn < r.a.foundedOn) throw invalidFields({ joinedOn: '加入日期不能早于联盟成立日期' });
  await ctx.db.transaction(async (tx) => {
    const m = await repo
      .insertMember({
        db: tx,
        values: {
          allianceId: id,
          studioId: input.studioId ?? null,
          partnerName: input.studioId ? null : (input.partnerName ?? null),
          partnerKind: input.studioId ? null : (input.partnerKind ?? 'other'),
          joinedOn: input.joinedOn,
        },
      })
      .catch((e) =>
        mapUniqueViolation(e, { alliance_members_active_studio_key: allianceErrors.memberExists }),
      );
    await recordAudit(tx, ctx, {
      action: 'alliances.member_add',
      entityType: 'alliance',
      entityId: id,
      orgId: r.a.orgId,
      orgPath: r.orgPath,
      after: m,
    });
  });
  return getAlliance({ ctx, id });
}

/** Records a member leaving. The current lead cannot leave (rotate first). */
export async function removeAllianceMember({
  ctx,
  id,
  memberId,
  leftOn,
}: {
  ctx: Ctx;
  id: number;
  memberId: number;
  leftOn: string;
}) {
  const { r } = await load(ctx, id, 'manage');
  const members = await repo.listMembers({ db: ctx.db, allianceId: id });
  const m = members.find((x) => x.m.id === memberId && x.m.leftOn === null);
  if (!m) throw new AppError('alliances.not_found', 404);
  if (m.m.studioId !== null && m.m.studioId === r.leadStudioId) throw allianceErrors.leadCannotLeave();
  if (leftOn < m.m.joinedOn) throw invalidFields({ leftOn: '退出日期不能早于加入日期' });
  await ctx.db.transaction(async (tx) => {
    const closed = await repo.closeMember({ db: tx, id: memberId, leftOn });
    await recordAudit(tx, ctx, {
      action: 'alliances.member_leave',
      entityType: 'alliance',
      entityId: id,
      orgId: r.a.orgId,
      orgPath: r.orgPath,
      before: m.m,
      after: closed,
    });
  });
  return getAlliance({ ctx, id });
}

/** Hands the lead to `studioId` or to the next member studio in joining order; closes the current term. */
export async function rotateAllianceLead({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: AllianceRotateLead;
}) {
  const { r, memberships } = await load(ctx, id, 'manage');
  if (r.a.archivedAt) throw forbidden();
  const members = (await repo.listMembers({ db: ctx.db, allianceId: id })).filter(
    (m) => m.m.studioId !== null && m.m.leftOn === null,
  );
  const ids = members.map((m) => m.m.studioId!);
  let target = input.studioId ?? null;
  if (target === null) {
    target = nextLead(ids, r.leadStudioId);
    if (target === null) throw allianceErrors.noNextLead();
  } else if (!ids.includes(target)) throw invalidFields({ studioId: '接任牵头的须是联盟在册成员工作室' });
  else if (target === r.leadStudioId) throw invalidFields({ studioId: '该工作室已是当前牵头单位' });
  if (r.leadSince && input.startsOn < r.leadSince)
    throw invalidFields({ startsOn: '轮换日期不能早于当前牵头开始日期' });
  const to = target;
  await ctx.db.transaction(async (tx) => {
    const bumped = await repo.updateAllianceRow({
      db: tx,
      id,
      version: input.version,
      set: {},
      now: ctx.clock.now().toISOString(),
    });
    if (!bumped) throw conflict('conflict.stale', { current: toAlliance(ctx, memberships, r) });
    const term = await repo.rotateLead({ db: tx, allianceId: id, studioId: to, startsOn: input.startsOn });
    await recordAudit(tx, ctx, {
      action: 'alliances.rotate_lead',
      entityType: 'alliance',
      entityId: id,
      orgId: r.a.orgId,
      orgPath: r.orgPath,
      before: { leadStudioId: r.leadStudioId, since: r.leadSince },
      after: term,
    });
  });
  return getAlliance({ ctx, id });
}

async function checkProjectStudios(
  ctx: Ctx,
  allianceId: number,
  lead: number | undefined,
  others: number[] | undefined,
) {
  const members = (await repo.listMembers({ db: ctx.db, allianceId })).filter(
    (m) => m.m.studioId !== null && m.m.leftOn === null,
  );
  const ids = new Set(members.map((m) => m.m.studioId!));
  const fields: Record<string, string> = {};
  if (lead !== undefined && !ids.has(lead)) fields.leadStudioId = '牵头工作室须是联盟在册成员';
  (others ?? []).forEach((sid, i) => {
    if (!ids.has(sid)) fields[`studioIds.${i}`] = '参与工作室须是联盟在册成员';
  });
  if (Object.keys(fields).length) throw invalidFields(fields);
}

/** Adds a joint project (admins, or the leader of the current lead studio). */
export async function createAllianceProject({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: AllianceProjectCreate;
}) {
  const { r } = await load(ctx, id, 'projects');
  await checkProjectStudios(ctx, id, input.leadStudioId, input.studioIds);
  if (input.endedOn && input.endedOn < input.startedOn)
    throw invalidFields({ endedOn: '结束日期不能早于开始日期' });
  await ctx.db.transaction(async (tx) => {
    const p = await repo.insertProject({
      db: tx,
      values: {
        ...input,
        allianceId: id,
        endedOn: input.endedOn ?? null,
        summary: input.summary ?? null,
        projectId: input.projectId ?? null,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'alliances.project_create',
      entityType: 'alliance',
      entityId: id,
      orgId: r.a.orgId,
      orgPath: r.orgPath,
      after: p,
    });
  });
  return getAlliance({ ctx, id });
}

/** Edits a joint project; 409 on a stale version. */
export async function updateAllianceProject({
  ctx,
  id,
  projectId,
  input,
}: {
  ctx: Ctx;
  id: number;
  projectId: number;
  input: AllianceProjectUpdate;
}) {
  const { r } = await load(ctx, id, 'projects');
  const before = await repo.getProject({ db: ctx.db, allianceId: id, id: projectId });
  if (!before) throw allianceErrors.notFound();
  await checkProjectStudios(ctx, id, input.leadStudioId, input.studioIds);
  const started = input.startedOn ?? before.startedOn;
  const ended = input.endedOn !== undefined ? input.endedOn : before.endedOn;
  if (ended && ended < started) throw invalidFields({ endedOn: '结束日期不能早于开始日期' });
  await ctx.db.transaction(async (tx) => {
    const { version, ...set } = input;
    const p = await repo.updateProjectRow({
      db: tx,
      id: projectId,
      version,
      set,
      now: ctx.clock.now().toISOString(),
    });
    if (!p) throw conflict('conflict.stale');
    await recordAudit(tx, ctx, {
      action: 'alliances.project_update',
      entityType: 'alliance',
      entityId: id,
      orgId: r.a.orgId,
      orgPath: r.orgPath,
      before,
      after: p,
    });
  });
  return getAlliance({ ctx, id });
}
