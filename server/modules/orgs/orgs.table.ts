import { sql } from 'drizzle-orm';
import { type AnyPgColumn, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const orgs = pgTable('orgs', {
  id: serial('id').primaryKey(),
  parentId: integer('parent_id').references((): AnyPgColumn => orgs.id),
  kind: text('kind').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  employeeCount: integer('employee_count').notNull().default(0),
  /** Materialised path of ids, e.g. `/1/5/23/`: a subtree is `path LIKE '/1/5/%'`. */
  path: text('path').notNull(),
  depth: integer('depth').notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
