// GET /ledger/reconciliation: the books' stock accounts beside the stock itself (see
// reconcile-returns-inventory.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../contracts/common.js';
import { ReconciliationQuerySchema, ReconciliationSchema } from '../contracts/ledger.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { reconcileReturnsInventory } from './reconcile-returns-inventory.js';

export function registerReconciliationRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/ledger/reconciliation',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['ledger'],
        summary:
          'Returns inventory and the subledgers reconciled with their control accounts, now or as at the end of a period',
        querystring: ReconciliationQuerySchema,
        response: { 200: ReconciliationSchema, 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) =>
      reconcileReturnsInventory(platform, contextOf(request), request.query.legalEntityId, request.query.period),
  );
}
