import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema, pageOf } from '../contracts/common.js';
import {
  CreatedWebhookSubscriptionSchema,
  CreateWebhookSubscriptionBodySchema,
  ListWebhookDeliveriesQuerySchema,
  UpdateWebhookSubscriptionBodySchema,
  WebhookDeliverySchema,
  WebhookSubscriptionSchema,
} from '../contracts/webhooks.js';
import { readIfMatchVersion, requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import { contextOf, SIGNED_IN, SIGNED_IN_SHOWN_ONCE } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  createWebhookSubscription,
  deactivateWebhookSubscription,
  getWebhookSubscription,
  listWebhookSubscriptions,
  updateWebhookSubscription,
} from './webhook-subscriptions.service.js';
import { listWebhookDeliveries, replayWebhookDelivery } from './webhook-deliveries.service.js';

const tags = ['webhooks'];
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };

export function registerWebhookRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/webhook-subscriptions',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Webhook subscriptions',
        response: { 200: z.object({ items: z.array(WebhookSubscriptionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listWebhookSubscriptions(platform, contextOf(request)) }),
  );
  api.post(
    '/webhook-subscriptions',
    {
      config: SIGNED_IN_SHOWN_ONCE,
      schema: {
        tags,
        summary: 'Subscribe a URL to event types (exact, or *); the signing secret is shown once',
        body: CreateWebhookSubscriptionBodySchema,
        response: { 201: CreatedWebhookSubscriptionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createWebhookSubscription(platform, contextOf(request), request.body);
      setVersionEtag(reply, created.version);
      return reply.code(201).header('Location', `/api/v1/webhook-subscriptions/${created.id}`).send(created);
    },
  );
  api.get(
    '/webhook-subscriptions/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One webhook subscription',
        params: IdParamsSchema,
        response: { 200: WebhookSubscriptionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const subscription = await getWebhookSubscription(platform, contextOf(request), request.params.id);
      setVersionEtag(reply, subscription.version);
      return subscription;
    },
  );
  api.patch(
    '/webhook-subscriptions/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "Change a subscription's URL, event types, tries or whether it is active (If-Match required)",
        params: IdParamsSchema,
        body: UpdateWebhookSubscriptionBodySchema,
        response: { 200: WebhookSubscriptionSchema, ...errors, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const subscription = await updateWebhookSubscription(
        platform,
        contextOf(request),
        request.params.id,
        request.body,
        requireIfMatchVersion(request),
      );
      setVersionEtag(reply, subscription.version);
      return subscription;
    },
  );
  api.delete(
    '/webhook-subscriptions/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Deactivate a subscription (its delivery log stays; If-Match optional)',
        params: IdParamsSchema,
        response: { 200: WebhookSubscriptionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const subscription = await deactivateWebhookSubscription(
        platform,
        contextOf(request),
        request.params.id,
        readIfMatchVersion(request),
      );
      setVersionEtag(reply, subscription.version);
      return subscription;
    },
  );
  api.get(
    '/webhook-subscriptions/:id/deliveries',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A subscription's delivery log: status, tries, status codes and timings (newest first)",
        params: IdParamsSchema,
        querystring: ListWebhookDeliveriesQuerySchema,
        response: { 200: pageOf(WebhookDeliverySchema), ...errors },
      },
    },
    (request) => listWebhookDeliveries(platform, contextOf(request), request.params.id, request.query),
  );
  api.post(
    '/webhook-deliveries/:id/replay',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Send a dead or delivered delivery again',
        params: IdParamsSchema,
        response: { 200: WebhookDeliverySchema, ...errors },
      },
    },
    (request) => replayWebhookDelivery(platform, contextOf(request), request.params.id),
  );
}
