// Signed outgoing webhooks: subscriptions per event type, and one delivery row per committed event
// and matching subscription. The outbox remembers which events were fanned out (`webhooks_at`)
// rather than a cursor by time: a transaction that commits late can carry an older timestamp than
// events already fanned out, and a cursor would skip it.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('outbox_events').addColumn('webhooks_at', 'text').execute();
  // Events from before webhooks existed were never promised to any subscriber.
  await sql`UPDATE outbox_events SET webhooks_at = occurred_at`.execute(db);
  await db.schema.createIndex('outbox_events_webhooks_at').on('outbox_events').column('webhooks_at').execute();

  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON array of exact event types or '*'.
    .addColumn('event_types', 'text', (c) => c.notNull())
    // Kept as is: the HMAC needs the secret itself, unlike an API key that only needs its hash.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The exact body signed and sent, fixed at fan-out so every attempt sends the same bytes.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    // JSON array of every attempt: at, status code, duration, error.
    .addColumn('attempt_log', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_event_subscription', ['event_id', 'subscription_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_subscription')
    .on('webhook_deliveries')
    .columns(['subscription_id', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
  await db.schema.dropIndex('outbox_events_webhooks_at').execute();
  await db.schema.alterTable('outbox_events').dropColumn('webhooks_at').execute();
}
