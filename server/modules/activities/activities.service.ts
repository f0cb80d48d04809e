import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityKind,
  ActivityListQuery,
  ActivityUpdate,
  Participant,
  ParticipantInput,
  ParticipantRole,
} from '../../../common/schemas/activities.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalidFields, withCurrentOnStale } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { isActiveAllianceStudio } from '../alliances/alliances.repository.js';
import { activityErrors } from './activities.errors.js';
import { activityFieldErrors, checkinWindow, defaultRole } from './activities.policy.js';
import * as repo from './activities.repository.js';
import {
  actorMemberships,
  allows,
  assertStudioActive,
  isAdminOver,
  resolvePeople,
  studioAccessFor,
  studioVisibility,
  toIso,
} from './studio-life.access.js';

const studioNotFound = () => new AppError('studios.not_found', 404);

function abilities(ctx: Ctx, memberships: Map<number, string>, r: repo.ActivityJoined) {
  const contribute = allows(ctx, memberships, r.activity.studioId, r.orgPath, 'contribute');
  const manage = allows(ctx, memberships, r.activity.studioId, r.orgPath, 'manage');
  const mine = r.activity.createdBy === ctx.actor.userId;
  return {
    update: contribute && !r.activity.archivedAt,
    archive: (manage || (contribute && mine)) && !r.activity.archivedAt,
    restore: (manage || (contribute && mine)) && !!r.activity.archivedAt,
    checkinQr: contribute,
  };
}

function toActivity(ctx: Ctx, memberships: Map<number, string>, r: repo.ActivityJoined): Activity {
  const a = r.activity;
  return {
    id: a.id,
    studioId: a.studioId,
    studioName: r.studioName,
    kind: a.kind as ActivityKind,
    title: a.title,
    heldOn: a.heldOn,
    place: a.place,
    hours: Number(a.hours),
    outsideCount: a.outsideCount,
    summary: a.summary,
    trainerPersonId: a.trainerPersonId,
    trainerName: r.trainerPersonName ?? a.trainerName,
    allianceId: a.allianceId,
    allianceName: r.allianceName,
    invitedCount: r.invitedCount,
    attendedCount: r.attendedCount,
    archivedAt: toIso(a.archivedAt),
    version: a.version,
    updatedAt: toIso(a.updatedAt),
    abilities: abilities(ctx, memberships, r),
  };
}

function toParticipant(p: repo.ParticipantJoined, activityHours: number): Participant {
  return {
    personId: p.p.personId,
    name: p.name,
    employeeNo: p.employeeNo,
    orgName: p.orgName,
    role: p.p.role as ParticipantRole,
    attendedAt: toIso(p.p.attendedAt),
    checkinMethod: p.p.checkinMethod as 'qr' | 'manual' | null,
    hours: p.p.hours === null ? activityHours : Number(p.p.hours),
    certificate: p.p.certificate,
  };
}

/** Loads an activity with the actor's access to its studio: 404 when invisible, 403 when `need` is missing. */
async function loadActivity(ctx: Ctx, id: number, need: 'read' | 'contribute' | 'manage') {
  const row = await repo.getActivityJoined({ db: ctx.db, id });
  if (!row) throw activityErrors.notFound();
  const access = await studioAccessFor({
    ctx,
    studioId: row.activity.studioId,
    need,
    notFound: activityErrors.notFound,
  });
  return { row, access };
}

/** Finds a page of activities of the studios the actor can see. */
export async function findActivities({ ctx, query }: { ctx: Ctx; query: ActivityListQuery }) {
  const [{ items, total }, memberships] = await Promise.all([
    repo.findActivities({ db: ctx.db, visible: studioVisibility(ctx, 'read'), query }),
    actorMemberships(ctx),
  ]);
  return pageResult(
    items.map((r) => toActivity(ctx, memberships, r)),
    total,
    query,
  );
}

/** One activity with its participants; the check-in link only for contributors. Throws activities.not_found. */
export async function getActivity({ ctx, id }: { ctx: Ctx; id: number }): Promise<ActivityDetail> {
  const { row } = await loadActivity(ctx, id, 'read');
  const memberships = await actorMemberships(ctx);
  const base = toActivity(ctx, memberships, row);
  const parts = await repo.listParticipants({ db: ctx.db, activityIds: [id] });
  const w = checkinWindow(row.activity.heldOn);
  return {
    ...base,
    participants: parts.map((p) => toParticipant(p, base.hours)),
    checkin: base.abilities?.checkinQr
      ? {
          url: checkinUrl(ctx, row.activity.checkinToken),
          opensAt: w.opensAt.toISOString(),
          expiresAt: w.expiresAt.toISOString(),
        }
      : null,
  };
}

export function checkinUrl(ctx: Pick<Ctx, 'config'>, token: string) {
  return `${ctx.config.publicUrl.replace(/\/$/, '')}/checkin/${token}`;
}

type Final = {
  kind: ActivityKind;
  hours: number;
  trainerPersonId: number | null;
  trainerName: string | null;
  allianceId: number | null;
  participants: ParticipantInput[];
};

/** Checks the content rules and that every named person, the trainer and the alliance may be used. */
async function validate(ctx: Ctx, studioId: number, f: Final) {
  const fields = activityFieldErrors(f);
  if (Object.keys(fields).length) throw invalidFields(fields);
  if (f.allianceId && !(await isActiveAllianceStudio({ db: ctx.db, allianceId: f.allianceId, studioId }))) {
    throw invalidFields({ allianceId: '本工作室不是该创新联盟的成员' });
  }
  const refs = f.participants.map((p, i) => ({ personId: p.personId, field: `participants.${i}.personId` }));
  if (f.trainerPersonId) refs.push({ personId: f.trainerPersonId, field: 'trainerPersonId' });
  await resolvePeople({ ctx, studioId, refs });
}

