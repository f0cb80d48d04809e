import type { ActivityKind, CheckinInfo, CheckinResult } from '../../../common/schemas/activities.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { activityErrors } from './activities.errors.js';
import { checkinState, checkinWindow, defaultRole } from './activities.policy.js';
import * as repo from './activities.repository.js';
import { toIso } from './studio-life.access.js';

/**
 * QR attendance. The token in the QR code is a capability: whoever holds it learns the activity's title,
 * nothing more. Who may check in (decided here, documented in the README of the module's report):
 * people who are active members of the activity's studio, and people on the activity's participant list
 * (invited, e.g. trainees from other workshops). Anyone else gets activities.checkin_not_allowed (403).
 * The window opens at the start of the activity day and closes at its end plus a grace period
 * (see activities.policy.ts), measured with the injected clock.
 */
async function load(ctx: Ctx, token: string) {
  const row = await repo.findActivityByToken({ db: ctx.db, token });
  if (!row || row.activity.archivedAt) throw activityErrors.checkinInvalid();
  const personId = ctx.actor.personId;
  const existing = personId
    ? await repo.findParticipant({ db: ctx.db, activityId: row.activity.id, personId })
    : null;
  const member = personId
    ? await repo.isStudioMember({ db: ctx.db, studioId: row.activity.studioId, personId })
    : false;
  return { row, personId, existing, eligible: member || existing !== null };
}

/** What the check-in page shows: the activity, whether the window is open and whether the caller may check in. */
export async function getCheckinInfo({ ctx, token }: { ctx: Ctx; token: string }): Promise<CheckinInfo> {
  const { row, existing, eligible } = await load(ctx, token);
  const a = row.activity;
  const w = checkinWindow(a.heldOn);
  return {
    activityId: a.id,
    title: a.title,
    kind: a.kind as ActivityKind,
    studioName: row.studioName,
    heldOn: a.heldOn,
    place: a.place,
    opensAt: w.opensAt.toISOString(),
    expiresAt: w.expiresAt.toISOString(),
    state: checkinState(ctx.clock.now(), a.heldOn),
    eligible,
    attendedAt: toIso(existing?.attendedAt ?? null),
  };
}

/**
 * Records the caller's attendance once. Checking in again answers `already: true` and changes nothing, also
 * when two check-ins of the same person arrive at once (a phone's offline outbox resending with the same
 * `clientKey`, its Idempotency-Key, or two tabs): one attendance, one audit record.
 * Throws activities.checkin_invalid (404), checkin_not_open / checkin_expired (400),
 * checkin_no_person (400) and checkin_not_allowed (403).
 */
export async function checkIn({
  ctx,
  token,
  clientKey,
}: {
  ctx: Ctx;
  token: string;
  clientKey?: string;
}): Promise<CheckinResult> {
  const { row, personId, existing, eligible } = await load(ctx, token);
  const a = row.activity;
  if (!personId) throw activityErrors.checkinNoPerson();
  const already = (attendedAt: string) => ({
    activityId: a.id,
    title: a.title,
    attendedAt: toIso(attendedAt),
    already: true,
  });
  if (existing?.attendedAt) return already(existing.attendedAt);
  const now = ctx.clock.now();
  const state = checkinState(now, a.heldOn);
  const w = checkinWindow(a.heldOn);
  if (state === 'notOpen') throw activityErrors.checkinNotOpen(w.opensAt.toISOString());
  if (state === 'expired') throw activityErrors.checkinExpired(w.expiresAt.toISOString());
  if (!eligible) throw activityErrors.checkinNotAllowed();
  const result = await ctx.db.transaction(async (tx) => {
    const saved = await repo.upsertAttendance({
      db: tx,
      activityId: a.id,
      personId,
      role: existing?.role ?? defaultRole(a.kind as ActivityKind),
      at: now.toISOString(),
    });
    // another request of this person checked in between our read and this write: nothing to record
    if (!saved) return null;
    await recordAudit(tx, ctx, {
      action: 'activities.checkin',
      entityType: 'activity',
      entityId: a.id,
      orgPath: row.orgPath,
      before: existing ? { personId, attendedAt: null } : null,
      after: { personId, attendedAt: saved.attendedAt, method: 'qr', ...(clientKey ? { clientKey } : {}) },
    });
    return { activityId: a.id, title: a.title, attendedAt: toIso(saved.attendedAt!), already: false };
  });
  if (result) return result;
  const first = await repo.findParticipant({ db: ctx.db, activityId: a.id, personId });
  return already(first?.attendedAt ?? now.toISOString());
}
