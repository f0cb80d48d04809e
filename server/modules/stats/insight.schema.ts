// Every drizzle table of insight (issue 7), re-exported once from server/db/schema.ts.
export * from '../jobs/jobs.table.js';
export * from '../ledgers/ledgers.table.js';
export * from './stats.table.js';
