// How a repair partner's screens name a work order's parts: the unit, the kind of work, its state.
import type { PartnerWorkOrder } from '../../api/partner-work-orders.js';
import { Badge } from '../../ui/badge.js';

export const KIND_LABELS: Record<PartnerWorkOrder['kind'], string> = {
  repair: 'Repair',
  refurbish: 'Refurbish',
};

export const OUTCOME_LABELS: Record<NonNullable<PartnerWorkOrder['outcome']>, string> = {
  repaired: 'Repaired',
  beyond_repair: 'Beyond repair',
};

export function productLabel(order: PartnerWorkOrder): string {
  return [order.productSku, order.productName].filter(Boolean).join(' · ') || '—';
}

/** The serial of a serialized unit, the lot of a lot-controlled one, else nothing to tell them apart. */
export function unitLabel(order: PartnerWorkOrder): string {
  if (order.serial) return order.serial;
  if (order.lot) return `Lot ${order.lot}`;
  return '—';
}

export function WorkOrderStatusBadge({ order }: { order: PartnerWorkOrder }) {
  if (order.status === 'open') return <Badge tone="info">Open</Badge>;
  return <Badge tone="success">Completed{order.outcome ? ` · ${OUTCOME_LABELS[order.outcome]}` : ''}</Badge>;
}
