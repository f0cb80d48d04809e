import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Notification, NotificationQuery } from '../../../common/schemas/notifications.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { offsetOf } from '../../core/pagination.js';
import { notifications } from './notifications.table.js';

/**
 * Records one notification per user. With `dedupKey`, a user who already has a notification with that key
 * gets no second one (so a daily job can run again safely). Returns how many were written.
 * Reusable by every module: call it inside the transaction that caused the notification when there is one.
 */
export async function notify({
  db,
  userIds,
  kind,
  title,
  body,
  link,
  dedupKey,
  now,
}: {
  db: Db;
  userIds: number[];
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  dedupKey?: string | null;
  now?: Date;
}): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const rows = await db
    .insert(notifications)
    .values(
      ids.map((userId) => ({
        userId,
        kind,
        title,
        body: body ?? null,
        link: link ?? null,
        dedupKey: dedupKey ?? null,
        createdAt: (now ?? new Date()).toISOString(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

function toNotification(r: typeof notifications.$inferSelect): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    readAt: r.readAt,
    createdAt: r.createdAt,
  };
}

/** The current user's notifications, newest first, with their unread count. */
export async function findMyNotifications({ ctx, query }: { ctx: Ctx; query: NotificationQuery }) {
  const mine = eq(notifications.userId, ctx.actor.userId);
  const where = and(mine, query.unread === 'true' ? isNull(notifications.readAt) : undefined);
  const [items, [total], [unread]] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ n: count() }).from(notifications).where(where),
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    items: items.map(toNotification),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    unreadCount: unread?.n ?? 0,
  };
}

/** Marks the current user's notifications read (the given ids, or all). Someone else's id is notifications.not_found. */
export async function markNotificationsRead({ ctx, ids }: { ctx: Ctx; ids?: number[] }): Promise<number> {
  const mine = eq(notifications.userId, ctx.actor.userId);
  if (ids) {
    const found = await ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(mine, inArray(notifications.id, ids)));
    if (found.length !== new Set(ids).size) throw new AppError('notifications.not_found', 404);
  }
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now().toISOString() })
    .where(and(mine, isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
