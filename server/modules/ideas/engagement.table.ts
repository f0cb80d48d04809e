import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { studios } from '../studios/studios.table.js';

/** Workflow history of ideas, challenges and clinic questions; `public` steps show on the anonymous tracking page. */
export const engagementSteps = pgTable('engagement_steps', {
  id: serial('id').primaryKey(),
  entityType: text('entity_type').notNull(),
  entityId: integer('entity_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  note: text('note'),
  public: boolean('public').notNull().default(true),
  actorUserId: integer('actor_user_id'),
  actorName: text('actor_name'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/**
 * A request to a studio to open a project from an adopted idea or a selected challenge bid. It stays
 * `pending` until the studio's leader turns it into a project (status `linked`, with `project_id`).
 */
export const projectRequests = pgTable('project_requests', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  sourceId: integer('source_id').notNull(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  title: text('title').notNull(),
  goal: text('goal').notNull(),
  field: text('field'),
  status: text('status').notNull().default('pending'),
  projectId: integer('project_id'),
  createdBy: integer('created_by'),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
