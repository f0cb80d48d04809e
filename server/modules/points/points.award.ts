import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { notify } from '../notifications/notifications.service.js';
import { userIdOfPerson } from '../notifications/recipients.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';
import { pointEntries, pointRules } from './points.table.js';

export type PointEntryRow = typeof pointEntries.$inferSelect;

/**
 * Credits points for an event by the rule the group admin set for it — the one hook other modules call
 * (results, patents, training, mentoring…), e.g.
 * `awardPoints({ db: tx, ctx, personId, event: 'result.recognised', cause: { type: 'result', id } })`.
 *
 * - Exactly one of `personId` / `studioId`, matching the rule's subject (a mismatch is a programming error and throws).
 * - No rule, an inactive rule or a zero rule → nothing is written, returns null.
 * - Idempotent per (event, cause, subject): awarding again for the same cause returns null and writes nothing.
 * - The entry keeps the rule's version and the subject's org at the time (for leaderboards by enterprise);
 *   it is audited and the person is notified. Call it with the transaction of the step that earned it.
 */
export async function awardPoints({
  db,
  ctx,
  personId,
  studioId,
  event,
  cause,
  note,
  now,
}: {
  db: Db;
  ctx?: Ctx | null;
  personId?: number | null;
  studioId?: number | null;
  event: string;
  cause: { type: string; id: number };
  note?: string | null;
  /** When no ctx is given (jobs): the time to record; defaults to now. */
  now?: Date;
}): Promise<PointEntryRow | null> {
  const [rule] = await db.select().from(pointRules).where(eq(pointRules.event, event));
  if (!rule?.active || rule.points === 0) return null;
  const subject = personId ? 'person' : studioId ? 'studio' : null;
  if (!subject || (personId && studioId))
    throw new Error('awardPoints needs exactly one of personId or studioId');
  if (subject !== rule.subject)
    throw new Error(`points rule ${event} credits a ${rule.subject}, not a ${subject}`);
  const [owner] = personId
    ? await db
        .select({ orgId: orgs.id, orgPath: orgs.path, name: people.name })
        .from(people)
        .innerJoin(orgs, eq(orgs.id, people.orgId))
        .where(eq(people.id, personId))
    : await db
        .select({ orgId: orgs.id, orgPath: orgs.path, name: studios.name })
        .from(studios)
        .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
        .where(eq(studios.id, studioId!));
  if (!owner) throw new Error(`awardPoints: ${subject} ${personId ?? studioId} not found`);
  const at = ctx?.clock.now() ?? now ?? new Date();
  const [entry] = await db
    .insert(pointEntries)
    .values({
      personId: personId ?? null,
      studioId: studioId ?? null,
      orgId: owner.orgId,
      orgPath: owner.orgPath,
      event,
      points: rule.points,
      ruleId: rule.id,
      ruleVersion: rule.version,
      causeType: cause.type,
      causeId: cause.id,
      note: note ?? null,
      createdBy: ctx?.actor.userId ?? null,
      createdAt: at.toISOString(),
    })
    .onConflictDoNothing()
    .returning();
  if (!entry) return null;
  await recordAudit(db, ctx ?? null, {
    action: 'points.award',
    entityType: 'point_entry',
    entityId: entry.id,
    orgId: owner.orgId,
    orgPath: owner.orgPath,
    after: entry,
  });
  if (personId) {
    const userId = await userIdOfPerson({ db, personId });
    if (userId)
      await notify({
        db,
        userIds: [userId],
        kind: 'points.awarded',
        title: `积分 +${rule.points}：${rule.label}`,
        body: note ?? null,
        link: '/points',
        now: at,
      });
  }
  return entry;
}

/** Whether an entry for this event and cause exists already (for callers that show "already credited"). */
export async function hasPoints({
  db,
  event,
  cause,
}: {
  db: Db;
  event: string;
  cause: { type: string; id: number };
}) {
  const [r] = await db
    .select({ id: pointEntries.id })
    .from(pointEntries)
    .where(
      and(
        eq(pointEntries.event, event),
        eq(pointEntries.causeType, cause.type),
        eq(pointEntries.causeId, cause.id),
      ),
    )
    .limit(1);
  return r !== undefined;
}
