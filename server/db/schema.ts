// Every drizzle table, collected for the query builder. Modules add their table file here.
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/orgs/orgs.table.js';
export * from '../modules/people/people.table.js';
export * from '../modules/files/files.table.js';
export * from '../modules/studios/studios.table.js';
