// A manual move by the warehouse or quality (putaway, quarantining, sending to repair, scrapping,
// shipping to the vendor…), with the reason the person gives: inventory moves the units, and the
// ledger books their carrying value to the account of their new status in the same transaction
// (units taken out of stock by hand are a stock adjustment: a write-down). Idempotency comes from
// the platform (an Idempotency-Key replays the first answer).
import type { MoveStockRequest, StockMovement } from '../contracts/inventory.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { findMovementsById, moveStock } from '../inventory/index.js';
import { postStockMovements } from '../ledger/index.js';

export async function moveStockByHand(
  platform: Platform,
  ctx: RequestContext,
  request: MoveStockRequest,
): Promise<StockMovement[]> {
  assertCan(ctx.actor, 'inventory.move');
  const from = { siteId: request.siteId, locationId: request.from.locationId, status: request.from.status };
  // Held goods leave only by their hold's release or a shipment back to the customer, both recorded.
  if (!request.to && from.status === 'quarantined')
    throw new AppError(
      'rule_violation',
      'quarantined units leave stock only by releasing their hold or shipping them back to the customer',
      { errors: [{ path: 'to', message: 'release the hold instead' }] },
    );
  const written = await runInTransaction(platform, ctx, async (tx) => {
    const movements = await moveStock(tx, {
      productId: request.productId,
      from,
      // Without a location the units change status where they lie.
      to: request.to
        ? { siteId: request.siteId, locationId: request.to.locationId ?? from.locationId, status: request.to.status }
        : null,
      quantity: request.quantity,
      lot: request.lot,
      serial: request.serial,
      reason: request.reason,
      rmaLineId: request.rmaLineId,
    });
    await postStockMovements(tx, {
      movements,
      event: 'stock.moved',
      description: `Stock moved by hand: ${request.reason}`,
      source: { type: 'stock_movement', id: movements[0]?.id ?? '' },
    });
    return movements;
  });
  return findMovementsById(
    platform.db,
    written.map((m) => m.id),
  );
}
