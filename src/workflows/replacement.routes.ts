// Replacement, exchange and advance-replacement orders over HTTP: requested for a return's lines by
// customer service, allocated and shipped by the warehouse (If-Match), cancelled, read by staff and
// by the customer whose return it is (in the customer's shape), and the deposit sweep finance runs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forAudiences, IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  CancelReplacementSchema,
  CustomerReplacementOrderSchema,
  InvoicedDepositsSchema,
  ListReplacementOrdersQuerySchema,
  ReplacementOrderSchema,
  RequestReplacementSchema,
  ShipReplacementSchema,
  type ReplacementOrder,
} from '../contracts/replacements.js';
import type { RequestContext } from '../platform/actor.js';
import { isCustomerScoped } from '../platform/access.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { customerReplacementView, getReplacementOrder, listReplacementOrders } from '../settlement/index.js';
import { invoiceOverdueDeposits } from './advance-replacement-deposits.js';
import { allocateReplacement, cancelReplacement, requestReplacement, shipReplacement } from './replacement-orders.js';

const tags = ['settlement'];
const readErrors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...readErrors, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema };
const OrderForAnyone = forAudiences(ReplacementOrderSchema, CustomerReplacementOrderSchema, ': their own returns');

function forAudience(ctx: RequestContext, order: ReplacementOrder) {
  return isCustomerScoped(ctx.actor) || ctx.actor.role === 'customer' ? customerReplacementView(order) : order;
}

export function registerReplacementRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/replacement-orders',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Replacement orders, newest first; a customer sees those of its own returns',
        querystring: ListReplacementOrdersQuerySchema,
        response: { 200: pageOf(OrderForAnyone), ...readErrors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await listReplacementOrders(platform.db, ctx, request.query);
      return { ...page, items: page.items.map((order) => forAudience(ctx, order)) };
    },
  );

  api.get(
    '/replacement-orders/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One replacement order with its lines and deposit',
        params: IdParamsSchema,
        response: { 200: OrderForAnyone, ...readErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const order = await getReplacementOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return forAudience(ctx, order);
    },
  );

  api.post(
    '/returns/:id/replacement-orders',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          "Request a replacement, an exchange or an advance replacement for the return's lines (within what is left to settle); an advance replacement's deposit and an exchange's price difference are fixed and shown from here on",
        params: IdParamsSchema,
        body: RequestReplacementSchema,
        response: { 201: ReplacementOrderSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await requestReplacement(platform, ctx, request.params.id, request.body);
      const order = await getReplacementOrder(platform.db, ctx, id);
      setVersionEtag(reply, order.version);
      return reply.code(201).send(order);
    },
  );

  api.post(
    '/replacement-orders/:id/allocate',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Allocate saleable stock to the order (If-Match): allocated, or backordered when short',
        params: IdParamsSchema,
        response: { 200: ReplacementOrderSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await allocateReplacement(platform, ctx, request.params.id, requireIfMatchVersion(request));
      const order = await getReplacementOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return order;
    },
  );

  api.post(
    '/replacement-orders/:id/ship',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Ship an allocated order (If-Match): out of stock at cost; an advance replacement charges its deposit, an exchange invoices or credits its price difference',
        params: IdParamsSchema,
        body: ShipReplacementSchema,
        response: { 200: ReplacementOrderSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await shipReplacement(platform, ctx, request.params.id, {
        carrierReference: request.body.carrierReference,
        expectedVersion: requireIfMatchVersion(request),
      });
      const order = await getReplacementOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return order;
    },
  );

  api.post(
    '/replacement-orders/:id/cancel',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Cancel an order before it ships (If-Match), with a reason; allocated units go back to saleable',
        params: IdParamsSchema,
        body: CancelReplacementSchema,
        response: { 200: ReplacementOrderSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await cancelReplacement(platform, ctx, request.params.id, {
        reason: request.body.reason,
        expectedVersion: requireIfMatchVersion(request),
      });
      const order = await getReplacementOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return order;
    },
  );

  api.post(
    '/replacement-orders/invoice-overdue-deposits',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "Invoice advance replacements whose return did not arrive within the policy's days (the hourly sweep)",
        response: { 200: InvoicedDepositsSchema, ...readErrors },
      },
    },
    (request) => invoiceOverdueDeposits(platform, contextOf(request)),
  );
}
