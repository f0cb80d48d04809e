import { sql } from 'drizzle-orm';
import { date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';

/** A 师带徒 agreement: mentor, apprentice, period, goals and — once it ends — the outcome. */
export const mentorships = pgTable('mentorships', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  mentorPersonId: integer('mentor_person_id')
    .notNull()
    .references(() => people.id),
  apprenticePersonId: integer('apprentice_person_id')
    .notNull()
    .references(() => people.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  goals: text('goals').notNull(),
  targetGrade: text('target_grade'),
  status: text('status').notNull().default('active'),
  outcomeOn: date('outcome_on', { mode: 'string' }),
  outcomeGrade: text('outcome_grade'),
  certificate: text('certificate'),
  outcomeNote: text('outcome_note'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const mentorshipNotes = pgTable('mentorship_notes', {
  id: serial('id').primaryKey(),
  mentorshipId: integer('mentorship_id')
    .notNull()
    .references(() => mentorships.id),
  notedOn: date('noted_on', { mode: 'string' }).notNull(),
  content: text('content').notNull(),
  authorUserId: integer('author_user_id'),
  authorName: text('author_name'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Every change of a person's 技能等级 and where it came from. */
export const skillGradeHistory = pgTable('skill_grade_history', {
  id: serial('id').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  fromGrade: text('from_grade'),
  toGrade: text('to_grade').notNull(),
  changedOn: date('changed_on', { mode: 'string' }).notNull(),
  /** 'mentorship' (source_id = mentorship id), 'manual', 'import'… */
  source: text('source').notNull(),
  sourceId: integer('source_id'),
  note: text('note'),
  recordedBy: integer('recorded_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
