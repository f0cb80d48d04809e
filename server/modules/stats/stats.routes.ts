import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  statsComparison,
  statsOverview,
  statsOverviewQuery,
  statsPeriodQuery,
} from '../../../common/schemas/stats.js';
import { getComparison, getTrend } from './stats.compare.js';
import { getOverview } from './stats.service.js';

export function statsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['stats'];
  r.get(
    '/api/stats/overview',
    {
      config: { access: 'stats.read' },
      schema: { tags, querystring: statsOverviewQuery, response: { 200: statsOverview } },
    },
    (req) => getOverview({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/stats/trend',
    {
      config: { access: 'stats.read' },
      schema: { tags, querystring: statsPeriodQuery, response: { 200: statsComparison } },
    },
    (req) => getTrend({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/stats/compare',
    {
      config: { access: 'stats.read' },
      schema: { tags, querystring: statsPeriodQuery, response: { 200: statsComparison } },
    },
    (req) => getComparison({ ctx: req.ctx(), query: req.query }),
  );
}
