// The document log: every interchange in and out, kept whole with its status, errors and the
// records it created. Steps (tx, …) for the workflows that receive and send, and the queries
// behind the log screen.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { EdiDocument, EdiDocumentStatus, EdiRecord } from '../contracts/edi.js';
import type { Tx } from '../platform/unit-of-work.js';
import { writeX12 } from './x12/index.js';
import { envelope, OUTBOUND_DELIMITERS, x12DateTime, type OutboundSet } from './domain/outbound-envelope.js';
import type { EdiDocumentsTable } from './edi.tables.js';
import type { TradingPartner } from '../contracts/edi.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The id of the inbound document with exactly this content, if one was kept. */
export async function findInboundDocumentByContent(
  db: Kysely<DB> | Transaction<DB>,
  content: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('edi_documents')
    .select('id')
    .where('inbound_hash', '=', sha256(content))
    .executeTakeFirst();
  return row?.id;
}

export type InboundDocumentInput = {
  partnerId: string | null;
  content: string;
  fileName: string | null;
  status: EdiDocumentStatus;
  errors: string[];
  transactionSets: string[];
  interchangeControlNumber: string | null;
};

/**
 * Keeps an inbound file. The same bytes a second time (a poller that read it again, a partner that
 * resent it) find the first row and are reported as a duplicate rather than worked twice.
 */
export async function recordInboundDocument(
  tx: Tx,
  input: InboundDocumentInput,
): Promise<{ id: string; duplicateOf: string | null }> {
  const hash = sha256(input.content);
  const existing = await tx.db
    .selectFrom('edi_documents')
    .select('id')
    .where('inbound_hash', '=', hash)
    .executeTakeFirst();
  if (existing) return { id: existing.id, duplicateOf: existing.id };
  const id = tx.ids.next('edd');
  await tx.db
    .insertInto('edi_documents')
    .values({
      id,
      partner_id: input.partnerId,
      direction: 'in',
      transaction_sets: JSON.stringify(input.transactionSets),
      interchange_control_number: input.interchangeControlNumber,
      status: input.status,
      content: input.content,
      inbound_hash: hash,
      file_name: input.fileName,
      errors: JSON.stringify(input.errors),
      records: '[]',
      in_reply_to: null,
      subject_key: null,
      created_at: tx.now,
      updated_at: tx.now,
      sent_at: null,
    })
    .execute();
  tx.audit({
    entityType: 'edi_document',
    entityId: id,
    action: 'edi_document.received',
    after: { partnerId: input.partnerId, fileName: input.fileName, status: input.status, errors: input.errors },
  });
  return { id, duplicateOf: null };
}

/** How long a file may stay "working" before another process may take it over (its worker died). */
export const STALLED_WORK_MS = 5 * 60 * 1000;

/**
 * Takes a kept file for working through: one process at a time (a conditional UPDATE), so the
 * same file handed in twice at once, or by the poller and a person, is worked once. A file whose
 * worker died is taken over once it has stalled.
 */
export async function claimInboundDocument(db: Kysely<DB>, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const stalledBefore = new Date(now.getTime() - STALLED_WORK_MS).toISOString();
  const result = await db
    .updateTable('edi_documents')
    .set({ status: 'working', updated_at: at })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'received'),
        eb.and([eb('status', '=', 'working'), eb('updated_at', '<', stalledBefore)]),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Kept files nobody is working through: never claimed, or whose worker died. The EDI job resumes them. */
