// The standard configuration a fresh installation is seeded with (version 1 of each kind).
// Admins change these at run time; the values here are a sensible distributor's defaults.
import type {
  ApprovalRules,
  ConfigDocuments,
  DispositionCodes,
  InspectionChecklists,
  InspectionSla,
  SettlementPolicy,
  ReasonCodes,
  ReturnPolicy,
  ReturnRouting,
} from '../../contracts/configuration.js';
import { DEFAULT_DISPOSITION_RULES } from './default-disposition-rules.js';

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
  how: Pick<DispositionCode, 'action' | 'locationKind' | 'performer'>,
  description: string,
): DispositionCode {
  return { code, label, description, isActive: true, stockStatus, ...how };
}

export const DEFAULT_DISPOSITION_CODES: DispositionCodes = {
  codes: [
    defineDisposition(
      'RESTOCK',
      'Restock',
      'saleable',
      { action: 'restock', locationKind: 'putaway' },
      'Back to saleable stock as new',
    ),
    defineDisposition(
      'REFURBISH',
      'Refurbish',
      'in_refurbishment',
      { action: 'refurbish', locationKind: 'refurbishment', performer: 'internal' },
      'Refurbish, then sell as refurbished',
    ),
    defineDisposition(
      'REPAIR_INTERNAL',
      'Repair in-house',
      'in_repair',
      { action: 'repair', locationKind: 'repair', performer: 'internal' },
      'Repair in our own workshop',
    ),
    defineDisposition(
      'REPAIR_EXTERNAL',
      'Repair by partner',
      'in_repair',
      { action: 'repair', locationKind: 'repair', performer: 'partner' },
      'Work order to an external repair partner',
    ),
    defineDisposition(
      'RETURN_TO_VENDOR',
      'Return to vendor',
      'on_vendor_return',
      { action: 'return_to_vendor', locationKind: 'vendor_return' },
      'Send back to the supplier for credit',
    ),
    defineDisposition(
      'QUARANTINE',
      'Quarantine',
      'quarantined',
      { action: 'quarantine', locationKind: 'quarantine' },
      'Hold pending investigation or regulatory release',
    ),
    defineDisposition(
      'SCRAP',
      'Scrap',
      'scrapped',
      { action: 'scrap', locationKind: 'scrap' },
      'Destroy and write off',
    ),
    defineDisposition(
      'HAZARDOUS_DISPOSAL',
      'Hazardous disposal',
      'scrapped',
      { action: 'scrap', locationKind: 'scrap' },
      'Certified disposal of regulated goods',
    ),
    defineDisposition(
      'SECONDARY_CHANNEL',
      'Secondary channel',
      'secondary_channel',
      { action: 'secondary_channel', locationKind: 'secondary_channel' },
      'Sell through an outlet or liquidator',
    ),
    defineDisposition(
      'RETURN_TO_CUSTOMER',
      'Return to customer',
      'quarantined',
      { action: 'return_to_customer', locationKind: 'shipping' },
      'Send back to the customer as it came (not accepted for credit, or the customer’s own unit)',
    ),
  ],
};

const check = (id: string, label: string) => ({ id, label, kind: 'check' as const, required: true });
const measure = (id: string, label: string, unit: string, min?: number, max?: number) => ({
  id,
  label,
  kind: 'measurement' as const,
  unit,
  required: true,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});

