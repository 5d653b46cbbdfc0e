// Fan-out: each committed event not yet looked at becomes one notification per recipient, rendered
// in the recipient's language, and the event is marked — in one transaction, so a crash before
// commit leaves it for the next pass and the unique key on event × recipient makes a repeat
// harmless. Found by a flag, not a time cursor (a late commit can carry an older timestamp).
// A recipient who opted out of an optional topic gets a `suppressed` row: the log says why nothing
// was sent.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { IdGenerator } from '../platform/ids.js';
import { withinTransactionScope } from '../platform/db/transaction-scope.js';
import { findEventsAwaitingNotifications, markEventsNotified } from '../platform/outbox/outbox.js';
import type { OptionalTopic } from '../contracts/notifications.js';
import type { NotificationsTable } from './notifications.tables.js';
import { renderMessage } from './domain/templates.js';
import { isOptional, TOPIC_OF } from './domain/topics.js';
import { signUnsubscribeToken } from './domain/unsubscribe-token.js';
import { messagesFor, type IntendedMessage } from './event-messages.js';
import { unsubscribeKey } from './unsubscribe-key.js';
import type { NotificationSettings } from './settings.js';

export interface FanOutResult {
  events: number;
  notifications: number;
}

export async function fanOutNotifications(
  db: Kysely<DB>,
  ids: IdGenerator,
  settings: NotificationSettings,
  options: { nowMs?: number; limit?: number } = {},
): Promise<FanOutResult> {
  const now = new Date(options.nowMs ?? Date.now()).toISOString();
  return withinTransactionScope('notification fan-out', () =>
    db.transaction().execute(async (trx) => {
      const tx = trx.withoutPlugins();
      const events = await findEventsAwaitingNotifications(tx, options.limit ?? 200);
      if (events.length === 0) return { events: 0, notifications: 0 };
      const rows: NotificationsTable[] = [];
      let key: string | null = null;
      const keyOf = async () => (key ??= await unsubscribeKey(tx));
      for (const event of events) {
        for (const message of await messagesFor(tx, event, settings)) {
          const topic = TOPIC_OF[message.draft.template];
          const optional = isOptional(topic) ? (topic as OptionalTopic) : null;
          const unsubscribeUrl = optional ? unsubscribeUrlOf(settings, await keyOf(), message, optional) : null;
          const rendered = renderMessage(message.draft, message.locale, unsubscribeUrl);
          const isOptedOut = optional !== null && (await hasOptedOut(tx, message.recipientKey, optional));
          const { status, error } = isOptedOut
            ? { status: 'suppressed' as const, error: 'the recipient unsubscribed from these e-mails' }
            : message.to.trim() === ''
              ? { status: 'not_sent' as const, error: 'no e-mail address on record' }
              : { status: 'pending' as const, error: null };
          rows.push({
            id: ids.next('ntf'),
            event_id: event.id,
            event_type: event.event_type,
            recipient_key: message.recipientKey,
            rma_id: message.rmaId,
            template: message.draft.template,
            topic,
            locale: rendered.locale,
            to_address: message.to,
            subject: rendered.subject,
            text_body: rendered.text,
            html_body: rendered.html,
            unsubscribe_url: unsubscribeUrl,
            status,
            attempts: 0,
            next_attempt_at: status === 'pending' ? now : null,
            last_error: error,
            message_id: null,
            sent_at: null,
            created_at: now,
            updated_at: now,
          });
        }
      }
      // Bodies are large and the columns many: small chunks stay under parameter limits.
      for (let start = 0; start < rows.length; start += 20)
        await tx
          .insertInto('notifications')
          .values(rows.slice(start, start + 20))
          .onConflict((oc) => oc.columns(['event_id', 'recipient_key']).doNothing())
          .execute();
      await markEventsNotified(
        tx,
        events.map((e) => e.id),
        now,
      );
      return { events: events.length, notifications: rows.length };
    }),
  );
}

function unsubscribeUrlOf(
  settings: NotificationSettings,
  key: string,
  message: IntendedMessage,
  topic: OptionalTopic,
): string {
  const token = signUnsubscribeToken(key, { recipientKey: message.recipientKey, topic });
  return `${settings.publicUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
}

async function hasOptedOut(tx: Transaction<DB>, recipientKey: string, topic: OptionalTopic): Promise<boolean> {
  const row = await tx
    .selectFrom('notification_opt_outs')
    .select('topic')
    .where('recipient_key', '=', recipientKey)
    .where('topic', '=', topic)
    .executeTakeFirst();
  return row !== undefined;
}
