// Each inbound transaction set's outcome: recorded in the transaction that requested its return
// (so a crash never leaves a return without its record, nor a record without its return), read
// back when a resumed file meets a set already answered, and found again when a return that was
// only "pending" gets its decision.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { Tx } from '../platform/unit-of-work.js';
import type { ReturnRequest180 } from './domain/inbound-180.js';
import type { AnsweredLine } from './domain/return-authorization-180.js';
import type { EdiInboundSetsTable, InboundSetOutcome } from './edi.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

export type RecordedAnswer = {
  outcome: InboundSetOutcome;
  rmaId: string | null;
  rmaNumber: string | null;
  lines: AnsweredLine[];
};

export async function recordInboundSet(
  tx: Tx,
  partnerId: string,
  place: { documentId: string; groupControlNumber: string },
  request: Pick<ReturnRequest180, 'setControlNumber' | 'reference'> & { code?: string },
  answer: RecordedAnswer,
): Promise<void> {
  const id = tx.ids.next('eis');
  await tx.db
    .insertInto('edi_inbound_sets')
    .values({
      id,
      document_id: place.documentId,
      partner_id: partnerId,
      group_control_number: place.groupControlNumber,
      set_code: request.code ?? '180',
      set_control_number: request.setControlNumber,
      reference: request.reference,
      outcome: answer.outcome,
      rma_id: answer.rmaId,
      answer: JSON.stringify({ rmaNumber: answer.rmaNumber, lines: answer.lines }),
      final_answer_sent: 0,
      created_at: tx.now,
      updated_at: tx.now,
    })
    .execute();
  tx.audit({
    entityType: 'edi_document',
    entityId: place.documentId,
    action: 'edi_document.set_answered',
    after: {
      setControlNumber: request.setControlNumber,
      reference: request.reference,
      outcome: answer.outcome,
      rmaId: answer.rmaId,
      refused: answer.lines.filter((l) => l.answer === 'refused').map((l) => l.message),
    },
  });
}

export type InboundSetRow = EdiInboundSetsTable;

export function findInboundSets(db: Reader, documentId: string): Promise<InboundSetRow[]> {
  return db.selectFrom('edi_inbound_sets').selectAll().where('document_id', '=', documentId).execute();
}

export function answerOfSet(row: InboundSetRow): RecordedAnswer {
  const stored = JSON.parse(row.answer) as { rmaNumber: string | null; lines: AnsweredLine[] };
  return { outcome: row.outcome, rmaId: row.rma_id, rmaNumber: stored.rmaNumber, lines: stored.lines };
}

/** Sets whose partner has so far heard only "pending": the decision job looks at their returns. */
export function findSetsAwaitingDecision(db: Reader, limit: number): Promise<InboundSetRow[]> {
  return db
    .selectFrom('edi_inbound_sets')
    .selectAll()
    .where('final_answer_sent', '=', 0)
    .where('rma_id', 'is not', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function markFinalAnswerSent(tx: Tx, ids: readonly string[], answers?: Map<string, RecordedAnswer>) {
  for (const id of ids) {
    const answer = answers?.get(id);
    await tx.db
      .updateTable('edi_inbound_sets')
      .set({
        final_answer_sent: 1,
        updated_at: tx.now,
        ...(answer && {
          outcome: answer.outcome,
          answer: JSON.stringify({ rmaNumber: answer.rmaNumber, lines: answer.lines }),
        }),
      })
      .where('id', '=', id)
      .execute();
  }
}
