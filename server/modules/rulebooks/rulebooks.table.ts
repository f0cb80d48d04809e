import { sql } from 'drizzle-orm';
import { date, integer, jsonb, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Condition, ScoreSheet } from '../../../common/schemas/rulebooks.js';
import { users } from '../accounts/accounts.table.js';

/**
 * One row per rulebook VERSION. A (purpose, level) family grows by inserting version_no + 1; rows are
 * never updated, so every score can point at the exact version it used.
 */
export const rulebooks = pgTable('rulebooks', {
  id: serial('id').primaryKey(),
  purpose: text('purpose').notNull(),
  level: text('level'),
  versionNo: integer('version_no').notNull(),
  name: text('name').notNull(),
  note: text('note'),
  conditions: jsonb('conditions').$type<Condition[]>().notNull().default([]),
  sheet: jsonb('sheet').$type<ScoreSheet>().notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdByName: text('created_by_name'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/**
 * A reviewer assigned to score something (an application, later an assessment or a result), with a
 * deadline. Generic by subject so every review queue is one to-do list.
 */
export const reviewAssignments = pgTable('review_assignments', {
  id: serial('id').primaryKey(),
  subjectType: text('subject_type').notNull(),
  subjectId: integer('subject_id').notNull(),
  reviewerUserId: integer('reviewer_user_id')
    .notNull()
    .references(() => users.id),
  reviewerName: text('reviewer_name').notNull(),
  rulebookId: integer('rulebook_id')
    .notNull()
    .references(() => rulebooks.id),
  orgPath: text('org_path').notNull(),
  deadline: date('deadline', { mode: 'string' }),
  /** pending | submitted | cancelled */
  status: text('status').notNull().default('pending'),
  assignedBy: integer('assigned_by').references(() => users.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'string' }),
});

/** One scorer's points on one subject, on the rulebook version it names. Submitted cards never change. */
export const scorecards = pgTable('scorecards', {
  id: serial('id').primaryKey(),
  subjectType: text('subject_type').notNull(),
  subjectId: integer('subject_id').notNull(),
  assignmentId: integer('assignment_id').references(() => reviewAssignments.id),
  rulebookId: integer('rulebook_id')
    .notNull()
    .references(() => rulebooks.id),
  scorerUserId: integer('scorer_user_id')
    .notNull()
    .references(() => users.id),
  scorerName: text('scorer_name').notNull(),
  /** expert | self | reviewer */
  role: text('role').notNull().default('expert'),
  items: jsonb('items').$type<Record<string, number>>().notNull().default({}),
  bonus: jsonb('bonus').$type<Record<string, number>>().notNull().default({}),
  total: numeric('total', { precision: 8, scale: 2, mode: 'number' }).notNull().default(0),
  comment: text('comment'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
