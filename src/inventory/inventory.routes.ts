// Inventory's endpoints: stock on hand, what planners may promise, where returned units are, the
// movements and a site's locations (manual moves, which the ledger books, are a workflow). Reading needs 'inventory.read' (staff only:
// customers see their return's progress, never the warehouse's bins); moving 'inventory.move'.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, ProblemSchema } from '../contracts/common.js';
import {
  AvailableToPromiseQuerySchema,
  AvailableToPromiseSchema,
  CreateStockLocationBodySchema,
  ListMovementsQuerySchema,
  ListStockQuerySchema,
  SiteIdParamsSchema,
  StockBalanceSchema,
  StockLocationSchema,
  StockMovementSchema,
  UnitsQuerySchema,
  UnitWhereaboutsSchema,
} from '../contracts/inventory.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createStockLocation, listStockLocations } from './stock-locations.js';
import { findAvailableToPromise, findUnitWhereabouts, listMovements, listStock } from './stock.queries.js';

export function registerInventoryRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  api.get(
    '/stock',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Returned stock on hand by product, site, location, status, lot and serial',
        querystring: ListStockQuerySchema,
        response: { 200: pageOf(StockBalanceSchema), 403: ProblemSchema },
      },
    },
    (request) => listStock(platform.db, contextOf(request), request.query),
  );
  api.get(
    '/stock/available',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Available to promise: saleable returned units of a product, per site',
        querystring: AvailableToPromiseQuerySchema,
        response: { 200: AvailableToPromiseSchema, 403: ProblemSchema },
      },
    },
    (request) => findAvailableToPromise(platform.db, contextOf(request), request.query),
  );
  api.get(
    '/stock/units',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Where returned units are now (by serial, return or return line), and every movement that brought them there',
        querystring: UnitsQuerySchema,
        response: { 200: UnitWhereaboutsSchema, 403: ProblemSchema },
      },
    },
    (request) => findUnitWhereabouts(platform.db, contextOf(request), request.query),
  );
  api.get(
    '/stock/movements',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Stock movements, newest first',
        querystring: ListMovementsQuerySchema,
        response: { 200: pageOf(StockMovementSchema), 403: ProblemSchema },
      },
    },
    (request) => listMovements(platform.db, contextOf(request), request.query),
  );
  api.get(
    '/sites/:siteId/locations',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A site's stock locations, by code",
        params: SiteIdParamsSchema,
        response: { 200: z.object({ items: z.array(StockLocationSchema) }), 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => ({
      items: await listStockLocations(platform.db, contextOf(request), request.params.siteId),
    }),
  );
  api.post(
    '/sites/:siteId/locations',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Add a stock location to a site',
        params: SiteIdParamsSchema,
        body: CreateStockLocationBodySchema,
        response: { 201: StockLocationSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const location = await createStockLocation(platform, contextOf(request), request.params.siteId, request.body);
      return reply.code(201).send(location);
    },
  );
}
