// Document numbers. Two kinds, because they cost differently:
// - Gap-free documents (tax documents: credit memos) take a counter row per legal entity and type
//   inside the business transaction. The row stays locked until commit, so a rolled-back document
//   gives its number back — that lock is the price of "no gaps", paid only by those documents.
// - Documents where a gap is harmless (RMAs) take values of a database sequence on PostgreSQL:
//   no lock held until commit, so concurrent creates never wait for each other. A process takes
//   the values SEQUENCE_BLOCK at a time (one round trip per block, not per document) and hands
//   them out in order; a rolled-back create, or a process that stops, leaves a gap, and with
//   several processes the numbers of one minute interleave rather than run in creation order.
//   SQLite has one writer at a time anyway and uses a counter row.
import { sql, type Transaction } from 'kysely';
import type { DB, Dialect } from './db/database.js';
import { prepared } from './db/prepared-query.js';

export type DocumentType =
  | 'rma'
  | 'arrival'
  | 'credit_memo'
  | 'work_order'
  | 'vendor_return'
  | 'disposal'
  | 'liquidation_lot'
  | 'recall'
  | 'supplier_claim'
  | 'journal_entry'
  | 'replacement_order';

interface Numbering {
  prefix: string;
  digits: number;
  isGapFree: boolean;
}

export const DOCUMENT_NUMBERING: Readonly<Record<DocumentType, Numbering>> = {
  rma: { prefix: 'RMA', digits: 7, isGapFree: false },
  /** Unidentified arrivals: the number written on the parcel while it waits to be identified. */
  arrival: { prefix: 'UA', digits: 7, isGapFree: false },
  credit_memo: { prefix: 'CM', digits: 7, isGapFree: true },
  work_order: { prefix: 'WO', digits: 7, isGapFree: false },
  /** The document that goes to the supplier with its goods (return to vendor). */
  vendor_return: { prefix: 'RTV', digits: 7, isGapFree: false },
  disposal: { prefix: 'DSP', digits: 7, isGapFree: false },
  liquidation_lot: { prefix: 'LIQ', digits: 7, isGapFree: false },
  recall: { prefix: 'RCL', digits: 5, isGapFree: false },
  /** What we ask a supplier to pay for the goods it took back; not a tax document (its credit note is). */
  supplier_claim: { prefix: 'SC', digits: 7, isGapFree: false },
  /**
   * Journal entries post inside receipts and dispositions: a gap-free counter would make every
   * such transaction of an entity wait for the one before it to commit. Entries are ordered by
   * posting time; the number identifies, it does not count.
   */
  journal_entry: { prefix: 'JE', digits: 8, isGapFree: false },
  /** Replacement, exchange and advance-replacement orders: shipping documents, not tax documents. */
  replacement_order: { prefix: 'RPL', digits: 7, isGapFree: false },
};

/** The PostgreSQL sequence behind a gap-allowed document type (created by its migration). */
export function sequenceName(type: DocumentType): string {
  return `doc_${type}_seq`;
}

export async function nextDocumentNumber(
  tx: { db: Transaction<DB>; dialect: Dialect },
  type: DocumentType,
  legalEntityId: string,
): Promise<string> {
  const numbering = DOCUMENT_NUMBERING[type];
  const value = numbering.isGapFree ? await nextGapFree(tx.db, type, legalEntityId) : await nextFromSequence(tx, type);
  return `${numbering.prefix}-${String(value).padStart(numbering.digits, '0')}`;
}

async function nextGapFree(db: Transaction<DB>, type: DocumentType, legalEntityId: string): Promise<number> {
  const row = await db
    .insertInto('document_counters')
    .values({ legal_entity_id: legalEntityId, document_type: type, value: 1 })
    .onConflict((oc) =>
      oc.columns(['legal_entity_id', 'document_type']).doUpdateSet({ value: sql<number>`document_counters.value + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** How many sequence values a process reserves at a time (at most this many minus one lost when it stops). */
export const SEQUENCE_BLOCK = 10;

const sequenceBlock = prepared((db, p: { sequence: string; count: number }) =>
  db
    .selectFrom(sql<{ n: number }>`generate_series(1, ${p.count})`.as('s'))
    .select(sql<number>`nextval(${p.sequence})`.as('value')),
);

/** Values reserved and not yet used, per database (its adapter) and sequence, smallest first. */
const reservedValues = new WeakMap<object, Map<string, number[]>>();

async function nextSequenceValue(db: Transaction<DB>, sequence: string): Promise<number> {
  const adapter = db.getExecutor().adapter;
  let bySequence = reservedValues.get(adapter);
  if (!bySequence) reservedValues.set(adapter, (bySequence = new Map<string, number[]>()));
  const reserved = bySequence.get(sequence) ?? [];
  bySequence.set(sequence, reserved);
  if (reserved.length === 0) {
    const block = await sequenceBlock.execute(db, { sequence, count: SEQUENCE_BLOCK });
    // Another request may have refilled meanwhile: keep every value, and hand out the smallest.
    reserved.push(...block.map((row) => Number(row.value)));
    reserved.sort((a, b) => a - b);
  }
  return reserved.shift()!;
}

const nextCounterValue = prepared((db, p: { name: string }) =>
  db
    .insertInto('counters')
    .values({ name: p.name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning('value'),
);

async function nextFromSequence(tx: { db: Transaction<DB>; dialect: Dialect }, type: DocumentType): Promise<number> {
  if (tx.dialect === 'postgres') return nextSequenceValue(tx.db, sequenceName(type));
  const row = await nextCounterValue.executeTakeFirstOrThrow(tx.db, { name: type });
  return Number(row.value);
}
