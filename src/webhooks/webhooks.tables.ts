// Webhooks' tables: who wants which events, and every delivery of an event to a subscriber.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { WebhookDeliveryStatus } from '../contracts/webhooks.js';

export interface WebhookSubscriptionsTable extends VersionedRow {
  id: string;
  url: string;
  description: string;
  /** JSON array of exact event types, or '*' for every type. */
  event_types: Json;
  /** The HMAC key: kept as is, since signing needs it (shown to the admin once, at creation). */
  secret: string;
  max_attempts: number;
  is_active: Flag;
  created_by: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  /** The exact bytes signed and sent, the same on every attempt. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When the worker next tries (pending only); real time, like leases. */
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  /** JSON array of DeliveryAttempt. */
  attempt_log: Json;
  created_at: string;
  updated_at: string;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
