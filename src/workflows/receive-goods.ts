// Receiving goods is four facts in one transaction: receiving's receipt (what arrived against which
// return line), inventory's stock (the units now on hand, awaiting inspection at the site),
// inspection's queue (the same units, waiting to be looked at) and the ledger's entry (their cost
// back from cost of goods sold into returns inventory). Every workflow that takes goods in
// goes through here, so the four never disagree. Units an advance replacement was shipped ahead
// of release its deposit here too, in the same transaction.
import type { Tx } from '../platform/unit-of-work.js';
import { receiveIntoStock } from '../inventory/index.js';
import { recordReceipt, type ReceiptInput } from '../receiving/index.js';
import { openInspections } from '../inspection/index.js';
import { postStockMovements } from '../ledger/index.js';
import { releaseDepositsOnReceipt } from './advance-replacement-deposits.js';
import { creditAheadOfInspection } from './credit-ahead.js';

export async function receiveGoods(tx: Tx, input: ReceiptInput) {
  const receipt = await recordReceipt(tx, input);
  const movements = [];
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
    for (const serial of serials) movements.push(await receiveIntoStock(tx, { ...common, quantity: 1, serial }));
    const unserialized = line.quantity - serials.length;
    if (unserialized > 0) movements.push(await receiveIntoStock(tx, { ...common, quantity: unserialized }));
  }
  await postStockMovements(tx, {
    movements,
    event: 'receipt.recorded',
    description: `Goods received: ${unitsText(receipt.lines.reduce((sum, line) => sum + line.quantity, 0))}`,
    source: { type: 'receipt', id: receipt.id },
    // Valued at the rate of the day the goods came in (an identified arrival's receipt is dated then).
    valuedOn: receipt.received_at.slice(0, 10),
  });
  await releaseDepositsOnReceipt(
    tx,
    receipt.lines.map((line) => ({ rmaLineId: line.rma_line_id, quantity: line.quantity })),
  );
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
  // A customer the settlement policy credits on receipt is credited for these units now.
  await creditAheadOfInspection(tx, receipt.rma_id);
  return receipt;
}

const unitsText = (units: number) => (units === 1 ? '1 unit' : `${units} units`);
