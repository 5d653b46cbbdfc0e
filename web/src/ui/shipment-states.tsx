// Where a parcel is, in words and colour: the staff's shipments panel and the carrier's screens.
import type { ShipmentState } from '../../../src/contracts/logistics.js';
import { Badge, type BadgeTone } from './badge.js';

const STATE_TONES: Record<ShipmentState, BadgeTone> = {
  unknown: 'muted',
  pre_transit: 'info',
  in_transit: 'info',
  out_for_delivery: 'info',
  exception: 'danger',
  delivered: 'success',
  returned_to_sender: 'warning',
};

export const SHIPMENT_STATE_LABELS: Record<ShipmentState, string> = {
  unknown: 'No carrier scan yet',
  pre_transit: 'Label created',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  exception: 'Needs attention',
  delivered: 'Delivered',
  returned_to_sender: 'Returned to sender',
};

export function ShipmentStateBadge({ state }: { state: ShipmentState }) {
  return <Badge tone={STATE_TONES[state]}>{SHIPMENT_STATE_LABELS[state]}</Badge>;
}
