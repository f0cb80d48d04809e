import { sql } from 'drizzle-orm';
import { customType, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** A PostgreSQL tsvector column, written by the services from Intl.Segmenter words (see similarity.text.ts). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Per-prefix, per-year archive number counters (CG-2026-00012, KT-2026-00003). */
export const innovationCounters = pgTable(
  'innovation_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/** Workflow history of projects, results and benefit calculations. */
export const innovationEvents = pgTable('innovation_events', {
  id: serial('id').primaryKey(),
  entityType: text('entity_type').notNull(),
  entityId: integer('entity_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actorUserId: integer('actor_user_id'),
  actorName: text('actor_name'),
  opinion: text('opinion'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
