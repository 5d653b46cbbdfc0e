// Selling a liquidation lot is one transaction: disposition records the buyer and the proceeds
// (and tells finance), inventory takes the lot's units — B-stock at the site — out of stock, and
// the ledger books the proceeds against the units' carrying value (the difference is a write-down,
// or a gain when the buyer paid more).
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { convertMinor, postStockMovements, requireRate } from '../ledger/index.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
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
            fromStatus: 'secondary_channel',
            to: null,
            reason: `liquidation lot ${lot.lot_number} sold to ${lot.buyer}`,
            source: { type: 'liquidation_lot', id: lot.id },
          },
          'disposition.ship',
        )),
      );
    const proceedsMinor = lot.proceeds_minor ?? 0;
    const memo = 'liquidation result';
    await postStockMovements(tx, {
      movements,
      event: 'liquidation_lot.sold',
      description: `Liquidation lot ${lot.lot_number} sold to ${lot.buyer}`,
      source: { type: 'liquidation_lot', id: lot.id },
      exitRole: 'inventory_write_down',
      extraLines: async (valuation) => {
        if (proceedsMinor === 0) return [];
        const rate = await requireRate(tx.db, lot.currency, valuation.currency, tx.today);
        const proceeds = convertMinor(
          proceedsMinor,
          rate,
          minorUnitsOf(lot.currency),
          minorUnitsOf(valuation.currency),
        );
        return [
          { role: 'liquidation_receivable', amountMinor: proceeds, memo },
          { role: 'inventory_write_down', amountMinor: -proceeds, memo },
        ];
      },
    });
  });
}
