// The transactional outbox: every domain event is written in the same transaction as the state
// change that caused it; a relay (a later stage) delivers rows after commit.
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import type { RowsFor } from '../db/insert-rows.js';

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * The outbox rows for events recorded in a transaction (the unit of work inserts them with it).
 * History (an import) is written as already looked at for e-mails and webhooks: not news to anyone.
 * It is still relayed to the bus, where the system's own consumers may count it.
 */
export function outboxRowsOf(
  events: Array<DomainEvent & { id: string; occurredAt: string }>,
  isHistory = false,
): RowsFor<'outbox_events'> {
  return {
    table: 'outbox_events',
    rows: events.map((e) => ({
      id: e.id,
      event_type: e.type,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      payload: JSON.stringify(e.payload),
      occurred_at: e.occurredAt,
      published_at: null,
      webhooks_at: isHistory ? e.occurredAt : null,
      notifications_at: isHistory ? e.occurredAt : null,
    })),
  };
}

export function findOutboxEventsFor(db: Kysely<DB>, aggregateId: string) {
  return db
    .selectFrom('outbox_events')
    .selectAll()
    .where('aggregate_id', '=', aggregateId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** Committed events not yet fanned out to webhook subscriptions, oldest first (a flag, not a time cursor). */
export function findEventsAwaitingWebhooks(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('outbox_events')
    .select(['id', 'event_type', 'aggregate_type', 'aggregate_id', 'occurred_at', 'payload'])
    .where('webhooks_at', 'is', null)
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks events as fanned out to webhooks (in the transaction that made their deliveries). */
export async function markEventsFannedOut(db: Kysely<DB>, ids: readonly string[], at: string): Promise<void> {
  for (let start = 0; start < ids.length; start += 500)
    await db
      .updateTable('outbox_events')
      .set({ webhooks_at: at })
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
}

/** Committed events not yet looked at for e-mail notifications, oldest first (a flag, like webhooks'). */
export function findEventsAwaitingNotifications(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('outbox_events')
    .select(['id', 'event_type', 'aggregate_type', 'aggregate_id', 'occurred_at', 'payload'])
    .where('notifications_at', 'is', null)
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks events as looked at for notifications (in the transaction that made their rows). */
export async function markEventsNotified(db: Kysely<DB>, ids: readonly string[], at: string): Promise<void> {
  for (let start = 0; start < ids.length; start += 500)
    await db
      .updateTable('outbox_events')
      .set({ notifications_at: at })
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
}

/** Marks every event not yet looked at as history: what a loader wrote is not news to anyone. */
export async function markAllEventsNotified(db: Kysely<DB>, at: string): Promise<void> {
  await db.updateTable('outbox_events').set({ notifications_at: at }).where('notifications_at', 'is', null).execute();
}
