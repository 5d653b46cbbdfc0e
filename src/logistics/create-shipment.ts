// The customer (or staff for them) tells us how the goods travel back: carrier, tracking number,
// which units. The number is checked against our carrier table at once, so a mistyped digit is
// caught while the person still has the label in hand.
import type { CreateShipmentRequest, Shipment } from '../contracts/logistics.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findReturnForStages, findShipToSiteIdOf, type ReturnForStages } from '../returns/index.js';
import { detectTrackingNumber, validateTrackingNumberFor } from './domain/tracking-numbers.js';
import type { ShipmentLinesTable, ShipmentsTable } from './logistics.tables.js';
import { findShipmentsOfReturn, findShippedUnits, HOLDS_UNITS } from './shipment.queries.js';

export async function createShipment(
  platform: Platform,
  ctx: RequestContext,
  rmaId: string,
  request: CreateShipmentRequest,
): Promise<Shipment> {
  assertCan(ctx.actor, 'shipments.write');
  const shipmentId = await runInTransaction(platform, ctx, (tx) => recordShipment(tx, rmaId, request));
  const shipments = await findShipmentsOfReturn(platform.db, rmaId);
  return shipments.find((s) => s.id === shipmentId)!;
}

/** The step: a shipment of an authorized return, with the units it carries. */
export async function recordShipment(tx: Tx, rmaId: string, request: CreateShipmentRequest): Promise<string> {
  assertCan(tx.ctx.actor, 'shipments.write');
  const rma = await findReturnForStages(tx.db, tx.ctx.actor, rmaId);
  if (rma.status !== 'authorized')
    throw new AppError(
      'invalid_transition',
      `return ${rma.rmaNumber} is ${rma.status.replace(/_/g, ' ')}: goods are shipped back only once it is authorized`,
    );
  const detection = request.carrierCode
    ? validateTrackingNumberFor(request.carrierCode, request.trackingNumber)
    : detectTrackingNumber(request.trackingNumber);
  if (!detection.ok)
    throw new AppError('validation_failed', `tracking number ${request.trackingNumber}: ${detection.reason}`, {
      errors: [{ path: 'trackingNumber', message: detection.reason }],
    });
  // Two shipments recorded at once for the same return must not both take its last units.
  await lockForTransaction(tx, `shipments:${rma.id}`);
  const lines = await unitsToShip(tx, rma, request.lines);
  const shipment: ShipmentsTable = {
    id: tx.ids.next('shp'),
    rma_id: rma.id,
    carrier_code: detection.carrier.code,
    carrier_name: detection.carrier.name,
    tracking_format: detection.formatName,
    service: request.service,
    tracking_number: detection.normalized,
    expected_site_id: await findShipToSiteIdOf(tx.db, rma),
    weight_grams: request.weightGrams ?? null,
    state: 'unknown',
    state_at: null,
    created_by: tx.ctx.actor.name,
    created_by_id: tx.ctx.actor.personId,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await tx.db
    .insertInto('shipments')
    .values(shipment)
    .execute()
    .catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? new AppError(
            'conflict',
            `${detection.carrier.name} tracking number ${detection.normalized} is already recorded for a return`,
            { errors: [{ path: 'trackingNumber', message: 'already recorded' }] },
          )
        : error;
    });
  const rows: ShipmentLinesTable[] = lines.map((line) => ({
    id: tx.ids.next('shl'),
    shipment_id: shipment.id,
    rma_id: rma.id,
    rma_line_id: line.rmaLineId,
    quantity: line.quantity,
  }));
  await tx.db.insertInto('shipment_lines').values(rows).execute();
  tx.audit({
    entityType: 'shipment',
    entityId: shipment.id,
    streamId: rma.id,
    action: 'shipment.recorded',
    after: {
      carrier: shipment.carrier_name,
      trackingNumber: shipment.tracking_number,
      units: rows.reduce((sum, row) => sum + row.quantity, 0),
    },
  });
  tx.emit({
    type: 'shipment.recorded',
    aggregateType: 'shipment',
    aggregateId: shipment.id,
    payload: {
      shipmentId: shipment.id,
      rmaId: rma.id,
      carrierCode: shipment.carrier_code,
      trackingNumber: shipment.tracking_number,
    },
  });
  return shipment.id;
}

/**
 * The units this shipment carries: those asked for, or by default every unit of the return not yet
 * on a shipment. Never more than is left to ship of a line (a parcel sent back to the customer
 * gives its units back).
 */
async function unitsToShip(
  tx: Tx,
  rma: ReturnForStages,
  asked: CreateShipmentRequest['lines'],
): Promise<Array<{ rmaLineId: string; quantity: number }>> {
  const onShipments = new Map(
    (await findShippedUnits(tx.db, [rma.id], HOLDS_UNITS)).map((row) => [row.rmaLineId, row.units]),
  );
  const leftOf = (line: ReturnForStages['lines'][number]) => line.quantity - (onShipments.get(line.id) ?? 0);
  if (!asked) {
    const all = rma.lines.flatMap((line) => (leftOf(line) > 0 ? [{ rmaLineId: line.id, quantity: leftOf(line) }] : []));
    if (all.length === 0)
      throw new AppError('conflict', `every unit of return ${rma.rmaNumber} is already on a shipment`);
    return all;
  }
  const seen = new Set<string>();
  for (const [index, line] of asked.entries()) {
    const rmaLine = rma.lines.find((candidate) => candidate.id === line.rmaLineId);
    if (!rmaLine || seen.has(line.rmaLineId))
      throw new AppError(
        'validation_failed',
        `line ${line.rmaLineId} is not a line of ${rma.rmaNumber}, or is named twice`,
        {
          errors: [{ path: `lines.${index}.rmaLineId`, message: 'not a line of this return, or named twice' }],
        },
      );
    seen.add(line.rmaLineId);
    if (line.quantity > leftOf(rmaLine))
      throw new AppError(
        'rule_violation',
        `line ${rmaLine.lineNumber} of ${rma.rmaNumber} has ${leftOf(rmaLine)} unit(s) left to ship, not ${line.quantity}`,
        { errors: [{ path: `lines.${index}.quantity`, message: `at most ${leftOf(rmaLine)}` }] },
      );
  }
  return asked;
}
