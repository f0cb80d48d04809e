import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { personLife } from '../../../common/schemas/person-life.js';
import { idParams } from '../../../common/schemas/shared.js';
import { alliancesRoutes } from '../alliances/alliances.routes.js';
import { contestsRoutes } from '../contests/contests.routes.js';
import { fundsRoutes } from '../funds/funds.routes.js';
import { mentorshipsRoutes } from '../mentorships/mentorships.routes.js';
import { exportPersonLife, getPersonLife } from './activities.people.js';
import { activitiesRoutes } from './activities.routes.js';
import { xlsxHeaders } from './studio-life.access.js';
import './studio-life.registry.js';

/** Registers every studio-life route (issue 6): activities and check-in, contests, mentoring, funds, alliances. */
export function studioLifeRoutes(app: FastifyInstance) {
  activitiesRoutes(app);
  contestsRoutes(app);
  mentorshipsRoutes(app);
  fundsRoutes(app);
  alliancesRoutes(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/people/:id/life',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['people'], params: idParams, response: { 200: personLife } },
    },
    (req) => getPersonLife({ ctx: req.ctx(), personId: req.params.id }),
  );
  r.get(
    '/api/people/:id/life/export',
    { config: { access: 'authenticated' }, schema: { tags: ['people'], params: idParams } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('个人台账.xlsx'))
        .send(await exportPersonLife({ ctx: req.ctx(), personId: req.params.id })),
  );
}
