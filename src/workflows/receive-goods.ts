// Receiving goods is three facts in one transaction: receiving's receipt (what arrived against which
// return line), inventory's stock (the units now on hand, awaiting inspection at the site) and
// inspection's queue (the same units, waiting to be looked at). Every workflow that takes goods in
// goes through here, so the three never disagree.
import type { Tx } from '../platform/unit-of-work.js';
import { receiveIntoStock } from '../inventory/index.js';
import { recordReceipt, type ReceiptInput } from '../receiving/index.js';
import { openInspections } from '../inspection/index.js';

export async function receiveGoods(tx: Tx, input: ReceiptInput) {
  const receipt = await recordReceipt(tx, input);
  for (const line of receipt.lines) {
    const serials = JSON.parse(line.serials) as string[];
    const lots = JSON.parse(line.lots) as string[];
    // Stock knows one lot per balance: a line of one lot keeps it; mixed or unknown lots are kept
    // on the receipt line, and the units enter stock without a lot until inspection sorts them.
    const lot = lots.length === 1 ? lots[0] : undefined;
    const common = {
      siteId: receipt.site_id,
      productId: line.product_id,
      rmaId: line.rma_id,
      rmaLineId: line.rma_line_id,
      receiptId: receipt.id,
      ...(lot ? { lot } : {}),
    };
    // Serialized units enter one by one, so each serial can be found on its own.
    for (const serial of serials) await receiveIntoStock(tx, { ...common, quantity: 1, serial });
    const unserialized = line.quantity - serials.length;
    if (unserialized > 0) await receiveIntoStock(tx, { ...common, quantity: unserialized });
  }
  await openInspections(tx, {
    receiptId: receipt.id,
    siteId: receipt.site_id,
    receivedAt: receipt.received_at,
    lines: receipt.lines.map((line) => ({
      rmaLineId: line.rma_line_id,
      productId: line.product_id,
      quantity: line.quantity,
      serials: JSON.parse(line.serials) as string[],
      lots: JSON.parse(line.lots) as string[],
    })),
  });
  return receipt;
}
