// Every drizzle table of innovation work (issue 4), re-exported once from server/db/schema.ts.
export * from '../adoptions/adoptions.table.js';
export * from '../benefits/benefits.table.js';
export * from '../projects/projects.table.js';
export * from '../results/results.table.js';
export * from './innovation.table.js';
