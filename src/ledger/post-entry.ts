// The posting step: a balanced journal entry written in the caller's transaction, so the books
// change exactly when the event they record does. Amounts arrive in the entity's functional
// currency, by account role; an entry that would not balance is a bug, refused loudly.
import type { AccountRole } from '../contracts/ledger.js';
import { findLegalEntity } from '../masterdata/index.js';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { accountIdsByRole } from './accounts.js';
import { balance, periodOf, type DraftLine } from './domain/journal.js';
import type { JournalEntriesTable, JournalLinesTable } from './ledger.tables.js';
import { assertPeriodOpen } from './periods.js';

export interface EntryDraft {
  legalEntityId: string;
  /** The business date of the event; its month is the period. Defaults to the transaction's day. */
  postingDate?: string;
  description: string;
  event: string;
  source: { type: string; id: string };
  rmaId: string | null;
  lines: DraftLine[];
}

export async function postEntry(tx: Tx, draft: EntryDraft): Promise<JournalEntriesTable | null> {
  const checked = balance(draft.lines);
  if (!checked.ok) throw new Error(`journal entry for ${draft.event} ${draft.source.id}: ${checked.message}`);
  if (checked.lines.length === 0) return null;
  const entity = await findLegalEntity(tx.db, draft.legalEntityId);
  if (!entity) throw new AppError('validation_failed', `legal entity ${draft.legalEntityId} does not exist`);
  const postingDate = draft.postingDate ?? tx.today;
  const period = periodOf(postingDate);
  await assertPeriodOpen(tx, entity.id, period, entity.code);
  const accounts = await accountIdsByRole(tx, entity.id);
  const accountOf = (role: AccountRole) => {
    const id = accounts.get(role);
    if (!id) throw new Error(`no ${role} account for ${entity.code}`);
    return id;
  };
  const entry: JournalEntriesTable = {
    id: tx.ids.next('je'),
    entry_number: await nextDocumentNumber(tx, 'journal_entry', entity.id),
    legal_entity_id: entity.id,
    posting_date: postingDate,
    period,
    currency: entity.functional_currency,
    description: draft.description.slice(0, 500),
    event: draft.event,
    source_type: draft.source.type,
    source_id: draft.source.id,
    rma_id: draft.rmaId,
    reverses_entry_id: null,
    total_minor: checked.totalMinor,
    posted_at: tx.now,
    posted_by: tx.ctx.actor.name,
  };
  await writeEntry(
    tx,
    entry,
    checked.lines.map((line) => ({
      account_id: accountOf(line.role),
      debit_minor: line.debitMinor,
      credit_minor: line.creditMinor,
      memo: line.memo,
    })),
  );
  return entry;
}

type LineValues = Pick<JournalLinesTable, 'account_id' | 'debit_minor' | 'credit_minor' | 'memo'>;

export async function writeEntry(tx: Tx, entry: JournalEntriesTable, lines: LineValues[]): Promise<void> {
  await tx.db.insertInto('journal_entries').values(entry).execute();
  await tx.db
    .insertInto('journal_lines')
    .values(
      lines.map((line, index) => ({ ...line, id: tx.ids.next('jl'), entry_id: entry.id, line_number: index + 1 })),
    )
    .execute();
  tx.emit({
    type: 'journal.entry_posted',
    aggregateType: 'journal_entry',
    aggregateId: entry.id,
    payload: {
      entryId: entry.id,
      entryNumber: entry.entry_number,
      legalEntityId: entry.legal_entity_id,
      period: entry.period,
      event: entry.event,
      sourceType: entry.source_type,
      sourceId: entry.source_id,
      rmaId: entry.rma_id,
      totalMinor: entry.total_minor,
      currency: entry.currency,
    },
  });
}
