// What the KPIs need of receiving: units received per return line and when the first arrived,
// where a return was first received, and its receipt exceptions still open.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findReceivingForKpi(db: Reader, rmaIds: readonly string[]) {
  const lines = new Map<string, { receivedUnits: number; firstReceivedAt: string }>();
  const firstSite = new Map<string, string>();
  const openExceptions = new Map<string, number>();
  if (rmaIds.length === 0) return { lines, firstSite, openExceptions };
  const [received, receipts, exceptions] = await Promise.all([
    db
      .selectFrom('receipt_lines as l')
      .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
      .select(['l.rma_line_id', 'l.quantity', 'r.received_at'])
      .where('l.rma_id', 'in', rmaIds)
      .execute(),
    db
      .selectFrom('receipts')
      .select(['rma_id', 'site_id', 'received_at', 'id'])
      .where('rma_id', 'in', rmaIds)
      .orderBy('received_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('receipt_exceptions')
      .select(['rma_id'])
      .where('rma_id', 'in', rmaIds)
      .where('status', '=', 'open')
      .execute(),
  ]);
  for (const row of received) {
    const line = lines.get(row.rma_line_id);
    if (!line) lines.set(row.rma_line_id, { receivedUnits: row.quantity, firstReceivedAt: row.received_at });
    else {
      line.receivedUnits += row.quantity;
      if (row.received_at < line.firstReceivedAt) line.firstReceivedAt = row.received_at;
    }
  }
  for (const receipt of receipts) if (!firstSite.has(receipt.rma_id)) firstSite.set(receipt.rma_id, receipt.site_id);
  for (const e of exceptions) openExceptions.set(e.rma_id, (openExceptions.get(e.rma_id) ?? 0) + 1);
  return { lines, firstSite, openExceptions };
}
