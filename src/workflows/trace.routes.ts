// GET /trace: the path of a serial number or a lot across every stage, and where it is now (staff).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../contracts/common.js';
import { TraceQuerySchema, TraceSchema } from '../contracts/trace.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { traceUnits } from './trace.js';

export function registerTraceRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/trace',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['sales', 'returns', 'receiving', 'inspection', 'disposition', 'inventory'],
        summary:
          'Trace a serial number or a lot (optionally of one product): sold, returned, received, inspected, disposed and moved, oldest first, and where its units are now (staff). Nothing found is an empty timeline.',
        querystring: TraceQuerySchema,
        response: { 200: TraceSchema, 400: ProblemSchema, 403: ProblemSchema },
      },
    },
    (request) => traceUnits(platform, contextOf(request), request.query),
  );
}
