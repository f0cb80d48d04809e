import { z } from 'zod';
import { pageQuery } from './shared.js';

export const notification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** A web path to open, e.g. /studios/at-risk. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const notificationQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type NotificationQuery = z.infer<typeof notificationQuery>;

export const notificationPage = z.object({
  items: z.array(notification),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unreadCount: z.number().int(),
});

// To-do items, mail preferences (owned by the engagement module's extension of notifications).

export const todo = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  entityType: z.string(),
  entityId: z.number().int(),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Set when the to-do passed its due time (the escalation job flags it and tells the admin). */
  overdueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type Todo = z.infer<typeof todo>;
export const todoQuery = pageQuery.extend({ status: z.enum(['open', 'done', 'overdue']).default('open') });
export type TodoQuery = z.infer<typeof todoQuery>;
export const todoPage = z.object({
  items: z.array(todo),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  openCount: z.number().int(),
  overdueCount: z.number().int(),
});

export const mailModes = ['immediate', 'digest', 'none'] as const;
export type MailMode = (typeof mailModes)[number];
export const mailModeLabels: Record<MailMode, { zh: string; en: string }> = {
  immediate: { zh: '即时邮件', en: 'Immediately' },
  digest: { zh: '每日汇总', en: 'Daily digest' },
  none: { zh: '不发邮件', en: 'No e-mail' },
};
export const notificationPrefs = z.object({
  mailMode: z.enum(mailModes),
  /** The address mail goes to: the person's e-mail on record. */
  email: z.string().nullable(),
});
export type NotificationPrefs = z.infer<typeof notificationPrefs>;
export const notificationPrefsUpdate = z.object({ mailMode: z.enum(mailModes) });
