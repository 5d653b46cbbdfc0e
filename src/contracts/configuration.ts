// Versioned configuration documents: return policy, approval rules and code catalogues.
// Every change creates a new version; decisions record the version that made them.
import { z } from 'zod';
import { RETURN_TYPES, CLAIMED_CONDITIONS } from './returns-vocabulary.js';
import { forAudiences } from './common.js';
import { CUSTOMER_TIERS, SITE_CAPABILITIES } from './masterdata.js';
import { DISPOSITION_ACTIONS } from './inspection-vocabulary.js';
import { LOCATION_KINDS } from './inventory.js';
import { DispositionRulesSchema, type DispositionRules } from './disposition-rules.js';

export const CONFIG_KINDS = [
  'return_policy',
  'approval_rules',
  'reason_codes',
  'disposition_codes',
  'return_routing',
  'disposition_rules',
  'inspection_checklists',
  'inspection_sla',
  'settlement_policy',
] as const;
export const ConfigKindSchema = z.enum(CONFIG_KINDS);
export type ConfigKind = z.infer<typeof ConfigKindSchema>;

const tierOrAny = z.string().min(1).max(40); // a customer tier, or '*' for any
const categoryOrAny = z.string().min(1).max(80); // a product category, or '*' for any

export const ReturnPolicySchema = z.strictObject({
  /** Days after delivery in which a standard return may be requested, unless a window below matches. */
  defaultReturnWindowDays: z.number().int().min(0).max(3650),
  /** Most specific match wins: tier+category, then tier+'*', then '*'+category. */
  windows: z.array(
    z.strictObject({ tier: tierOrAny, category: categoryOrAny, days: z.number().int().min(0).max(3650) }),
  ),
  /** An authorized RMA with nothing shipped after this many days expires. */
  authorizationValidDays: z.number().int().min(1).max(365),
  /** Return types that ignore the return window (they have their own, e.g. warranty). */
  windowExemptReturnTypes: z.array(z.enum(RETURN_TYPES)),
});
export type ReturnPolicy = z.infer<typeof ReturnPolicySchema>;

export const ApprovalRulesSchema = z.strictObject({
  /** A return whose value is above this (minor units, per currency) needs a manager's approval. */
  valueThresholds: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0)),
  /** Thresholds for currencies not listed: compare value in that currency against this. */
  defaultValueThresholdMinor: z.number().int().min(0),
  tiersRequiringApproval: z.array(z.string().min(1).max(40)),
  returnTypesRequiringApproval: z.array(z.enum(RETURN_TYPES)),
  regulatedClassesRequiringApproval: z.array(z.string().min(1).max(40)),
  conditionsRequiringApproval: z.array(z.enum(CLAIMED_CONDITIONS)),
  /** Unauthorized arrivals are always reviewed, but may be auto-accepted below this value. */
});
export type ApprovalRules = z.infer<typeof ApprovalRulesSchema>;

export const CodeEntrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_]{2,40}$/, 'upper-case letters, digits and _ only'),
  label: z.string().trim().min(1).max(120),
  description: z.string().max(500).default(''),
  isActive: z.boolean().default(true),
});
export type CodeEntry = z.infer<typeof CodeEntrySchema>;

export const ReasonCodeSchema = CodeEntrySchema.extend({
  /** Whether the fault lies with the distributor/supplier (defect, wrong item) or the customer. */
  fault: z.enum(['customer', 'distributor', 'supplier', 'carrier', 'none']),
});
export const ReasonCodesSchema = z.strictObject({ codes: z.array(ReasonCodeSchema).min(1) });
export type ReasonCodes = z.infer<typeof ReasonCodesSchema>;

