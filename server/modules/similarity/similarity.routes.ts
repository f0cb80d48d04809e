import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { similarItem, similarQuery } from '../../../common/schemas/similarity.js';
import { findSimilar } from './similarity.service.js';

/** The similarity check shown on the proposal form and to reviewers. */
export function similarityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/similar',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['similarity'], querystring: similarQuery, response: { 200: z.array(similarItem) } },
    },
    (req) => findSimilar({ ctx: req.ctx(), query: req.query }),
  );
}
