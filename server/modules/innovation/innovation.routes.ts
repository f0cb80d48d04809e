import type { FastifyInstance } from 'fastify';
import { adoptionsRoutes } from '../adoptions/adoptions.routes.js';
import { benefitsRoutes } from '../benefits/benefits.routes.js';
import { projectsRoutes } from '../projects/projects.routes.js';
import { resultsRoutes } from '../results/results.routes.js';
import { similarityRoutes } from '../similarity/similarity.routes.js';
import './innovation.registry.js';

/** Registers every route of innovation work (issue 4): projects, results, benefits, adoptions/market, similarity. */
export function innovationRoutes(app: FastifyInstance) {
  projectsRoutes(app);
  resultsRoutes(app);
  benefitsRoutes(app);
  adoptionsRoutes(app);
  similarityRoutes(app);
}
