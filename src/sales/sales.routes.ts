import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../contracts/common.js';
import {
  BulkResultSchema,
  SalesOrderInputSchema,
  SalesOrderForAudienceSchema,
  SalesOrderSchema,
  SalesOrderSummaryForAudienceSchema,
} from '../contracts/masterdata.js';
import { createEach } from '../platform/bulk.js';
import { assertCan } from '../platform/access.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { createSalesOrder, getSalesOrder, searchSalesOrders } from './sales-order.service.js';
import { orderFor, orderSummariesFor } from './sales-audience.js';

const OrderQuery = z.strictObject({
  customerId: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/**
 * Until when each order's goods may be returned, or null when nothing on it can be. Returns owns
 * the return policy (a context above sales), so the composition root supplies this, as it supplies
 * the later stages' facts to returns.
 */
export type ReturnableUntilOf = (
  db: Kysely<DB>,
  orders: ReadonlyArray<{ id: string; customerId: string }>,
) => Promise<ReadonlyMap<string, string | null>>;

export function registerSalesRoutes(
  app: FastifyInstance,
  platform: Platform,
  { returnableUntilOf }: { returnableUntilOf: ReturnableUntilOf },
): void {
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
        response: { 200: pageOf(SalesOrderSummaryForAudienceSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await searchSalesOrders(platform, ctx, request.query);
      const until = await returnableUntilOf(platform.db, page.items);
      const items = page.items.map((order) => ({ ...order, returnableUntil: until.get(order.id) ?? null }));
      return { ...page, items: orderSummariesFor(ctx.actor, items) };
    },
  );
  api.get(
    '/orders/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'A sales order with its lines and returnable quantities',
        params: IdParamsSchema,
        response: { 200: SalesOrderForAudienceSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return orderFor(ctx.actor, await getSalesOrder(platform, ctx, request.params.id));
    },
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
