import { sql } from 'drizzle-orm';
import { bigint, date, integer, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { adoptions } from '../adoptions/adoptions.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { results } from '../results/results.table.js';

/** One economic benefit calculation for a result (own use) or one of its adoptions, amounts in fen. */
export const benefits = pgTable('benefits', {
  id: serial('id').primaryKey(),
  resultId: integer('result_id')
    .notNull()
    .references(() => results.id),
  adoptionId: integer('adoption_id').references(() => adoptions.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  beforeValueFen: bigint('before_value_fen', { mode: 'number' }).notNull(),
  afterValueFen: bigint('after_value_fen', { mode: 'number' }).notNull(),
  periodCount: numeric('period_count', { precision: 12, scale: 2, mode: 'number' }).notNull(),
  periodUnit: text('period_unit').notNull(),
  implementationCostFen: bigint('implementation_cost_fen', { mode: 'number' }).notNull().default(0),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  basis: text('basis').notNull(),
  status: text('status').notNull().default('draft'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  verifiedBy: integer('verified_by'),
  verifierName: text('verifier_name'),
  verifiedOn: date('verified_on', { mode: 'string' }),
  verifyOpinion: text('verify_opinion'),
  createdBy: integer('created_by'),
  createdByName: text('created_by_name'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const benefitAttributions = pgTable('benefit_attributions', {
  id: serial('id').primaryKey(),
  benefitId: integer('benefit_id')
    .notNull()
    .references(() => benefits.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  share: numeric('share', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
});
