// What became of every line of an imported file. Each line gets a fate — imported, or refused
// with the field and the reason — sent to a sink as it is decided (the CLI writes them to a
// report file), so a file of any size is reported without holding the fates in memory. The
// tally keeps the counts and only the first refusals, for the summary on screen.
import type { RowFailure } from './csv-file.js';

export interface LineFate {
  line: number;
  /** The record the line belongs to: an order number, or a master record's business key. */
  record: string;
  /** skipped and write_off: lines the UCI import decides are not records (fees, guests, scrap notes). */
  fate: 'imported' | 'refused' | 'skipped' | 'write_off';
  field: string;
  message: string;
}

export type FateSink = (fate: LineFate) => void | Promise<void>;

/** Refusals kept in memory for the summary; the report file has all of them. */
const FAILURES_KEPT = 500;

export interface ImportCounts {
  /** Records (orders, or master records) created, including orders created without some lines. */
  created: number;
  /** Orders created while some of their lines were refused. */
  partial: number;
  /** Records not created at all. */
  refused: number;
  linesImported: number;
  linesRefused: number;
}

export class ImportTally {
  readonly counts: ImportCounts = { created: 0, partial: 0, refused: 0, linesImported: 0, linesRefused: 0 };
  readonly failures: RowFailure[] = [];
  failuresNotShown = 0;

  constructor(private readonly sink: FateSink = () => undefined) {}

  async imported(line: number, record: string): Promise<void> {
    this.counts.linesImported += 1;
    await this.sink({ line, record, fate: 'imported', field: '', message: '' });
  }

  async refused(line: number, record: string, field: string, message: string): Promise<void> {
    this.counts.linesRefused += 1;
    if (this.failures.length < FAILURES_KEPT) this.failures.push({ row: line, field, message });
    else this.failuresNotShown += 1;
    await this.sink({ line, record, fate: 'refused', field, message });
  }

  /** A line refused for several reasons is one refused line with each reason reported. */
  async refusedFor(line: number, record: string, reasons: Array<{ field: string; message: string }>): Promise<void> {
    const [first, ...rest] = reasons;
    await this.refused(line, record, first?.field ?? '', first?.message ?? 'refused');
    for (const reason of rest) {
      if (this.failures.length < FAILURES_KEPT) this.failures.push({ row: line, ...reason });
      else this.failuresNotShown += 1;
      await this.sink({ line, record, fate: 'refused', ...reason });
    }
  }
}

/** One fate as a CSV line of the report file (header: FATE_REPORT_HEADER). */
export function fateAsCsv(fate: LineFate): string {
  return `${[fate.line, fate.record, fate.fate, fate.field, fate.message].map(csvCell).join(',')}\n`;
}
export const FATE_REPORT_HEADER = 'line,record,fate,field,reason\n';

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
