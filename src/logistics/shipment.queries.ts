// Reading shipments: a return's shipments with their lines and tracking, and what logistics tells
// others (units handed to a carrier per return line, for the return's progress).
import type { Kysely, Transaction } from 'kysely';
import type { Shipment, ShipmentState } from '../contracts/logistics.js';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** States in which the carrier has the goods (or has delivered them): they are on their way to us. */
export const HANDED_TO_CARRIER: readonly ShipmentState[] = ['in_transit', 'out_for_delivery', 'exception', 'delivered'];

/** States that count against what is left to ship: everything but a parcel sent back to the customer. */
export const HOLDS_UNITS: readonly ShipmentState[] = [
  'unknown',
  'pre_transit',
  'in_transit',
  'out_for_delivery',
  'exception',
  'delivered',
];

/** Units per return line on shipments in these states. */
export async function findShippedUnits(
  db: Reader,
  rmaIds: readonly string[],
  states: readonly ShipmentState[],
): Promise<Array<{ rmaLineId: string; units: number }>> {
  if (rmaIds.length === 0) return [];
  const rows = await db
    .selectFrom('shipment_lines as l')
    .innerJoin('shipments as s', 's.id', 'l.shipment_id')
    .select(['l.rma_line_id', (eb) => eb.fn.sum<number>('l.quantity').as('units')])
    .where('l.rma_id', 'in', rmaIds)
    .where('s.state', 'in', states)
    .groupBy('l.rma_line_id')
    .execute();
  return rows.map((row) => ({ rmaLineId: row.rma_line_id, units: Number(row.units) }));
}

export async function findShipmentsOfReturn(db: Reader, rmaId: string): Promise<Shipment[]> {
  const shipments = await db
    .selectFrom('shipments')
    .selectAll()
    .where('rma_id', '=', rmaId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (shipments.length === 0) return [];
  const ids = shipments.map((s) => s.id);
  const [lines, events] = await Promise.all([
    db.selectFrom('shipment_lines').selectAll().where('shipment_id', 'in', ids).execute(),
    db
      .selectFrom('tracking_events')
      .selectAll()
      .where('shipment_id', 'in', ids)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  return shipments.map((s) => ({
    id: s.id,
    rmaId: s.rma_id,
    carrierCode: s.carrier_code,
    carrierName: s.carrier_name,
    service: s.service,
    trackingNumber: s.tracking_number,
    expectedSiteId: s.expected_site_id,
    weightGrams: s.weight_grams,
    state: s.state,
    stateAt: s.state_at,
    createdAt: s.created_at,
    createdBy: s.created_by,
    version: s.version,
    lines: lines.filter((l) => l.shipment_id === s.id).map((l) => ({ rmaLineId: l.rma_line_id, quantity: l.quantity })),
    events: events
      .filter((e) => e.shipment_id === s.id)
      .map((e) => ({
        state: e.state,
        carrierStatus: e.carrier_status,
        occurredAt: e.occurred_at,
        location: e.location,
        description: e.description,
        outcome: e.outcome,
      })),
  }));
}
