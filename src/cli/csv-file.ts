// Reads a CSV file into rows keyed by the header's column names, remembering each row's line in
// the file so failures point at the row a person sees in their spreadsheet.
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** Line number in the file (the header is line 1); the last line of a multi-line record. */
  line: number;
  cells: Record<string, string>;
}

export interface RowFailure {
  row: number;
  field: string;
  message: string;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
  /** Rows that could not be read at all (e.g. the wrong number of cells). */
  unreadable: RowFailure[];
}

export function readCsv(text: string): CsvTable {
  let columns: string[] = [];
  const unreadable: RowFailure[] = [];
  const records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
    bom: true,
    columns: (header: string[]) => (columns = header.map((h) => h.trim())),
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) unreadable.push({ row: Number(error.lines), field: '', message: error.message });
      return undefined;
    },
  });
  return { columns, rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })), unreadable };
}
