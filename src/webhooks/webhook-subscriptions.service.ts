// Use cases for subscriptions (admins only): create (the signing secret is shown once), list, read,
// edit under If-Match, deactivate. Deactivating keeps the subscription and its delivery log; its
// pending deliveries wait and go out if it is activated again.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreateWebhookSubscriptionBodySchema,
  CreatedWebhookSubscription,
  UpdateWebhookSubscriptionBodySchema,
  WebhookSubscription,
} from '../contracts/webhooks.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { toSubscription } from './webhook-rows.js';

type CreateInput = z.output<typeof CreateWebhookSubscriptionBodySchema>;
type UpdateInput = z.output<typeof UpdateWebhookSubscriptionBodySchema>;

/** Recognisable in a receiver's configuration, like an API key's prefix. */
const SECRET_PREFIX = 'whsec_';

export async function createWebhookSubscription(
  platform: Platform,
  ctx: RequestContext,
  input: CreateInput,
): Promise<CreatedWebhookSubscription> {
  assertCan(ctx.actor, 'webhooks.manage');
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  return runInTransaction(platform, ctx, async (tx) => {
    const row = {
      id: tx.ids.next('whs'),
      url: input.url,
      description: input.description,
      event_types: JSON.stringify([...new Set(input.eventTypes)]),
      secret,
      max_attempts: input.maxAttempts,
      is_active: 1,
      created_by: ctx.actor.personId,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db.insertInto('webhook_subscriptions').values(row).execute();
    const subscription = toSubscription(row);
    tx.audit({
      entityType: 'webhook_subscription',
      entityId: row.id,
      action: 'webhook_subscription.created',
      after: auditedFields(subscription),
    });
    return { ...subscription, secret };
  });
}

export async function listWebhookSubscriptions(platform: Platform, ctx: RequestContext) {
  assertCan(ctx.actor, 'webhooks.manage');
  const rows = await platform.db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSubscription);
}

export async function getWebhookSubscription(platform: Platform, ctx: RequestContext, id: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  const row = await platform.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `webhook subscription ${id} was not found`);
  return toSubscription(row);
}

export async function updateWebhookSubscription(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: UpdateInput,
  expectedVersion: number | undefined,
): Promise<WebhookSubscription> {
  assertCan(ctx.actor, 'webhooks.manage');
  return runInTransaction(platform, ctx, (tx) => changeSubscription(tx, id, expectedVersion, input));
}

/** DELETE: deactivates (the delivery log stays readable); If-Match optional. */
export async function deactivateWebhookSubscription(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<WebhookSubscription> {
  assertCan(ctx.actor, 'webhooks.manage');
  return runInTransaction(platform, ctx, (tx) => changeSubscription(tx, id, expectedVersion, { isActive: false }));
}

async function changeSubscription(
  tx: Tx,
  id: string,
  expectedVersion: number | undefined,
  input: UpdateInput,
): Promise<WebhookSubscription> {
  const row = await tx.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `webhook subscription ${id} was not found`);
  if (expectedVersion !== undefined && row.version !== expectedVersion)
    throw new AppError(
      'precondition_failed',
      `webhook subscription ${id} was changed by someone else (now version ${row.version}); reload and try again`,
    );
  const before = toSubscription(row);
  const changes = {
    ...(input.url !== undefined && { url: input.url }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.eventTypes !== undefined && { event_types: JSON.stringify([...new Set(input.eventTypes)]) }),
    ...(input.maxAttempts !== undefined && { max_attempts: input.maxAttempts }),
    ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
  };
  const version = row.version + 1;
  // The version in the WHERE makes a concurrent edit lose rather than overwrite.
  const result = await tx.db
    .updateTable('webhook_subscriptions')
    .set({ ...changes, version, updated_at: tx.now })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n)
    throw new AppError('precondition_failed', `webhook subscription ${id} was changed by someone else`);
  const after = toSubscription({ ...row, ...changes, version, updated_at: tx.now });
  tx.audit({
    entityType: 'webhook_subscription',
    entityId: id,
    action: 'webhook_subscription.updated',
    before: auditedFields(before),
    after: auditedFields(after),
  });
  return after;
}

const auditedFields = (s: WebhookSubscription) => ({
  url: s.url,
  eventTypes: s.eventTypes,
  description: s.description,
  maxAttempts: s.maxAttempts,
  isActive: s.isActive,
});
