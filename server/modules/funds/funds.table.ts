import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { studios } from '../studios/studios.table.js';

/** Money given to a studio for a year, from one source. Amounts are integer fen. */
export const fundAllocations = pgTable('fund_allocations', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  year: integer('year').notNull(),
  source: text('source').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  receivedOn: date('received_on', { mode: 'string' }),
  note: text('note'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Spending by a studio, approved through the workflow in common/workflows/fund-expenses.ts. */
export const fundExpenses = pgTable('fund_expenses', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  year: integer('year').notNull(),
  category: text('category').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  spentOn: date('spent_on', { mode: 'string' }).notNull(),
  payee: text('payee'),
  description: text('description').notNull(),
  status: text('status').notNull().default('draft'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  submittedBy: integer('submitted_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  decidedBy: integer('decided_by'),
  decisionNote: text('decision_note'),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const fundExpenseEvents = pgTable('fund_expense_events', {
  id: serial('id').primaryKey(),
  expenseId: integer('expense_id')
    .notNull()
    .references(() => fundExpenses.id),
  action: text('action').notNull(),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  actorUserId: integer('actor_user_id'),
  actorName: text('actor_name'),
  note: text('note'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
