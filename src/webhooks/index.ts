export { registerWebhookRoutes } from './webhooks.routes.js';
export { startWebhookWorker, runWebhookPass, WEBHOOKS_LEASE, type WebhookWorker } from './webhook-worker.js';
export { fanOutWebhookEvents } from './fan-out.js';
export { deliverDueWebhooks, webhookDeliveryBacklog } from './delivery-worker.js';
export { isValidWebhookSignature, signWebhook } from './domain/signature.js';
export type * from './webhooks.tables.js';