export function findStalledInboundDocuments(db: Kysely<DB>, now: Date, limit = 20) {
  const stalledBefore = new Date(now.getTime() - STALLED_WORK_MS).toISOString();
  return db
    .selectFrom('edi_documents')
    .select(['id', 'partner_id', 'content', 'file_name'])
    .where('direction', '=', 'in')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'received'), eb('updated_at', '<', stalledBefore)]),
        eb.and([eb('status', '=', 'working'), eb('updated_at', '<', stalledBefore)]),
      ]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function finishInboundDocument(
  tx: Tx,
  id: string,
  outcome: { status: EdiDocumentStatus; errors: string[]; records: EdiRecord[] },
): Promise<void> {
  await tx.db
    .updateTable('edi_documents')
    .set({
      status: outcome.status,
      errors: JSON.stringify(outcome.errors),
      records: JSON.stringify(outcome.records),
      updated_at: tx.now,
    })
    .where('id', '=', id)
    .execute();
  tx.audit({ entityType: 'edi_document', entityId: id, action: 'edi_document.processed', after: outcome });
  tx.emit({
    type: 'edi.document_processed',
    aggregateType: 'edi_document',
    aggregateId: id,
    payload: { documentId: id, status: outcome.status, records: outcome.records },
  });
}

/**
 * Writes an outbound interchange for the partner with its next control number, and queues it for
 * the transport. `subjectKey` (e.g. "812:<credit memo id>") makes a second send of the same thing
 * a no-op: the first document is returned.
 */
export async function queueOutboundDocument(
  tx: Tx,
  partner: TradingPartner,
  input: { sets: OutboundSet[]; records: EdiRecord[]; inReplyTo: string | null; subjectKey: string | null },
): Promise<{ id: string; alreadySent: boolean }> {
  if (input.subjectKey) {
    const existing = await tx.db
      .selectFrom('edi_documents')
      .select('id')
      .where('subject_key', '=', input.subjectKey)
      .executeTakeFirst();
    if (existing) return { id: existing.id, alreadySent: true };
  }
  const { last_control_number: controlNumber } = await tx.db
    .updateTable('trading_partners')
    .set({ last_control_number: sql<number>`last_control_number + 1` })
    .where('id', '=', partner.id)
    .returning('last_control_number')
    .executeTakeFirstOrThrow();
  const segments = envelope(
    {
      senderQualifier: partner.ourInterchangeQualifier,
      senderId: partner.ourInterchangeId,
      senderGroupId: partner.ourGroupId,
      receiverQualifier: partner.interchangeQualifier,
      receiverId: partner.interchangeId,
      receiverGroupId: partner.groupId,
      version: partner.x12Version,
      usage: partner.usage,
    },
    input.sets,
    x12DateTime(tx.now),
    Number(controlNumber),
  );
  const id = tx.ids.next('edd');
  const interchangeControlNumber = String(controlNumber).padStart(9, '0');
  await tx.db
    .insertInto('edi_documents')
    .values({
      id,
      partner_id: partner.id,
      direction: 'out',
      transaction_sets: JSON.stringify(input.sets.map((s) => s.code)),
      interchange_control_number: interchangeControlNumber,
      status: 'queued',
      content: writeX12(segments, OUTBOUND_DELIMITERS),
      inbound_hash: null,
      file_name: `${partner.code}-${input.sets[0]!.code}-${interchangeControlNumber}.x12`,
      errors: '[]',
      records: JSON.stringify(input.records),
      in_reply_to: input.inReplyTo,
      subject_key: input.subjectKey,
      created_at: tx.now,
      updated_at: tx.now,
      sent_at: null,
    })
    .execute();
  tx.audit({
    entityType: 'edi_document',
    entityId: id,
    action: 'edi_document.queued',
    after: {
      partnerId: partner.id,
      sets: input.sets.map((s) => s.code),
      records: input.records,
      interchangeControlNumber,
    },
  });
  return { id, alreadySent: false };
}

export function toEdiDocument(row: EdiDocumentsTable & { partner_name: string | null }): EdiDocument {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    direction: row.direction,
    transactionSets: JSON.parse(row.transaction_sets) as string[],
    interchangeControlNumber: row.interchange_control_number,
    status: row.status,
    fileName: row.file_name,
    errors: JSON.parse(row.errors) as string[],
    records: JSON.parse(row.records) as EdiRecord[],
    inReplyTo: row.in_reply_to,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
