import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocation,
  allocationCreate,
  allocationListQuery,
  allocationUpdate,
  expense,
  expenseActionParams,
  expenseCreate,
  expenseDetail,
  expenseListQuery,
  expenseTransition,
  expenseUpdate,
  fundBalance,
  fundSummary,
  fundSummaryQuery,
} from '../../../common/schemas/funds.js';
import { idParams, pageOf, version } from '../../../common/schemas/shared.js';
import { xlsxHeaders } from '../activities/studio-life.access.js';
import * as allocations from './funds.allocations.service.js';
import * as reports from './funds.reports.js';
import * as service from './funds.service.js';

export function fundsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funds'];
  const read = { access: 'funds.read' } as const;
  const allocate = { access: 'funds.allocate' } as const;
  const spend = { access: 'studios.manage' } as const;
  const archiveBody = z.object({ version });

  r.get(
    '/api/funds/allocations',
    {
      config: read,
      schema: { tags, querystring: allocationListQuery, response: { 200: pageOf(allocation) } },
    },
    (req) => allocations.findAllocations({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/funds/allocations/export',
    { config: read, schema: { tags, querystring: allocationListQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('经费拨款.xlsx'))
        .send(await reports.exportAllocations({ ctx: req.ctx(), query: req.query })),
  );
  r.get(
    '/api/funds/allocations/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: allocation } } },
    (req) => allocations.getAllocation({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/funds/allocations',
    { config: allocate, schema: { tags, body: allocationCreate, response: { 201: allocation } } },
    async (req, reply) =>
      reply.code(201).send(await allocations.createAllocation({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/funds/allocations/:id',
    {
      config: allocate,
      schema: { tags, params: idParams, body: allocationUpdate, response: { 200: allocation } },
    },
    (req) => allocations.updateAllocation({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );

  r.get(
    '/api/funds/expenses',
    { config: read, schema: { tags, querystring: expenseListQuery, response: { 200: pageOf(expense) } } },
    (req) => service.findExpenses({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/funds/expenses/export',
    { config: read, schema: { tags, querystring: expenseListQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders('经费支出.xlsx'))
        .send(await reports.exportExpenses({ ctx: req.ctx(), query: req.query })),
  );
  r.get(
    '/api/funds/expenses/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: expenseDetail } } },
    (req) => service.getExpense({ ctx: req.ctx(), id: req.params.id }),
  );
  r.post(
    '/api/funds/expenses',
    { config: spend, schema: { tags, body: expenseCreate, response: { 201: expenseDetail } } },
    async (req, reply) =>
      reply.code(201).send(await service.createExpense({ ctx: req.ctx(), input: req.body })),
  );
  r.patch(
    '/api/funds/expenses/:id',
    {
      config: spend,
      schema: { tags, params: idParams, body: expenseUpdate, response: { 200: expenseDetail } },
    },
    (req) => service.updateExpense({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/api/funds/allocations/:id/${action}`,
      {
        config: allocate,
        schema: { tags, params: idParams, body: archiveBody, response: { 200: allocation } },
      },
      (req) =>
        allocations.setAllocationArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
    r.post(
      `/api/funds/expenses/:id/${action}`,
      {
        config: spend,
        schema: { tags, params: idParams, body: archiveBody, response: { 200: expenseDetail } },
      },
      (req) =>
        service.setExpenseArchived({
          ctx: req.ctx(),
          id: req.params.id,
          version: req.body.version,
          archived,
        }),
    );
  }
  // Workflow actions: submit, withdraw, approve, reject, revise (route access is checked per action in the service).
  r.post(
    '/api/funds/expenses/:id/:action',
    {
      config: { access: 'studios.manage' },
      schema: {
        tags,
        params: expenseActionParams,
        body: expenseTransition,
        response: { 200: expenseDetail },
      },
    },
    (req) =>
      service.transitionExpense({
        ctx: req.ctx(),
        id: req.params.id,
        action: req.params.action,
        input: req.body,
      }),
  );

  r.get(
    '/api/funds/summary',
    { config: read, schema: { tags, querystring: fundSummaryQuery, response: { 200: fundSummary } } },
    (req) => reports.getFundSummary({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/funds/summary/export',
    { config: read, schema: { tags, querystring: fundSummaryQuery } },
    async (req, reply) =>
      reply
        .headers(xlsxHeaders(`${req.query.year}年经费预算执行.xlsx`))
        .send(await reports.exportFundSummary({ ctx: req.ctx(), query: req.query })),
  );
  r.get(
    '/api/studios/:id/fund-balance',
    { config: read, schema: { tags, params: idParams, response: { 200: fundBalance } } },
    (req) => service.getFundBalance({ ctx: req.ctx(), studioId: req.params.id }),
  );
}
