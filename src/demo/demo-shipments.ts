// How the demo's goods travel back: some customers record the parcel's tracking number a few hours
// after the return is authorized (through logistics' own use case, so the return shows the units in
// transit until they arrive), the rest just send it; the receipt notes the number either way.
// Numbers pass the carrier table's own checks (format and check digit) as a real label's would.
import { systemContext } from '../platform/actor.js';
import { createShipment, detectTrackingNumber, recordTrackingEvents } from '../logistics/index.js';
import { minutesAfter, workingHoursAfter } from './demo-timeline.js';
import type { Random } from './random.js';
import type { EntityKey } from './demo-companies.js';
import { context } from './plan-returns.js';
import type { StageContext } from './demo-stage-context.js';

interface Label {
  service: string;
  draw(digits: (n: number) => string, random: Random): string;
}

const LABELS: Record<EntityKey, Label> = {
  US: {
    service: 'UPS Ground',
    draw: (digits, random) =>
      `1Z${random.pick(['A', 'E', 'W', 'X'])}${digits(3)}${random.pick(['R', 'V'])}${digits(11)}`,
  },
  UK: { service: 'Royal Mail Tracked 48', draw: (digits) => `RM${digits(9)}GB` },
  EU: { service: 'DHL Parcel', draw: (digits) => `JJD${digits(10)}` },
};

/** A tracking number of the carrier the entity's customers mostly use, valid by its check digit. */
export function trackingNumberFor(random: Random, entity: EntityKey): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  const label = LABELS[entity];
  // About one number in ten has the right check digit: draw until one does. (Should the carrier
  // table ever refuse them all, the last one is used: recording its shipment is then refused and
  // reported, the receipt keeps it as its reference.)
  let candidate = label.draw(digits, random);
  for (let attempt = 0; attempt < 200 && !detectTrackingNumber(candidate).ok; attempt += 1)
    candidate = label.draw(digits, random);
  return candidate;
}

/**
 * The customer (the portal user, for the demo account) or an agent for them records the shipment;
 * the carrier's scans follow through its integration: picked up within a day or so, and delivered
 * just before the receipt (`deliveredAt`) for goods that have arrived.
 */
export function planShipment(
  s: StageContext,
  rma: { id: string; rmaNumber: string; customerId: string },
  at: string,
  trackingNumber: string,
  entity: EntityKey,
  deliveredAt: string | null,
): void {
  const shipper = rma.customerId === s.actors.customer.customerId ? s.actors.customer : s.actors.cs_agent;
  const weightGrams = s.random.int(4, 300) * 50;
  const pickedUpAt = workingHoursAfter(s.random, at, s.random.int(3, 24));
  const droppedAt = deliveredAt ? minutesAfter(deliveredAt, -s.random.int(20, 90)) : null;
  s.plan(at, `ship ${rma.rmaNumber}`, async () => {
    const shipment = await createShipment(s.at(at), context(shipper), rma.id, {
      trackingNumber,
      service: LABELS[entity].service,
      weightGrams,
    });
    s.tally.shipments += 1;
    const scan = (status: 'in_transit' | 'delivered', moment: string, description: string) =>
      s.plan(moment, `track ${trackingNumber}`, async () => {
        await recordTrackingEvents(s.at(moment), CARRIER, 'generic', [
          {
            eventId: `${trackingNumber}-${status}`,
            carrier: shipment.carrierCode,
            trackingNumber,
            status,
            carrierStatus: status.toUpperCase(),
            occurredAt: moment,
            description,
          },
        ]);
      });
    if (!droppedAt || pickedUpAt < droppedAt) scan('in_transit', pickedUpAt, 'Picked up by the carrier');
    if (droppedAt) scan('delivered', droppedAt, 'Delivered to the dock');
  });
}

/** The carriers' integration posting their scans (an API key of the warehouse, in production). */
const CARRIER = systemContext('carrier-tracking');
