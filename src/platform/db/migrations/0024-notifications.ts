// E-mail notifications: one row per committed event and recipient, the customers' and staff's
// opt-outs of the optional ones, the key that signs unsubscribe links, and the SLA breach episodes
// a digest was sent for. The outbox remembers which events were looked at (`notifications_at`) —
// a flag, not a time cursor, for the same reason as `webhooks_at`.
//
// One column in master data's `customers` (noted here because masterdata owns the table): the
// customer's language, `locale`, default 'en'. It chooses the templates; nothing else reads it.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('outbox_events').addColumn('notifications_at', 'text').execute();
  // Events from before notifications existed are history: nobody is mailed about them now.
  await sql`UPDATE outbox_events SET notifications_at = occurred_at`.execute(db);
  await db.schema
    .createIndex('outbox_events_notifications_at')
    .on('outbox_events')
    .column('notifications_at')
    .execute();

  await db.schema
    .alterTable('customers')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // 'customer:cus_…' or 'user:usr_…': who it is for, whatever their address is today.
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    // The message as rendered at fan-out: every attempt sends the same words.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notifications_event_recipient', ['event_id', 'recipient_key'])
    .execute();
  await db.schema.createIndex('notifications_due').on('notifications').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notifications_rma').on('notifications').columns(['rma_id', 'created_at']).execute();

  await db.schema
    .createTable('notification_opt_outs')
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('opted_out_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_opt_outs_pk', ['recipient_key', 'topic'])
    .execute();

  await db.schema
    .createTable('notification_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_breach_episodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What breached ('inspection') and where (the site whose queue it is).
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('breached_at_start', 'integer', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('sla_breach_episodes_open')
    .on('sla_breach_episodes')
    .columns(['queue', 'scope_id', 'ended_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('sla_breach_episodes').execute();
  await db.schema.dropTable('notification_keys').execute();
  await db.schema.dropTable('notification_opt_outs').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('customers').dropColumn('locale').execute();
  await db.schema.dropIndex('outbox_events_notifications_at').execute();
  await db.schema.alterTable('outbox_events').dropColumn('notifications_at').execute();
}
