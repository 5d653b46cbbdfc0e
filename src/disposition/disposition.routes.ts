import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, PageQuerySchema, ProblemSchema, pageOf } from '../contracts/common.js';
import {
  DispositionSchema,
  PartnerWorkOrderPageSchema,
  PartnerWorkOrderSchema,
  RecommendationResponseSchema,
  WorkOrderPageSchema,
  WorkOrderQuerySchema,
  WorkOrderSchema,
  SupplierVendorReturnSchema,
} from '../contracts/disposition.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { getRecommendation } from './recommendation.js';
import { findDispositionOfInspection, getDisposition, listDispositionsOfReturn } from './disposition.queries.js';
import { getWorkOrder, listWorkOrders, toPartnerView } from './work-orders.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { RulesPreviewBodySchema, RulesPreviewResponseSchema } from '../contracts/rules-preview.js';
import { previewDispositionRules } from './rules-preview.js';
import { getVendorReturnOfSupplier, listVendorReturnsOfSupplier } from './operations.queries.js';

const tags = ['disposition'];
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export function registerDispositionRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/inspections/:id/recommendation',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          "The rules' recommended disposition for a completed inspection, explained, and the codes to choose from",
        params: IdParamsSchema,
        response: { 200: RecommendationResponseSchema, ...errors },
      },
    },
    (request) => getRecommendation(platform, contextOf(request), request.params.id),
  );

  api.get(
    '/inspections/:id/disposition',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'The disposition executed for an inspection (404 while none)',
        params: IdParamsSchema,
        response: { 200: DispositionSchema, ...errors },
      },
    },
    async (request) => {
      const found = await findDispositionOfInspection(platform.db, contextOf(request), request.params.id);
      if (!found) throw new AppError('not_found', `inspection ${request.params.id} has no disposition yet`);
      return found;
    },
  );

  api.get(
    '/dispositions/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One disposition',
        params: IdParamsSchema,
        response: { 200: DispositionSchema, ...errors },
      },
    },
    (request) => getDisposition(platform.db, contextOf(request), request.params.id),
  );

  api.get(
    '/returns/:id/dispositions',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A return's dispositions, oldest first",
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(DispositionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listDispositionsOfReturn(platform.db, contextOf(request), request.params.id) }),
  );

  api.get(
    '/work-orders',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Work orders (repair and refurbishment, bench and partner)',
        querystring: WorkOrderQuerySchema,
        response: { 200: WorkOrderPageSchema, ...errors },
      },
    },
    (request) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'inspection.read');
      return listWorkOrders(platform.db, ctx, request.query);
    },
  );

  api.get(
    '/work-orders/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One work order',
        params: IdParamsSchema,
        response: { 200: WorkOrderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'inspection.read');
      const order = await getWorkOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return order;
    },
  );

  api.get(
    '/partner/work-orders',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary: "A repair partner's own work orders (partner users and keys only)",
        querystring: WorkOrderQuerySchema,
        response: { 200: PartnerWorkOrderPageSchema, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'workorders.partner');
      const page = await listWorkOrders(platform.db, ctx, request.query);
      return { ...page, items: page.items.map(toPartnerView) };
    },
  );

  api.get(
    '/partner/work-orders/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary: "One of the repair partner's own work orders (another partner's is a 404)",
        params: IdParamsSchema,
        response: { 200: PartnerWorkOrderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'workorders.partner');
      const order = await getWorkOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return toPartnerView(order);
    },
  );

  api.get(
    '/partner/vendor-returns',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary: "The vendor returns shipped to a supplier, as it sees them (the supplier's users and keys only)",
        querystring: PageQuerySchema,
        response: { 200: pageOf(SupplierVendorReturnSchema), ...errors },
      },
    },
    async (request) => listVendorReturnsOfSupplier(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/partner/vendor-returns/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary: "One vendor return shipped to the supplier (another supplier's is a 404)",
        params: IdParamsSchema,
        response: { 200: SupplierVendorReturnSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { version, ...document } = await getVendorReturnOfSupplier(
        platform.db,
        contextOf(request),
        request.params.id,
      );
      setVersionEtag(reply, version);
      return document;
    },
  );

  api.post(
    '/config/disposition_rules/preview',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['configuration'],
        summary:
          'Try a draft of the disposition rules on a completed inspection: its facts, what the draft recommends and what the rules in force recommend (nothing is stored)',
        body: RulesPreviewBodySchema,
        response: { 200: RulesPreviewResponseSchema, ...errors, 422: ProblemSchema },
      },
    },
    (request) => previewDispositionRules(platform, contextOf(request), request.body),
  );
}
