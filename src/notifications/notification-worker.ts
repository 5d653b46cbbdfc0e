// The notification worker: in whichever one server process holds the `notifications` lease, every
// second, turns committed events into notifications and sends what is due. A holder that dies
// leaves the lease to run out and another process takes over (a message sent but not yet recorded
// is sent again, with the same Message-ID: at least once, as with webhooks).
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { IdGenerator } from '../platform/ids.js';
import type { LeaseTerms } from '../platform/jobs/leases.js';
import { startLeasedLoop } from '../platform/jobs/leased-loop.js';
import { processHolder } from '../platform/jobs/scheduler.js';
import { fanOutNotifications, type FanOutResult } from './fan-out.js';
import { deliverDueNotifications, type DeliveryPassOptions, type DeliveryPassResult } from './delivery-worker.js';
import type { NotificationSettings } from './settings.js';

export const NOTIFICATIONS_LEASE = 'notifications';
const FAN_OUT_BATCH = 200;
const MAX_FAN_OUT_BATCHES_PER_PASS = 20;

export interface NotificationPass {
  fanOut: FanOutResult;
  delivery: DeliveryPassResult;
}

/** Fan-out then delivery, once: what the worker does each second (tests call it directly). */
export async function runNotificationPass(
  db: Kysely<DB>,
  ids: IdGenerator,
  settings: NotificationSettings,
  options: DeliveryPassOptions = {},
): Promise<NotificationPass> {
  const fanOut: FanOutResult = { events: 0, notifications: 0 };
  for (let batch = 0; batch < MAX_FAN_OUT_BATCHES_PER_PASS; batch++) {
    const result = await fanOutNotifications(db, ids, settings, {
      limit: FAN_OUT_BATCH,
      ...(options.nowMs !== undefined && { nowMs: options.nowMs }),
    });
    fanOut.events += result.events;
    fanOut.notifications += result.notifications;
    if (result.events < FAN_OUT_BATCH) break;
  }
  return { fanOut, delivery: await deliverDueNotifications(db, settings, options) };
}

export interface NotificationWorker {
  stop(): Promise<void>;
}

export function startNotificationWorker(
  db: Kysely<DB>,
  ids: IdGenerator,
  settings: NotificationSettings,
  options: {
    holder?: string;
    pollMs?: number;
    leaseMs?: number;
    onPass?: (pass: NotificationPass) => void;
    onError?: (error: unknown) => void;
  } = {},
): NotificationWorker {
  const terms: LeaseTerms = {
    name: NOTIFICATIONS_LEASE,
    holder: options.holder ?? processHolder(),
    // Longer than a pass can take: 50 messages, each at most the mailer's timeouts.
    leaseMs: options.leaseMs ?? 10 * 60_000,
    onlyWhenDue: false,
  };
  return startLeasedLoop(db, terms, (isRunning) => runNotificationPass(db, ids, settings, { isRunning }), {
    pollMs: options.pollMs ?? 1_000,
    ...(options.onPass && { onPass: options.onPass }),
    ...(options.onError && { onError: options.onError }),
  });
}
