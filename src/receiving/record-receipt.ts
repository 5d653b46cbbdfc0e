// Receiving records what physically arrived at a site, against which return lines. This is the
// step (tx, input) that workflows compose; scanning, exceptions and putaway build on it.
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { assertCan } from '../platform/access.js';
import { findSite } from '../masterdata/index.js';
import { insertRows } from '../platform/db/insert-rows.js';
import type { ReceiptLinesTable, ReceiptsTable } from './receiving.tables.js';

/** The site goods are received at: it must exist and be active. */
export async function findReceivingSite(tx: Tx, siteId: string) {
  const site = await findSite(tx.db, siteId);
  if (!site)
    throw new AppError('validation_failed', `site ${siteId} does not exist`, {
      errors: [{ path: 'siteId', message: 'unknown site' }],
    });
  if (site.is_active !== 1)
    throw new AppError('validation_failed', `site ${site.code} is not active and cannot receive goods`, {
      errors: [{ path: 'siteId', message: 'inactive site' }],
    });
  return site;
}

export interface ReceiptInput {
  rmaId: string;
  siteId: string;
  carrierReference: string;
  note: string;
  isUnauthorized: boolean;
  /** When and by whom the goods were taken in, if earlier than this record (an arrival identified later). */
  receivedAs?: { at: string; by: string; byId: string };
  lines: Array<{
    rmaLineId: string;
    productId: string;
    quantity: number;
    serials: string[];
    lots: string[];
    /** As found on arrival; '' when not assessed at the dock. */
    condition?: string;
    expiry?: string | null;
  }>;
}

export async function recordReceipt(
  tx: Tx,
  input: ReceiptInput,
): Promise<ReceiptsTable & { lines: ReceiptLinesTable[] }> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  const site = await findReceivingSite(tx, input.siteId);
  const receipt: ReceiptsTable = {
    id: tx.ids.next('rcp'),
    rma_id: input.rmaId,
    site_id: site.id,
    received_at: input.receivedAs?.at ?? tx.now,
    received_by: input.receivedAs?.by ?? tx.ctx.actor.name,
    received_by_id: input.receivedAs?.byId ?? tx.ctx.actor.personId,
    carrier_reference: input.carrierReference,
    note: input.note,
    is_unauthorized: input.isUnauthorized ? 1 : 0,
  };
  const lines: ReceiptLinesTable[] = input.lines.map((line) => ({
    id: tx.ids.next('rcl'),
    receipt_id: receipt.id,
    rma_id: input.rmaId,
    rma_line_id: line.rmaLineId,
    product_id: line.productId,
    quantity: line.quantity,
    serials: JSON.stringify(line.serials),
    lots: JSON.stringify(line.lots),
    condition: line.condition ?? '',
    expiry: line.expiry ?? null,
  }));
  // One statement on PostgreSQL (where each is a round trip): the receipt and its lines.
  await insertRows(tx.db, tx.dialect, [
    { table: 'receipts', rows: [receipt] },
    { table: 'receipt_lines', rows: lines },
  ]);
  tx.audit({
    entityType: 'receipt',
    entityId: receipt.id,
    streamId: input.rmaId,
    action: 'receipt.recorded',
    after: {
      siteId: site.id,
      siteCode: site.code,
      isUnauthorized: input.isUnauthorized,
      lines: lines.map((l) => ({ rmaLineId: l.rma_line_id, productId: l.product_id, quantity: l.quantity })),
    },
  });
  tx.emit({
    type: 'receipt.recorded',
    aggregateType: 'receipt',
    aggregateId: receipt.id,
    payload: {
      receiptId: receipt.id,
      rmaId: input.rmaId,
      siteId: site.id,
      units: lines.reduce((s, l) => s + l.quantity, 0),
    },
  });
  return { ...receipt, lines };
}
