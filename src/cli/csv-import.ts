// Imports one CSV file of one kind of record, streamed, and gives every line its fate: imported,
// or refused with the field and the reason (sent to the caller's sink as decided). The summary
// counts records (orders, or master records) and lines separately.
import { CUSTOMERS, LEGAL_ENTITIES, PARTNERS, PRODUCTS, SITES, SUPPLIERS } from '../masterdata/index.js';
import type { Platform } from '../platform/unit-of-work.js';
import { isUnreadable, openCsv, type CsvRow, type RowFailure } from './csv-file.js';
import { createReferenceResolver } from './csv-references.js';
import { importMasterRecords } from './import-master-records.js';
import { importOrders, ORDER_COLUMNS } from './import-orders.js';
import { ImportTally, type FateSink, type ImportCounts } from './import-fates.js';

export const MASTER_KINDS = {
  'legal-entities': LEGAL_ENTITIES,
  sites: SITES,
  customers: CUSTOMERS,
  suppliers: SUPPLIERS,
  products: PRODUCTS,
  partners: PARTNERS,
} as const;

export type ImportKind = keyof typeof MASTER_KINDS | 'orders';
export const IMPORT_KINDS: readonly ImportKind[] = [
  ...(Object.keys(MASTER_KINDS) as Array<keyof typeof MASTER_KINDS>),
  'orders',
];

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

export interface ImportReport extends ImportCounts {
  kind: ImportKind;
  /** Data lines read (the header aside). */
  rows: number;
  /** The first refusals, in the order they were decided (the sink received all of them). */
  failures: RowFailure[];
  failuresNotShown: number;
  /** Set when the file could not be imported at all (unreadable as CSV, or an unknown column). */
  fileError: string | null;
}

export async function importCsv(
  platform: Platform,
  kind: ImportKind,
  source: { path: string } | { text: string },
  sink?: FateSink,
): Promise<ImportReport> {
  const tally = new ImportTally(sink);
  const csv = openCsv(source);
  const expected = kind === 'orders' ? ORDER_COLUMNS : Object.keys(MASTER_KINDS[kind].inputSchema.shape);
  let rows = 0;
  let fileError: string | null = null;

  // The rows the importers see: readable ones, counted; unreadable ones refused on the way.
  async function* readableRows(): AsyncIterable<CsvRow> {
    let checkedColumns = false;
    for await (const row of csv.rows) {
      rows += 1;
      if (!checkedColumns) {
        checkedColumns = true;
        // A misspelt column would make every row fail the same way: say it once, import nothing.
        const unknown = csv.columns().filter((c) => !expected.includes(c));
        if (unknown.length > 0) {
          fileError = `unknown column ${unknown.join(', ')}; the columns of ${kind} are ${expected.join(', ')}`;
          for (const column of unknown) tally.failures.push({ row: 1, field: column, message: fileError });
          return;
        }
      }
      if (isUnreadable(row)) {
        tally.counts.refused += kind === 'orders' ? 0 : 1;
        await tally.refused(row.line, '', '', `the line cannot be read as CSV: ${row.error}`);
      } else yield row;
    }
  }

  const resolveReferences = createReferenceResolver(platform.db);
  try {
    if (kind === 'orders') await importOrders(platform, readableRows(), resolveReferences, tally);
    else await importMasterRecords(platform, MASTER_KINDS[kind], readableRows(), resolveReferences, tally);
  } catch (error) {
    // Malformed beyond one record (a quote never closed), or unreadable (a broken gzip): what was
    // imported before that point stays, and the report says where reading stopped.
    if (!isReadingError(error)) throw error;
    fileError = `reading stopped after ${rows} lines: ${error.message}`;
    tally.failures.push({ row: rows + 1, field: '', message: fileError });
  }
  return {
    kind,
    rows,
    ...tally.counts,
    failures: tally.failures,
    failuresNotShown: tally.failuresNotShown,
    fileError,
  };
}

/** csv-parse's own errors (CSV_…), a broken gzip, a file gone: the file, not the program, is at fault. */
function isReadingError(error: unknown): error is Error {
  if (!(error instanceof Error) || !('code' in error)) return false;
  const code = String(error.code);
  return code.startsWith('CSV_') || code === 'Z_DATA_ERROR' || code === 'ENOENT';
}

export function formatReport(report: ImportReport, reportFile?: string): string[] {
  const lines = report.failures.map((f) => `  line ${f.row}${f.field ? `, ${f.field}` : ''}: ${f.message}`);
  if (lines.length > 0) lines.unshift('Refused:');
  if (report.failuresNotShown > 0)
    lines.push(`  … and ${report.failuresNotShown} more refusals${reportFile ? ` (all in ${reportFile})` : ''}`);
  if (report.fileError) lines.push(`The file: ${report.fileError}`);
  const partial = report.kind === 'orders' ? ` (${report.partial} of them without some of their lines)` : '';
  lines.push(
    `${report.kind}: ${report.created} created${partial}, ${report.refused} refused`,
    `lines: ${report.rows} read, ${report.linesImported} imported, ${report.linesRefused} refused`,
  );
  if (reportFile) lines.push(`Every line's fate: ${reportFile}`);
  return lines;
}
