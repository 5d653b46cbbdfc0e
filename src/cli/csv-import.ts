// Imports one CSV file of one kind of record and reports, per row, what could not be imported.
import { CUSTOMERS, LEGAL_ENTITIES, PRODUCTS, SITES, SUPPLIERS } from '../masterdata/index.js';
import type { Platform } from '../platform/unit-of-work.js';
import { CsvError } from 'csv-parse/sync';
import { readCsv, type CsvTable, type RowFailure } from './csv-file.js';
import { createReferenceResolver } from './csv-references.js';
import { importMasterRecords, type ImportResult } from './import-master-records.js';
import { importOrders, ORDER_COLUMNS } from './import-orders.js';

export const MASTER_KINDS = {
  'legal-entities': LEGAL_ENTITIES,
  sites: SITES,
  customers: CUSTOMERS,
  suppliers: SUPPLIERS,
  products: PRODUCTS,
} as const;

export type ImportKind = keyof typeof MASTER_KINDS | 'orders';
export const IMPORT_KINDS: readonly ImportKind[] = [
  ...(Object.keys(MASTER_KINDS) as Array<keyof typeof MASTER_KINDS>),
  'orders',
];

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

export interface ImportReport extends ImportResult {
  kind: ImportKind;
  rows: number;
}

export async function importCsv(platform: Platform, kind: ImportKind, text: string): Promise<ImportReport> {
  let table: CsvTable;
  try {
    table = readCsv(text);
  } catch (error) {
    // Malformed beyond one record (e.g. a quote never closed): nothing is imported.
    if (!(error instanceof CsvError)) throw error;
    return {
      kind,
      rows: 0,
      created: 0,
      failed: 1,
      failures: [{ row: Number(error.lines ?? 0), field: '', message: error.message }],
    };
  }
  const expected = kind === 'orders' ? ORDER_COLUMNS : Object.keys(MASTER_KINDS[kind].inputSchema.shape);
  // A misspelt column would make every row fail the same way: say it once and import nothing.
  const unknown = table.columns.filter((c) => !expected.includes(c));
  if (unknown.length > 0) {
    const failures: RowFailure[] = unknown.map((column) => ({
      row: 1,
      field: column,
      message: `unknown column; the columns of ${kind} are ${expected.join(', ')}`,
    }));
    return { kind, rows: table.rows.length, created: 0, failed: table.rows.length + table.unreadable.length, failures };
  }
  const resolveReferences = createReferenceResolver(platform.db);
  const result =
    kind === 'orders'
      ? await importOrders(platform, table.rows, resolveReferences)
      : await importMasterRecords(platform, MASTER_KINDS[kind], table.rows, resolveReferences);
  const failures = [...table.unreadable, ...result.failures].sort((a, b) => a.row - b.row);
  return {
    kind,
    rows: table.rows.length + table.unreadable.length,
    created: result.created,
    failed: result.failed + table.unreadable.length,
    failures,
  };
}

export function formatReport(report: ImportReport): string[] {
  const lines = report.failures.map((f) => `row ${f.row}${f.field ? ` ${f.field}` : ''}: ${f.message}`);
  lines.push(`${report.kind}: ${report.created} created, ${report.failed} failed (${report.rows} rows read)`);
  return lines;
}
