// Selling a liquidation lot is one transaction: disposition records the buyer and the proceeds
// (and tells finance), inventory takes the lot's units — B-stock at the site — out of stock.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { moveReturnLineUnits } from '../inventory/index.js';
import { recordLotSold } from '../disposition/index.js';

export async function sellLiquidationLot(
  platform: Platform,
  ctx: RequestContext,
  lotId: string,
  input: { buyer: string; proceedsMinor: number; expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'disposition.ship');
  await runInTransaction(platform, ctx, async (tx) => {
    const { lot, lines } = await recordLotSold(tx, lotId, input);
    for (const line of lines)
      await moveReturnLineUnits(
        tx,
        {
          siteId: line.site_id,
          productId: line.product_id,
          rmaId: line.rma_id,
          rmaLineId: line.rma_line_id,
          lot: line.lot,
          serial: line.serial,
          quantity: line.quantity,
          fromStatus: 'secondary_channel',
          to: null,
          reason: `liquidation lot ${lot.lot_number} sold to ${lot.buyer}`,
          source: { type: 'liquidation_lot', id: lot.id },
        },
        'disposition.ship',
      );
  });
}
