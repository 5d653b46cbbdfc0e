// Fan-out: each committed event not yet fanned out becomes one pending delivery per active
// subscription that wants its type, and is marked — in one transaction, so an event is fanned
// out exactly once (a crash before commit leaves it for the next pass; the unique key on
// event × subscription makes a repeat harmless). Events are found by a flag, not a time cursor:
// a late-committing transaction may carry an older timestamp than events already handled.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { withinTransactionScope } from '../platform/db/transaction-scope.js';
import { findEventsAwaitingWebhooks, markEventsFannedOut } from '../platform/outbox/outbox.js';
import type { IdGenerator } from '../platform/ids.js';
import { subscribersOf } from './domain/event-matching.js';

export interface FanOutResult {
  events: number;
  deliveries: number;
}

/** One pass over up to `limit` events; `nowMs` (real time) makes the deliveries due at once. */
export async function fanOutWebhookEvents(
  db: Kysely<DB>,
  ids: IdGenerator,
  options: { nowMs?: number; limit?: number } = {},
): Promise<FanOutResult> {
  const now = new Date(options.nowMs ?? Date.now()).toISOString();
  return withinTransactionScope('webhook fan-out', () =>
    db.transaction().execute(async (trx) => {
      const tx = trx.withoutPlugins();
      const events = await findEventsAwaitingWebhooks(tx, options.limit ?? 500);
      if (events.length === 0) return { events: 0, deliveries: 0 };
      const subscriptions = (
        await tx
          .selectFrom('webhook_subscriptions')
          .select(['id', 'event_types', 'created_at'])
          .where('is_active', '=', 1)
          .execute()
      ).map((s) => ({ id: s.id, eventTypes: JSON.parse(s.event_types) as string[], createdAt: s.created_at }));
      const rows = events.flatMap((event) =>
        subscribersOf(subscriptions, { type: event.event_type, occurredAt: event.occurred_at }).map((subscription) => ({
          id: ids.next('whd'),
          subscription_id: subscription.id,
          event_id: event.id,
          event_type: event.event_type,
          body: JSON.stringify({
            id: event.id,
            type: event.event_type,
            aggregateType: event.aggregate_type,
            aggregateId: event.aggregate_id,
            occurredAt: event.occurred_at,
            payload: JSON.parse(event.payload) as unknown,
          }),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          last_status_code: null,
          last_error: null,
          attempt_log: '[]',
          created_at: now,
          updated_at: now,
        })),
      );
      // Few columns per row, but bodies can be large: modest chunks stay under parameter limits.
      for (let start = 0; start < rows.length; start += 100)
        await tx
          .insertInto('webhook_deliveries')
          .values(rows.slice(start, start + 100))
          .onConflict((oc) => oc.columns(['event_id', 'subscription_id']).doNothing())
          .execute();
      await markEventsFannedOut(
        tx,
        events.map((e) => e.id),
        now,
      );
      return { events: events.length, deliveries: rows.length };
    }),
  );
}
