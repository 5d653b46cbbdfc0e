// Signed outgoing webhooks: subscriptions (admin only) and their delivery log.
import { z } from 'zod';
import { PageQuerySchema } from './common.js';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export const WebhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

/** An exact event type (`rma.authorized`) or '*' for all of them. */
const EventTypePatternSchema = z
  .string()
  .trim()
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z0-9_]+)*)$/, "an event type such as 'rma.authorized', or '*'");

/** Only http(s): a receiver is a web server; other schemes would make the worker open anything. */
const ReceiverUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000);

export const CreateWebhookSubscriptionBodySchema = z.strictObject({
  url: ReceiverUrlSchema,
  eventTypes: z.array(EventTypePatternSchema).min(1).max(100),
  description: z.string().trim().max(500).default(''),
  /** Tries before a delivery is dead-lettered. */
  maxAttempts: z.number().int().min(1).max(20).default(8),
});

export const UpdateWebhookSubscriptionBodySchema = z.strictObject({
  url: ReceiverUrlSchema.optional(),
  eventTypes: z.array(EventTypePatternSchema).min(1).max(100).optional(),
  description: z.string().trim().max(500).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  isActive: z.boolean().optional(),
});

export const WebhookSubscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  maxAttempts: z.number().int(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;
/** The create response: the signing secret, shown this once. */
export const CreatedWebhookSubscriptionSchema = WebhookSubscriptionSchema.extend({ secret: z.string() });
export type CreatedWebhookSubscription = z.infer<typeof CreatedWebhookSubscriptionSchema>;

export const DeliveryAttemptSchema = z.object({
  at: z.string(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  attemptLog: z.array(DeliveryAttemptSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const ListWebhookDeliveriesQuerySchema = PageQuerySchema.extend({
  status: WebhookDeliveryStatusSchema.optional(),
});
