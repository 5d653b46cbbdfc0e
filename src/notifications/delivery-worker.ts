// Delivery: sends due notifications over SMTP. Only this worker talks to the mail server — never a
// request — so a slow server costs the worker time, not a user's. A temporary refusal is tried
// again with backoff; a permanent one, or running out of tries, fails it for good (visible in the
// return's notification log with the server's answer).
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { outcomeOfSending } from './domain/retry-schedule.js';
import type { NotificationSettings } from './settings.js';

export interface DeliveryPassOptions {
  /** Real time: what is due, and when retries fall due (tests pass a later time instead of waiting). */
  nowMs?: number;
  limit?: number;
  random?: () => number;
  /** False once the process is stopping: no new message is started. */
  isRunning?: () => boolean;
}

export interface DeliveryPassResult {
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
  notSent: number;
}

export const NO_SMTP = 'not sent: no SMTP configured (set SMTP_URL)';

/** One pass: every due notification is tried once, one at a time (mail servers throttle bursts). */
export async function deliverDueNotifications(
  db: Kysely<DB>,
  settings: NotificationSettings,
  options: DeliveryPassOptions = {},
): Promise<DeliveryPassResult> {
  const nowMs = options.nowMs ?? Date.now();
  const due = await db
    .selectFrom('notifications')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'locale', 'unsubscribe_url', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', new Date(nowMs).toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit ?? 50)
    .execute();
  const result: DeliveryPassResult = { attempted: 0, sent: 0, retrying: 0, failed: 0, notSent: 0 };
  const isRunning = options.isRunning ?? (() => true);
  for (const notification of due) {
    if (!isRunning()) break;
    const unchanged = { id: notification.id, attempts: notification.attempts };
    if (!settings.mailer) {
      await update(db, unchanged, { status: 'not_sent', next_attempt_at: null, last_error: NO_SMTP });
      result.notSent += 1;
      continue;
    }
    const sending = await settings.mailer.send({
      id: notification.id,
      from: settings.from,
      to: notification.to_address,
      subject: notification.subject,
      text: notification.text_body,
      html: notification.html_body,
      locale: notification.locale,
      unsubscribeUrl: notification.unsubscribe_url,
    });
    const attempts = notification.attempts + 1;
    const outcome = outcomeOfSending(sending, attempts, (options.random ?? Math.random)());
    result.attempted += 1;
    await update(db, unchanged, {
      status: outcome.status,
      attempts,
      next_attempt_at: outcome.status === 'pending' ? new Date(nowMs + outcome.retryInMs).toISOString() : null,
      last_error: sending.ok || outcome.status === 'sent' ? null : describeRefusal(sending, outcome.status, attempts),
      ...(sending.ok && { message_id: sending.messageId, sent_at: new Date().toISOString() }),
    });
    if (outcome.status === 'sent') result.sent += 1;
    else if (outcome.status === 'failed') result.failed += 1;
    else result.retrying += 1;
  }
  return result;
}

function describeRefusal(
  sending: { responseCode: number | undefined; error: string },
  status: 'pending' | 'failed',
  attempts: number,
): string {
  const what = sending.error;
  if (status === 'pending') return `${what} (try ${attempts}; will retry)`;
  return sending.responseCode !== undefined && sending.responseCode >= 500
    ? `${what} (refused for good)`
    : `${what} (gave up after ${attempts} tries)`;
}

async function update(
  db: Kysely<DB>,
  unchanged: { id: string; attempts: number },
  changes: {
    status: 'sent' | 'pending' | 'failed' | 'not_sent';
    attempts?: number;
    next_attempt_at: string | null;
    last_error: string | null;
    message_id?: string;
    sent_at?: string;
  },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', unchanged.id)
    // Unchanged since it was read: a worker that lost its lease does not overwrite the next one's.
    .where('status', '=', 'pending')
    .where('attempts', '=', unchanged.attempts)
    .execute();
}
