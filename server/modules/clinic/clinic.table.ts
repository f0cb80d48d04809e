import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { tsvector } from '../innovation/innovation.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';

/** A production question (技术门诊), routed to the studios whose field matches. */
export const clinicQuestions = pgTable('clinic_questions', {
  id: serial('id').primaryKey(),
  /** Archive number MZ-<year>-<seq>. */
  code: text('code').notNull(),
  askerUserId: integer('asker_user_id')
    .notNull()
    .references(() => users.id),
  askerPersonId: integer('asker_person_id').references(() => people.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  title: text('title').notNull(),
  content: text('content').notNull(),
  field: text('field').notNull(),
  status: text('status').notNull().default('open'),
  acceptedAnswerId: integer('accepted_answer_id'),
  searchText: tsvector('search_text'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const clinicRoutes = pgTable(
  'clinic_routes',
  {
    questionId: integer('question_id')
      .notNull()
      .references(() => clinicQuestions.id),
    studioId: integer('studio_id')
      .notNull()
      .references(() => studios.id),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.studioId] })],
);

export const clinicAnswers = pgTable('clinic_answers', {
  id: serial('id').primaryKey(),
  questionId: integer('question_id')
    .notNull()
    .references(() => clinicQuestions.id),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  personId: integer('person_id').references(() => people.id),
  /** The answerer's studio when they answer for it (a routed studio they belong to). */
  studioId: integer('studio_id').references(() => studios.id),
  content: text('content').notNull(),
  accepted: boolean('accepted').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
