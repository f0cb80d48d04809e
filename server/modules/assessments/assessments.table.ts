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
import type { PrefillFact } from '../../../common/schemas/assessments.js';
import { users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { rulebooks } from '../rulebooks/rulebooks.table.js';
import { studios } from '../studios/studios.table.js';

/** A year's assessment campaign over an org's subtree, scored on one assessment rulebook version. */
export const assessmentCampaigns = pgTable('assessment_campaigns', {
  id: serial('id').primaryKey(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  rulebookId: integer('rulebook_id')
    .notNull()
    .references(() => rulebooks.id),
  selfDeadline: date('self_deadline', { mode: 'string' }).notNull(),
  reviewDeadline: date('review_deadline', { mode: 'string' }).notNull(),
  dropExtremes: boolean('drop_extremes').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** One studio's assessment in a campaign; its state follows common/workflows/assessment.ts. */
export const assessments = pgTable('assessments', {
  id: serial('id').primaryKey(),
  campaignId: integer('campaign_id')
    .notNull()
    .references(() => assessmentCampaigns.id),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  state: text('state').notNull().default('selfAssessment'),
  /** Facts counted from the studio's own records, with where each came from. */
  indicators: jsonb('indicators').$type<PrefillFact[]>().notNull().default([]),
  prefilledAt: timestamp('prefilled_at', { withTimezone: true, mode: 'string' }),
  selfItems: jsonb('self_items').$type<Record<string, number>>().notNull().default({}),
  selfBonus: jsonb('self_bonus').$type<Record<string, number>>().notNull().default({}),
  /** The leader's explanation per indicator key. */
  selfNotes: jsonb('self_notes').$type<Record<string, string>>().notNull().default({}),
  selfComment: text('self_comment'),
  selfTotal: numeric('self_total', { precision: 8, scale: 2, mode: 'number' }),
  finalScore: numeric('final_score', { precision: 8, scale: 2, mode: 'number' }),
  grade: text('grade'),
  outcomeNote: text('outcome_note'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Workflow history of an assessment: one row per transition with the opinion. */
export const assessmentSteps = pgTable('assessment_steps', {
  id: serial('id').primaryKey(),
  assessmentId: integer('assessment_id')
    .notNull()
    .references(() => assessments.id),
  action: text('action').notNull(),
  fromState: text('from_state').notNull(),
  toState: text('to_state').notNull(),
  opinion: text('opinion'),
  actorUserId: integer('actor_user_id').references(() => users.id),
  actorName: text('actor_name'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** A rectification task (整改任务) with a deadline; the leader reports it done (status open | done). */
export const rectificationTasks = pgTable('rectification_tasks', {
  id: serial('id').primaryKey(),
  assessmentId: integer('assessment_id')
    .notNull()
    .references(() => assessments.id),
  title: text('title').notNull(),
  detail: text('detail'),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('open'),
  report: text('report'),
  reportedBy: integer('reported_by').references(() => users.id),
  reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** What a merge moved, kept for the record. */
export interface MergeMoved {
  members: { personId: number; fromStudioId: number; role: string }[];
  resultIds: number[];
}

/** A revocation or merge proposal (common/workflows/studio-change.ts); for a merge `studioId` survives. */
export const studioChanges = pgTable('studio_changes', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  absorbedIds: jsonb('absorbed_ids').$type<number[]>().notNull().default([]),
  reason: text('reason').notNull(),
  state: text('state').notNull().default('proposed'),
  effectiveOn: date('effective_on', { mode: 'string' }),
  proposedBy: integer('proposed_by').references(() => users.id),
  proposedByName: text('proposed_by_name'),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedByName: text('decided_by_name'),
  decisionNote: text('decision_note'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  moved: jsonb('moved').$type<MergeMoved>(),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
