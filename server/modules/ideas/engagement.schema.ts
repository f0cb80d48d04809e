// Every drizzle table of engagement (issue 5: ideas, challenges, points, clinic), re-exported once from
// server/db/schema.ts. The notification tables live in notifications.table.ts.
export * from '../challenges/challenges.table.js';
export * from '../clinic/clinic.table.js';
export * from '../points/points.table.js';
export * from './engagement.table.js';
export * from './ideas.table.js';
