// Releasing a quarantine hold is one transaction: disposition records the decision on the hold,
// inventory moves the units out of quarantine to where the decision sends them (saleable at the
// put-away location, scrapped, B-stock, the shipping bay for the customer — still held, not ours to
// sell — or vendor-return staging), and disposition opens what follows: a disposal record, a line
// on the liquidation lot, a shipment back to the customer, a line on the supplier's vendor return.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { postStockMovements } from '../ledger/index.js';
import { locationOfKind, moveReturnLineUnits } from '../inventory/index.js';
import { openReleaseFollowUp, recordHoldRelease, type ReleaseAction } from '../disposition/index.js';

export async function releaseQuarantineHold(
  platform: Platform,
  ctx: RequestContext,
  holdId: string,
  input: { action: ReleaseAction; reason: string; expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'holds.release');
  await runInTransaction(platform, ctx, async (tx) => {
    const release = await recordHoldRelease(tx, holdId, input);
    const { hold, target } = release;
    const location = await locationOfKind(tx, hold.site_id, target.locationKind);
    const movements = await moveReturnLineUnits(
      tx,
      {
        siteId: hold.site_id,
        productId: hold.product_id,
        rmaId: hold.rma_id,
        rmaLineId: hold.rma_line_id,
        lot: hold.lot,
        serial: hold.serial,
        quantity: hold.quantity,
        fromStatus: 'quarantined',
        preferFromKind: 'quarantine',
        to: { locationId: location.id, status: target.status },
        reason: `quarantine hold released: ${input.action.replace(/_/g, ' ')} (${input.reason})`,
        source: { type: 'quarantine_hold', id: hold.id },
      },
      'holds.release',
    );
    await postStockMovements(tx, {
      movements,
      event: 'quarantine_hold.released',
      description: `Quarantine hold released: ${input.action.replace(/_/g, ' ')}`,
      source: { type: 'quarantine_hold', id: hold.id },
    });
    await openReleaseFollowUp(tx, release, location.id);
  });
}
