// Every drizzle table of studio life (issue 6), re-exported once from server/db/schema.ts.
export * from '../activities/activities.table.js';
export * from '../alliances/alliances.table.js';
export * from '../contests/contests.table.js';
export * from '../funds/funds.table.js';
export * from '../mentorships/mentorships.table.js';
