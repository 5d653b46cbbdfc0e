import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { verifyAuditChain } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit/verify',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['audit'],
        summary: 'Recompute the audit hash chain: what was verified, the first break if any, and the unsealed backlog',
        description:
          'Events are chained by a sealer shortly after their transaction commits. `sealedCount` events were checked in chain order; ' +
          '`unsealed` counts committed events not chained yet. Keep `head` outside the database (e.g. in your SIEM): a tail ' +
          'removed together with a rewritten head is only detectable against such a copy.',
        response: {
          200: z.object({
            isIntact: z.boolean(),
            sealedCount: z.number().int(),
            firstBreak: z
              .object({
                seq: z.number().int(),
                reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'truncated']),
              })
              .nullable(),
            head: z.object({ seq: z.number().int(), hash: z.string() }),
            unsealed: z.object({ count: z.number().int(), oldestOccurredAt: z.string().nullable() }),
          }),
        },
      },
    },
    (request) => verifyAuditChain(platform, contextOf(request)),
  );
}
