// The audit log: every state change records who did what, inside the transaction that made it.
// Writers only insert (no shared row is touched, so writers never wait for each other); the
// sealer chains committed events shortly after (audit-sealer.ts).
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RowsFor } from '../db/insert-rows.js';
import type { DB } from '../db/database.js';
import type { AuditLogTable } from '../db/kernel-tables.js';
import type { ChainedEventContent } from './audit-chain.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface AuditEntryDraft {
  id: string;
  occurredAt: string;
  actorId: string;
  actorName: string;
  requestId: string;
  entityType: string;
  entityId: string;
  streamId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit rows for events recorded in a transaction (the unit of work inserts them with it). */
export function auditRowsOf(drafts: AuditEntryDraft[]): RowsFor<'audit_log'> {
  const rows = drafts.map((draft) => ({
    id: draft.id,
    occurred_at: draft.occurredAt,
    actor_id: draft.actorId,
    actor_name: draft.actorName,
    request_id: draft.requestId,
    entity_type: draft.entityType,
    entity_id: draft.entityId,
    stream_id: draft.streamId,
    action: draft.action,
    before: draft.before === undefined || draft.before === null ? null : JSON.stringify(draft.before),
    after: draft.after === undefined || draft.after === null ? null : JSON.stringify(draft.after),
    chain_seq: null,
    prev_hash: null,
    hash: null,
  }));
  return { table: 'audit_log', rows };
}

/** One aggregate's events in the order they happened (ids are time-ordered). */
export function findStreamEvents(db: Reader, streamId: string) {
  return db.selectFrom('audit_log').selectAll().where('stream_id', '=', streamId).orderBy('id').execute();
}

/** What the chain hashes of a stored event (its position aside). */
export function toChainedContent(row: Selectable<AuditLogTable>): Omit<ChainedEventContent, 'seq'> {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    requestId: row.request_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    streamId: row.stream_id,
    action: row.action,
    before: row.before,
    after: row.after,
  };
}
