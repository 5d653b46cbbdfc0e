// Reads a CSV file as a stream of rows keyed by the header's column names, remembering each row's
// line in the file so a report points at the row a person sees in their spreadsheet. Streamed:
// a file of any size is read with a bounded amount of memory (a gzip file is read as it is).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

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

/** A row that could not be read at all (e.g. the wrong number of cells). */
export interface UnreadableRow {
  line: number;
  error: string;
}

export interface CsvStream {
  /** The header's column names; known once the first row has been read. */
  columns(): string[];
  rows: AsyncIterable<CsvRow | UnreadableRow>;
}

/** A file on disk (`.gz` is decompressed on the way), or CSV text already in memory (tests). */
export function openCsv(source: { path: string } | { text: string }): CsvStream {
  const input =
    'text' in source
      ? Readable.from([source.text])
      : source.path.endsWith('.gz')
        ? createReadStream(source.path).pipe(createGunzip())
        : createReadStream(source.path);
  let columns: string[] = [];
  const skipped: UnreadableRow[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => (columns = header.map((h) => h.trim())),
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error: (Error & { lines?: number }) | undefined) => {
        if (error) skipped.push({ line: Number(error.lines), error: error.message });
        return undefined;
      },
    }),
  );
  // A read error (missing file, broken gzip) must end the iteration, not hang it.
  input.on('error', (error: Error) => parser.destroy(error));
  async function* rows(): AsyncIterable<CsvRow | UnreadableRow> {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      while (skipped.length > 0) yield skipped.shift()!;
      yield { line: info.lines, cells: record };
    }
    while (skipped.length > 0) yield skipped.shift()!;
  }
  return { columns: () => columns, rows: rows() };
}

export function isUnreadable(row: CsvRow | UnreadableRow): row is UnreadableRow {
  return 'error' in row;
}
