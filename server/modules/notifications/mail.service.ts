import { and, asc, eq, gt, isNull, max, sql } from 'drizzle-orm';
import type { MailMode, NotificationPrefs } from '../../../common/schemas/notifications.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx, Deps } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { users } from '../accounts/accounts.table.js';
import { people } from '../people/people.table.js';
import { mailLog, notificationPrefs, notifications } from './notifications.table.js';

type MailDeps = Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>;
type NotificationRow = typeof notifications.$inferSelect;

/** Everyone's default: one digest a day. */
export const defaultMailMode: MailMode = 'digest';

async function addressOf(db: Db, userId: number): Promise<string | null> {
  const [r] = await db
    .select({ email: people.email })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId));
  const email = r?.email?.trim();
  return email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** The current user's mail preference and the address mail goes to. */
export async function getMyPrefs({ ctx }: { ctx: Ctx }): Promise<NotificationPrefs> {
  const [p] = await ctx.db
    .select()
    .from(notificationPrefs)
    .where(eq(notificationPrefs.userId, ctx.actor.userId));
  return {
    mailMode: (p?.mailMode as MailMode | undefined) ?? defaultMailMode,
    email: await addressOf(ctx.db, ctx.actor.userId),
  };
}

/**
 * Sets how the current user gets mail: immediately, as a daily digest, or not at all. Older notifications
 * are not mailed after a switch (the mail cursor moves to the newest). Audited.
 */
export async function setMyPrefs({
  ctx,
  mailMode,
}: {
  ctx: Ctx;
  mailMode: MailMode;
}): Promise<NotificationPrefs> {
  await ctx.db.transaction(async (tx) => {
    const before = await getMyPrefs({ ctx: { ...ctx, db: tx } });
    const [newest] = await tx
      .select({ id: max(notifications.id) })
      .from(notifications)
      .where(eq(notifications.userId, ctx.actor.userId));
    const now = ctx.clock.now().toISOString();
    const cursor = newest?.id ?? 0;
    await tx
      .insert(notificationPrefs)
      .values({ userId: ctx.actor.userId, mailMode, mailCursor: cursor, updatedAt: now })
      .onConflictDoUpdate({
        target: notificationPrefs.userId,
        set: {
          mailMode,
          updatedAt: now,
          mailCursor: sql`CASE WHEN ${notificationPrefs.mailMode} = ${mailMode} THEN ${notificationPrefs.mailCursor} ELSE ${cursor} END`,
        },
      });
    await recordAudit(tx, ctx, {
      action: 'notifications.prefs',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: { mailMode: before.mailMode },
      after: { mailMode },
    });
  });
  return getMyPrefs({ ctx });
}

function line(deps: MailDeps, n: Pick<NotificationRow, 'title' | 'body' | 'link' | 'createdAt'>): string {
  const url = n.link ? `${deps.config.publicUrl}${n.link}` : null;
  return [`• ${n.title}`, n.body ? `  ${n.body}` : null, url ? `  ${url}` : null].filter(Boolean).join('\n');
}

