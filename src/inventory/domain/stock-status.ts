// Which statuses returned stock can be in, and how it may change between them. Pure: the steps ask
// these before writing, the property tests drive them with random movements.
import { ON_HAND_STATUSES, type StockStatus } from '../../contracts/inventory.js';

export { ON_HAND_STATUSES };

export type OnHandStatus = (typeof ON_HAND_STATUSES)[number];

export function isOnHand(status: StockStatus): status is OnHandStatus {
  return (ON_HAND_STATUSES as readonly StockStatus[]).includes(status);
}

/** A receipt puts units here, and only here: nothing is saleable before someone has looked at it. */
export const RECEIVED_STATUS = 'awaiting_inspection' satisfies OnHandStatus;

/**
 * Status changes allowed, from → to. A unit may also move between locations keeping its status
 * (putaway, moving a pallet), which is not listed here. Reasons for the less obvious ones:
 * - quarantine, repair and refurbishment may send units back to inspection (re-inspect after the fix);
 * - `on_vendor_return` may come back (the vendor refused the claim) to quarantine or inspection;
 * - `allocated_to_replacement` may be released back to saleable (the replacement was cancelled);
 * - `secondary_channel` may still be quarantined or scrapped (found unsellable even as B-stock);
 * - `scrapped` is final: scrapped units only ever leave stock (disposed of).
 */
const NEXT: Record<OnHandStatus, readonly OnHandStatus[]> = {
  awaiting_inspection: [
    'saleable',
    'quarantined',
    'in_repair',
    'in_refurbishment',
    'on_vendor_return',
    'allocated_to_replacement',
    'scrapped',
    'secondary_channel',
  ],
  quarantined: [
    'awaiting_inspection',
    'saleable',
    'in_repair',
    'in_refurbishment',
    'on_vendor_return',
    'scrapped',
    'secondary_channel',
  ],
  in_repair: [
    'awaiting_inspection',
    'saleable',
    'quarantined',
    'in_refurbishment',
    'on_vendor_return',
    'scrapped',
    'secondary_channel',
  ],
  in_refurbishment: ['awaiting_inspection', 'saleable', 'quarantined', 'in_repair', 'scrapped', 'secondary_channel'],
  on_vendor_return: ['awaiting_inspection', 'quarantined'],
  saleable: ['quarantined', 'allocated_to_replacement', 'on_vendor_return', 'secondary_channel', 'scrapped'],
  allocated_to_replacement: ['saleable'],
  secondary_channel: ['quarantined', 'scrapped'],
  scrapped: [],
};

/**
 * Statuses from which units may leave stock: shipped to the vendor, shipped to a customer as a
 * replacement, sold through the secondary channel or as ordinary stock, disposed of, or sent back
 * to the customer they came from (held, quarantined, until they go: they are not ours to sell).
 * Units still awaiting inspection or being worked on must be decided first.
 */
export const LEAVING_STATUSES = [
  'quarantined',
  'saleable',
  'allocated_to_replacement',
  'on_vendor_return',
  'secondary_channel',
  'scrapped',
] as const satisfies readonly OnHandStatus[];

export function canChangeStatus(from: OnHandStatus, to: OnHandStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

export function canLeaveStock(status: OnHandStatus): boolean {
  return (LEAVING_STATUSES as readonly OnHandStatus[]).includes(status);
}

export function nextStatuses(status: OnHandStatus): readonly OnHandStatus[] {
  return NEXT[status];
}

export function describeStatus(status: StockStatus): string {
  return status.replace(/_/g, ' ');
}
