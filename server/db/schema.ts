// Every drizzle table, collected for the query builder. Modules add their table file here.
export * from '../core/rate-limit.table.js';
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/activities/studio-life.schema.js';
export * from '../modules/applications/applications.table.js';
export * from '../modules/assessments/assessments.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/files/files.table.js';
export * from '../modules/ideas/engagement.schema.js';
export * from '../modules/innovation/innovation.schema.js';
export * from '../modules/notifications/notifications.table.js';
export * from '../modules/orgs/orgs.table.js';
export * from '../modules/people/people.table.js';
export * from '../modules/rulebooks/rulebooks.table.js';
export * from '../modules/showcase/showcase.table.js';
export * from '../modules/stats/insight.schema.js';
export * from '../modules/studios/studios.table.js';
