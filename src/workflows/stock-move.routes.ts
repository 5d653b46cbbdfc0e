// The manual stock move: inventory moves, the ledger books (see move-stock-by-hand.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../contracts/common.js';
import { MoveStockBodySchema, StockMovementSchema } from '../contracts/inventory.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { moveStockByHand } from './move-stock-by-hand.js';

export function registerStockMoveRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  api.post(
    '/stock/moves',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Move returned stock to another location or status, or out of stock; one movement per return line whose units it takes',
        body: MoveStockBodySchema,
        response: {
          201: z.object({ movements: z.array(StockMovementSchema) }),
          400: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const movements = await moveStockByHand(platform, contextOf(request), request.body);
      return reply.code(201).send({ movements });
    },
  );
}
