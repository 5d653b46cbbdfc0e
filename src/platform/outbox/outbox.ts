// The transactional outbox: every domain event is written in the same transaction as the state
// change that caused it; a relay (a later stage) delivers rows after commit.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/database.js';

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

export async function insertOutboxEvents(
  trx: Transaction<DB>,
  events: Array<DomainEvent & { id: string; occurredAt: string }>,
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({
        id: e.id,
        event_type: e.type,
        aggregate_type: e.aggregateType,
        aggregate_id: e.aggregateId,
        payload: JSON.stringify(e.payload),
        occurred_at: e.occurredAt,
        published_at: null,
      })),
    )
    .execute();
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
