// Sales orders come one row per order line, the order's own columns repeated on each of its rows
// (as ERPs export them). Rows are grouped by orderNumber, each order validated by the API's schema
// and created through createSalesOrder; a failure names the row of the line it concerns.
import { SalesOrderInputSchema, SalesOrderLineInputSchema } from '../contracts/masterdata.js';
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createSalesOrder } from '../sales/index.js';
import type { CsvRow, RowFailure } from './csv-file.js';
import { coerceCells, describeFields, describeIssue, REQUIRED } from './csv-values.js';
import type { ReferenceResolver } from './csv-references.js';
import { failuresFromError, type ImportResult } from './import-master-records.js';

const ORDER_FIELDS = describeFields(SalesOrderInputSchema.omit({ lines: true }));
const LINE_FIELDS = describeFields(SalesOrderLineInputSchema);
/** The columns an orders CSV may have: the order's and its lines'. */
export const ORDER_COLUMNS = [...ORDER_FIELDS.keys(), ...LINE_FIELDS.keys()];

export async function importOrders(
  platform: Platform,
  rows: CsvRow[],
  resolveReferences: ReferenceResolver,
): Promise<ImportResult> {
  const ctx = systemContext('csv-import');
  const result: ImportResult = { created: 0, failed: 0, failures: [] };
  const fail = (failures: RowFailure[]) => {
    result.failed += 1;
    result.failures.push(...failures);
  };

  for (const [orderNumber, orderRows] of groupByOrderNumber(rows)) {
    const first = orderRows[0]!;
    if (orderNumber === '') {
      for (const row of orderRows) fail([{ row: row.line, field: 'orderNumber', message: REQUIRED }]);
      continue;
    }
    const inconsistent = findInconsistentRows(orderRows);
    if (inconsistent.length > 0) {
      fail(inconsistent);
      continue;
    }
    const order = await resolveReferences(coerceCells(first.cells, ORDER_FIELDS));
    const lines = await Promise.all(
      orderRows.map(async (row) => resolveReferences(coerceCells(row.cells, LINE_FIELDS))),
    );
    // A line is where it comes in the file, unless the CSV numbers its lines itself.
    lines.forEach((line, index) => (line.lineNumber ??= index + 1));
    const rowOfPath = (path: string) => {
      const match = /^lines\.(\d+)\.?(.*)$/.exec(path);
      const row = match ? orderRows[Number(match[1])] : undefined;
      return row ? { row: row.line, field: match![2] || 'lines' } : { row: first.line, field: path };
    };
    const parsed = SalesOrderInputSchema.safeParse({ ...order, lines });
    if (!parsed.success) {
      fail(parsed.error.issues.map((issue) => ({ ...rowOfPath(issue.path.join('.')), message: describeIssue(issue) })));
      continue;
    }
    try {
      await createSalesOrder(platform, ctx, parsed.data);
      result.created += 1;
    } catch (error) {
      fail(failuresFromError(error, first.line, rowOfPath));
    }
  }
  return result;
}

function groupByOrderNumber(rows: CsvRow[]): Map<string, CsvRow[]> {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const key = (row.cells.orderNumber ?? '').trim();
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return groups;
}

/** Every row of an order must repeat the same order columns; a blank cell takes the first row's value. */
function findInconsistentRows(orderRows: CsvRow[]): RowFailure[] {
  const first = orderRows[0]!;
  return orderRows.slice(1).flatMap((row) =>
    [...ORDER_FIELDS.keys()]
      .filter((field) => {
        const value = (row.cells[field] ?? '').trim();
        return value !== '' && value !== (first.cells[field] ?? '').trim();
      })
      .map((field) => ({
        row: row.line,
        field,
        message: `differs from the order's first row (line ${first.line}); an order's columns must be the same on each of its rows`,
      })),
  );
}
