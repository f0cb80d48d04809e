import { sql } from 'drizzle-orm';
import { date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.js';
import { results } from '../results/results.table.js';

/** A recognised result taken up by a unit of another enterprise (推广应用). */
export const adoptions = pgTable('adoptions', {
  id: serial('id').primaryKey(),
  resultId: integer('result_id')
    .notNull()
    .references(() => results.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
  site: text('site').notNull(),
  scope: text('scope').notNull(),
  contact: text('contact'),
  note: text('note'),
  createdBy: integer('created_by'),
  createdByName: text('created_by_name'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