export const DispositionCodeSchema = CodeEntrySchema.extend({
  stockStatus: z.enum([
    'saleable',
    'quarantined',
    'in_repair',
    'in_refurbishment',
    'on_vendor_return',
    'scrapped',
    'secondary_channel',
  ]),
  /**
   * What executing the code does (restock, open a work order, a vendor return…). Optional for
   * codes published before actions existed: then it follows from the stock status
   * (disposition/domain/disposition-actions.ts).
   */
  action: z.enum(DISPOSITION_ACTIONS).optional(),
  /** The kind of location the units go to at the site, by default the action's. */
  locationKind: z.enum(LOCATION_KINDS).optional(),
  /** For repair and refurbishment: on our own bench, or by an external repair partner. */
  performer: z.enum(['internal', 'partner']).optional(),
});
export const DispositionCodesSchema = z.strictObject({ codes: z.array(DispositionCodeSchema).min(1) });
export type DispositionCodes = z.infer<typeof DispositionCodesSchema>;

const siteCode = z.string().trim().min(1).max(40);

/**
 * Where authorized returns are sent. Rules, not a map: a return goes to the nearest site (by the
 * customer's zone) that is certified for every line's goods and has room; see
 * returns/domain/routing-instruction.ts for the order in which they apply.
 */
export const ReturnRoutingSchema = z.strictObject({
  /** Customers in these regions (as their address names them) send to these sites, nearest first. */
  zones: z.array(
    z.strictObject({
      name: z.string().trim().min(1).max(80),
      regions: z.array(z.string().trim().min(1).max(80)).min(1),
      sites: z.array(siteCode).min(1),
    }),
  ),
  /** Goods of a regulated class go only to sites with this capability (other classes: regulated_goods). */
  certifications: z.array(
    z.strictObject({ regulatedClass: z.string().trim().min(1).max(40), capability: z.enum(SITE_CAPABILITIES) }),
  ),
  /** A site takes no more units on open routed returns (authorized, not closed) than this. */
  siteCapacities: z.array(z.strictObject({ siteCode, maxOpenUnits: z.number().int().min(0).max(100_000_000) })),
});
export type ReturnRouting = z.infer<typeof ReturnRoutingSchema>;

const checklistItemId = z.string().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and _ only');

/**
 * What an inspector checks, per product category ('*': any category without its own list), and the
 * defect codes they choose from. A checklist item is a yes/no check or a measurement with a unit
 * (and, when given, the range a good unit falls in).
 */
export const InspectionChecklistsSchema = z.strictObject({
  checklists: z
    .array(
      z.strictObject({
        category: categoryOrAny,
        items: z
          .array(
            z.strictObject({
              id: checklistItemId,
              label: z.string().trim().min(1).max(200),
              kind: z.enum(['check', 'measurement']),
              unit: z.string().trim().max(20).optional(),
              min: z.number().optional(),
              max: z.number().optional(),
              required: z.boolean().default(true),
            }),
          )
          .min(1)
          .max(60),
      }),
    )
    .min(1),
  defectCodes: z.array(CodeEntrySchema).min(1),
});
export type InspectionChecklists = z.infer<typeof InspectionChecklistsSchema>;

/**
 * How soon received goods must be inspected, in working hours from receipt: a default, a target per
 * site, and shorter ones for regulated goods and for customer tiers (the shortest that applies wins).
 */
export const InspectionSlaSchema = z.strictObject({
  defaultHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  sites: z.array(
    z.strictObject({
      siteCode: z.string().trim().min(1).max(40),
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90),
    }),
  ),
  regulatedHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .nullable(),
  tiers: z.array(
    z.strictObject({
      tier: z.string().min(1).max(40),
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90),
    }),
  ),
});
export type InspectionSla = z.infer<typeof InspectionSlaSchema>;

const bps = z.number().int().min(0).max(10_000);

/** When a return is credited: after inspection (the default), or ahead of proof for trusted tiers. */
export const CREDIT_TIMINGS = ['after_inspection', 'on_receipt', 'on_authorization'] as const;
export type CreditTiming = (typeof CREDIT_TIMINGS)[number];

