// The step that sets saleable units aside for replacement orders. Inventory holds stock per return
// line, so the units of a product at a site lie in many balances: they are taken from whichever
// return lines hold saleable units of it, oldest return line first (ids are time-ordered), then by
// location, lot and serial. All or nothing: when any product is short, nothing moves and the
// shortage is returned, so the caller can backorder the whole order.
import type { Permission } from '../contracts/permissions.js';
import { assertCan } from '../platform/access.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import type { Tx } from '../platform/unit-of-work.js';
import { checkMovement, type MovementDraft } from './domain/stock-ledger.js';
import type { StockMovementsTable } from './inventory.tables.js';
import { locationOfKind } from './return-line-stock.js';
import { refusal, writeMovement } from './stock-movements.js';

export interface UnitsWanted {
  /** The caller's key for the demand (a replacement order line). */
  key: string;
  productId: string;
  quantity: number;
}

export interface UnitsAllocated {
  key: string;
  productId: string;
  siteId: string;
  /** Where the units were taken from (they go back there if the allocation is given up). */
  fromLocationId: string;
  rmaId: string | null;
  rmaLineId: string;
  lot: string;
  serial: string;
  quantity: number;
}

export type AllocationResult =
  | { ok: true; allocations: UnitsAllocated[]; movements: StockMovementsTable[] }
  | { ok: false; shortages: Array<{ productId: string; wanted: number; available: number }> };

export async function allocateSaleableUnits(
  tx: Tx,
  input: { siteId: string; wanted: readonly UnitsWanted[]; reason: string; source: { type: string; id: string } },
  authorizedBy: Permission,
): Promise<AllocationResult> {
  assertCan(tx.ctx.actor, authorizedBy);
  await lockForTransaction(tx, `stock:${input.siteId}`);
  const productIds = [...new Set(input.wanted.map((w) => w.productId))];
  const balances =
    productIds.length === 0
      ? []
      : await tx.db
          .selectFrom('stock_balances')
          .select(['product_id', 'location_id', 'rma_id', 'rma_line_id', 'lot', 'serial', 'quantity'])
          .where('site_id', '=', input.siteId)
          .where('product_id', 'in', productIds)
          .where('status', '=', 'saleable')
          .where('quantity', '>', 0)
          .orderBy('rma_line_id')
          .orderBy('location_id')
          .orderBy('lot')
          .orderBy('serial')
          .execute();
  const shortages = productIds.flatMap((productId) => {
    const wanted = input.wanted.filter((w) => w.productId === productId).reduce((sum, w) => sum + w.quantity, 0);
    const available = balances.filter((b) => b.product_id === productId).reduce((sum, b) => sum + b.quantity, 0);
    return available < wanted ? [{ productId, wanted, available }] : [];
  });
  if (shortages.length > 0) return { ok: false, shortages };

  const staging = await locationOfKind(tx, input.siteId, 'replacement');
  const pools = new Map(
    productIds.map((id) => [id, balances.filter((b) => b.product_id === id).map((b) => ({ ...b }))]),
  );
  const allocations: UnitsAllocated[] = [];
  const movements: StockMovementsTable[] = [];
  for (const want of input.wanted) {
    let left = want.quantity;
    for (const balance of pools.get(want.productId) ?? []) {
      if (left === 0) break;
      const quantity = Math.min(left, balance.quantity);
      if (quantity === 0) continue;
      balance.quantity -= quantity;
      left -= quantity;
      const draft: MovementDraft = {
        productId: want.productId,
        from: { siteId: input.siteId, locationId: balance.location_id, status: 'saleable' },
        to: { siteId: input.siteId, locationId: staging.id, status: 'allocated_to_replacement' },
        quantity,
        lot: balance.lot,
        serial: balance.serial,
        rmaLineId: balance.rma_line_id,
      };
      const checked = checkMovement(draft);
      if (!checked.ok) throw refusal(checked);
      movements.push(
        await writeMovement(tx, draft, { rmaId: balance.rma_id, reason: input.reason, source: input.source }),
      );
      allocations.push({
        key: want.key,
        productId: want.productId,
        siteId: input.siteId,
        fromLocationId: balance.location_id,
        rmaId: balance.rma_id,
        rmaLineId: balance.rma_line_id,
        lot: balance.lot,
        serial: balance.serial,
        quantity,
      });
    }
  }
  return { ok: true, allocations, movements };
}
