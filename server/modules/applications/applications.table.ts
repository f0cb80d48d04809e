import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { ApplicationMaterials } from '../../../common/schemas/applications.js';
import type { ConditionResult } from '../../../common/schemas/rulebooks.js';
import { users } from '../accounts/accounts.table.js';
import { rulebooks } from '../rulebooks/rulebooks.table.js';
import { studioNamings, studios } from '../studios/studios.table.js';

/** A naming application (申报) of a studio for one level; its state follows common/workflows/application.ts. */
export const applications = pgTable('applications', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  level: text('level').notNull(),
  state: text('state').notNull().default('draft'),
  /** The naming rulebook version in force: re-pinned at each submission, fixed from then on for the experts. */
  rulebookId: integer('rulebook_id')
    .notNull()
    .references(() => rulebooks.id),
  materials: jsonb('materials').$type<ApplicationMaterials>().notNull(),
  conditionCheck: jsonb('condition_check').$type<ConditionResult[]>(),
  dropExtremes: boolean('drop_extremes').notNull().default(false),
  expertDeadline: date('expert_deadline', { mode: 'string' }),
  publicityStart: date('publicity_start', { mode: 'string' }),
  publicityEnd: date('publicity_end', { mode: 'string' }),
  finalScore: numeric('final_score', { precision: 8, scale: 2, mode: 'number' }),
  grade: text('grade'),
  namingId: integer('naming_id').references(() => studioNamings.id),
  plaqueNo: text('plaque_no'),
  applicantUserId: integer('applicant_user_id').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Workflow history: one row per transition with the opinion, who and when. */
export const applicationSteps = pgTable('application_steps', {
  id: serial('id').primaryKey(),
  applicationId: integer('application_id')
    .notNull()
    .references(() => applications.id),
  action: text('action').notNull(),
  fromState: text('from_state').notNull(),
  toState: text('to_state').notNull(),
  opinion: text('opinion'),
  actorUserId: integer('actor_user_id').references(() => users.id),
  actorName: text('actor_name'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** An objection (异议) filed during 公示; naming waits until every one is resolved. */
export const applicationObjections = pgTable('application_objections', {
  id: serial('id').primaryKey(),
  applicationId: integer('application_id')
    .notNull()
    .references(() => applications.id),
  content: text('content').notNull(),
  filedByUserId: integer('filed_by_user_id')
    .notNull()
    .references(() => users.id),
  filedByName: text('filed_by_name').notNull(),
  filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  /** open | resolved */
  status: text('status').notNull().default('open'),
  resolution: text('resolution'),
  resolvedByUserId: integer('resolved_by_user_id').references(() => users.id),
  resolvedByName: text('resolved_by_name'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'string' }),
});

/** Next plaque number per prefix (JX-2026-G), handed out by an upsert. */
export const plaqueCounters = pgTable('plaque_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});
