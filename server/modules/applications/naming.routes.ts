import type { FastifyInstance } from 'fastify';
import { namingsRoutes } from '../namings/namings.routes.js';
import { rulebooksRoutes } from '../rulebooks/rulebooks.routes.js';
import { applicationsRoutes } from './applications.routes.js';

/** Everything of the naming process: rulebooks and reviews, applications, namings and certificates. */
export function namingRoutes(app: FastifyInstance) {
  rulebooksRoutes(app);
  applicationsRoutes(app);
  namingsRoutes(app);
}
