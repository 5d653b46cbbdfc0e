// Receiving's own endpoints: arrivals that wait to be identified. (Identifying one opens a return,
// so that endpoint is a workflow's: see workflows/workflow.routes.ts.)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  ListArrivalsQuerySchema,
  UnidentifiedArrivalBodySchema,
  UnidentifiedArrivalSchema,
  UnidentifiedArrivalSummarySchema,
} from '../contracts/receiving.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { setVersionEtag } from '../platform/http/preconditions.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { getUnidentifiedArrival, listUnidentifiedArrivals } from './unidentified-arrival.queries.js';
import { recordUnidentifiedArrival } from './unidentified-arrivals.js';

export const ARRIVALS_PATH = '/receiving/arrivals';

export function registerReceivingRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['receiving'];
  api.post(
    ARRIVALS_PATH,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Record goods whose sender is not a known customer, or whose products are not in the catalogue; they wait to be identified',
        body: UnidentifiedArrivalBodySchema,
        response: { 201: UnidentifiedArrivalSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const arrival = await runInTransaction(platform, ctx, (tx) => recordUnidentifiedArrival(tx, request.body));
      const view = await getUnidentifiedArrival(platform.db, ctx, arrival.id);
      setVersionEtag(reply, view.version);
      return reply.code(201).header('Location', `/api/v1${ARRIVALS_PATH}/${view.id}`).send(view);
    },
  );
  api.get(
    ARRIVALS_PATH,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Arrivals waiting to be identified (oldest first), or already identified',
        querystring: ListArrivalsQuerySchema,
        response: { 200: pageOf(UnidentifiedArrivalSummarySchema) },
      },
    },
    (request) => listUnidentifiedArrivals(platform.db, contextOf(request), request.query),
  );
  api.get(
    `${ARRIVALS_PATH}/:id`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One arrival with its lines',
        params: IdParamsSchema,
        response: { 200: UnidentifiedArrivalSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const arrival = await getUnidentifiedArrival(platform.db, contextOf(request), request.params.id);
      setVersionEtag(reply, arrival.version);
      return arrival;
    },
  );
}
