// A return's notification log: every e-mail made about it, newest first — to whom, what, and what
// became of it. For whoever may read the return: staff, or its own customer (another customer's
// return is not found).
import type { Notification } from '../contracts/notifications.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findReturnForStages } from '../returns/index.js';

export async function listReturnNotifications(
  platform: Platform,
  ctx: RequestContext,
  rmaId: string,
): Promise<{ items: Notification[] }> {
  assertCan(ctx.actor, 'returns.read');
  const rma = await findReturnForStages(platform.db, ctx.actor, rmaId);
  const rows = await platform.db
    .selectFrom('notifications')
    .select([
      'id',
      'created_at',
      'sent_at',
      'to_address',
      'subject',
      'template',
      'locale',
      'status',
      'attempts',
      'last_error',
    ])
    .where('rma_id', '=', rma.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      sentAt: row.sent_at,
      to: row.to_address,
      subject: row.subject,
      template: row.template,
      locale: row.locale,
      status: row.status,
      attempts: row.attempts,
      error: row.last_error,
    })),
  };
}
