// Delivery: POSTs due deliveries to their receivers, signed, each attempt cut off after a timeout.
// Only this worker talks to receivers — never a request — so a slow or dead receiver costs the
// worker time, not a user's. Attempts run a few at a time, so one hanging receiver does not hold
// up the others for longer than its timeout.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { DeliveryAttempt } from '../contracts/webhooks.js';
import { signWebhook } from './domain/signature.js';
import { isDeliveredStatus, outcomeOfAttempt } from './domain/retry-schedule.js';

export interface DeliveryPassOptions {
  /** Real time: what is due, and when retries fall due (tests pass a later time instead of waiting). */
  nowMs?: number;
  timeoutMs?: number;
  limit?: number;
  concurrency?: number;
  random?: () => number;
  /** False once the process is stopping: no new attempt starts (those in flight end within their timeout). */
  isRunning?: () => boolean;
}

export interface DeliveryPassResult {
  attempted: number;
  delivered: number;
  failed: number;
  dead: number;
}

interface DueDelivery {
  id: string;
  event_type: string;
  body: string;
  attempts: number;
  attempt_log: string;
  url: string;
  secret: string;
  max_attempts: number;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_ERROR_LENGTH = 500;

/** One pass: every due delivery of an active subscription is tried once. */
export async function deliverDueWebhooks(
  db: Kysely<DB>,
  options: DeliveryPassOptions = {},
): Promise<DeliveryPassResult> {
  const nowMs = options.nowMs ?? Date.now();
  const due: DueDelivery[] = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.event_type',
      'webhook_deliveries.body',
      'webhook_deliveries.attempts',
      'webhook_deliveries.attempt_log',
      'webhook_subscriptions.url',
      'webhook_subscriptions.secret',
      'webhook_subscriptions.max_attempts',
    ])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', new Date(nowMs).toISOString())
    .where('webhook_subscriptions.is_active', '=', 1)
    .orderBy('webhook_deliveries.next_attempt_at')
    .orderBy('webhook_deliveries.id')
    .limit(options.limit ?? 50)
    .execute();
  const result: DeliveryPassResult = { attempted: 0, delivered: 0, failed: 0, dead: 0 };
  const queue = [...due];
  const worker = async () => {
    const isRunning = options.isRunning ?? (() => true);
    for (let delivery = queue.shift(); delivery && isRunning(); delivery = queue.shift()) {
      const status = await attemptDelivery(db, delivery, nowMs, options);
      result.attempted += 1;
      if (status === 'delivered') result.delivered += 1;
      else if (status === 'dead') result.dead += 1;
      else result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, queue.length) }, worker));
  return result;
}

async function attemptDelivery(db: Kysely<DB>, delivery: DueDelivery, nowMs: number, options: DeliveryPassOptions) {
  const attempt = await postSigned(delivery, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const attempts = delivery.attempts + 1;
  const isSuccess = attempt.statusCode !== null && isDeliveredStatus(attempt.statusCode);
  const outcome = outcomeOfAttempt(isSuccess, attempts, delivery.max_attempts, (options.random ?? Math.random)());
  const log = [...(JSON.parse(delivery.attempt_log) as DeliveryAttempt[]), attempt];
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts,
      next_attempt_at: outcome.status === 'pending' ? new Date(nowMs + outcome.retryInMs).toISOString() : null,
      last_status_code: attempt.statusCode,
      last_error: attempt.error,
      attempt_log: JSON.stringify(log),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', delivery.id)
    // Unchanged since it was read: a replay in the meantime is not overwritten.
    .where('status', '=', 'pending')
    .where('attempts', '=', delivery.attempts)
    .execute();
  return outcome.status;
}

/** One POST: the exact stored body, signed with the time of sending; never throws. */
async function postSigned(delivery: DueDelivery, timeoutMs: number): Promise<DeliveryAttempt> {
  const startedMs = Date.now();
  const timestamp = Math.floor(startedMs / 1000);
  const done = (statusCode: number | null, error: string | null): DeliveryAttempt => ({
    at: new Date(startedMs).toISOString(),
    statusCode,
    durationMs: Date.now() - startedMs,
    error: error?.slice(0, MAX_ERROR_LENGTH) ?? null,
  });
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Boomerang-Webhooks/1',
        'boomerang-webhook-id': delivery.id,
        'boomerang-event-type': delivery.event_type,
        'boomerang-timestamp': String(timestamp),
        'boomerang-signature': signWebhook(delivery.secret, timestamp, delivery.body),
      },
      body: delivery.body,
      // A redirect is a failure, not followed: the subscriber named this URL.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read (and drop) the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    return done(response.status, isDeliveredStatus(response.status) ? null : `HTTP ${response.status}`);
  } catch (cause) {
    const isTimeout = cause instanceof Error && cause.name === 'TimeoutError';
    return done(null, isTimeout ? `timed out after ${timeoutMs} ms` : describeFetchError(cause));
  }
}

function describeFetchError(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: unknown }).cause;
  return inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
}

/** Deliveries by status and the age of the oldest pending one (for /metrics and alerts). */
export async function webhookDeliveryBacklog(db: Kysely<DB>, nowMs = Date.now()) {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
    .groupBy('status')
    .execute();
  const countOf = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  const oldestPending = rows.find((r) => r.status === 'pending')?.oldest;
  return {
    pending: countOf('pending'),
    delivered: countOf('delivered'),
    dead: countOf('dead'),
    oldestPendingAgeSeconds: oldestPending ? (nowMs - Date.parse(String(oldestPending))) / 1000 : 0,
  };
}
