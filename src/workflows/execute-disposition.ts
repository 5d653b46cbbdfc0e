// Executing a disposition is one transaction of steps from three contexts: disposition decides
// (the rules' recommendation recomputed, the person's choice checked, the decision recorded),
// inventory moves the units from awaiting inspection to where the decision sends them, and
// disposition opens what follows (a work order, a vendor return line, a hold, a disposal record,
// a liquidation lot line, a shipment back to the customer). All of it commits, or none of it.
// The ledger books the units' carrying value from awaiting inspection to the account of their new
// status, and settlement adds the units' credit to the return's draft credit memo.
import type { DecideDispositionRequest } from '../contracts/disposition.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findLocationByCode, locationOfKind, moveReturnLineUnits } from '../inventory/index.js';
import { linkFollowUp, openFollowUp, planDisposition, recordDisposition } from '../disposition/index.js';
import { postStockMovements } from '../ledger/index.js';
import { draftCreditForDisposition } from './draft-credit.js';

export async function executeDisposition(
  platform: Platform,
  ctx: RequestContext,
  inspectionId: string,
  request: DecideDispositionRequest,
): Promise<string> {
  assertCan(ctx.actor, 'disposition.decide');
  return runInTransaction(platform, ctx, (tx) => disposeInspectedUnits(tx, inspectionId, request));
}

/** The steps, for callers already in a transaction (the demo's seeding). */
export async function disposeInspectedUnits(tx: Tx, inspectionId: string, request: DecideDispositionRequest) {
  const plan = await planDisposition(tx, inspectionId, request);
  const { inspection } = plan;
  const location =
    (plan.locationCode ? await findLocationByCode(tx, inspection.siteId, plan.locationCode) : null) ??
    (await locationOfKind(tx, inspection.siteId, plan.profile.locationKind));
  const disposition = await recordDisposition(tx, plan, location.id);
  const movements = await moveReturnLineUnits(
    tx,
    {
      siteId: inspection.siteId,
      productId: inspection.productId,
      rmaId: inspection.rmaId,
      rmaLineId: inspection.rmaLineId,
      lot: inspection.lot,
      serial: inspection.serial,
      quantity: inspection.quantity,
      fromStatus: 'awaiting_inspection',
      to: { locationId: location.id, status: plan.profile.status },
      reason: `disposition ${plan.code.code}`,
      source: { type: 'disposition', id: disposition.id },
    },
    'disposition.decide',
  );
  await postStockMovements(tx, {
    movements,
    event: 'disposition.executed',
    description: `Disposition ${plan.code.code}: ${inspection.quantity === 1 ? '1 unit' : `${inspection.quantity} units`}`,
    source: { type: 'disposition', id: disposition.id },
  });
  const followUp = await openFollowUp(tx, disposition, plan);
  if (followUp) await linkFollowUp(tx, disposition.id, followUp.id);
  await draftCreditForDisposition(tx, plan);
  tx.emit({
    type: 'disposition.executed',
    aggregateType: 'disposition',
    aggregateId: disposition.id,
    payload: {
      dispositionId: disposition.id,
      inspectionId,
      rmaId: disposition.rma_id,
      rmaLineId: disposition.rma_line_id,
      quantity: disposition.quantity,
      code: disposition.code,
      action: disposition.action,
      isOverride: disposition.is_override === 1,
      followUp,
    },
  });
  return disposition.id;
}
