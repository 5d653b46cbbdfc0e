// The outbox relay: after commit, the events each transaction wrote go out through the transport,
// oldest first, and are marked published once the transport has them. One process relays at a
// time (the `outbox-relay` lease), so the order of an aggregate's events is kept; a failed publish
// stops its aggregate's lane there and is retried with backoff, never skipped. A relay that dies after
// publishing and before marking publishes again when the next one takes over: the transports drop
// what they already have by event id (at-least-once relay, exactly-once as consumers see it).
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { releaseLease, renewLease, takeLease, type LeaseTerms } from '../jobs/leases.js';
import { processHolder } from '../jobs/scheduler.js';
import type { EventTransport, RelayedEvent } from './transport.js';
import { wakeableSleep } from '../jobs/wakeable-sleep.js';

export const RELAY_LEASE = 'outbox-relay';

export interface RelayBatchResult {
  published: number;
  /** The first event a publish failed on (its lane stopped there), or null. */
  failedEventId: string | null;
  error: string | null;
}

/** Events of one aggregate always share a lane: lanes run side by side, each in order. */
const laneOf = (aggregate: string, lanes: number): number => {
  let hash = 0;
  for (let i = 0; i < aggregate.length; i++) hash = (hash * 31 + aggregate.charCodeAt(i)) >>> 0;
  return hash % lanes;
};

/**
 * Publishes up to `limit` unpublished events, oldest first. Order matters within an aggregate
 * only, so the batch is split into lanes by aggregate: each lane publishes its events one after
 * the other and stops at its first failure (its later events wait for the next batch), while the
 * lanes run side by side — the broker's acknowledgements overlap instead of queueing.
 */
export async function relayBatch(
  db: Kysely<DB>,
  transport: EventTransport,
  limit = 200,
  onPublished?: (event: RelayedEvent, publishedAt: string) => void,
  lanes = 16,
): Promise<RelayBatchResult> {
  const rows = await db
    .selectFrom('outbox_events')
    .selectAll()
    .where('published_at', 'is', null)
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const byLane = new Map<number, typeof rows>();
  for (const row of rows) {
    const lane = laneOf(`${row.aggregate_type}/${row.aggregate_id}`, lanes);
    const laneRows = byLane.get(lane);
    if (laneRows) laneRows.push(row);
    else byLane.set(lane, [row]);
  }
  const published: string[] = [];
  let failure: { id: string; error: string } | null = null;
  await Promise.all(
    [...byLane.values()].map(async (laneRows) => {
      for (const row of laneRows) {
        const event: RelayedEvent = {
          id: row.id,
          type: row.event_type,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          occurredAt: row.occurred_at,
          payload: JSON.parse(row.payload) as Record<string, unknown>,
        };
        try {
          await transport.publish(event);
          published.push(row.id);
          onPublished?.(event, new Date().toISOString());
        } catch (cause) {
          failure ??= { id: row.id, error: cause instanceof Error ? cause.message : String(cause) };
          return;
        }
      }
    }),
  );
  const now = new Date().toISOString();
  for (let start = 0; start < published.length; start += 500) {
    await db
      .updateTable('outbox_events')
      .set((eb) => ({ published_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', published.slice(start, start + 500))
      .execute();
  }
  const failed = failure as { id: string; error: string } | null;
  if (failed)
    await db
      .updateTable('outbox_events')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', failed.id)
      .execute();
  return { published: published.length, failedEventId: failed?.id ?? null, error: failed?.error ?? null };
}

/** What is waiting: unpublished events and the age of the oldest (for /metrics and readiness). */
export async function outboxBacklog(db: Kysely<DB>, nowMs = Date.now()) {
  const row = await db
    .selectFrom('outbox_events')
    .select((eb) => [eb.fn.countAll<number>().as('waiting'), eb.fn.min('occurred_at').as('oldest')])
    .where('published_at', 'is', null)
    .executeTakeFirst();
  const oldest = row?.oldest ? Date.parse(String(row.oldest)) : null;
  return { waiting: Number(row?.waiting ?? 0), oldestAgeSeconds: oldest === null ? 0 : (nowMs - oldest) / 1000 };
}

export interface OutboxRelay {
  /** Wakes the relay at once (a transaction just committed events). */
  nudge(): void;
  stop(): Promise<void>;
}

export interface RelayOptions {
  holder?: string;
  /** How often to look when not nudged (events from other processes). */
  pollMs?: number;
  leaseMs?: number;
  batchSize?: number;
  onBatch?: (result: RelayBatchResult) => void;
  onPublished?: (event: RelayedEvent, publishedAt: string) => void;
  onError?: (error: unknown) => void;
}

const MAX_BACKOFF_MS = 5_000;

/** Relays in this process whenever it holds the lease; another process takes over if this one dies. */
export function startOutboxRelay(db: Kysely<DB>, transport: EventTransport, options: RelayOptions = {}): OutboxRelay {
  const terms: LeaseTerms = {
    name: RELAY_LEASE,
    holder: options.holder ?? processHolder(),
    leaseMs: options.leaseMs ?? 15_000,
    onlyWhenDue: false,
  };
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let failures = 0;
  const pause = wakeableSleep();

  const loop = async () => {
    let holding = false;
    while (!stopped) {
      let delay = pollMs;
      try {
        holding = holding ? await renewLease(db, terms) : await takeLease(db, terms);
        if (holding) {
          const result = await relayBatch(db, transport, options.batchSize ?? 200, options.onPublished);
          options.onBatch?.(result);
          if (result.error) {
            failures += 1;
            // Exponential, with jitter so processes that all lost the broker do not retry in step.
            delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures) * (0.5 + Math.random() / 2);
          } else {
            failures = 0;
            if (result.published === (options.batchSize ?? 200)) delay = 0;
          }
        } else {
          // Someone else relays; look again later in case it died.
          delay = Math.max(pollMs, 1_000);
        }
      } catch (error) {
        holding = false;
        options.onError?.(error);
        delay = MAX_BACKOFF_MS;
      }
      if (delay > 0 && !stopped) await pause.sleep(delay);
    }
    if (holding) await releaseLease(db, terms, { nextRunAtMs: null, error: null }).catch(() => undefined);
  };
  const running = loop();
  return {
    nudge: () => pause.wake(),
    stop: async () => {
      stopped = true;
      pause.wake();
      await running;
    },
  };
}
