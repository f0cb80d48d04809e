import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { projectRequests } from '../ideas/engagement.table.js';
import { tsvector } from '../innovation/innovation.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { studios } from '../studios/studios.table.js';

/** A production problem an enterprise posts for studios to take on (揭榜挂帅). */
export const challenges = pgTable('challenges', {
  id: serial('id').primaryKey(),
  /** Archive number JB-<year>-<seq>. */
  code: text('code').notNull(),
  ownerOrgId: integer('owner_org_id')
    .notNull()
    .references(() => orgs.id),
  title: text('title').notNull(),
  field: text('field').notNull(),
  description: text('description').notNull(),
  bountyFen: bigint('bounty_fen', { mode: 'number' }).notNull().default(0),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('published'),
  selectedBidId: integer('selected_bid_id'),
  selectedStudioId: integer('selected_studio_id').references(() => studios.id),
  projectId: integer('project_id'),
  projectRequestId: integer('project_request_id').references(() => projectRequests.id),
  acceptanceNote: text('acceptance_note'),
  /** The bounty record: when and how much was released to the selected studio at acceptance. */
  bountyReleasedAt: timestamp('bounty_released_at', { withTimezone: true, mode: 'string' }),
  bountyReleasedFen: bigint('bounty_released_fen', { mode: 'number' }),
  searchText: tsvector('search_text'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** A studio's bid (揭榜) with its proposal. */
export const challengeBids = pgTable('challenge_bids', {
  id: serial('id').primaryKey(),
  challengeId: integer('challenge_id')
    .notNull()
    .references(() => challenges.id),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  proposal: text('proposal').notNull(),
  plan: text('plan'),
  expectedDays: integer('expected_days'),
  status: text('status').notNull().default('submitted'),
  submittedBy: integer('submitted_by'),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
