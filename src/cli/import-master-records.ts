// One master record per CSV row, each validated by the API's input schema and created through the
// same use case as POST /<records>, on its own: one bad row does not stop the others.
import type { z } from 'zod';
import { systemContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createMasterRecord } from '../masterdata/index.js';
import type { MasterRecordDefinition } from '../masterdata/index.js';
import type { CsvRow, RowFailure } from './csv-file.js';
import { coerceCells, describeFields, describeIssue } from './csv-values.js';
import type { ReferenceResolver } from './csv-references.js';
import type { ImportTally } from './import-fates.js';

export async function importMasterRecords(
  platform: Platform,
  definition: MasterRecordDefinition<z.ZodObject, { id: string }>,
  rows: AsyncIterable<CsvRow>,
  resolveReferences: ReferenceResolver,
  tally: ImportTally,
): Promise<void> {
  const ctx = systemContext('csv-import');
  const fields = describeFields(definition.inputSchema);
  const keyColumn = Object.keys(definition.inputSchema.shape)[0] ?? '';
  for await (const row of rows) {
    const record = (row.cells[keyColumn] ?? '').trim();
    const failures = await importRow(row);
    if (failures.length === 0) {
      tally.counts.created += 1;
      await tally.imported(row.line, record);
    } else {
      tally.counts.refused += 1;
      await tally.refusedFor(
        row.line,
        record,
        failures.map((f) => ({ field: f.field, message: f.message })),
      );
    }
  }

  async function importRow(row: CsvRow): Promise<RowFailure[]> {
    const parsed = definition.inputSchema.safeParse(await resolveReferences(coerceCells(row.cells, fields)));
    if (!parsed.success) {
      return parsed.error.issues.map((issue) => ({
        row: row.line,
        field: issue.path.join('.'),
        message: describeIssue(issue, row.cells[String(issue.path[0])]),
      }));
    }
    try {
      await createMasterRecord(platform, ctx, definition, parsed.data);
      return [];
    } catch (error) {
      return failuresFromError(error, row.line);
    }
  }
}

/** A use case's refusal, as failures on the row; anything that is not a refusal is a bug and is thrown. */
export function failuresFromError(
  error: unknown,
  row: number,
  rowOfPath: (path: string) => { row: number; field: string } = (path) => ({ row, field: path }),
): RowFailure[] {
  if (!(error instanceof AppError)) throw error;
  if (!error.errors || error.errors.length === 0) return [{ row, field: '', message: error.message }];
  return error.errors.map((e) => ({ ...rowOfPath(e.path), message: error.message }));
}
