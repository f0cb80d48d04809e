import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';

/** A ledger layout's column mapping, remembered by the hash of its normalised header row. */
export const importTemplates = pgTable('import_templates', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  headerHash: text('header_hash').notNull(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  /** field → 1-based column number in the sheet */
  mapping: jsonb('mapping').$type<Record<string, number | null>>().notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** One uploaded ledger between its dry run and its apply. */
export const importBatches = pgTable('import_batches', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  fileSha256: text('file_sha256').notNull(),
  fileName: text('file_name').notNull(),
  headerHash: text('header_hash'),
  /** uploaded → checked → applied */
  status: text('status').notNull().default('uploaded'),
  report: jsonb('report').$type<Record<string, unknown>>(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'string' }),
});
