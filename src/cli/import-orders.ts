// Sales orders come one row per order line, the order's own columns repeated on each of its rows
// (as ERPs export them), the rows of one order together. Orders are read and created one at a
// time as the file streams by, through createSalesOrder, and every line gets its fate.
//
// Which refusals refuse what — the rule, and why:
// - A line is an invoice line of the source system, complete in itself (product, quantity,
//   price). A line that is wrong on its own (an unknown product, a negative quantity, a price in
//   fractions of a minor unit, serials that do not match the quantity) is refused alone; the
//   order is created with its other lines, keeping their line numbers, so the report and the
//   gap in numbering both show what is missing. Refusing 1,000 good lines for one bad one lost
//   real sales history and taught nobody anything.
// - What belongs to the order (its number, customer, entity, currency, date) is shared by every
//   line: if that is wrong, or its rows disagree about it, the whole order is refused, each line
//   with the order's reason — half an order under the wrong customer would be worse than none.
// - An order must have at least one good line to be created.
import { SalesOrderInputSchema, SalesOrderLineInputSchema } from '../contracts/masterdata.js';
import { systemContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createSalesOrder } from '../sales/index.js';
import type { CsvRow } from './csv-file.js';
import { coerceCells, describeFields, describeIssue, REQUIRED } from './csv-values.js';
import type { ReferenceResolver } from './csv-references.js';
import type { ImportTally } from './import-fates.js';

const OrderHeaderSchema = SalesOrderInputSchema.omit({ lines: true });
const ORDER_FIELDS = describeFields(OrderHeaderSchema);
const LINE_FIELDS = describeFields(SalesOrderLineInputSchema);
/** The columns an orders CSV may have: the order's and its lines'. */
export const ORDER_COLUMNS = [...ORDER_FIELDS.keys(), ...LINE_FIELDS.keys()];
/**
 * The API takes at most 1,000 lines per request (a bound on one request's size); an import is
 * not a request, and real invoices are longer (the UCI wholesaler has one of 1,114 lines).
 */
export const MAX_IMPORTED_ORDER_LINES = 20_000;

type Reason = { field: string; message: string };
type LineInput = ReturnType<typeof SalesOrderLineInputSchema.parse>;

