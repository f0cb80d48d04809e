import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { ScoreSheet } from '../../../common/schemas/results.js';
import { users } from '../accounts/accounts.table.js';
import { tsvector } from '../innovation/innovation.table.js';
import { people } from '../people/people.table.js';
import { projects } from '../projects/projects.table.js';
import { studios } from '../studios/studios.table.js';

export interface MediaItem {
  title: string;
  outlet?: string;
  publishedOn?: string;
}

export const results = pgTable('results', {
  id: serial('id').primaryKey(),
  /** Archive number CG-<year>-<seq>, assigned at creation. */
  archiveNo: text('archive_no').notNull(),
  kind: text('kind').notNull(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  projectId: integer('project_id').references(() => projects.id),
  title: text('title').notNull(),
  field: text('field'),
  problem: text('problem').notNull(),
  principle: text('principle'),
  innovationPoints: text('innovation_points'),
  implementedOn: date('implemented_on', { mode: 'string' }),
  media: jsonb('media').$type<MediaItem[]>().notNull().default([]),
  status: text('status').notNull().default('draft'),
  year: integer('year').notNull(),
  confidential: boolean('confidential').notNull().default(false),
  grade: text('grade'),
  award: text('award'),
  recognisedOn: date('recognised_on', { mode: 'string' }),
  scoreAvg: numeric('score_avg', { precision: 6, scale: 2, mode: 'number' }),
  scoreSheet: jsonb('score_sheet').$type<ScoreSheet>(),
  patentType: text('patent_type'),
  patentApplicationNo: text('patent_application_no'),
  patentFiledOn: date('patent_filed_on', { mode: 'string' }),
  patentGrantedOn: date('patent_granted_on', { mode: 'string' }),
  patentStatus: text('patent_status'),
  searchText: tsvector('search_text'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const resultContributors = pgTable('result_contributors', {
  id: serial('id').primaryKey(),
  resultId: integer('result_id')
    .notNull()
    .references(() => results.id),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  share: numeric('share', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  role: text('role').notNull().default('participant'),
  seq: integer('seq').notNull(),
});

export const resultReviewers = pgTable(
  'result_reviewers',
  {
    resultId: integer('result_id')
      .notNull()
      .references(() => results.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.userId] })],
);

export const resultScores = pgTable('result_scores', {
  id: serial('id').primaryKey(),
  resultId: integer('result_id')
    .notNull()
    .references(() => results.id),
  reviewerUserId: integer('reviewer_user_id')
    .notNull()
    .references(() => users.id),
  reviewerName: text('reviewer_name').notNull(),
  items: jsonb('items').$type<Record<string, number>>().notNull(),
  total: numeric('total', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  opinion: text('opinion'),
  scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
