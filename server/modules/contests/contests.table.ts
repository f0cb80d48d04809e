import { sql } from 'drizzle-orm';
import { date, integer, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';

/** A skill contest (技能比武) a studio organised or entered people in. */
export const contests = pgTable('contests', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  name: text('name').notNull(),
  level: text('level').notNull(),
  trade: text('trade').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  place: text('place'),
  organizer: text('organizer'),
  summary: text('summary'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const contestEntries = pgTable('contest_entries', {
  id: serial('id').primaryKey(),
  contestId: integer('contest_id')
    .notNull()
    .references(() => contests.id),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  score: numeric('score', { precision: 7, scale: 2, mode: 'number' }),
  rank: integer('rank'),
  award: text('award'),
  awardTitle: text('award_title'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
