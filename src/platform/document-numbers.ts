// Document numbers. Two kinds, because they cost differently:
// - Gap-free documents (tax documents: credit memos) take a counter row per legal entity and type
//   inside the business transaction. The row stays locked until commit, so a rolled-back document
//   gives its number back — that lock is the price of "no gaps", paid only by those documents.
// - Documents where a gap is harmless (RMAs) take the next value of a database sequence on
//   PostgreSQL: no lock held until commit, so concurrent creates never wait for each other. A
//   rolled-back create leaves a gap. SQLite has one writer at a time anyway and uses a counter row.
import { sql, type Transaction } from 'kysely';
import type { DB, Dialect } from './db/database.js';

export type DocumentType = 'rma' | 'credit_memo';

interface Numbering {
  prefix: string;
  digits: number;
  isGapFree: boolean;
}

export const DOCUMENT_NUMBERING: Readonly<Record<DocumentType, Numbering>> = {
  rma: { prefix: 'RMA', digits: 7, isGapFree: false },
  credit_memo: { prefix: 'CM', digits: 7, isGapFree: true },
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

async function nextFromSequence(tx: { db: Transaction<DB>; dialect: Dialect }, type: DocumentType): Promise<number> {
  if (tx.dialect === 'postgres') {
    const result = await sql<{ value: number }>`select nextval(${sequenceName(type)}) as value`.execute(tx.db);
    return Number(result.rows[0]!.value);
  }
  const row = await tx.db
    .insertInto('counters')
    .values({ name: type, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
