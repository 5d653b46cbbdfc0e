import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  CancelBodySchema,
  CreateRmaBodySchema,
  DecisionBodySchema,
  ListRmasQuerySchema,
  RmaSchema,
  RmaSummarySchema,
  TimelineEntrySchema,
  UnauthorizedReturnBodySchema,
  VerdictSchema,
} from '../contracts/returns.js';
import { contextOf } from '../platform/http/request-context.js';
import { readIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createRma, previewReturn } from './use-cases/create-rma.js';
import { approveRma, cancelRma, expireDueAuthorizations, rejectRma } from './use-cases/change-rma-status.js';
import { getRma, getRmaTimeline, searchRmas } from './use-cases/read-rmas.js';
import { recordUnauthorizedReturn } from './use-cases/record-unauthorized-return.js';

const tags = ['returns'];
const errors = { 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema };

export function registerReturnRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/returns/evaluate',
    {
      schema: {
        tags,
        summary: 'Preview the policy verdict for a return request (nothing is saved)',
        body: CreateRmaBodySchema,
        response: { 200: VerdictSchema, 404: ProblemSchema },
      },
    },
    (request) => previewReturn(platform, contextOf(request), request.body),
  );

  api.post(
    '/returns',
    {
      schema: {
        tags,
        summary: 'Request a return (RMA); authorized or sent for approval by policy',
        body: CreateRmaBodySchema,
        response: { 201: RmaSchema, ...errors },
      },
    },
    async (request, reply) => {
      const rma = await createRma(platform, contextOf(request), request.body);
      setVersionEtag(reply, rma.version);
      return reply.code(201).header('Location', `/api/v1/returns/${rma.id}`).send(rma);
    },
  );

  api.post(
    '/returns/unauthorized',
    {
      schema: {
        tags,
        summary: 'Record goods that arrived without an RMA',
        body: UnauthorizedReturnBodySchema,
        response: { 201: RmaSchema, ...errors },
      },
    },
    async (request, reply) => {
      const rma = await recordUnauthorizedReturn(platform, contextOf(request), request.body);
      return reply.code(201).header('Location', `/api/v1/returns/${rma.id}`).send(rma);
    },
  );

  api.get(
    '/returns',
    {
      schema: {
        tags,
        summary: 'Search returns (status, customer, dates, reason, type, text)',
        querystring: ListRmasQuerySchema,
        response: { 200: pageOf(RmaSummarySchema) },
      },
    },
    (request) => searchRmas(platform, contextOf(request), request.query),
  );

  api.get(
    '/returns/:id',
    {
      schema: {
        tags,
        summary: 'One return with its lines and verdict',
        params: IdParamsSchema,
        response: { 200: RmaSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const rma = await getRma(platform, contextOf(request), request.params.id);
      setVersionEtag(reply, rma.version);
      return rma;
    },
  );

  api.get(
    '/returns/:id/timeline',
    {
      schema: {
        tags,
        summary: "A return's history from the audit trail",
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(TimelineEntrySchema) }), 404: ProblemSchema },
      },
    },
    (request) => getRmaTimeline(platform, contextOf(request), request.params.id),
  );

  const decisionSchema = {
    tags,
    params: IdParamsSchema,
    body: DecisionBodySchema,
    response: { 200: RmaSchema, ...errors },
  };
  api.post(
    '/returns/:id/approve',
    { schema: { ...decisionSchema, summary: 'Approve a return pending approval (If-Match optional)' } },
    async (request, reply) => {
      const rma = await approveRma(
        platform,
        contextOf(request),
        request.params.id,
        request.body.comment,
        readIfMatchVersion(request),
      );
      setVersionEtag(reply, rma.version);
      return rma;
    },
  );
  api.post(
    '/returns/:id/reject',
    { schema: { ...decisionSchema, summary: 'Reject a return pending approval (If-Match optional)' } },
    async (request, reply) => {
      const rma = await rejectRma(
        platform,
        contextOf(request),
        request.params.id,
        request.body.comment,
        readIfMatchVersion(request),
      );
      setVersionEtag(reply, rma.version);
      return rma;
    },
  );
  api.post(
    '/returns/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a return before goods arrive',
        params: IdParamsSchema,
        body: CancelBodySchema,
        response: { 200: RmaSchema, ...errors },
      },
    },
    async (request, reply) => {
      const rma = await cancelRma(
        platform,
        contextOf(request),
        request.params.id,
        request.body.reason,
        readIfMatchVersion(request),
      );
      setVersionEtag(reply, rma.version);
      return rma;
    },
  );
  api.post(
    '/returns/expire-due',
    {
      schema: {
        tags,
        summary: 'Expire authorizations whose validity has ended with nothing shipped',
        response: { 200: z.object({ expired: z.array(z.string()) }) },
      },
    },
    (request) => expireDueAuthorizations(platform, contextOf(request)),
  );
}
