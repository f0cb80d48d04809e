import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.js';
import { results } from '../results/results.table.js';
import { studios } from '../studios/studios.table.js';

/** A studio's showcase entry: on the public site only while `published`; `story` is its public text. */
export const showcaseStudios = pgTable('showcase_studios', {
  studioId: integer('studio_id')
    .primaryKey()
    .references(() => studios.id),
  published: boolean('published').notNull().default(false),
  story: text('story'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  updatedBy: integer('updated_by').references(() => users.id),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/** A result marked public: shown only when also recognised, not confidential and its studio published. */
export const showcaseResults = pgTable('showcase_results', {
  resultId: integer('result_id')
    .primaryKey()
    .references(() => results.id),
  published: boolean('published').notNull().default(false),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  updatedBy: integer('updated_by').references(() => users.id),
  version: integer('version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