/**
 * How returns are credited: which return types earn a credit, the restocking fee a customer pays
 * when the fault is theirs, the deduction for goods found worse than claimed (by grade), and the
 * amount above which finance itself must approve a credit memo.
 */
export const SettlementPolicySchema = z.strictObject({
  /** Return types credited in money; the others are settled by repair or replacement. */
  creditedReturnTypes: z.array(z.enum(RETURN_TYPES)),
  /** Restocking fee, in basis points of the price, by who is at fault for the return's reason. */
  restockingFeeBpsByFault: z.strictObject({
    customer: bps,
    distributor: bps,
    supplier: bps,
    carrier: bps,
    none: bps,
  }),
  /** Deducted from the price when inspection contradicts the customer's claim, by the grade found. */
  damageDeductionBpsByGrade: z.strictObject({ A: bps, B: bps, C: bps, D: bps, X: bps }),
  /** Credit memos above this (minor units of their currency) need finance's approval. */
  financeApprovalAboveMinor: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0)),
  defaultFinanceApprovalAboveMinor: z.number().int().min(0),
  /**
   * Days an advance replacement's deposit is held for the return to arrive; after them it is
   * invoiced (the replacement becomes a sale). Absent (documents saved before it existed): 30.
   */
  advanceReplacementDepositDays: z.number().int().min(1).max(365).optional(),
  /**
   * When a customer of a tier is credited; tiers not named are credited after inspection. Credit
   * given earlier — when the return is authorized, or when its goods are received — goes through
   * the returns reserve until inspection proves the claim (or charges back the deduction). Absent
   * (documents saved before it existed): everyone after inspection.
   */
  creditTimingByTier: z.partialRecord(z.enum(CUSTOMER_TIERS), z.enum(CREDIT_TIMINGS)).optional(),
});
export type SettlementPolicy = z.infer<typeof SettlementPolicySchema>;

export const CONFIG_DOCUMENT_SCHEMAS = {
  return_policy: ReturnPolicySchema,
  approval_rules: ApprovalRulesSchema,
  reason_codes: ReasonCodesSchema,
  disposition_codes: DispositionCodesSchema,
  return_routing: ReturnRoutingSchema,
  disposition_rules: DispositionRulesSchema,
  inspection_checklists: InspectionChecklistsSchema,
  inspection_sla: InspectionSlaSchema,
  settlement_policy: SettlementPolicySchema,
} as const;

export interface ConfigDocuments {
  return_policy: ReturnPolicy;
  approval_rules: ApprovalRules;
  reason_codes: ReasonCodes;
  disposition_codes: DispositionCodes;
  return_routing: ReturnRouting;
  disposition_rules: DispositionRules;
  inspection_checklists: InspectionChecklists;
  inspection_sla: InspectionSla;
  settlement_policy: SettlementPolicy;
}

export const ConfigVersionSchema = z.object({
  kind: ConfigKindSchema,
  version: z.number().int(),
  document: z.unknown(),
  comment: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ConfigVersion<K extends ConfigKind = ConfigKind> = {
  kind: K;
  version: number;
  document: ConfigDocuments[K];
  comment: string;
  createdBy: string;
  createdAt: string;
};

/** The reason codes as customer-portal users see them: what to choose from, not whose fault it is. */
export const CustomerReasonCodesVersionSchema = z.object({
  kind: z.literal('reason_codes'),
  version: z.number().int(),
  document: z.object({
    codes: z.array(CodeEntrySchema.pick({ code: true, label: true, description: true, isActive: true })),
  }),
  createdAt: z.string(),
});
export type CustomerReasonCodesVersion = z.infer<typeof CustomerReasonCodesVersionSchema>;

export const ConfigVersionForAudienceSchema = forAudiences(
  ConfigVersionSchema,
  CustomerReasonCodesVersionSchema,
  ' (reason codes only)',
);

export const UpdateConfigBodySchema = z.strictObject({
  document: z.unknown(),
  comment: z.string().trim().min(1, 'say why the configuration changes').max(500),
});
