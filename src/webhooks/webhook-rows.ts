// Rows → the API's shapes (never the secret, which only the create response carries).
import type { Selectable } from 'kysely';
import type { DeliveryAttempt, WebhookDelivery, WebhookSubscription } from '../contracts/webhooks.js';
import type { WebhookDeliveriesTable, WebhookSubscriptionsTable } from './webhooks.tables.js';

export function toSubscription(row: Selectable<WebhookSubscriptionsTable>): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as string[],
    maxAttempts: row.max_attempts,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    attemptLog: JSON.parse(row.attempt_log) as DeliveryAttempt[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
