// Endpoints whose use case is a workflow across contexts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import {
  IdentifyArrivalBodySchema,
  ListReceiptExceptionsQuerySchema,
  ReceiptExceptionSchema,
  ReceiptResultSchema,
  ReceiveReturnBodySchema,
  ResolveReceiptExceptionBodySchema,
} from '../contracts/receiving.js';
import { pageOf } from '../contracts/common.js';
import { getReceiptException, listReceiptExceptions } from '../receiving/index.js';
import { findRmaNumbers } from '../returns/index.js';
import { receiveReturn } from './receive-return.js';
import { resolveReceiptException } from './resolve-receipt-exception.js';
import { RmaSchema, UnauthorizedReturnBodySchema } from '../contracts/returns.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { readIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { recordUnauthorizedArrival } from './record-unauthorized-arrival.js';
import { identifyArrival } from './identify-arrival.js';
import { getChainOfCustody } from './chain-of-custody.js';
import { ChainOfCustodySchema } from '../contracts/custody.js';

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
  api.post(
    '/returns/:id/receipts',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['receiving', 'returns'],
        summary:
          'Receive goods against an authorized return, by scan (GS1, Digital Link, GTIN or SKU) or by hand; what does not match becomes receipt exceptions',
        params: IdParamsSchema,
        body: ReceiveReturnBodySchema,
        response: {
          201: ReceiptResultSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          // No exchange rate to value the goods, or their month is closed in the books.
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await receiveReturn(platform, contextOf(request), request.params.id, request.body);
      return reply.code(201).send(result);
    },
  );
  api.get(
    '/returns/:id/custody',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['logistics', 'receiving', 'inventory'],
        summary:
          'Chain of custody of a return: every hand-over of its goods (carrier scans, dock check-in, receipt, stock movements) with who, where and when, oldest first (staff)',
        params: IdParamsSchema,
        response: { 200: ChainOfCustodySchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    (request) => getChainOfCustody(platform, contextOf(request), request.params.id),
  );
  api.get(
    '/receiving/exceptions',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['receiving'],
        summary: 'Receipt exceptions: goods that did not match their return, oldest first',
        querystring: ListReceiptExceptionsQuerySchema,
        response: { 200: pageOf(ReceiptExceptionSchema) },
      },
    },
    (request) => listReceiptExceptions(platform.db, contextOf(request), request.query, findRmaNumbers),
  );
  api.get(
    '/receiving/exceptions/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['receiving'],
        summary: 'One receipt exception',
        params: IdParamsSchema,
        response: { 200: ReceiptExceptionSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const view = await getReceiptException(platform.db, contextOf(request), request.params.id, findRmaNumbers);
      setVersionEtag(reply, view.version);
      return view;
    },
  );
  api.post(
    '/receiving/exceptions/:id/resolve',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['receiving'],
        summary:
          'Resolve a receipt exception: accept the goods onto the return, open an unauthorized return for them, or refuse them (If-Match optional)',
        params: IdParamsSchema,
        body: ResolveReceiptExceptionBodySchema,
        response: {
          200: ReceiptExceptionSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          412: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const view = await resolveReceiptException(
        platform,
        contextOf(request),
        request.params.id,
        readIfMatchVersion(request),
        request.body,
      );
      setVersionEtag(reply, view.version);
      return view;
    },
  );
}