type ExistingParticipant = { personId: number; attendedAt: string | null; checkinMethod: string | null };
function participantRows(f: Final, existing: ExistingParticipant[], now: string) {
  const old = new Map(existing.map((e) => [e.personId, e]));
  return f.participants.map((p) => {
    const e = old.get(p.personId);
    let attendedAt = e?.attendedAt ?? null;
    let checkinMethod = e?.checkinMethod ?? null;
    if (p.attended === false) {
      attendedAt = null;
      checkinMethod = null;
    } else if (p.attended === true && !attendedAt) {
      attendedAt = now;
      checkinMethod = 'manual';
    }
    return {
      personId: p.personId,
      role: p.role ?? defaultRole(f.kind),
      attendedAt,
      checkinMethod,
      hours: p.hours ?? null,
      certificate: p.certificate ?? null,
    };
  });
}

/** Records an activity of a studio the actor contributes to (members, leader, admins). Audited. */
export async function createActivity({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ActivityCreate;
}): Promise<ActivityDetail> {
  const access = await studioAccessFor({
    ctx,
    studioId: input.studioId,
    need: 'contribute',
    notFound: studioNotFound,
  });
  assertStudioActive(access.studio);
  const f: Final = {
    kind: input.kind,
    hours: input.hours,
    trainerPersonId: input.trainerPersonId ?? null,
    trainerName: input.trainerName ?? null,
    allianceId: input.allianceId ?? null,
    participants: input.participants,
  };
  await validate(ctx, input.studioId, f);
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction(async (tx) => {
    const { participants: _p, studioId, ...values } = input;
    const row = await repo.insertActivity({
      db: tx,
      values: {
        ...values,
        studioId,
        place: values.place ?? null,
        summary: values.summary ?? null,
        trainerPersonId: f.trainerPersonId,
        trainerName: f.trainerName,
        allianceId: f.allianceId,
        checkinToken: crypto.randomBytes(24).toString('base64url'),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    const rows = participantRows(f, [], now);
    await repo.replaceParticipants({ db: tx, activityId: row.id, rows });
    const { checkinToken: _t, ...plain } = row;
    await recordAudit(tx, ctx, {
      action: 'activities.create',
      entityType: 'activity',
      entityId: row.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: { ...plain, participants: rows },
    });
    return row.id;
  });
  return getActivity({ ctx, id });
}

/** Edits an activity; `participants`, when given, replaces the list (attendance already taken is kept). 409 when stale. */
export async function updateActivity({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ActivityUpdate;
}): Promise<ActivityDetail> {
  const { row, access } = await loadActivity(ctx, id, 'contribute');
  assertStudioActive(access.studio);
  const a = row.activity;
  if (a.archivedAt) throw forbidden();
  const existing = (await repo.listParticipants({ db: ctx.db, activityIds: [id] })).map((p) => p.p);
  const f: Final = {
    kind: input.kind ?? (a.kind as ActivityKind),
    hours: input.hours ?? Number(a.hours),
    trainerPersonId: input.trainerPersonId !== undefined ? input.trainerPersonId : a.trainerPersonId,
    trainerName: input.trainerName !== undefined ? input.trainerName : a.trainerName,
    allianceId: input.allianceId !== undefined ? input.allianceId : a.allianceId,
    participants:
      input.participants ??
      existing.map((e) => ({
        personId: e.personId,
        role: e.role as ParticipantRole,
        hours: e.hours === null ? null : Number(e.hours),
        certificate: e.certificate,
      })),
  };
  await validate(ctx, a.studioId, f);
  const now = ctx.clock.now().toISOString();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const { version, participants, ...set } = input;
        const updated = await repo.updateActivityRow({ db: tx, id, version, set, now });
        if (!updated) throw conflict('conflict.stale');
        let after: unknown = updated;
        if (participants) {
          const rows = participantRows(f, existing, now);
          await repo.replaceParticipants({ db: tx, activityId: id, rows });
          after = { ...updated, participants: rows };
        }
        const strip = (x: object) => ({ ...x, checkinToken: undefined });
        await recordAudit(tx, ctx, {
          action: 'activities.update',
          entityType: 'activity',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: participants ? { ...strip(a), participants: existing } : strip(a),
          after: strip(after as object),
        });
      }),
    () => getActivity({ ctx, id }),
  );
  return getActivity({ ctx, id });
}

/** Archives (soft-deletes) or restores an activity: the studio's leader, an admin, or whoever recorded it. */
export async function setActivityArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}): Promise<ActivityDetail> {
  const { row, access } = await loadActivity(ctx, id, 'contribute');
  const mayManage = access.memberRole === 'leader' || isAdminOver(ctx.actor, access.orgPath);
  if (!mayManage && row.activity.createdBy !== ctx.actor.userId) throw forbidden();
  if (!!row.activity.archivedAt === archived) return getActivity({ ctx, id });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateActivityRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!updated) throw conflict('conflict.stale');
    await recordAudit(tx, ctx, {
      action: archived ? 'activities.archive' : 'activities.restore',
      entityType: 'activity',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: { archivedAt: row.activity.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getActivity({ ctx, id });
}

/** PNG QR code of the activity's check-in link, for contributors of its studio. */
export async function getCheckinQr({ ctx, id }: { ctx: Ctx; id: number }): Promise<Buffer> {
  const { row } = await loadActivity(ctx, id, 'contribute');
  return QRCode.toBuffer(checkinUrl(ctx, row.activity.checkinToken), { type: 'png', width: 480, margin: 2 });
}
