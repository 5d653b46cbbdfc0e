// Appends to and reads the hash-chained audit trail.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { hashAuditEvent, type ChainedEventContent } from './domain/audit-chain.js';

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

/**
 * Appends events to the chain inside the caller's transaction. Bumping the head row first takes
 * its row lock (PostgreSQL) or the write lock (SQLite), so concurrent transactions append in turn
 * and the chain never forks. Called last in a transaction to keep that lock short.
 */
export async function appendAuditEvents(trx: Transaction<DB>, drafts: AuditEntryDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  const head = await trx
    .updateTable('audit_chain_head')
    .set((eb) => ({ seq: eb('seq', '+', drafts.length) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = Number(head.seq) - drafts.length;
  const rows = drafts.map((draft) => {
    seq += 1;
    const content: ChainedEventContent = {
      seq,
      id: draft.id,
      occurredAt: draft.occurredAt,
      actorId: draft.actorId,
      actorName: draft.actorName,
      requestId: draft.requestId,
      entityType: draft.entityType,
      entityId: draft.entityId,
      streamId: draft.streamId,
      action: draft.action,
      before: draft.before === undefined || draft.before === null ? null : JSON.stringify(draft.before),
      after: draft.after === undefined || draft.after === null ? null : JSON.stringify(draft.after),
    };
    const hash = hashAuditEvent(prevHash, content);
    const row = {
      seq: content.seq,
      id: content.id,
      occurred_at: content.occurredAt,
      actor_id: content.actorId,
      actor_name: content.actorName,
      request_id: content.requestId,
      entity_type: content.entityType,
      entity_id: content.entityId,
      stream_id: content.streamId,
      action: content.action,
      before: content.before,
      after: content.after,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  await trx.updateTable('audit_chain_head').set({ hash: prevHash }).where('id', '=', 1).execute();
}

export function findStreamEvents(db: Kysely<DB> | Transaction<DB>, streamId: string) {
  return db.selectFrom('audit_events').selectAll().where('stream_id', '=', streamId).orderBy('seq').execute();
}

export function findEventsAfter(db: Kysely<DB>, afterSeq: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}