/** What every inspection checks ('*'), and more for the categories where it matters. */
export const DEFAULT_INSPECTION_CHECKLISTS: InspectionChecklists = {
  checklists: [
    {
      category: '*',
      items: [
        check('packaging_intact', 'Original packaging present and intact'),
        check('contents_complete', 'All parts and accessories present'),
        check('label_matches', 'Product label matches the return line (SKU, lot, serial)'),
        check('no_visible_damage', 'No visible damage'),
      ],
    },
    {
      category: 'Power Tools',
      items: [
        check('packaging_intact', 'Original packaging present and intact'),
        check('contents_complete', 'All parts, batteries and accessories present'),
        check('label_matches', 'Product label matches the return line (SKU, serial)'),
        check('no_visible_damage', 'No visible damage to housing or cord'),
        check('powers_on', 'Powers on and runs under no load'),
        measure('insulation_resistance', 'Insulation resistance', 'MΩ', 2),
      ],
    },
    {
      category: 'Networking',
      items: [
        check('packaging_intact', 'Original packaging present and intact'),
        check('contents_complete', 'Power supply, cables and brackets present'),
        check('label_matches', 'Product label matches the return line (SKU, serial)'),
        check('no_visible_damage', 'No visible damage to ports or casing'),
        check('boots', 'Boots and passes self-test'),
        check('factory_reset', 'Configuration erased (factory reset)'),
      ],
    },
    {
      category: 'Batteries',
      items: [
        check('packaging_intact', 'Original packaging present and intact'),
        check('no_swelling', 'No swelling, leakage or heat'),
        check('label_matches', 'Product label matches the return line (SKU, lot)'),
        measure('open_circuit_voltage', 'Open-circuit voltage', 'V', 0),
      ],
    },
    {
      category: 'Pharmaceuticals',
      items: [
        check('seal_intact', 'Tamper-evident seal intact'),
        check('label_matches', 'Label matches the return line (product, lot, expiry)'),
        check('cold_chain_ok', 'Temperature indicator shows no excursion'),
        measure('temperature_on_arrival', 'Temperature on arrival', '°C', 2, 8),
      ],
    },
  ],
  defectCodes: [
    { code: 'NO_FAULT_FOUND', label: 'No fault found', description: 'Tested and works as specified', isActive: true },
    { code: 'COSMETIC', label: 'Cosmetic damage', description: 'Scratches, dents, marks; works', isActive: true },
    {
      code: 'PACKAGING_DAMAGED',
      label: 'Packaging damaged',
      description: 'Product fine, packaging not resaleable',
      isActive: true,
    },
    { code: 'MISSING_PARTS', label: 'Missing parts', description: 'Parts or accessories missing', isActive: true },
    { code: 'DEAD_ON_ARRIVAL', label: 'Dead on arrival', description: 'Does not power on or start', isActive: true },
    { code: 'INTERMITTENT', label: 'Intermittent fault', description: 'Fails some of the time', isActive: true },
    {
      code: 'ELECTRICAL_FAULT',
      label: 'Electrical fault',
      description: 'Short, insulation or safety test failed',
      isActive: true,
    },
    {
      code: 'MECHANICAL_FAULT',
      label: 'Mechanical fault',
      description: 'Broken, jammed or worn mechanism',
      isActive: true,
    },
    { code: 'WATER_DAMAGE', label: 'Water damage', description: 'Liquid ingress or corrosion', isActive: true },
    {
      code: 'CUSTOMER_DAMAGE',
      label: 'Damaged by misuse',
      description: 'Damage from use outside the specification',
      isActive: true,
    },
    {
      code: 'TRANSIT_DAMAGE',
      label: 'Damaged in transit',
      description: 'Damage consistent with shipping',
      isActive: true,
    },
    { code: 'SEAL_BROKEN', label: 'Seal broken', description: 'Tamper-evident seal broken or missing', isActive: true },
    { code: 'EXPIRED', label: 'Expired', description: 'Past its expiry date', isActive: true },
    { code: 'TEMPERATURE_EXCURSION', label: 'Temperature excursion', description: 'Cold chain broken', isActive: true },
    { code: 'WRONG_ITEM', label: 'Wrong item', description: 'Not the product on the return line', isActive: true },
  ],
};

/** Two working days by default; regulated goods and the best customers' returns within one. */
export const DEFAULT_SETTLEMENT_POLICY: SettlementPolicy = {
  creditedReturnTypes: ['standard', 'serialized', 'regulated', 'stock_rotation', 'recall'],
  // A customer who changed their mind pays 15 %; nobody pays for our, the supplier's or the carrier's fault.
  restockingFeeBpsByFault: { customer: 1500, distributor: 0, supplier: 0, carrier: 0, none: 0 },
  // Claimed as new or unopened but found used or damaged: the value lost, by the grade found.
  damageDeductionBpsByGrade: { A: 0, B: 1500, C: 4000, D: 7000, X: 10_000 },
  financeApprovalAboveMinor: { USD: 100_000, EUR: 100_000, GBP: 80_000, JPY: 15_000_000 },
  defaultFinanceApprovalAboveMinor: 100_000,
  advanceReplacementDepositDays: 30,
  // Everyone is credited after inspection until finance decides which tiers it trusts with credit
  // ahead of proof (e.g. { platinum: 'on_authorization', gold: 'on_receipt' }): that credit is a risk
  // the distributor takes on purpose, never one a fresh installation takes for it.
  creditTimingByTier: {},
};

export const DEFAULT_INSPECTION_SLA: InspectionSla = {
  defaultHours: 48,
  sites: [],
  regulatedHours: 24,
  tiers: [{ tier: 'platinum', hours: 24 }],
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
  disposition_rules: DEFAULT_DISPOSITION_RULES,
  inspection_checklists: DEFAULT_INSPECTION_CHECKLISTS,
  inspection_sla: DEFAULT_INSPECTION_SLA,
  settlement_policy: DEFAULT_SETTLEMENT_POLICY,
};

/** A deep copy, for callers that edit a document before saving it as a new version. */
export function cloneDefaultConfiguration(): ConfigDocuments {
  return structuredClone(DEFAULT_CONFIGURATION);
}
