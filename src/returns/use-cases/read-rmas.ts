// Reading returns: one return, a search, and a return's timeline from the audit trail. Progress
// is derived on every read from the later stages' facts (loadFacts), never stored.
import type { Kysely, Transaction } from 'kysely';
import type { ListRmasFilter, Rma, TimelineEntry } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import type { DB } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Platform } from '../../platform/unit-of-work.js';
import { toPage } from '../../platform/pagination.js';
import { assertCan, isCustomerScoped, isVisibleToActor } from '../../platform/access.js';
import { findStreamEvents } from '../../platform/audit-trail/audit-log.js';
import {
  countRmasByStatus,
  findLineQuantities,
  findRmaLineRows,
  findRmaRow,
  searchRmaRows,
} from '../rma.repository.js';
import { toRma, toRmaSummary } from '../rma.view.js';
import { findShipTo } from '../ship-to.js';
import { findRoutingInstruction } from '../routing-instructions.js';
import { summarizeAuditEvent } from '../domain/timeline-summary.js';
import { deriveReturnProgress, type Progress } from '../domain/return-progress.js';
import { factsOfLine, type LoadReturnFacts } from '../return-facts.js';
import { RMA_STATUSES, type RmaStatus } from '../../contracts/returns-vocabulary.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function loadRma(db: Reader, id: string, loadFacts: LoadReturnFacts): Promise<Rma> {
  const [row, lines, facts] = await Promise.all([findRmaRow(db, id), findRmaLineRows(db, id), loadFacts(db, [id])]);
  if (!row) throw new AppError('not_found', `return ${id} was not found`);
  const shipTo = await findShipTo(db, row);
  const routingInstruction = (await findRoutingInstruction(db, id)) ?? null;
  const progress = deriveReturnProgress(
    row.status,
    lines.map((l) => ({ quantity: l.quantity, facts: factsOfLine(facts, l.id) })),
  );
  return toRma(row, lines, progress, { shipTo, routingInstruction });
}

/** The progress of several returns at once (a page of a list): one query per stage, not per return. */
export async function loadProgress(
  db: Reader,
  returns: ReadonlyArray<{ id: string; status: RmaStatus }>,
  loadFacts: LoadReturnFacts,
): Promise<Map<string, Progress>> {
  const ids = returns.map((r) => r.id);
  const [lines, facts] = await Promise.all([findLineQuantities(db, ids), loadFacts(db, ids)]);
  return new Map(
    returns.map((rma) => {
      const own = lines.filter((l) => l.rma_id === rma.id);
      const { progress } = deriveReturnProgress(
        rma.status,
        own.map((l) => ({ quantity: l.quantity, facts: factsOfLine(facts, l.id) })),
      );
      return [rma.id, progress];
    }),
  );
}

export async function getRma(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  loadFacts: LoadReturnFacts,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.read');
  const rma = await loadRma(platform.db, id, loadFacts);
  // Another account's return is reported as missing, so its existence is not disclosed.
  if (!isVisibleToActor(ctx.actor, rma.customerId)) throw new AppError('not_found', `return ${id} was not found`);
  return rma;
}

export async function searchRmas(
  platform: Platform,
  ctx: RequestContext,
  query: ListRmasFilter,
  loadFacts: LoadReturnFacts,
) {
  assertCan(ctx.actor, 'returns.read');
  const scoped = isCustomerScoped(ctx.actor) ? { ...query, customerId: ctx.actor.customerId ?? undefined } : query;
  const [rows, count] = await searchRmaRows(platform.db, scoped);
  const progress = await loadProgress(platform.db, rows, loadFacts);
  return toPage(
    rows.map((row) => toRmaSummary(row, progress.get(row.id)!)),
    query.page,
    query.pageSize,
    Number(count.n),
  );
}

export async function getRmaTimeline(
  platform: Platform,
  ctx: RequestContext,
  id: string,
): Promise<{ items: TimelineEntry[] }> {
  assertCan(ctx.actor, 'audit.read');
  const row = await findRmaRow(platform.db, id);
  if (!row || !isVisibleToActor(ctx.actor, row.customer_id))
    throw new AppError('not_found', `return ${id} was not found`);
  const events = await findStreamEvents(platform.db, id);
  return {
    items: events.map((e) => {
      const before = e.before ? (JSON.parse(e.before) as unknown) : null;
      const after = e.after ? (JSON.parse(e.after) as unknown) : null;
      return {
        id: e.id,
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

/** How many returns stand in each authorization status (the demo's summary line). */
export async function countReturnsByStatus(db: Reader, customerId?: string): Promise<Record<RmaStatus, number>> {
  const rows = await countRmasByStatus(db, customerId);
  const counts = Object.fromEntries(RMA_STATUSES.map((status) => [status, 0])) as Record<RmaStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The counts a home page shows, in one request; a customer sees only their own account's. */
export async function getStatusCounts(platform: Platform, ctx: RequestContext) {
  assertCan(ctx.actor, 'returns.read');
  return { byStatus: await countReturnsByStatus(platform.db, ctx.actor.customerId ?? undefined) };
}
