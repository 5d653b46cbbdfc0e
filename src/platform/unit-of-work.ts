// The use case owns the transaction. Audit events and outbox rows recorded during the work are
// flushed at the end of the same transaction: either the state change, its audit trail and its
// outgoing events all commit, or none of them do.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.js';
import type { Dialect } from './db/database.js';
import type { Clock } from './clock.js';
import type { IdGenerator } from './ids.js';
import type { RequestContext } from './actor.js';
// The audit trail is part of every transaction, so the unit of work appends to it directly.
import { appendAuditEvents, type AuditEntryDraft } from '../audit/audit.repository.js';
import { insertOutboxEvents, type DomainEvent } from '../outbox/outbox.repository.js';

export interface Platform {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  ids: IdGenerator;
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

export async function runInTransaction<T>(
  platform: Platform,
  ctx: RequestContext,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return platform.db.transaction().execute(async (trx) => {
    const now = platform.clock.now().toISOString();
    const auditDrafts: AuditEntryDraft[] = [];
    const events: Array<DomainEvent & { id: string; occurredAt: string }> = [];
    const tx: Tx = {
      db: trx,
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
    const result = await work(tx);
    await insertOutboxEvents(trx, events);
    await appendAuditEvents(trx, auditDrafts);
    return result;
  });
}
