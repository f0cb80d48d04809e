import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchQuery, searchResult } from '../../../common/schemas/search.js';
import { search } from './search.service.js';

export function searchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/search',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchResult } },
    },
    (req) => search({ ctx: req.ctx(), ...req.query }),
  );
}
