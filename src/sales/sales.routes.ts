import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../contracts/common.js';
import { BulkResultSchema, SalesOrderInputSchema, SalesOrderSchema } from '../contracts/masterdata.js';
import { createEach } from '../platform/bulk.js';
import { assertCan } from '../platform/access.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createSalesOrder, getSalesOrder, searchSalesOrders } from './sales-order.service.js';

const OrderSummarySchema = SalesOrderSchema.omit({ lines: true }).extend({ lineCount: z.number().int() });
const OrderQuery = z.strictObject({
  customerId: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function registerSalesRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sales orders'];
  api.get(
    '/orders',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Search sales orders (customers see their own)',
        querystring: OrderQuery,
        response: { 200: pageOf(OrderSummarySchema) },
      },
    },
    (request) => searchSalesOrders(platform, contextOf(request), request.query),
  );
  api.get(
    '/orders/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'A sales order with its lines and returnable quantities',
        params: IdParamsSchema,
        response: { 200: SalesOrderSchema },
      },
    },
    (request) => getSalesOrder(platform, contextOf(request), request.params.id),
  );
  api.post(
    '/orders',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Record a shipped sales order (from the ERP)',
        body: SalesOrderInputSchema,
        response: { 201: SalesOrderSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { id } = await createSalesOrder(platform, ctx, request.body);
      return reply
        .code(201)
        .header('Location', `/api/v1/orders/${id}`)
        .send(await getSalesOrder(platform, ctx, id));
    },
  );
  api.post(
    '/orders/bulk',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Record many orders; one result per item',
        body: z.strictObject({ items: z.array(z.unknown()).min(1).max(2000) }),
        response: { 200: BulkResultSchema },
      },
    },
    (request) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'orders.write');
      return createEach(request.body.items, SalesOrderInputSchema, (order) => createSalesOrder(platform, ctx, order));
    },
  );
}
