import { and, eq, isNull, sql } from 'drizzle-orm';
import type { StudioStatus } from '../../../common/enums.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { refreshStudioLevel } from '../studios/studios.repository.js';
import { studioNamings, studios } from '../studios/studios.table.js';

type Studio = typeof studios.$inferSelect;

/** Sets a studio's status (整改中, back to 已命名…) inside the caller's transaction, audited on the studio. */
export async function setStudioStatus({
  db,
  ctx,
  studio,
  orgPath,
  status,
  cause,
}: {
  db: Db;
  ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>;
  studio: Studio;
  orgPath: string;
  status: StudioStatus;
  /** What caused it, for the audit record (e.g. { assessmentId }). */
  cause: Record<string, unknown>;
}) {
  if (studio.status === status) return;
  const now = ctx.clock.now().toISOString();
  await db
    .update(studios)
    .set({ status, updatedAt: now, version: sql`${studios.version} + 1` })
    .where(eq(studios.id, studio.id));
  await recordAudit(db, ctx, {
    action: 'studios.status',
    entityType: 'studio',
    entityId: studio.id,
    orgId: studio.hostOrgId,
    orgPath,
    before: { status: studio.status },
    after: { status, ...cause },
  });
}

/**
 * Revokes a studio (摘牌) inside the caller's transaction: status 已摘牌 (or 已合并 with `mergedIntoId`), every
 * naming still held marked revoked on `on` with the reason (the history stays), current level cleared. Audited.
 */
export async function revokeStudio({
  db,
  ctx,
  studio,
  orgPath,
  reason,
  on,
  mergedIntoId,
  cause,
}: {
  db: Db;
  ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>;
  studio: Studio;
  orgPath: string;
  reason: string;
  on: string;
  mergedIntoId?: number;
  cause: Record<string, unknown>;
}) {
  const now = ctx.clock.now().toISOString();
  const status: StudioStatus = mergedIntoId ? 'merged' : 'revoked';
  await db
    .update(studios)
    .set({ status, mergedIntoId: mergedIntoId ?? null, updatedAt: now, version: sql`${studios.version} + 1` })
    .where(eq(studios.id, studio.id));
  const revoked = await db
    .update(studioNamings)
    .set({ revokedOn: on, revokeReason: reason, updatedAt: now })
    .where(
      and(
        eq(studioNamings.studioId, studio.id),
        isNull(studioNamings.revokedOn),
        isNull(studioNamings.archivedAt),
      ),
    )
    .returning({ id: studioNamings.id, level: studioNamings.level, plaqueNo: studioNamings.plaqueNo });
  await refreshStudioLevel({ db, studioId: studio.id, now });
  await recordAudit(db, ctx, {
    action: mergedIntoId ? 'studios.merged' : 'studios.revoked',
    entityType: 'studio',
    entityId: studio.id,
    orgId: studio.hostOrgId,
    orgPath,
    before: { status: studio.status, currentLevel: studio.currentLevel },
    after: { status, mergedIntoId: mergedIntoId ?? null, reason, revokedOn: on, namings: revoked, ...cause },
  });
}
