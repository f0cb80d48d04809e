import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/context.js';
import { challengesRoutes } from '../challenges/challenges.routes.js';
import { clinicRoutes } from '../clinic/clinic.routes.js';
import { pointsRoutes } from '../points/points.routes.js';
import { ideasRoutes } from './ideas.routes.js';

/** Every route of engagement (issue 5): ideas, challenges, points and awards, clinic. Notifications register their own. */
export function engagementRoutes(app: FastifyInstance, deps: Deps) {
  ideasRoutes(app, deps);
  challengesRoutes(app);
  pointsRoutes(app);
  clinicRoutes(app);
}
