// The KPI API: definitions, a table cut by a dimension, the returns behind a figure, and both as
// CSV. Read-only; every route checks kpi.read (staff who answer for results, never customers).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { KPI_DEFINITIONS } from '../contracts/kpi-definitions.js';
import { KpiDrillDownQuerySchema, KpiTableQuerySchema } from '../contracts/kpi.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { assertCan } from '../platform/access.js';
import type { Platform } from '../platform/unit-of-work.js';
import { kpiReturns, kpiTable } from './kpi-queries.js';
import { kpiReturnsCsv, kpiTableCsv } from './domain/kpi-csv.js';

/** The most rows one drill-down CSV carries (the whole selection, page by page). */
const CSV_ROWS = 50_000;

export function registerKpiRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['kpis'];
  const today = () => platform.clock.now().toISOString().slice(0, 10);

  api.get(
    '/kpis/definitions',
    { config: SIGNED_IN, schema: { tags, summary: 'What each KPI means: formula, start and end events, exclusions' } },
    (request, reply) => {
      assertCan(contextOf(request).actor, 'kpi.read');
      return reply.send(KPI_DEFINITIONS);
    },
  );

  api.get(
    '/kpis',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Every KPI per value of one dimension (period, entity, site, customer, product, …), with filters',
        querystring: KpiTableQuerySchema,
      },
    },
    async (request) => {
      assertCan(contextOf(request).actor, 'kpi.read');
      return kpiTable(platform.db, request.query, today());
    },
  );

  api.get(
    '/kpis.csv',
    { config: SIGNED_IN, schema: { tags, summary: 'The KPI table as CSV', querystring: KpiTableQuerySchema } },
    async (request, reply) => {
      assertCan(contextOf(request).actor, 'kpi.read');
      const table = await kpiTable(platform.db, request.query, today());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kpis-by-${table.by}-${table.from}-${table.to}.csv"`)
        .send(kpiTableCsv(table));
    },
  );

  api.get(
    '/kpis/returns',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'The returns behind a KPI figure (its drill-down)',
        querystring: KpiDrillDownQuerySchema,
      },
    },
    async (request) => {
      assertCan(contextOf(request).actor, 'kpi.read');
      return kpiReturns(platform.db, request.query, today());
    },
  );

  api.get(
    '/kpis/returns.csv',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'The returns behind a KPI figure as CSV', querystring: KpiDrillDownQuerySchema },
    },
    async (request, reply) => {
      assertCan(contextOf(request).actor, 'kpi.read');
      const query = { ...request.query, page: 1, pageSize: CSV_ROWS };
      const { items } = await kpiReturns(platform.db, query, today());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="kpi-returns${request.query.kpi ? `-${request.query.kpi}` : ''}.csv"`,
        )
        .send(kpiReturnsCsv(items));
    },
  );
}
