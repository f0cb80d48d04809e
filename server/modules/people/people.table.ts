import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Honour } from '../../../common/schemas/people.js';
import { orgs } from '../orgs/orgs.table.js';

export const people = pgTable('people', {
  id: serial('id').primaryKey(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  employeeNo: text('employee_no').notNull(),
  name: text('name').notNull(),
  gender: text('gender'),
  birthYear: integer('birth_year'),
  education: text('education'),
  skillGrade: text('skill_grade'),
  professionalTitle: text('professional_title'),
  trade: text('trade'),
  phone: text('phone'),
  email: text('email'),
  honours: jsonb('honours').$type<Honour[]>().notNull().default([]),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
