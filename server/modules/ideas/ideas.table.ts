import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { tsvector } from '../innovation/innovation.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { projectRequests } from './engagement.table.js';

/** Routing table: ideas from an org subtree (and optionally one category) go to a handler. */
export const ideaRoutes = pgTable('idea_routes', {
  id: serial('id').primaryKey(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  /** Null = every category. */
  category: text('category'),
  handlerUserId: integer('handler_user_id')
    .notNull()
    .references(() => users.id),
  /** Days the handler has to answer; null = the configured default. */
  deadlineDays: integer('deadline_days'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const ideas = pgTable('ideas', {
  id: serial('id').primaryKey(),
  /** Archive number JD-<year>-<seq>. */
  code: text('code').notNull(),
  /** Only anonymous ideas have one: the submitter's only handle on the idea. */
  trackingCode: text('tracking_code'),
  anonymous: boolean('anonymous').notNull().default(false),
  submitterUserId: integer('submitter_user_id').references(() => users.id),
  submitterPersonId: integer('submitter_person_id').references(() => people.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  category: text('category').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  searchText: tsvector('search_text'),
  status: text('status').notNull().default('submitted'),
  handlerUserId: integer('handler_user_id').references(() => users.id),
  routeId: integer('route_id').references(() => ideaRoutes.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string' }),
  deadlineAt: timestamp('deadline_at', { withTimezone: true, mode: 'string' }),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  answer: text('answer'),
  mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => ideas.id),
  benefitFen: bigint('benefit_fen', { mode: 'number' }),
  benefitNote: text('benefit_note'),
  projectId: integer('project_id'),
  projectRequestId: integer('project_request_id').references(() => projectRequests.id),
  /** Client-generated key of an outbox submission: the same key from the same submitter is the same idea. */
  clientKey: text('client_key'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Who is credited with an idea: its submitter, and the submitters of duplicates merged into it. */
export const ideaCredits = pgTable(
  'idea_credits',
  {
    ideaId: integer('idea_id')
      .notNull()
      .references(() => ideas.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').notNull(),
    sourceIdeaId: integer('source_idea_id').references(() => ideas.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.personId] })],
);
