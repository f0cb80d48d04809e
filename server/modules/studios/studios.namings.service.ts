import { and, eq } from 'drizzle-orm';
import type { NamingLevel } from '../../../common/enums.js';
import type { Naming, NamingCreate, NamingUpdate } from '../../../common/schemas/studios.js';
import { can } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, invalidFields, mapUniqueViolation } from '../../core/errors.js';
import { getStudioAccess } from './studios.access.js';
import { studioErrors } from './studios.errors.js';
import { localToday } from './studios.health.js';
import * as repo from './studios.repository.js';
import { toNaming } from './studios.service.js';
import { studioNamings } from './studios.table.js';

const plaqueKey = { studio_namings_plaque_key: studioErrors.plaqueTaken };

/**
 * Writes a naming (命名) into a studio's history inside the caller's transaction: inserts the entry,
 * recomputes the studio's current level (highest unrevoked, by the order of `namingLevels`), names a
 * cultivating studio, and audits. The naming workflow calls this when an application is approved;
 * permission checks are the caller's. Throws studios.plaque_taken (409) for a plaque number in use.
 */
export async function recordNaming({
  db,
  ctx,
  studioId,
  orgPath,
  naming,
}: {
  db: Db;
  ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>;
  studioId: number;
  orgPath: string;
  naming: {
    level: NamingLevel;
    namingBody: string;
    namedOn: string;
    plaqueNo?: string | null;
    applicationId?: number | null;
    note?: string | null;
  };
}): Promise<Naming> {
  const now = ctx.clock.now().toISOString();
  const [row] = await db
    .insert(studioNamings)
    .values({
      studioId,
      level: naming.level,
      namingBody: naming.namingBody,
      namedOn: naming.namedOn,
      plaqueNo: naming.plaqueNo || null,
      applicationId: naming.applicationId ?? null,
      note: naming.note ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .catch((e) => mapUniqueViolation(e, plaqueKey));
  const studio = await repo.refreshStudioLevel({ db, studioId, now });
  await recordAudit(db, ctx, {
    action: 'studios.naming_add',
    entityType: 'studio',
    entityId: studioId,
    orgId: studio.hostOrgId,
    orgPath,
    after: { naming: row, currentLevel: studio.currentLevel, status: studio.status },
  });
  return toNaming(row!);
}

async function namingAccess(ctx: Ctx, studioId: number) {
  const access = await getStudioAccess({ ctx, id: studioId, need: 'read' });
  if (!can(ctx.actor, 'studios.namings', access.orgPath)) throw forbidden();
  if (access.studio.archivedAt) throw studioErrors.inactive();
  return access;
}

function checkDates(
  ctx: Ctx,
  d: { namedOn?: string; revokedOn?: string | null },
  namedOn: string | undefined,
) {
  const today = localToday(ctx.clock);
  const fields: Record<string, string> = {};
  if (d.namedOn && d.namedOn > today) fields.namedOn = '命名日期不能晚于今天';
  if (d.revokedOn && d.revokedOn > today) fields.revokedOn = '撤销日期不能晚于今天';
  if (d.revokedOn && namedOn && d.revokedOn < namedOn) fields.revokedOn = '撤销日期不能早于命名日期';
  if (Object.keys(fields).length) throw invalidFields(fields);
}

/** Adds a naming entry by hand (a naming from before the platform, or by an outside body). Group admins only. */
export async function addNaming({
  ctx,
  studioId,
  input,
}: {
  ctx: Ctx;
  studioId: number;
  input: NamingCreate;
}): Promise<Naming> {
  const access = await namingAccess(ctx, studioId);
  checkDates(ctx, input, input.namedOn);
  return ctx.db.transaction((tx) =>
    recordNaming({ db: tx, ctx, studioId, orgPath: access.orgPath, naming: input }),
  );
}

async function namingRow(db: Db, studioId: number, namingId: number) {
  const [row] = await db
    .select()
    .from(studioNamings)
    .where(and(eq(studioNamings.id, namingId), eq(studioNamings.studioId, studioId)));
  if (!row || row.archivedAt) throw studioErrors.namingNotFound();
  return row;
}

/**
 * Edits or revokes (revokedOn) a naming entry, or soft-deletes one entered by mistake (`archive`); the
 * studio's current level follows. Group admins only; 409 on a stale version. Audited.
 */
export async function changeNaming({
  ctx,
  studioId,
  namingId,
  input,
  archive = false,
}: {
  ctx: Ctx;
  studioId: number;
  namingId: number;
  input: NamingUpdate;
  archive?: boolean;
}): Promise<Naming> {
  const access = await namingAccess(ctx, studioId);
  const before = await namingRow(ctx.db, studioId, namingId);
  const { version, ...set } = input;
  checkDates(ctx, set, set.namedOn ?? before.namedOn);
  const now = ctx.clock.now().toISOString();
  const after = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(studioNamings)
      .set({
        ...set,
        ...(set.plaqueNo !== undefined ? { plaqueNo: set.plaqueNo || null } : {}),
        ...(archive ? { archivedAt: now } : {}),
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(studioNamings.id, namingId), eq(studioNamings.version, version)))
      .returning()
      .catch((e) => mapUniqueViolation(e, plaqueKey));
    if (!row) return null;
    const studio = await repo.refreshStudioLevel({ db: tx, studioId, now });
    await recordAudit(tx, ctx, {
      action: archive ? 'studios.naming_delete' : 'studios.naming_update',
      entityType: 'studio',
      entityId: studioId,
      orgId: studio.hostOrgId,
      orgPath: access.orgPath,
      before: { naming: before },
      after: { naming: row, currentLevel: studio.currentLevel, status: studio.status },
    });
    return row;
  });
  if (!after)
    throw conflict('conflict.stale', { current: toNaming(await namingRow(ctx.db, studioId, namingId)) });
  return toNaming(after);
}
