import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * The data generation of the tables the dashboard reads, in sixteen shards bumped by a statement trigger
 * (migration 0012). The sum of `n` changes whenever any of that data changes.
 */
export const statsGeneration = pgTable('stats_generation', {
  shard: integer('shard').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});
