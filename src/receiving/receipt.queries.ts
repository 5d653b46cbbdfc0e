// What receiving tells others: units received per return line (returns' progress reads this
// through the facts port), and the receipts of a return.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** Units received against each line of these returns: receiving's part of a return's facts. */
export async function findReceivedUnits(db: Reader, rmaIds: readonly string[]) {
  if (rmaIds.length === 0) return [];
  const rows = await db
    .selectFrom('receipt_lines')
    .select(['rma_line_id', sql<number>`sum(quantity)`.as('received')])
    .where('rma_id', 'in', rmaIds)
    .groupBy('rma_line_id')
    .execute();
  return rows.map((r) => ({ rmaLineId: r.rma_line_id, received: Number(r.received) }));
}

/** The receipt lines of a return, oldest first: settlement credits a trusted customer's units as they arrive. */
export function findReceiptLinesOfReturn(db: Reader, rmaId: string) {
  return db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .select(['l.id', 'l.rma_line_id', 'l.quantity'])
    .where('l.rma_id', '=', rmaId)
    .orderBy('r.received_at')
    .orderBy('l.id')
    .execute();
}

/** Serials already received on each line of a return (a serial scanned twice is not received twice). */
export async function findReceivedSerials(db: Reader, rmaId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('receipt_lines')
    .select(['rma_line_id', 'serials'])
    .where('rma_id', '=', rmaId)
    .where('serials', '!=', '[]')
    .execute();
  const byLine = new Map<string, string[]>();
  for (const row of rows)
    byLine.set(row.rma_line_id, [...(byLine.get(row.rma_line_id) ?? []), ...(JSON.parse(row.serials) as string[])]);
  return byLine;
}

/** The expiry date a receipt recorded for a return line's goods (YYYY-MM-DD), if it recorded one. */
export async function findReceiptExpiry(db: Reader, receiptId: string, rmaLineId: string): Promise<string | null> {
  const row = await db
    .selectFrom('receipt_lines')
    .select('expiry')
    .where('receipt_id', '=', receiptId)
    .where('rma_line_id', '=', rmaLineId)
    .where('expiry', 'is not', null)
    .orderBy('expiry')
    .executeTakeFirst();
  return row?.expiry ?? null;
}
