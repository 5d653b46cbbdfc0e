// Reading returns: one return, a search, and a return's timeline from the audit trail.
import type { Kysely, Transaction } from 'kysely';
import type { ListRmasFilter, Rma, TimelineEntry } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Platform } from '../../platform/unit-of-work.js';
import { toPage } from '../../platform/pagination.js';
import { assertCan, isCustomerScoped, isVisibleToActor } from '../../identity/index.js';
import { findStreamEvents } from '../../audit/index.js';
import { findRmaLineRows, findRmaRow, searchRmaRows } from '../rma.repository.js';
import { toRma, toRmaSummary } from '../rma.view.js';
import { summarizeAuditEvent } from '../domain/timeline-summary.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function loadRma(db: Reader, id: string): Promise<Rma> {
  const row = await findRmaRow(db, id);
  if (!row) throw new AppError('not_found', `return ${id} was not found`);
  return toRma(row, await findRmaLineRows(db, id));
}

export async function getRma(platform: Platform, ctx: RequestContext, id: string): Promise<Rma> {
  assertCan(ctx.actor, 'returns.read');
  const rma = await loadRma(platform.db, id);
  // Another account's return is reported as missing, so its existence is not disclosed.
  if (!isVisibleToActor(ctx.actor, rma.customerId)) throw new AppError('not_found', `return ${id} was not found`);
  return rma;
}

export async function searchRmas(platform: Platform, ctx: RequestContext, query: ListRmasFilter) {
  assertCan(ctx.actor, 'returns.read');
  const scoped = isCustomerScoped(ctx.actor) ? { ...query, customerId: ctx.actor.customerId ?? undefined } : query;
  const [rows, count] = await searchRmaRows(platform.db, scoped);
  return toPage(rows.map(toRmaSummary), query.page, query.pageSize, Number(count.n));
}

export async function getRmaTimeline(
  platform: Platform,
  ctx: RequestContext,
  id: string,
): Promise<{ items: TimelineEntry[] }> {
  assertCan(ctx.actor, 'audit.read');
  await getRma(platform, ctx, id);
  const events = await findStreamEvents(platform.db, id);
  return {
    items: events.map((e) => {
      const before = e.before ? (JSON.parse(e.before) as unknown) : null;
      const after = e.after ? (JSON.parse(e.after) as unknown) : null;
      return {
        seq: Number(e.seq),
        occurredAt: e.occurred_at,
        actorId: e.actor_id,
        actorName: e.actor_name,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        summary: summarizeAuditEvent(e.action, after),
        before,
        after,
      };
    }),
  };
}
