// The unit of work. A use case or a workflow opens one transaction and passes `tx` to every step;
// steps `(tx, input)` never open their own. Audit events and outbox rows recorded during the work
// are written at the end of the same transaction: the state change, its audit trail and its
// outgoing events all commit, or none of them do. A nested transaction is refused at once.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Dialect, PoolStats } from './db/database.js';
import { withinTransactionScope } from './db/transaction-scope.js';
import type { Clock } from './clock.js';
import type { IdGenerator } from './ids.js';
import type { RequestContext } from './actor.js';
import { auditRowsOf, type AuditEntryDraft } from './audit-trail/audit-log.js';
import type { AuditSealer } from './audit-trail/audit-sealer.js';
import { outboxRowsOf, type DomainEvent } from './outbox/outbox.js';
import { insertRows } from './db/insert-rows.js';
import { AppError } from './errors.js';

export interface Platform {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  ids: IdGenerator;
  /** Chains committed audit events shortly after commit (absent only in tests that seal by hand). */
  auditSealer?: AuditSealer;
  /** Relays committed outbox events (absent in tests and tools that do not start one). */
  outboxRelay?: { nudge(): void };
  /** PostgreSQL's connection pool as it stands (for /metrics); absent on SQLite. */
  poolStats?: () => PoolStats;
  /**
   * Runs at the end of every transaction, after the work and before the outbox and audit rows,
   * with the events the work emitted: projections that must commit with their events (the KPI
   * figures) are kept here. The composition root sets it; the kernel knows no projection.
   */
  beforeCommit?: (tx: Tx, events: readonly DomainEvent[]) => Promise<void>;
}

export interface AuditRecord {
  entityType: string;
  entityId: string;
  /** The timeline this change belongs to; defaults to the entity itself. */
  streamId?: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface Tx {
  db: Transaction<DB>;
  ctx: RequestContext;
  /** One timestamp for the whole transaction, so every row it writes agrees on "when". */
  now: string;
  today: string;
  ids: IdGenerator;
  dialect: Dialect;
  audit(record: AuditRecord): void;
  emit(event: DomainEvent): void;
}

export type { DomainEvent };

export async function runInTransaction<T>(
  platform: Platform,
  ctx: RequestContext,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const now = platform.clock.now().toISOString();
  const auditDrafts: AuditEntryDraft[] = [];
  const result = await withinTransactionScope(`request ${ctx.requestId}`, () =>
    platform.db.transaction().execute(async (trx) => {
      // The root handle refuses queries while this transaction is open; the transaction's own doesn't.
      const db = trx.withoutPlugins();
      const events: Array<DomainEvent & { id: string; occurredAt: string }> = [];
      const tx: Tx = {
        db,
        ctx,
        now,
        today: now.slice(0, 10),
        ids: platform.ids,
        dialect: platform.dialect,
        audit: (record) =>
          auditDrafts.push({
            id: platform.ids.next('aud'),
            occurredAt: now,
            actorId: ctx.actor.id,
            actorName: ctx.actor.name,
            requestId: ctx.requestId,
            entityType: record.entityType,
            entityId: record.entityId,
            streamId: record.streamId ?? record.entityId,
            action: record.action,
            before: record.before ?? null,
            after: record.after ?? null,
          }),
        emit: (event) => events.push({ ...event, id: platform.ids.next('evt'), occurredAt: now }),
      };
      const value = await work(tx);
      if (platform.beforeCommit) await platform.beforeCommit(tx, events);
      await markIdempotencyCommitted(db, ctx, auditDrafts[0]);
      await insertRows(db, platform.dialect, [outboxRowsOf(events), auditRowsOf(auditDrafts)]);
      return value;
    }),
  );
  if (ctx.idempotency) ctx.idempotency.marked = true;
  if (auditDrafts.length > 0) platform.auditSealer?.nudge();
  platform.outboxRelay?.nudge();
  return result;
}

/**
 * The request's Idempotency-Key, marked committed in the commit of its first transaction — only if
 * its reservation is still this request's: a retry that took an abandoned reservation over owns
 * it now, and this work must not commit beside the retry's (the transaction is refused whole).
 */
async function markIdempotencyCommitted(db: Kysely<DB>, ctx: RequestContext, first: AuditEntryDraft | undefined) {
  const slot = ctx.idempotency;
  if (!slot || slot.marked) return;
  const result = await db
    .updateTable('idempotency_keys')
    .set({ state: 'committed', outcome: first ? `${first.entityType} ${first.entityId}` : null })
    .where('principal_id', '=', slot.principalId)
    .where('key', '=', slot.key)
    .where('token', '=', slot.token)
    .where('state', '=', 'in_progress')
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n)
    throw new AppError(
      'idempotency_in_progress',
      `a retry with Idempotency-Key ${slot.key} took this request over; this one was not carried out`,
    );
}
