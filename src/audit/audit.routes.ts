import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { verifyAuditChain } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute the audit hash chain and report the first break, if any',
        response: {
          200: z.object({
            isIntact: z.boolean(),
            eventCount: z.number().int(),
            firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
          }),
        },
      },
    },
    (request) => verifyAuditChain(platform, contextOf(request)),
  );
}
