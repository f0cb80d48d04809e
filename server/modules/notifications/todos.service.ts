import { and, asc, count, eq, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { TodoQuery } from '../../../common/schemas/notifications.js';
import type { Ctx, Deps } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { offsetOf } from '../../core/pagination.js';
import { users } from '../accounts/accounts.table.js';
import { notify } from './notifications.service.js';
import { todos } from './notifications.table.js';
import { closestAdmins } from './recipients.js';

type TodoRow = typeof todos.$inferSelect;

/**
 * Puts an item in each user's to-do list (one open item per user, kind and entity: adding again changes
 * nothing), and notifies them. Call it inside the transaction of the step that now waits for them.
 */
export async function addTodo({
  db,
  userIds,
  kind,
  title,
  link,
  entityType,
  entityId,
  orgPath,
  dueAt,
  now,
  body,
}: {
  db: Db;
  userIds: number[];
  kind: string;
  title: string;
  link: string;
  entityType: string;
  entityId: number;
  orgPath: string | null;
  dueAt: string | null;
  now: Date;
  body?: string;
}): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const rows = await db
    .insert(todos)
    .values(
      ids.map((userId) => ({
        userId,
        kind,
        title,
        link,
        entityType,
        entityId,
        orgPath,
        dueAt,
        createdAt: now.toISOString(),
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: todos.userId });
  await notify({ db, userIds: rows.map((r) => r.userId), kind: `todo.${kind}`, title, body, link, now });
  return rows.length;
}

/** Closes the open to-dos about an entity (of one kind, or all; for some users, or all). Returns how many. */
export async function completeTodos({
  db,
  entityType,
  entityId,
  kind,
  userIds,
  now,
}: {
  db: Db;
  entityType: string;
  entityId: number;
  kind?: string;
  userIds?: number[];
  now: Date;
}): Promise<number> {
  const rows = await db
    .update(todos)
    .set({ doneAt: now.toISOString() })
    .where(
      and(
        eq(todos.entityType, entityType),
        eq(todos.entityId, entityId),
        isNull(todos.doneAt),
        kind ? eq(todos.kind, kind) : undefined,
        userIds ? inArray(todos.userId, userIds.length ? userIds : [0]) : undefined,
      ),
    )
    .returning({ id: todos.id });
  return rows.length;
}

function toTodo(r: TodoRow, now: Date) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    link: r.link,
    entityType: r.entityType,
    entityId: r.entityId,
    dueAt: r.dueAt,
    doneAt: r.doneAt,
    overdueAt: r.overdueAt,
    overdue: r.doneAt === null && r.dueAt !== null && new Date(r.dueAt) < now,
    createdAt: r.createdAt,
  };
}

/** The current user's to-dos: open (soonest due first), overdue, or done (latest first); with open/overdue counts. */
export async function findMyTodos({ ctx, query }: { ctx: Ctx; query: TodoQuery }) {
  const now = ctx.clock.now();
  const mine = eq(todos.userId, ctx.actor.userId);
  const open = and(mine, isNull(todos.doneAt));
  const overdue = and(open, lt(todos.dueAt, now.toISOString()));
  const where: SQL | undefined =
    query.status === 'open'
      ? open
      : query.status === 'overdue'
        ? overdue
        : and(mine, isNotNull(todos.doneAt));
  const order =
    query.status === 'done'
      ? [sql`${todos.doneAt} DESC`, sql`${todos.id} DESC`]
      : [sql`${todos.dueAt} ASC NULLS LAST`, asc(todos.id)];
  const [items, [total], [openCount], [overdueCount]] = await Promise.all([
    ctx.db
      .select()
      .from(todos)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ n: count() }).from(todos).where(where),
    ctx.db.select({ n: count() }).from(todos).where(open),
    ctx.db.select({ n: count() }).from(todos).where(overdue),
  ]);
  return {
    items: items.map((r) => toTodo(r, now)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    openCount: openCount?.n ?? 0,
    overdueCount: overdueCount?.n ?? 0,
  };
}

/**
 * Flags every open to-do past its due time and tells the closest union admin above the thing it is about
 * (the handler's admin; the group admin when the handler is the enterprise admin), and the holder too.
 * Idempotent: a flagged to-do is never escalated again. Called by `npm run jx -- escalate` and hourly by `start`.
 */
export async function escalateOverdue({
  deps,
}: {
  deps: Pick<Deps, 'db' | 'clock'>;
}): Promise<{ escalated: number }> {
  const now = deps.clock.now();
  const due = await deps.db
    .select()
    .from(todos)
    .where(and(isNull(todos.doneAt), isNull(todos.overdueAt), lt(todos.dueAt, now.toISOString())))
    .orderBy(asc(todos.id))
    .limit(5000);
  let escalated = 0;
  for (const t of due) {
    await deps.db.transaction(async (tx) => {
      const admins = t.orgPath
        ? await closestAdmins({ db: tx, orgPath: t.orgPath, exclude: [t.userId] })
        : [];
      // The flag is set only on a still-unflagged row, so two runs at once escalate it once.
      const [flagged] = await tx
        .update(todos)
        .set({ overdueAt: now.toISOString(), escalatedTo: admins })
        .where(and(eq(todos.id, t.id), isNull(todos.overdueAt)))
        .returning({ id: todos.id });
      if (!flagged) return;
      escalated++;
      const [holder] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, t.userId));
      await notify({
        db: tx,
        userIds: admins,
        kind: 'todo.escalated',
        title: `【督办】${t.title}`,
        body: `${holder?.name ?? '处理人'}的待办已超过期限（${t.dueAt?.slice(0, 10) ?? ''}）仍未办理，请督促。`,
        link: t.link,
        dedupKey: `escalate:todo:${t.id}`,
        now,
      });
      await notify({
        db: tx,
        userIds: [t.userId],
        kind: 'todo.overdue',
        title: `【已超期】${t.title}`,
        body: '该待办已超过办理期限，已报送上级管理员督办。',
        link: t.link,
        dedupKey: `overdue:todo:${t.id}`,
        now,
      });
    });
  }
  return { escalated };
}

/** Whether the open to-do about an entity has been escalated (for showing 已督办 on the thing itself). */
export async function escalatedAt({
  db,
  entityType,
  entityId,
}: {
  db: Db;
  entityType: string;
  entityId: number;
}) {
  const [r] = await db
    .select({ at: todos.overdueAt })
    .from(todos)
    .where(and(eq(todos.entityType, entityType), eq(todos.entityId, entityId), isNotNull(todos.overdueAt)))
    .limit(1);
  return r?.at ?? null;
}
