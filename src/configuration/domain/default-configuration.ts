// The standard configuration a fresh installation is seeded with (version 1 of each kind).
// Admins change these at run time; the values here are a sensible distributor's defaults.
import type {
  ApprovalRules,
  ConfigDocuments,
  DispositionCodes,
  ReasonCodes,
  ReturnPolicy,
  ReturnRouting,
} from '../../contracts/configuration.js';

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  defaultReturnWindowDays: 30,
  windows: [
    { tier: 'platinum', category: '*', days: 90 },
    { tier: 'gold', category: '*', days: 60 },
    { tier: 'silver', category: '*', days: 45 },
    // Perishables and medicines: short or no window whatever the tier. A tier+'*' window is
    // more specific than '*'+category, so each tier with its own window needs its own line here.
    { tier: 'platinum', category: 'Consumables', days: 30 },
    { tier: 'gold', category: 'Consumables', days: 21 },
    { tier: '*', category: 'Consumables', days: 14 },
    { tier: '*', category: 'Pharmaceuticals', days: 0 },
    { tier: 'platinum', category: 'Pharmaceuticals', days: 0 },
    { tier: 'gold', category: 'Pharmaceuticals', days: 0 },
    { tier: 'silver', category: 'Pharmaceuticals', days: 0 },
  ],
  authorizationValidDays: 30,
  // Warranty claims have their own window (the product's warranty); recalls are ours to ask for.
  windowExemptReturnTypes: ['warranty', 'recall'],
};

export const DEFAULT_APPROVAL_RULES: ApprovalRules = {
  valueThresholds: {
    USD: 250_000,
    EUR: 250_000,
    GBP: 200_000,
    CAD: 350_000,
    AUD: 400_000,
    CHF: 250_000,
    JPY: 350_000, // yen have no minor unit: ¥350,000, about the others' 2,500
  },
  defaultValueThresholdMinor: 250_000,
  tiersRequiringApproval: ['bronze'],
  // Recall is initiated by the distributor, so it goes through without a second approval.
  returnTypesRequiringApproval: ['regulated', 'warranty'],
  regulatedClassesRequiringApproval: ['hazmat', 'rx', 'controlled'],
  conditionsRequiringApproval: ['damaged_in_transit'],
};

type ReasonCode = ReasonCodes['codes'][number];
function defineReason(code: string, label: string, fault: ReasonCode['fault'], description: string): ReasonCode {
  return { code, label, description, isActive: true, fault };
}

export const DEFAULT_REASON_CODES: ReasonCodes = {
  codes: [
    defineReason('DEFECTIVE', 'Defective', 'supplier', 'Does not work as it should'),
    defineReason('DAMAGED_IN_TRANSIT', 'Damaged in transit', 'carrier', 'Arrived damaged'),
    defineReason('WRONG_ITEM_SHIPPED', 'Wrong item shipped', 'distributor', 'Not the item that was ordered'),
    defineReason('NOT_AS_DESCRIBED', 'Not as described', 'distributor', 'Differs from the catalogue description'),
    defineReason('ORDERED_IN_ERROR', 'Ordered in error', 'customer', 'The customer ordered the wrong item or quantity'),
    defineReason('OVERSTOCK', 'Overstock', 'customer', 'More than the customer can sell'),
    defineReason('NO_LONGER_NEEDED', 'No longer needed', 'customer', 'The customer no longer needs it'),
    defineReason('LATE_DELIVERY', 'Late delivery', 'distributor', 'Arrived too late to be of use'),
    defineReason('DUPLICATE_SHIPMENT', 'Duplicate shipment', 'distributor', 'Shipped twice'),
    defineReason('MISSING_PARTS', 'Missing parts', 'supplier', 'Parts or accessories missing from the package'),
    defineReason('WARRANTY_FAILURE', 'Warranty failure', 'supplier', 'Failed within its warranty period'),
    defineReason('RECALL', 'Recall', 'supplier', 'Returned under a product recall'),
    defineReason('EXPIRED_PRODUCT', 'Expired product', 'distributor', 'Past its expiry date on arrival'),
    defineReason('STOCK_ROTATION', 'Stock rotation', 'none', 'Exchanged under a stock-rotation agreement'),
    defineReason('UNKNOWN', 'Unknown', 'none', 'Reason not given, e.g. an unauthorized return'),
  ],
};

type DispositionCode = DispositionCodes['codes'][number];
function defineDisposition(
  code: string,
  label: string,
  stockStatus: DispositionCode['stockStatus'],
  description: string,
): DispositionCode {
  return { code, label, description, isActive: true, stockStatus };
}

export const DEFAULT_DISPOSITION_CODES: DispositionCodes = {
  codes: [
    defineDisposition('RESTOCK', 'Restock', 'saleable', 'Back to saleable stock as new'),
    defineDisposition('REFURBISH', 'Refurbish', 'in_refurbishment', 'Refurbish, then sell as refurbished'),
    defineDisposition('REPAIR_INTERNAL', 'Repair in-house', 'in_repair', 'Repair in our own workshop'),
    defineDisposition('REPAIR_EXTERNAL', 'Repair by partner', 'in_repair', 'Work order to an external repair partner'),
    defineDisposition(
      'RETURN_TO_VENDOR',
      'Return to vendor',
      'on_vendor_return',
      'Send back to the supplier for credit',
    ),
    defineDisposition('QUARANTINE', 'Quarantine', 'quarantined', 'Hold pending investigation or regulatory release'),
    defineDisposition('SCRAP', 'Scrap', 'scrapped', 'Destroy and write off'),
    defineDisposition('HAZARDOUS_DISPOSAL', 'Hazardous disposal', 'scrapped', 'Certified disposal of regulated goods'),
    defineDisposition(
      'SECONDARY_CHANNEL',
      'Secondary channel',
      'secondary_channel',
      'Sell through an outlet or liquidator',
    ),
  ],
};

/**
 * No zones until an admin names the sites (a fresh installation has none): returns then go to a
 * certified site in the customer's own region first, then the legal entity's others.
 */
export const DEFAULT_RETURN_ROUTING: ReturnRouting = {
  zones: [],
  certifications: [
    { regulatedClass: 'hazmat', capability: 'hazmat' },
    { regulatedClass: 'rx', capability: 'regulated_goods' },
    { regulatedClass: 'controlled', capability: 'regulated_goods' },
  ],
  siteCapacities: [],
};

/** Every kind of configuration document, keyed by kind, as seeded at version 1. */
export const DEFAULT_CONFIGURATION: ConfigDocuments = {
  return_policy: DEFAULT_RETURN_POLICY,
  approval_rules: DEFAULT_APPROVAL_RULES,
  reason_codes: DEFAULT_REASON_CODES,
  disposition_codes: DEFAULT_DISPOSITION_CODES,
  return_routing: DEFAULT_RETURN_ROUTING,
};

/** A deep copy, for callers that edit a document before saving it as a new version. */
export function cloneDefaultConfiguration(): ConfigDocuments {
  return structuredClone(DEFAULT_CONFIGURATION);
}
