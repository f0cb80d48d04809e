import { sql } from 'drizzle-orm';
import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';

/** One notification (alert or to-do) for one user; `dedupKey` stops a repeated job from notifying twice. */
export const notifications = pgTable('notifications', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  link: text('link'),
  dedupKey: text('dedup_key'),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  /** Set when the notification went out by e-mail (immediately or in a digest). */
  mailedAt: timestamp('mailed_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Something waiting for one user; overdue items are flagged and escalated to the handler's admin. */
export const todos = pgTable('todos', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  link: text('link'),
  /** What the to-do is about, e.g. ('idea', 12): finishing the step closes it. */
  entityType: text('entity_type').notNull(),
  entityId: integer('entity_id').notNull(),
  /** Org path of the thing, to find the admin to escalate to. */
  orgPath: text('org_path'),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'string' }),
  doneAt: timestamp('done_at', { withTimezone: true, mode: 'string' }),
  overdueAt: timestamp('overdue_at', { withTimezone: true, mode: 'string' }),
  escalatedTo: integer('escalated_to').array(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Per-user mail preference; `mailCursor` is the highest notification id already considered for mail. */
export const notificationPrefs = pgTable('notification_prefs', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  mailMode: text('mail_mode').notNull().default('digest'),
  mailCursor: integer('mail_cursor').notNull().default(0),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true, mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Every mail sent (or that failed), for support questions like "I never got the mail". */
export const mailLog = pgTable('mail_log', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').references(() => users.id),
  address: text('address'),
  kind: text('kind').notNull(),
  subject: text('subject').notNull(),
  notificationIds: integer('notification_ids').array().notNull().default(sql`'{}'`),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  error: text('error'),
});
