import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/context.js';
import { jobsRoutes } from '../jobs/jobs.routes.js';
import { startJobRunner } from '../jobs/jobs.runner.js';
import { attachRunner } from '../jobs/jobs.service.js';
import { importRoutes } from '../ledgers/import.routes.js';
import { ledgersRoutes } from '../ledgers/ledgers.routes.js';
import { reportsRoutes } from '../reports/reports.routes.js';
import { searchRoutes } from '../search/search.routes.js';
import { statsRoutes } from './stats.routes.js';

/**
 * Registers the insight modules (issue 7) — statistics, jobs, ledgers, reports and search — and starts the
 * in-process job runner, stopped when the app closes.
 */
export function insightRoutes(app: FastifyInstance, deps: Deps) {
  statsRoutes(app);
  jobsRoutes(app);
  ledgersRoutes(app);
  importRoutes(app);
  reportsRoutes(app);
  searchRoutes(app);
  const runner = startJobRunner(deps);
  attachRunner(deps.db, runner);
  app.addHook('onClose', () => runner.stop());
}
