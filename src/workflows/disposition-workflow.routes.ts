// Endpoints that execute dispositions and what follows them: each a workflow across disposition
// and inventory (and, later, the ledger).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import {
  DecideDispositionBodySchema,
  DispositionSchema,
  PartnerWorkOrderSchema,
  ReportWorkOrderOutcomeBodySchema,
  WorkOrderSchema,
} from '../contracts/disposition.js';
import { assertCan } from '../platform/access.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { getDisposition, getWorkOrder, toPartnerView } from '../disposition/index.js';
import { executeDisposition } from './execute-disposition.js';
import { reportWorkOrderOutcome } from './report-work-order-outcome.js';

const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  422: ProblemSchema,
  428: ProblemSchema,
};

export function registerDispositionWorkflowRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/inspections/:id/disposition',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['disposition'],
        summary:
          'Confirm the recommended disposition, or override it with a reason, and execute it: stock moves and the work order, vendor return, hold, disposal, liquidation lot or shipment back is opened, in one transaction',
        params: IdParamsSchema,
        body: DecideDispositionBodySchema,
        response: { 201: DispositionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await executeDisposition(platform, ctx, request.params.id, request.body);
      return reply
        .code(201)
        .header('Location', `/api/v1/dispositions/${id}`)
        .send(await getDisposition(platform.db, ctx, id));
    },
  );

  api.post(
    '/work-orders/:id/outcome',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['disposition'],
        summary:
          'Record the outcome of an in-house work order (If-Match): repaired units are restocked at their grade, others scrapped',
        params: IdParamsSchema,
        body: ReportWorkOrderOutcomeBodySchema,
        response: { 200: WorkOrderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await reportWorkOrderOutcome(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const order = await getWorkOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return order;
    },
  );

  api.post(
    '/partner/work-orders/:id/outcome',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary:
          'A repair partner reports the outcome of its own work order (If-Match): repaired (with cost and grade) or beyond repair',
        params: IdParamsSchema,
        body: ReportWorkOrderOutcomeBodySchema,
        response: { 200: PartnerWorkOrderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // The partner's door: our own staff report on /work-orders/:id/outcome, not through here.
      assertCan(ctx.actor, 'workorders.partner');
      await reportWorkOrderOutcome(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const order = await getWorkOrder(platform.db, ctx, request.params.id);
      setVersionEtag(reply, order.version);
      return toPartnerView(order);
    },
  );
}
