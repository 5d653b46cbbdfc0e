// A subscription's delivery log (newest first, by status) and manual replay: a dead or delivered
// delivery goes back to pending, due at once, with a fresh count of tries (its log is kept).
import type { z } from 'zod';
import type { ListWebhookDeliveriesQuerySchema, WebhookDelivery } from '../contracts/webhooks.js';
import type { Page } from '../contracts/common.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { toDelivery } from './webhook-rows.js';
import { getWebhookSubscription } from './webhook-subscriptions.service.js';

export async function listWebhookDeliveries(
  platform: Platform,
  ctx: RequestContext,
  subscriptionId: string,
  query: z.output<typeof ListWebhookDeliveriesQuerySchema>,
): Promise<Page<WebhookDelivery>> {
  assertCan(ctx.actor, 'webhooks.manage');
  await getWebhookSubscription(platform, ctx, subscriptionId);
  let filtered = platform.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId);
  if (query.status) filtered = filtered.where('status', '=', query.status);
  const ordered = filtered.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const { rows, total } = await readPage(filtered, ordered, query);
  return toPage(rows.map(toDelivery), query.page, query.pageSize, total);
}

export async function replayWebhookDelivery(platform: Platform, ctx: RequestContext, id: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    const row = await tx.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `webhook delivery ${id} was not found`);
    if (row.status === 'pending')
      throw new AppError('invalid_transition', `webhook delivery ${id} is still pending: it will be tried again`);
    // Real time, like every delivery schedule: the worker compares it with the machine's clock.
    const now = new Date().toISOString();
    const changes = { status: 'pending' as const, attempts: 0, next_attempt_at: now, updated_at: now };
    const result = await tx.db
      .updateTable('webhook_deliveries')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw new AppError('conflict', `webhook delivery ${id} changed meanwhile`);
    tx.audit({
      entityType: 'webhook_delivery',
      entityId: id,
      streamId: row.subscription_id,
      action: 'webhook_delivery.replayed',
      before: { status: row.status, attempts: row.attempts },
      after: { status: 'pending' },
    });
    return toDelivery({ ...row, ...changes });
  });
}
