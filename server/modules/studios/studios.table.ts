import { sql } from 'drizzle-orm';
import { date, integer, jsonb, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';

export interface Equipment {
  name: string;
  model?: string;
  quantity: number;
  value?: number;
}

export const studios = pgTable('studios', {
  id: serial('id').primaryKey(),
  /** Archive number, e.g. GZS-2024-0007, assigned at creation. */
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  hostOrgId: integer('host_org_id')
    .notNull()
    .references(() => orgs.id),
  leaderPersonId: integer('leader_person_id').references(() => people.id),
  field: text('field'),
  foundedOn: date('founded_on', { mode: 'string' }),
  status: text('status').notNull().default('cultivating'),
  /** Highest current naming level, kept in step with studio_namings. */
  currentLevel: text('current_level'),
  slogan: text('slogan'),
  intro: text('intro'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  contactEmail: text('contact_email'),
  siteArea: numeric('site_area', { precision: 10, scale: 2, mode: 'number' }),
  equipment: jsonb('equipment').$type<Equipment[]>().notNull().default([]),
  mergedIntoId: integer('merged_into_id'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Naming history: one studio may hold several levels over time. */
export const studioNamings = pgTable('studio_namings', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  level: text('level').notNull(),
  namingBody: text('naming_body').notNull(),
  namedOn: date('named_on', { mode: 'string' }).notNull(),
  plaqueNo: text('plaque_no'),
  applicationId: integer('application_id'),
  revokedOn: date('revoked_on', { mode: 'string' }),
  /** Why it was revoked (摘牌 after an assessment, a revocation, a merge). */
  revokeReason: text('revoke_reason'),
  note: text('note'),
  /** Soft delete of an entry made by mistake (a revoked naming keeps `revokedOn` instead). */
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Membership history: leaving sets left_on, nothing is overwritten. */
export const studioMembers = pgTable('studio_members', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  role: text('role').notNull(),
  division: text('division'),
  joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  leftOn: date('left_on', { mode: 'string' }),
  /** Why the row was closed: left, roleChange, leaderChange… */
  leftReason: text('left_reason'),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Next archive number per year (GZS-<year>-<nnnn>), handed out by an upsert. */
export const studioCodeCounters = pgTable('studio_code_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