export async function importOrders(
  platform: Platform,
  rows: AsyncIterable<CsvRow>,
  resolveReferences: ReferenceResolver,
  tally: ImportTally,
): Promise<void> {
  const ctx = systemContext('csv-import');
  /** Where each order number's rows began, to explain an order whose rows are split up. */
  const firstLineOf = new Map<string, number>();
  let group: CsvRow[] = [];
  let groupKey = '';
  for await (const row of rows) {
    const key = (row.cells.orderNumber ?? '').trim();
    if (group.length > 0 && (key !== groupKey || group.length >= MAX_IMPORTED_ORDER_LINES)) {
      await importOrder(group);
      group = [];
    }
    groupKey = key;
    group.push(row);
  }
  if (group.length > 0) await importOrder(group);

  async function refuseAll(orderRows: CsvRow[], record: string, reasons: Reason[]) {
    tally.counts.refused += 1;
    for (const row of orderRows) await tally.refusedFor(row.line, record, reasons);
  }

  async function importOrder(orderRows: CsvRow[]): Promise<void> {
    const first = orderRows[0]!;
    const orderNumber = (first.cells.orderNumber ?? '').trim();
    if (orderNumber === '') return refuseAll(orderRows, '', [{ field: 'orderNumber', message: REQUIRED }]);
    const earlier = firstLineOf.get(orderNumber);
    if (earlier !== undefined)
      return refuseAll(orderRows, orderNumber, [
        {
          field: 'orderNumber',
          message: `order ${orderNumber} already had rows from line ${earlier}; the rows of one order must be together in the file`,
        },
      ]);
    firstLineOf.set(orderNumber, first.line);
    if (orderRows.length >= MAX_IMPORTED_ORDER_LINES)
      return refuseAll(orderRows, orderNumber, [
        { field: 'lines', message: `an order may have at most ${MAX_IMPORTED_ORDER_LINES - 1} lines` },
      ]);

    const disagreement = findDisagreement(orderRows);
    if (disagreement) return refuseAll(orderRows, orderNumber, [disagreement]);

    const headerValues = coerceCells(first.cells, ORDER_FIELDS);
    const header = OrderHeaderSchema.safeParse(await resolveReferences(headerValues));
    const headerReasons = header.success
      ? (await resolveReferences.unknownIn(headerValues)).map((field) => ({
          field,
          message: `${String(headerValues[field])} does not exist`,
        }))
      : header.error.issues.map((issue) => ({ field: issue.path.join('.'), message: describeIssue(issue) }));
    if (!header.success || headerReasons.length > 0)
      return refuseAll(
        orderRows,
        orderNumber,
        headerReasons.map((r) => ({ field: r.field, message: `the order's ${r.field}: ${r.message}` })),
      );

    // Each line on its own: the good ones go on, the bad ones are refused with their reasons.
    let good: Array<{ row: CsvRow; line: LineInput }> = [];
    let refusedLines = 0;
    for (const [index, row] of orderRows.entries()) {
      const values = coerceCells(row.cells, LINE_FIELDS);
      values.lineNumber ??= index + 1; // where it comes in the file, unless the CSV numbers lines
      const parsed = SalesOrderLineInputSchema.safeParse(await resolveReferences(values));
      const reasons = parsed.success
        ? (await resolveReferences.unknownIn(values)).map((field) => ({
            field,
            message: `${String(values[field])} does not exist`,
          }))
        : parsed.error.issues.map((issue) => ({
            field: issue.path.join('.'),
            message: describeIssue(issue, row.cells[String(issue.path[0])]),
          }));
      if (parsed.success && reasons.length === 0) good.push({ row, line: parsed.data });
      else {
        refusedLines += 1;
        await tally.refusedFor(row.line, orderNumber, reasons);
      }
    }

    // The use case may still refuse a line (e.g. serials that do not match the quantity): that
    // line is refused and the order tried again without it; anything about the order refuses it.
    while (good.length > 0) {
      try {
        await createSalesOrder(platform, ctx, { ...header.data, lines: good.map((g) => g.line) });
        break;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const lineIndexes = new Set(
          (error.errors ?? []).flatMap((e) => {
            const match = /^lines\.(\d+)/.exec(e.path);
            return match ? [Number(match[1])] : [];
          }),
        );
        if (lineIndexes.size === 0) {
          const reason = { field: error.errors?.[0]?.path ?? '', message: error.message };
          for (const g of good) await tally.refusedFor(g.row.line, orderNumber, [reason]);
          good = [];
          break;
        }
        for (const index of lineIndexes) {
          const failures = (error.errors ?? []).filter((e) => e.path.startsWith(`lines.${index}`));
          await tally.refusedFor(
            good[index]!.row.line,
            orderNumber,
            failures.map((e) => ({ field: e.path.replace(/^lines\.\d+\.?/, ''), message: error.message })),
          );
          refusedLines += 1;
        }
        good = good.filter((_, index) => !lineIndexes.has(index));
      }
    }
    if (good.length === 0) {
      tally.counts.refused += 1;
      return;
    }
    tally.counts.created += 1;
    if (refusedLines > 0) tally.counts.partial += 1;
    for (const g of good) await tally.imported(g.row.line, orderNumber);
  }
}

/** Every row of an order must repeat the same order columns; a blank cell takes the first row's value. */
function findDisagreement(orderRows: CsvRow[]): Reason | null {
  const first = orderRows[0]!;
  for (const row of orderRows.slice(1)) {
    for (const field of ORDER_FIELDS.keys()) {
      const value = (row.cells[field] ?? '').trim();
      if (value !== '' && value !== (first.cells[field] ?? '').trim())
        return {
          field,
          message: `line ${row.line} says ${field} ${value} but the order's first row (line ${first.line}) says ${(first.cells[field] ?? '').trim() || 'nothing'}; an order's columns must be the same on each of its rows`,
        };
    }
  }
  return null;
}
