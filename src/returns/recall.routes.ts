// Recalls: raise one (recall RMAs for every customer who received an affected lot), list them, read one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  ListRecallsQuerySchema,
  RaisedRecallSchema,
  RaiseRecallBodySchema,
  RecallSchema,
  RecallSummarySchema,
} from '../contracts/recalls.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { raiseRecall } from './use-cases/raise-recall.js';
import { getRecall, listRecalls } from './use-cases/read-recalls.js';
import type { OnReturnAuthorized } from './on-authorized.js';

const tags = ['returns'];

/** `onAuthorized`: the later stages' port, run as each recall return is authorized (see on-authorized.ts). */
export function registerRecallRoutes(
  app: FastifyInstance,
  platform: Platform,
  { onAuthorized }: { onAuthorized?: OnReturnAuthorized } = {},
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/recalls',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Recall lots of a product: one recall RMA per customer who received them, for what each can still return; lines with nothing left are reported as skipped',
        body: RaiseRecallBodySchema,
        response: {
          201: RaisedRecallSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const recall = await raiseRecall(platform, contextOf(request), request.body, onAuthorized);
      return reply.code(201).header('Location', `/api/v1/recalls/${recall.id}`).send(recall);
    },
  );

  api.get(
    '/recalls',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Recalls, newest first (staff)',
        querystring: ListRecallsQuerySchema,
        response: { 200: pageOf(RecallSummarySchema), 403: ProblemSchema },
      },
    },
    (request) => listRecalls(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/recalls/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'A recall and the returns it raised, as they stand now (staff)',
        params: IdParamsSchema,
        response: { 200: RecallSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    (request) => getRecall(platform.db, contextOf(request), request.params.id),
  );
}