async function sendAndLog(
  deps: MailDeps,
  v: { userId: number; kind: string; subject: string; text: string; ids: number[] },
): Promise<boolean> {
  const address = await addressOf(deps.db, v.userId);
  let error: string | null = null;
  if (!address) error = 'no e-mail address on record';
  else {
    try {
      await deps.mailer.send({ to: [address], subject: v.subject, text: v.text });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  await deps.db.insert(mailLog).values({
    userId: v.userId,
    address,
    kind: v.kind,
    subject: v.subject,
    notificationIds: v.ids,
    sentAt: deps.clock.now().toISOString(),
    error,
  });
  return error === null;
}

/**
 * Mails every not-yet-mailed notification of users who chose `immediate`, one mail each. Each notification
 * is claimed (mailed_at set) before sending, so concurrent runs never send it twice; a failure is logged
 * in mail_log and not retried. Run after each state-changing request and by the timer.
 */
export async function deliverImmediate({ deps }: { deps: MailDeps }): Promise<{ sent: number }> {
  const rows = await deps.db
    .select({ n: notifications })
    .from(notifications)
    .innerJoin(notificationPrefs, eq(notificationPrefs.userId, notifications.userId))
    .where(
      and(
        eq(notificationPrefs.mailMode, 'immediate'),
        isNull(notifications.mailedAt),
        gt(notifications.id, notificationPrefs.mailCursor),
      ),
    )
    .orderBy(asc(notifications.id))
    .limit(500);
  let sent = 0;
  for (const { n } of rows) {
    const [claimed] = await deps.db
      .update(notifications)
      .set({ mailedAt: deps.clock.now().toISOString() })
      .where(and(eq(notifications.id, n.id), isNull(notifications.mailedAt)))
      .returning({ id: notifications.id });
    if (!claimed) continue;
    const ok = await sendAndLog(deps, {
      userId: n.userId,
      kind: 'immediate',
      subject: `【匠心】${n.title}`,
      text: `${line(deps, n)}\n\n—— 匠心 创新工作室平台（在“通知设置”中可改为每日汇总或不发邮件）`,
      ids: [n.id],
    });
    if (ok) sent++;
  }
  return { sent };
}

/**
 * Sends each person who chose the daily digest (everyone who chose nothing) one mail listing their unread
 * notifications since the last digest. Idempotent: a second run the same day sends only what arrived
 * since. Called by `npm run jx -- digest` and daily by `start`.
 */
export async function sendDigests({ deps }: { deps: MailDeps }): Promise<{ sent: number; users: number }> {
  const rows = await deps.db
    .select({ n: notifications, cursor: notificationPrefs.mailCursor })
    .from(notifications)
    .leftJoin(notificationPrefs, eq(notificationPrefs.userId, notifications.userId))
    .where(
      and(
        isNull(notifications.readAt),
        isNull(notifications.mailedAt),
        sql`${notifications.id} > coalesce(${notificationPrefs.mailCursor}, 0)`,
        sql`coalesce(${notificationPrefs.mailMode}, ${defaultMailMode}) = 'digest'`,
      ),
    )
    .orderBy(asc(notifications.userId), asc(notifications.id))
    .limit(50_000);
  const byUser = new Map<number, { cursor: number; items: NotificationRow[] }>();
  for (const r of rows) {
    const u = byUser.get(r.n.userId) ?? { cursor: r.cursor ?? 0, items: [] };
    u.items.push(r.n);
    byUser.set(r.n.userId, u);
  }
  const now = deps.clock.now();
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  let sent = 0;
  for (const [userId, { cursor, items }] of byUser) {
    const newest = Math.max(...items.map((i) => i.id));
    // Move the cursor only from the value read: a concurrent run that got here first wins, this one skips.
    const claimed = await deps.db.transaction(async (tx) => {
      await tx
        .insert(notificationPrefs)
        .values({ userId, mailMode: defaultMailMode, mailCursor: 0 })
        .onConflictDoNothing();
      const [ok] = await tx
        .update(notificationPrefs)
        .set({ mailCursor: newest, lastDigestAt: now.toISOString() })
        .where(and(eq(notificationPrefs.userId, userId), eq(notificationPrefs.mailCursor, cursor)))
        .returning({ userId: notificationPrefs.userId });
      if (!ok) return false;
      await tx
        .update(notifications)
        .set({ mailedAt: now.toISOString() })
        .where(
          sql`${notifications.id} IN (${sql.join(
            items.map((i) => sql`${i.id}`),
            sql`, `,
          )})`,
        );
      return true;
    });
    if (!claimed) continue;
    const text = [
      `您好，以下是您在匠心平台的 ${items.length} 条未读通知：`,
      '',
      ...items.map((i) => line(deps, i)),
      '',
      `查看全部：${deps.config.publicUrl}/notifications`,
      '—— 匠心 创新工作室平台（在“通知设置”中可改为即时邮件或不发邮件）',
    ].join('\n');
    const ok = await sendAndLog(deps, {
      userId,
      kind: 'digest',
      subject: `【匠心】每日汇总 ${day}：${items.length} 条未读通知`,
      text,
      ids: items.map((i) => i.id),
    });
    if (ok) sent++;
  }
  return { sent, users: byUser.size };
}
