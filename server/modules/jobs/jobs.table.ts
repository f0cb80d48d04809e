import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { files } from '../files/files.table.js';
import { orgs } from '../orgs/orgs.table.js';

/** Long work (large exports, imports, report generation) run by the in-process runner. */
export const jobs = pgTable('jobs', {
  id: serial('id').primaryKey(),
  queue: text('queue').notNull().default(''),
  kind: text('kind').notNull(),
  /** queued → running → done | failed */
  status: text('status').notNull().default('queued'),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  orgId: integer('org_id').references(() => orgs.id),
  done: integer('done').notNull().default(0),
  total: integer('total'),
  resultFileId: integer('result_file_id').references(() => files.id),
  result: jsonb('result').$type<Record<string, unknown>>(),
  error: text('error'),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
