// Shipping a vendor return is one transaction: disposition marks the document shipped (with the
// carrier's reference and, where the supplier's terms ask for it, the supplier's authorization) and
// tells the supplier what is coming; inventory takes every line's units out of stock. A line whose
// units are no longer on vendor return at the site refuses the whole shipment.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { postStockMovements } from '../ledger/index.js';
import { moveReturnLineUnits } from '../inventory/index.js';
import { recordVendorReturnShipped, type ShipVendorReturnInput } from '../disposition/index.js';

export async function shipVendorReturn(
  platform: Platform,
  ctx: RequestContext,
  vendorReturnId: string,
  input: ShipVendorReturnInput,
): Promise<void> {
  assertCan(ctx.actor, 'disposition.ship');
  await runInTransaction(platform, ctx, async (tx) => {
    const { document, lines } = await recordVendorReturnShipped(tx, vendorReturnId, input);
    const movements = [];
    for (const line of lines)
      movements.push(
        ...(await moveReturnLineUnits(
          tx,
          {
            siteId: line.site_id,
            productId: line.product_id,
            rmaId: line.rma_id,
            rmaLineId: line.rma_line_id,
            lot: line.lot,
            serial: line.serial,
            quantity: line.quantity,
            fromStatus: 'on_vendor_return',
            to: null,
            reason: `vendor return ${document.vendor_return_number} shipped (${document.carrier_reference})`,
            source: { type: 'vendor_return', id: document.id },
          },
          'disposition.ship',
        )),
      );
    // What the supplier owes us for the goods it takes back (settled by the supplier claim).
    await postStockMovements(tx, {
      movements,
      event: 'vendor_return.shipped',
      description: `Vendor return ${document.vendor_return_number} shipped`,
      source: { type: 'vendor_return', id: document.id },
      exitRole: 'vendor_receivable',
    });
  });
}
