// Logistics' endpoints: a return's shipments, and carrier tracking coming in — from an
// integration with an API key (generic format, or a provider's payload as it sends it), and
// EasyPost's signed webhook, which carries no API key and is trusted by its signature alone.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import { CreateShipmentBodySchema, ShipmentSchema, TrackingWebhookResultSchema } from '../contracts/logistics.js';
import type { Actor } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { contextOf, PUBLIC, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findReturnForStages } from '../returns/index.js';
import { createShipment } from './create-shipment.js';
import { EASYPOST_SIGNATURE_HEADER, verifyEasyPostSignature } from './domain/tracking-events/easypost-signature.js';
import { readAfterShipPayload } from './domain/tracking-events/map-aftership.js';
import { readEasyPostWebhook } from './domain/tracking-events/map-easypost.js';
import { readShippoPayload } from './domain/tracking-events/map-shippo.js';
import { readGenericTrackingPayload, type TrackingPayloadReading } from './domain/tracking-events/tracking-event.js';
import { recordTrackingEvents, type TrackingSource } from './record-tracking.js';
import { findShipmentsOfReturn } from './shipment.queries.js';
import { registerReturnLabelRoutes } from './return-label.routes.js';
import { registerCarrierShipmentRoutes } from './carrier-shipments.routes.js';

export interface LogisticsOptions {
  /** The secret EasyPost signs its webhooks with; without it the EasyPost webhook answers 503. */
  easyPostWebhookSecret?: string | undefined;
}

const READERS: Record<Exclude<TrackingSource, 'carrier'>, (body: unknown) => TrackingPayloadReading> = {
  generic: readGenericTrackingPayload,
  easypost: readEasyPostWebhook,
  shippo: readShippoPayload,
  aftership: readAfterShipPayload,
};

/** Who EasyPost's webhook acts as: no person, so the audit trail names the carrier feed. */
const EASYPOST_FEED: Actor = {
  kind: 'system',
  id: 'easypost-webhook',
  personId: 'easypost-webhook',
  name: 'EasyPost tracking webhook',
  role: 'warehouse',
  customerId: null,
};

export function registerLogisticsRoutes(app: FastifyInstance, platform: Platform, options: LogisticsOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  registerReturnLabelRoutes(app, platform);
  registerCarrierShipmentRoutes(app, platform);
  api.post(
    '/returns/:id/shipments',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['logistics'],
        summary:
          'Record how an authorized return travels back: the tracking number (carrier recognised from it) and the units it carries',
        params: IdParamsSchema,
        body: CreateShipmentBodySchema,
        response: { 201: ShipmentSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const shipment = await createShipment(platform, contextOf(request), request.params.id, request.body);
      return reply.code(201).send(shipment);
    },
  );
  api.get(
    '/returns/:id/shipments',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['logistics'],
        summary: "A return's shipments with their tracking, newest event first",
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(ShipmentSchema) }), 404: ProblemSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'returns.read');
      const rma = await findReturnForStages(platform.db, ctx.actor, request.params.id);
      return { items: await findShipmentsOfReturn(platform.db, rma.id) };
    },
  );
  api.post(
    '/tracking/events',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['logistics'],
        summary:
          'Carrier tracking events from an integration: the generic format (default), or an EasyPost, Shippo or AfterShip payload as the provider sends it',
        querystring: z.strictObject({
          format: z.enum(['generic', 'easypost', 'shippo', 'aftership']).default('generic'),
        }),
        body: z.unknown(),
        response: { 200: TrackingWebhookResultSchema, 400: ProblemSchema },
      },
    },
    (request) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'tracking.report');
      const events = eventsOf(READERS[request.query.format](request.body));
      return recordTrackingEvents(platform, ctx, request.query.format, events);
    },
  );
  api.post(
    '/webhooks/easypost',
    {
      // No API key: EasyPost cannot send one. The signature over the exact body is the credential.
      config: PUBLIC,
      schema: {
        tags: ['logistics'],
        summary: `EasyPost tracker.updated webhook, verified by its ${EASYPOST_SIGNATURE_HEADER} HMAC signature`,
        body: z.unknown(),
        response: { 200: TrackingWebhookResultSchema, 400: ProblemSchema, 401: ProblemSchema, 503: ProblemSchema },
      },
    },
    (request) => {
      const secret = options.easyPostWebhookSecret ?? '';
      if (secret === '')
        throw new AppError('not_configured', 'EasyPost webhooks are not set up: set EASYPOST_WEBHOOK_SECRET');
      const header = request.headers[EASYPOST_SIGNATURE_HEADER];
      const check = verifyEasyPostSignature(request.rawBody ?? '', Array.isArray(header) ? header[0] : header, secret);
      if (!check.ok) throw new AppError('unauthenticated', `the EasyPost signature does not verify (${check.reason})`);
      const events = eventsOf(readEasyPostWebhook(request.body));
      return recordTrackingEvents(platform, { actor: EASYPOST_FEED, requestId: request.id }, 'easypost', events);
    },
  );
}

function eventsOf(reading: TrackingPayloadReading) {
  if (reading.kind === 'error') throw new AppError('validation_failed', reading.message);
  return reading.kind === 'events' ? reading.events : [];
}
