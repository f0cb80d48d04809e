import { sql } from 'drizzle-orm';
import { date, integer, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { alliances } from '../alliances/alliances.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';

/** A studio activity (培训, 技术交流, 技能比武…); a training is an activity of kind 'training' with a trainer. */
export const activities = pgTable('activities', {
  id: serial('id').primaryKey(),
  studioId: integer('studio_id')
    .notNull()
    .references(() => studios.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  place: text('place'),
  hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull().default(0),
  /** Head count of outsiders who are not people in the system. */
  outsideCount: integer('outside_count').notNull().default(0),
  summary: text('summary'),
  trainerPersonId: integer('trainer_person_id').references(() => people.id),
  trainerName: text('trainer_name'),
  allianceId: integer('alliance_id').references(() => alliances.id),
  /** Capability in the QR code; only contributors of the studio ever see it. */
  checkinToken: text('checkin_token').notNull(),
  createdBy: integer('created_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** Invited people and attendees: `attendedAt` is set by a QR check-in or by the organiser. */
export const activityParticipants = pgTable('activity_participants', {
  id: serial('id').primaryKey(),
  activityId: integer('activity_id')
    .notNull()
    .references(() => activities.id),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  role: text('role').notNull().default('participant'),
  attendedAt: timestamp('attended_at', { withTimezone: true, mode: 'string' }),
  checkinMethod: text('checkin_method'),
  /** Hours credited to this person; null means the activity's hours. */
  hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }),
  certificate: text('certificate'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
