// Logistics' part of a return's chain of custody: each carrier scan of its parcels (the first scan
// in transit is the hand-over from the customer; delivery the hand-over to the site), and carriers
// checked in at the dock with the return.
import type { Kysely, Transaction } from 'kysely';
import type { CustodyEvent } from '../contracts/custody.js';
import type { DB } from '../platform/db/database.js';
import { siteCodeOf } from '../masterdata/index.js';
import { findShipmentsOfReturn } from './shipment.queries.js';

type Reader = Kysely<DB> | Transaction<DB>;

const STATE_WORDS: Record<string, string> = {
  pre_transit: 'Label created',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  exception: 'Carrier exception',
  returned_to_sender: 'Returned to sender',
  unknown: 'Carrier update',
};

export async function findCarrierCustody(db: Reader, rmaId: string): Promise<CustodyEvent[]> {
  const shipments = await findShipmentsOfReturn(db, rmaId);
  return shipments.flatMap((shipment) => {
    const units = shipment.lines.reduce((sum, line) => sum + line.quantity, 0);
    // Oldest first, and only the scans that moved the parcel on (not late or repeated ones).
    const scans = [...shipment.events].reverse().filter((event) => event.outcome === 'applied');
    const firstMoving = scans.find((event) => event.state !== 'pre_transit' && event.state !== 'unknown');
    return scans.map((event) => ({
      at: event.occurredAt,
      stage: 'carrier' as const,
      action:
        event === firstMoving && event.state !== 'delivered'
          ? `Handed to ${shipment.carrierName}`
          : event.state === 'delivered'
            ? `Delivered by ${shipment.carrierName}`
            : `${STATE_WORDS[event.state] ?? event.state}${event.description ? `: ${event.description}` : ''}`,
      holder: event.state === 'delivered' ? 'Receiving site' : shipment.carrierName,
      by: shipment.carrierName,
      where: event.location,
      units,
      reference: shipment.trackingNumber,
    }));
  });
}

export async function findDockCustody(db: Reader, rmaId: string): Promise<CustodyEvent[]> {
  const rows = await db
    .selectFrom('dock_appointments as a')
    .innerJoin('dock_slots as s', 's.id', 'a.slot_id')
    .innerJoin('dock_doors as d', 'd.id', 's.door_id')
    .select([
      'a.id',
      'a.carrier',
      'a.reference',
      'a.expected_units',
      'a.checked_in_at',
      'a.checked_in_by',
      'd.code as door_code',
      siteCodeOf('a.site_id').as('site_code'),
    ])
    .where('a.rma_id', '=', rmaId)
    .where('a.checked_in_at', 'is not', null)
    .execute();
  return rows.map((row) => ({
    at: row.checked_in_at!,
    stage: 'dock' as const,
    action: `${row.carrier} checked in at door ${row.door_code}`,
    holder: `${row.site_code} dock`,
    by: row.checked_in_by ?? '',
    where: `${row.site_code} · door ${row.door_code}`,
    units: row.expected_units,
    reference: row.reference,
  }));
}
