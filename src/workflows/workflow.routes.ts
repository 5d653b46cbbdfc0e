// Endpoints whose use case is a workflow across contexts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import { IdentifyArrivalBodySchema } from '../contracts/receiving.js';
import { RmaSchema, UnauthorizedReturnBodySchema } from '../contracts/returns.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { readIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { recordUnauthorizedArrival } from './record-unauthorized-arrival.js';
import { identifyArrival } from './identify-arrival.js';

export function registerWorkflowRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/returns/unauthorized',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['returns', 'receiving'],
        summary: 'Record goods that arrived without an RMA: opens an RMA awaiting a decision and records the receipt',
        body: UnauthorizedReturnBodySchema,
        response: { 201: RmaSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const rma = await recordUnauthorizedArrival(platform, contextOf(request), request.body);
      setVersionEtag(reply, rma.version);
      return reply.code(201).header('Location', `/api/v1/returns/${rma.id}`).send(rma);
    },
  );
  api.post(
    '/receiving/arrivals/:id/identify',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['receiving', 'returns'],
        summary:
          'Identify an arrival (sender and every product): opens its return, awaiting a decision, and records the receipt as of the arrival (If-Match optional)',
        params: IdParamsSchema,
        body: IdentifyArrivalBodySchema,
        response: { 201: RmaSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const rma = await identifyArrival(
        platform,
        contextOf(request),
        request.params.id,
        readIfMatchVersion(request),
        request.body,
      );
      setVersionEtag(reply, rma.version);
      return reply.code(201).header('Location', `/api/v1/returns/${rma.id}`).send(rma);
    },
  );
}
