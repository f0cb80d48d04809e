import { sql } from 'drizzle-orm';
import { bigint, boolean, date, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { tsvector } from '../innovation/innovation.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';

export interface ProjectMember {
  personId: number;
  name: string;
  division: string | null;
}

export const projects = pgTable('projects', {
  id: serial('id').primaryKey(),
  /** Archive number KT-<year>-<seq>, assigned at proposal. */
  code: text('code').notNull(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  title: text('title').notNull(),
  source: text('source').notNull(),
  challengeId: integer('challenge_id'),
  leaderPersonId: integer('leader_person_id').references(() => people.id),
  members: jsonb('members').$type<ProjectMember[]>().notNull().default([]),
  goal: text('goal').notNull(),
  content: text('content'),
  field: text('field'),
  plannedStart: date('planned_start', { mode: 'string' }).notNull(),
  plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
  budgetFen: bigint('budget_fen', { mode: 'number' }).notNull().default(0),
  status: text('status').notNull().default('proposed'),
  year: integer('year').notNull(),
  confidential: boolean('confidential').notNull().default(false),
  approvedOn: date('approved_on', { mode: 'string' }),
  startedOn: date('started_on', { mode: 'string' }),
  conclusion: text('conclusion'),
  concludedOn: date('concluded_on', { mode: 'string' }),
  terminatedReason: text('terminated_reason'),
  searchText: tsvector('search_text'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const projectMilestones = pgTable('project_milestones', {
  id: serial('id').primaryKey(),
  projectId: integer('project_id')
    .notNull()
    .references(() => projects.id),
  seq: integer('seq').notNull(),
  title: text('title').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  completedOn: date('completed_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const projectReports = pgTable('project_reports', {
  id: serial('id').primaryKey(),
  projectId: integer('project_id')
    .notNull()
    .references(() => projects.id),
  milestoneId: integer('milestone_id').references(() => projectMilestones.id),
  reportedOn: date('reported_on', { mode: 'string' }).notNull(),
  progress: integer('progress').notNull(),
  content: text('content').notNull(),
  reporterUserId: integer('reporter_user_id'),
  reporterName: text('reporter_name'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
