import { sql } from 'drizzle-orm';
import { date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.js';
import { studios } from '../studios/studios.table.js';

/** An innovation alliance (创新联盟) of studios and outside partners, registered under an org. */
export const alliances = pgTable('alliances', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  foundedOn: date('founded_on', { mode: 'string' }).notNull(),
  intro: text('intro'),
  leadTermMonths: integer('lead_term_months').notNull().default(12),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const allianceMembers = pgTable('alliance_members', {
  id: serial('id').primaryKey(),
  allianceId: integer('alliance_id')
    .notNull()
    .references(() => alliances.id),
  studioId: integer('studio_id').references(() => studios.id),
  partnerName: text('partner_name'),
  partnerKind: text('partner_kind'),
  joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  leftOn: date('left_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Lead terms; the open one (endsOn null) is the current lead. */
export const allianceLeads = pgTable('alliance_leads', {
  id: serial('id').primaryKey(),
  allianceId: integer('alliance_id')
    .notNull()
    .references(() => alliances.id),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

export const allianceProjects = pgTable('alliance_projects', {
  id: serial('id').primaryKey(),
  allianceId: integer('alliance_id')
    .notNull()
    .references(() => alliances.id),
  title: text('title').notNull(),
  leadStudioId: integer('lead_studio_id')
    .notNull()
    .references(() => studios.id),
  studioIds: integer('studio_ids').array().notNull().default(sql`'{}'`),
  status: text('status').notNull().default('ongoing'),
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
  summary: text('summary'),
  projectId: integer('project_id'),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
