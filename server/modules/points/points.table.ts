import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';

/** Event kind → points. Tuned by the group admin; every change bumps `version` and is audited. */
export const pointRules = pgTable('point_rules', {
  id: serial('id').primaryKey(),
  event: text('event').notNull(),
  label: text('label').notNull(),
  /** Whom the event credits: a person or a studio. */
  subject: text('subject').notNull(),
  points: integer('points').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(0),
  updatedBy: integer('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** The append-only points ledger: never updated or deleted; a correction is a new entry. */
export const pointEntries = pgTable('point_entries', {
  id: serial('id').primaryKey(),
  personId: integer('person_id').references(() => people.id),
  studioId: integer('studio_id').references(() => studios.id),
  /** The person's or studio's org when the points were earned (for leaderboards by enterprise). */
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  orgPath: text('org_path').notNull(),
  event: text('event').notNull(),
  points: integer('points').notNull(),
  ruleId: integer('rule_id').references(() => pointRules.id),
  ruleVersion: integer('rule_version'),
  /** What earned the points, e.g. ('idea', 12). */
  causeType: text('cause_type').notNull(),
  causeId: integer('cause_id').notNull(),
  note: text('note'),
  correctionOfId: integer('correction_of_id').references((): AnyPgColumn => pointEntries.id),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Awards (评优) with their citations. */
export const awards = pgTable('awards', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  subject: text('subject').notNull(),
  personId: integer('person_id').references(() => people.id),
  studioId: integer('studio_id').references(() => studios.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  citation: text('citation').notNull(),
  awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
