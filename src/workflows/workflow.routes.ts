// Endpoints whose use case is a workflow across contexts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../contracts/common.js';
import { RmaSchema, UnauthorizedReturnBodySchema } from '../contracts/returns.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { recordUnauthorizedArrival } from './record-unauthorized-arrival.js';

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
}
