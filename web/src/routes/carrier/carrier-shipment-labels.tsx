// How a carrier's screens word a shipment: where it goes, and its newest scan.
import type { CarrierShipment } from '../../api/carrier-shipments.js';
import { formatDateTime } from '../../ui/dates.js';

/** Our site the parcel is delivered to, on one line; a return not yet routed has none. */
export function deliverToLine(shipment: CarrierShipment): string {
  const to = shipment.deliverTo;
  if (!to) return 'Not routed yet';
  return [to.siteName, to.city, to.country].filter((part) => part.trim() !== '').join(', ');
}

export function latestScanLine(shipment: CarrierShipment): string {
  const scan = shipment.latestEvent;
  if (!scan) return 'No scan yet';
  return [formatDateTime(scan.occurredAt), scan.location].filter((part) => part !== '').join(' · ');
}
