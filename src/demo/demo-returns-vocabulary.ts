// What people write on returns: the reasons customers give (codes from the default catalogue),
// the notes they type, and what managers and agents say when they decide. Notes vary in wording
// on purpose: the triage model learns to classify reasons from exactly this kind of text.
import type { ClaimedCondition } from '../contracts/returns-vocabulary.js';

/** Reasons for an ordinary return, by how often distributors see them. */
// prettier-ignore
export const STANDARD_REASONS: ReadonlyArray<readonly [code: string, weight: number]> = [
  ['DEFECTIVE', 22], ['WRONG_ITEM_SHIPPED', 11], ['NOT_AS_DESCRIBED', 6], ['ORDERED_IN_ERROR', 16], ['OVERSTOCK', 8],
  ['NO_LONGER_NEEDED', 9], ['LATE_DELIVERY', 4], ['DUPLICATE_SHIPMENT', 4], ['MISSING_PARTS', 6], ['DAMAGED_IN_TRANSIT', 10],
];

export const CONDITION_BY_REASON: Record<string, readonly ClaimedCondition[]> = {
  DEFECTIVE: ['defective'],
  DAMAGED_IN_TRANSIT: ['damaged_in_transit'],
  WRONG_ITEM_SHIPPED: ['unopened', 'opened_unused'],
  NOT_AS_DESCRIBED: ['opened_unused'],
  ORDERED_IN_ERROR: ['unopened', 'unopened', 'opened_unused'],
  OVERSTOCK: ['unopened'],
  NO_LONGER_NEEDED: ['unopened', 'opened_unused'],
  LATE_DELIVERY: ['unopened'],
  DUPLICATE_SHIPMENT: ['unopened'],
  MISSING_PARTS: ['missing_parts'],
  WARRANTY_FAILURE: ['defective', 'used'],
  RECALL: ['unopened', 'opened_unused'],
  EXPIRED_PRODUCT: ['unopened'],
  STOCK_ROTATION: ['unopened'],
  UNKNOWN: ['used', 'unopened', 'opened_unused'],
};

export const NOTES_BY_REASON: Record<string, readonly string[]> = {
  DEFECTIVE: [
    'Unit does not power on out of the box.',
    'Stopped working after two days on site, tried a second outlet, same result.',
    'Intermittent fault — cuts out under load. Customer needs a replacement this week.',
    'DOA, error light flashing on start-up.',
    'Two of the units are faulty, the rest are fine.',
  ],
  DAMAGED_IN_TRANSIT: [
    'Carton crushed on arrival, driver noted damage on the POD.',
    'Pallet arrived broken, several boxes wet.',
    'Housing cracked, outer box has a forklift puncture.',
    'Delivered with visible damage, photos attached to the claim.',
  ],
  WRONG_ITEM_SHIPPED: [
    'We ordered the 24-port model and received the 48-port.',
    'Wrong size delivered, the label on the box does not match the packing slip.',
    'Received a different SKU than on our PO.',
  ],
  NOT_AS_DESCRIBED: [
    'Spec sheet on the website says 5000K, these are 4000K.',
    'Not compatible with our existing system as the listing suggested.',
    'Dimensions differ from the catalogue, does not fit the cabinet.',
  ],
  ORDERED_IN_ERROR: [
    'Buyer ordered the wrong part number, boxes still sealed.',
    'Ordered twice by two different sites, returning the extra quantity.',
    'Wrong voltage ordered by our purchasing team.',
    'Typo on the PO — we needed 5, not 50.',
  ],
  OVERSTOCK: [
    'Job finished with material left over, all unopened.',
    'Project scaled down, returning surplus stock.',
    'Over-ordered for the season.',
  ],
  NO_LONGER_NEEDED: [
    'Project was cancelled by the end client.',
    'Customer changed the design, these are no longer required.',
    'No longer needed after the site survey.',
  ],
  LATE_DELIVERY: [
    'Arrived a week after the install date, we had to source elsewhere.',
    'Too late for the shutdown window, returning.',
  ],
  DUPLICATE_SHIPMENT: [
    'Received the same order twice, second delivery unopened.',
    'Duplicate shipment — only one PO was raised.',
  ],
  MISSING_PARTS: [
    'Mounting bracket missing from the box.',
    'Charger and battery not included although listed.',
    'Only 8 of 10 pieces in the pack.',
  ],
  WARRANTY_FAILURE: [
    'Failed after seven months of normal use, under warranty.',
    'Motor burnt out, well within the warranty period.',
    'Compressor fault reported by the installer, warranty claim.',
    'Port failures on the unit, RMA requested under warranty.',
  ],
  RECALL: [
    'Returned under the supplier recall notice for this lot.',
    'Quarantined on receipt of the recall letter, returning all units.',
  ],
  EXPIRED_PRODUCT: ['Shelf life shorter than agreed on delivery.', 'Expiry date already passed on arrival.'],
  STOCK_ROTATION: [
    'Quarterly stock rotation per our distribution agreement.',
    'Slow movers swapped under the stock rotation allowance.',
  ],
};

export const APPROVAL_COMMENTS: readonly string[] = [
  'Approved — long-standing account, supplier accepts the RTV.',
  'Approved after reviewing the photos; damage is clearly carrier-related.',
  'Approved; regulated handling confirmed with the receiving site.',
  'Approved as a goodwill gesture, restocking fee waived.',
  'Warranty confirmed against the serial numbers, approved.',
  'Approved — value checked against the original invoice.',
];

export const REJECTION_COMMENTS: readonly string[] = [
  'Photos show installation damage, not a product defect.',
  'Outside the stock-rotation allowance for this quarter.',
  'Opened regulated goods cannot be accepted back; advised disposal locally.',
  'Customer confirmed the units were already installed; offered a repair instead.',
  'Duplicate of an RMA already authorized for the same order line.',
  'Special-order item, terms agreed at quotation exclude returns.',
  'Warranty void: serial label removed.',
];

export const CANCEL_REASONS: readonly string[] = [
  'Customer decided to keep the goods.',
  'Raised in error; customer will reorder instead.',
  'Replaced by a new request with the correct quantity.',
  'Customer resolved the issue with the supplier directly.',
  'Issue fixed on site by our field technician.',
];

export const UNAUTHORIZED_NOTES: readonly string[] = [
  'Pallet arrived with no RMA paperwork; packing slip references the original PO.',
  'Two cartons returned by the carrier, no RMA number on the label.',
  'Customer sent goods back without calling; found in the inbound lane.',
  'Driver collected from site without an RMA, handed in at the dock.',
  'Parcel returned with a handwritten note "wrong item" and no reference.',
];

export const UNAUTHORIZED_ACCEPTED: readonly string[] = [
  'Customer confirmed the return by phone; accepted as a standard return.',
  'Matches an open complaint; accept and inspect.',
  'Long-standing account, goods in resaleable condition on arrival; accepted.',
];

export const UNAUTHORIZED_REFUSED: readonly string[] = [
  'Outside the return window and no complaint on file; send back at the customer’s cost.',
  'Not our product line; return to sender.',
];
