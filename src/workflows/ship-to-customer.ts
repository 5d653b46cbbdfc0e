// Shipping goods back to the customer they came from is one transaction: disposition records the
// carrier's reference (and tells the customer's systems), inventory takes the units — held in
// quarantine, never ours to sell — out of stock.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { postStockMovements } from '../ledger/index.js';
import { moveReturnLineUnits } from '../inventory/index.js';
import { recordShippedToCustomer } from '../disposition/index.js';

export async function shipToCustomer(
  platform: Platform,
  ctx: RequestContext,
  shipmentId: string,
  input: { carrierReference: string; expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'disposition.ship');
  await runInTransaction(platform, ctx, async (tx) => {
    const shipment = await recordShippedToCustomer(tx, shipmentId, input);
    const movements = await moveReturnLineUnits(
      tx,
      {
        siteId: shipment.site_id,
        productId: shipment.product_id,
        rmaId: shipment.rma_id,
        rmaLineId: shipment.rma_line_id,
        lot: shipment.lot,
        serial: shipment.serial,
        quantity: shipment.quantity,
        fromStatus: 'quarantined',
        preferFromKind: 'shipping',
        to: null,
        reason: `shipped back to the customer (${shipment.carrier_reference})`,
        source: { type: 'customer_return_shipment', id: shipment.id },
      },
      'disposition.ship',
    );
    // The goods are the customer's again: their cost goes back to cost of goods sold.
    await postStockMovements(tx, {
      movements,
      event: 'customer_return_shipment.shipped',
      description: `Shipped back to the customer (${shipment.carrier_reference})`,
      source: { type: 'customer_return_shipment', id: shipment.id },
      exitRole: 'cost_of_goods_sold',
    });
  });
}
