import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import {
  CancelBodySchema,
  CloseBodySchema,
  CreateRmaBodySchema,
  DecisionBodySchema,
  RerouteBodySchema,
  ListRmasQuerySchema,
  RmaForAudienceSchema,
  type Rma,
  RmaSummaryForAudienceSchema,
  StatusCountsSchema,
  TimelineForAudienceSchema,
  VerdictForAudienceSchema,
} from '../contracts/returns.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { readIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { RequestContext } from '../platform/actor.js';
import { createRma, previewReturn } from './use-cases/create-rma.js';
import { rerouteReturn } from './use-cases/reroute-return.js';
import { approveRma, cancelRma, closeRma, expireDueAuthorizations, rejectRma } from './use-cases/change-rma-status.js';
import { getRma, getRmaTimeline, getStatusCounts, searchRmas } from './use-cases/read-rmas.js';
import type { LoadReturnFacts } from './return-facts.js';
import type { OnReturnAuthorized } from './on-authorized.js';
import type { OnReturnClosedUnreceived } from './on-closed-unreceived.js';
import { rmaFor, rmaSummariesFor, timelineFor, verdictFor } from './rma-audience.js';

const tags = ['returns'];
const errors = { 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema };

/**
 * `loadFacts` asks the later stages what happened to the goods; `onAuthorized` lets them act in the
 * transaction that authorizes a return (credit on authorization), `onClosedUnreceived` in the one
 * that cancels or expires it (that credit taken back). The composition root supplies them.
 */
export function registerReturnRoutes(
  app: FastifyInstance,
  platform: Platform,
  {
    loadFacts,
    onAuthorized,
    onClosedUnreceived,
  }: { loadFacts: LoadReturnFacts; onAuthorized?: OnReturnAuthorized; onClosedUnreceived?: OnReturnClosedUnreceived },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/returns/evaluate',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Preview the policy verdict for a return request (nothing is saved)',
        body: CreateRmaBodySchema,
        response: { 200: VerdictForAudienceSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return verdictFor(ctx.actor, await previewReturn(platform, ctx, request.body));
    },
  );

  api.post(
    '/returns',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Request a return (RMA); authorized or sent for approval by policy',
        body: CreateRmaBodySchema,
        response: { 201: RmaForAudienceSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const rma = await createRma(platform, ctx, request.body, onAuthorized);
      setVersionEtag(reply, rma.version);
      return reply.code(201).header('Location', `/api/v1/returns/${rma.id}`).send(rmaFor(ctx.actor, rma));
    },
  );

  api.get(
    '/returns',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Search returns (status, customer, dates, reason, type, text)',
        querystring: ListRmasQuerySchema,
        response: { 200: pageOf(RmaSummaryForAudienceSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return rmaSummariesFor(ctx.actor, await searchRmas(platform, ctx, request.query, loadFacts));
    },
  );

  api.get(
    '/returns/counts',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'How many returns stand in each status (a customer sees only their own account)',
        response: { 200: StatusCountsSchema },
      },
    },
    (request) => getStatusCounts(platform, contextOf(request)),
  );

  api.get(
    '/returns/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One return with its lines and verdict',
        params: IdParamsSchema,
        response: { 200: RmaForAudienceSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const rma = await getRma(platform, ctx, request.params.id, loadFacts);
      setVersionEtag(reply, rma.version);
      return rmaFor(ctx.actor, rma);
    },
  );

  api.get(
    '/returns/:id/timeline',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A return's history from the audit trail",
        params: IdParamsSchema,
        response: { 200: TimelineForAudienceSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return timelineFor(ctx.actor, await getRmaTimeline(platform, ctx, request.params.id));
    },
  );

  // Approve, reject, reroute and cancel share one shape: a body with the person's words, an optional
  // If-Match, the new version of the return back as its ETag.
  function registerTransition<B extends z.ZodType>(
    action: string,
    summary: string,
    body: B,
    run: (ctx: RequestContext, id: string, body: z.infer<B>, expectedVersion: number | undefined) => Promise<Rma>,
  ) {
    api.post(
      `/returns/:id/${action}`,
      {
        config: SIGNED_IN,
        schema: { tags, summary, params: IdParamsSchema, body, response: { 200: RmaForAudienceSchema, ...errors } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const rma = await run(ctx, request.params.id, request.body as z.infer<B>, readIfMatchVersion(request));
        setVersionEtag(reply, rma.version);
        return rmaFor(ctx.actor, rma);
      },
    );
  }
  registerTransition(
    'approve',
    'Approve a return pending approval (If-Match optional)',
    DecisionBodySchema,
    (ctx, id, body, version) => approveRma(platform, ctx, id, body.comment, version, loadFacts, onAuthorized),
  );
  registerTransition(
    'reject',
    'Reject a return pending approval (If-Match optional)',
    DecisionBodySchema,
    (ctx, id, body, version) => rejectRma(platform, ctx, id, body.comment, version, loadFacts),
  );
  registerTransition(
    'routing',
    'Override where an authorized return’s goods go, with the reason (If-Match optional); the site must hold the goods’ certifications',
    RerouteBodySchema,
    (ctx, id, body, version) => rerouteReturn(platform, ctx, id, body, version, loadFacts),
  );
  registerTransition(
    'cancel',
    'Cancel a return before goods arrive (If-Match optional)',
    CancelBodySchema,
    (ctx, id, body, version) => cancelRma(platform, ctx, id, body.reason, version, loadFacts, onClosedUnreceived),
  );
  registerTransition(
    'close',
    'Close a return whose goods are worked through (nothing in transit, awaiting inspection or disposition): its final settlement (If-Match optional)',
    CloseBodySchema,
    (ctx, id, body, version) => closeRma(platform, ctx, id, body.note, version, loadFacts),
  );
  api.post(
    '/returns/expire-due',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Expire authorizations whose validity has ended with nothing shipped',
        response: { 200: z.object({ expired: z.array(z.string()) }) },
      },
    },
    (request) => expireDueAuthorizations(platform, contextOf(request), loadFacts, onClosedUnreceived),
  );
}
