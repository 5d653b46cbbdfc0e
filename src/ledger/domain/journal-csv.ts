// The journal as CSV (RFC 4180): one row per line, the entry's fields repeated, amounts in minor
// units with the currency beside them so a spreadsheet never guesses decimals.
import type { JournalEntry } from '../../contracts/ledger.js';
import { csvText } from '../../platform/csv.js';

const HEADER = [
  'entry_number',
  'posting_date',
  'period',
  'event',
  'source_type',
  'source_id',
  'rma_number',
  'reverses_entry_id',
  'line',
  'account_code',
  'account_name',
  'debit_minor',
  'credit_minor',
  'currency',
  'memo',
  'description',
];

export function journalCsv(entries: readonly JournalEntry[]): string {
  const rows = entries.flatMap((entry) =>
    entry.lines.map((line) => [
      entry.entryNumber,
      entry.postingDate,
      entry.period,
      entry.event,
      entry.sourceType,
      entry.sourceId,
      entry.rmaNumber,
      entry.reversesEntryId,
      line.lineNumber,
      line.accountCode,
      line.accountName,
      line.debitMinor,
      line.creditMinor,
      entry.currency,
      line.memo,
      entry.description,
    ]),
  );
  return csvText(HEADER, rows);
}
