// Following an unsubscribe link: the signed token names who and which optional topic; the opt-out
// is recorded (with its audit event, in one transaction) and later messages of that topic to them
// are suppressed. Following it twice is harmless. No sign-in: the signature is the proof that the
// link came from a message we sent to that recipient.
import type { OptionalTopic } from '../contracts/notifications.js';
import type { RequestContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { readUnsubscribeToken } from './domain/unsubscribe-token.js';
import { unsubscribeKey } from './unsubscribe-key.js';

/** Whoever follows the link acts for the recipient it names; the audit trail says it was the link. */
const linkContext = (requestId: string): RequestContext => ({
  actor: {
    kind: 'system',
    id: 'unsubscribe-link',
    personId: 'unsubscribe-link',
    name: 'Unsubscribe link',
    role: 'customer',
    customerId: null,
  },
  requestId,
});

export async function unsubscribe(
  platform: Platform,
  requestId: string,
  token: string,
): Promise<{ topic: OptionalTopic; isNew: boolean }> {
  const claim = readUnsubscribeToken(await unsubscribeKey(platform.db), token);
  if (!claim)
    throw new AppError('validation_failed', 'this unsubscribe link is not valid: it may have been cut off or altered', {
      errors: [{ path: 'token', message: 'not a genuine unsubscribe token' }],
    });
  return runInTransaction(platform, linkContext(requestId), async (tx) => {
    const result = await tx.db
      .insertInto('notification_opt_outs')
      .values({ recipient_key: claim.recipientKey, topic: claim.topic, opted_out_at: tx.now })
      .onConflict((oc) => oc.columns(['recipient_key', 'topic']).doNothing())
      .executeTakeFirst();
    const isNew = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    if (isNew)
      tx.audit({
        entityType: 'notification_opt_out',
        entityId: claim.recipientKey,
        action: 'notifications.unsubscribed',
        after: { topic: claim.topic },
      });
    return { topic: claim.topic, isNew };
  });
}
