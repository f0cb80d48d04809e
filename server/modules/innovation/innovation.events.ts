import { and, asc, eq, sql } from 'drizzle-orm';
import type { WorkflowEvent } from '../../../common/schemas/projects.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { innovationCounters, innovationEvents } from './innovation.table.js';

/**
 * The next archive number for `prefix` in `year`, e.g. CG-2026-00012. The counter row is incremented
 * atomically inside the caller's transaction, so concurrent creations never share a number.
 */
export async function nextArchiveNo({
  db,
  prefix,
  year,
}: {
  db: Db;
  prefix: string;
  year: number;
}): Promise<string> {
  return (await reserveArchiveNos({ db, prefix, year, count: 1 }))[0]!;
}

/** `count` consecutive archive numbers for `prefix` in `year`, taken with one counter update (bulk creation). */
export async function reserveArchiveNos({
  db,
  prefix,
  year,
  count,
}: {
  db: Db;
  prefix: string;
  year: number;
  count: number;
}): Promise<string[]> {
  if (count <= 0) return [];
  const [row] = await db
    .insert(innovationCounters)
    .values({ prefix, year, last: count })
    .onConflictDoUpdate({
      target: [innovationCounters.prefix, innovationCounters.year],
      set: { last: sql`${innovationCounters.last} + ${count}` },
    })
    .returning({ last: innovationCounters.last });
  const first = row!.last - count + 1;
  return Array.from({ length: count }, (_, i) => `${prefix}-${year}-${String(first + i).padStart(5, '0')}`);
}

export type EventEntity = 'project' | 'result' | 'benefit';

/** Appends one step to an item's workflow history (call inside the transaction that made the change). */
export async function recordEvent(
  db: Db,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  e: {
    entityType: EventEntity;
    entityId: number;
    action: string;
    from?: string | null;
    to?: string | null;
    opinion?: string | null;
  },
) {
  await db.insert(innovationEvents).values({
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.name,
    opinion: e.opinion ?? null,
    at: ctx.clock.now().toISOString(),
  });
}

/** An item's workflow history, oldest first. */
export async function eventsOf({
  db,
  entityType,
  entityId,
}: {
  db: Db;
  entityType: EventEntity;
  entityId: number;
}) {
  const rows = await db
    .select()
    .from(innovationEvents)
    .where(and(eq(innovationEvents.entityType, entityType), eq(innovationEvents.entityId, entityId)))
    .orderBy(asc(innovationEvents.id));
  return rows.map(
    (r): WorkflowEvent => ({
      id: r.id,
      action: r.action,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      actorName: r.actorName,
      opinion: r.opinion,
      at: r.at,
    }),
  );
}
