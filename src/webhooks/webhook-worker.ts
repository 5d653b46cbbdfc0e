// The webhook worker: in whichever one server process holds the `webhooks` lease, every second,
// fans committed events out to subscriptions and then delivers what is due. A holder that dies
// leaves the lease to run out; another process takes over (a delivery sent but not yet recorded
// is sent again: receivers deduplicate by Boomerang-Webhook-Id — at least once, as documented).
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { IdGenerator } from '../platform/ids.js';
import type { LeaseTerms } from '../platform/jobs/leases.js';
import { startLeasedLoop } from '../platform/jobs/leased-loop.js';
import { processHolder } from '../platform/jobs/scheduler.js';
import { fanOutWebhookEvents, type FanOutResult } from './fan-out.js';
import { deliverDueWebhooks, type DeliveryPassResult } from './delivery-worker.js';

export const WEBHOOKS_LEASE = 'webhooks';
const FAN_OUT_BATCH = 500;
const MAX_FAN_OUT_BATCHES_PER_PASS = 20;

export interface WebhookWorkerOptions {
  holder?: string;
  pollMs?: number;
  /** Longer than a pass can take (batches of attempts, each at most its timeout). */
  leaseMs?: number;
  timeoutMs?: number;
  onPass?: (result: { fanOut: FanOutResult; delivery: DeliveryPassResult }) => void;
  onError?: (error: unknown) => void;
}

export interface WebhookWorker {
  stop(): Promise<void>;
}

/** Fan-out then delivery, once: what the worker does each second (tests call it directly). */
export async function runWebhookPass(
  db: Kysely<DB>,
  ids: IdGenerator,
  options: { nowMs?: number; timeoutMs?: number; isRunning?: () => boolean } = {},
) {
  const fanOut: FanOutResult = { events: 0, deliveries: 0 };
  // A backlog (a burst of writes, or a process that was away) drains in a few batches per pass.
  for (let batch = 0; batch < MAX_FAN_OUT_BATCHES_PER_PASS; batch++) {
    const result = await fanOutWebhookEvents(db, ids, {
      limit: FAN_OUT_BATCH,
      ...(options.nowMs !== undefined && { nowMs: options.nowMs }),
    });
    fanOut.events += result.events;
    fanOut.deliveries += result.deliveries;
    if (result.events < FAN_OUT_BATCH) break;
  }
  const delivery = await deliverDueWebhooks(db, options);
  return { fanOut, delivery };
}

export function startWebhookWorker(
  db: Kysely<DB>,
  ids: IdGenerator,
  options: WebhookWorkerOptions = {},
): WebhookWorker {
  const terms: LeaseTerms = {
    name: WEBHOOKS_LEASE,
    holder: options.holder ?? processHolder(),
    leaseMs: options.leaseMs ?? 120_000,
    onlyWhenDue: false,
  };
  return startLeasedLoop(
    db,
    terms,
    (isRunning) =>
      runWebhookPass(db, ids, {
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
        isRunning,
      }),
    {
      pollMs: options.pollMs ?? 1_000,
      ...(options.onPass && { onPass: options.onPass }),
      ...(options.onError && { onError: options.onError }),
    },
  );
}
