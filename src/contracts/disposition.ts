// Disposition: the rules' recommendation for an inspected unit, the decision (confirm or override
// with a reason), and what executing it opened — work orders, vendor returns, quarantine holds,
// disposal records, liquidation lots, shipments back to the customer.
import { z } from 'zod';
import { DISPOSITION_ACTIONS, GRADES } from './inspection-vocabulary.js';
import { pageOf } from './common.js';
import { StockStatusSchema } from './inventory.js';

const Id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const RecommendationSchema = z.object({
  code: z.string(),
  label: z.string(),
  action: z.enum(DISPOSITION_ACTIONS),
  ruleId: z.string().nullable(),
  ruleName: z.string(),
  rulesVersion: z.number().int(),
  explanation: z.string(),
  conditionsMet: z.array(z.string()),
  rulesSkipped: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), failed: z.string() })),
  /** The facts the rules were applied to, as they were. */
  facts: z.record(z.string(), z.unknown()),
  /** Where the units would go. */
  targetStatus: StockStatusSchema,
  targetLocationCode: z.string().nullable(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const DispositionCodeOptionSchema = z.object({
  code: z.string(),
  label: z.string(),
  action: z.enum(DISPOSITION_ACTIONS),
  description: z.string(),
  /** Scrapping needs a write-off approver: the web app greys it out for those who are not. */
  needsScrapApproval: z.boolean(),
  /** Who does the work a repair or refurbishment code opens: the web app asks for a partner only for 'partner'. */
  performer: z.enum(['internal', 'partner']),
});

export const RecommendationResponseSchema = z.object({
  inspectionId: z.string(),
  recommendation: RecommendationSchema,
  options: z.array(DispositionCodeOptionSchema),
  repairPartners: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});

export const DecideDispositionBodySchema = z.strictObject({
  /** The code chosen; when it differs from the recommendation, `overrideReason` is required. */
  code: z.string().regex(/^[A-Z0-9_]{2,40}$/, 'a disposition code'),
  overrideReason: text(1000).default(''),
  /** The rules version the person saw: refused if the rules changed since (look again). */
  rulesVersion: z.number().int().min(1),
  /** Repair by a partner: which one. */
  partnerId: Id.optional(),
  /** Quarantine: why the units are held (default: the rule's explanation). */
  holdReason: text(1000).optional(),
  /** Scrap: why, for the disposal record (default: the rule's explanation). */
  disposalReason: text(1000).optional(),
});
export type DecideDispositionRequest = z.output<typeof DecideDispositionBodySchema>;

const unitFields = {
  siteId: z.string(),
  siteCode: z.string().nullable(),
  rmaId: z.string(),
  rmaNumber: z.string().nullable(),
  rmaLineId: z.string(),
  productId: z.string(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  quantity: z.number().int(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
};

export const FOLLOW_UP_TYPES = [
  'work_order',
  'vendor_return',
  'quarantine_hold',
  'disposal',
  'liquidation_lot',
  'customer_return_shipment',
] as const;

export const DispositionSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  ...unitFields,
  code: z.string(),
  action: z.enum(DISPOSITION_ACTIONS),
  recommendedCode: z.string(),
  ruleId: z.string().nullable(),
  rulesVersion: z.number().int(),
  explanation: z.string(),
  isOverride: z.boolean(),
  overrideReason: z.string(),
  targetStatus: StockStatusSchema,
  targetLocationId: z.string(),
  followUpType: z.enum(FOLLOW_UP_TYPES).nullable(),
  followUpId: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type Disposition = z.infer<typeof DispositionSchema>;

export const WorkOrderSchema = z.object({
  id: z.string(),
  workOrderNumber: z.string(),
  dispositionId: z.string(),
  ...unitFields,
  kind: z.enum(['repair', 'refurbish']),
  performer: z.enum(['internal', 'partner']),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  status: z.enum(['open', 'completed']),
  currency: z.string(),
  unitValueMinor: z.number().int(),
  estimatedCostMinor: z.number().int(),
  actualCostMinor: z.number().int().nullable(),
  outcome: z.enum(['repaired', 'beyond_repair']).nullable(),
  outcomeGrade: z.enum(GRADES).nullable(),
  gradedValueMinor: z.number().int().nullable(),
  outcomeNote: z.string(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string().nullable(),
  /** Inspection findings the bench works from. */
  findings: z.string().nullable(),
  defectCodes: z.array(z.string()),
  createdAt: z.string(),
  version: z.number().int(),
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

/** What a repair partner sees of its work orders: no customer, no return, no values but its own cost. */
export const PartnerWorkOrderSchema = WorkOrderSchema.pick({
  id: true,
  workOrderNumber: true,
  productSku: true,
  productName: true,
  quantity: true,
  lot: true,
  serial: true,
  kind: true,
  status: true,
  currency: true,
  estimatedCostMinor: true,
  actualCostMinor: true,
  outcome: true,
  outcomeGrade: true,
  outcomeNote: true,
  reportedAt: true,
  findings: true,
  defectCodes: true,
  createdAt: true,
  version: true,
});
export type PartnerWorkOrder = z.infer<typeof PartnerWorkOrderSchema>;

export const WorkOrderQuerySchema = z.strictObject({
  status: z.enum(['open', 'completed', 'any']).default('open'),
  siteId: Id.optional(),
  performer: z.enum(['internal', 'partner', 'any']).default('any'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ReportWorkOrderOutcomeBodySchema = z.strictObject({
  outcome: z.enum(['repaired', 'beyond_repair']),
  /** What the work cost, in the work order's currency (minor units). */
  actualCostMinor: money,
  /** The grade of a repaired unit (default B): it sets the value it is restocked at. */
  grade: z.enum(GRADES).optional(),
  note: text(2000).default(''),
});

export const VendorReturnLineSchema = z.object({
  id: z.string(),
  dispositionId: z.string(),
  inspectionId: z.string(),
  ...unitFields,
  unitCostMinor: z.number().int(),
  currency: z.string(),
  reasonCode: z.string(),
  grade: z.enum(GRADES),
  evidence: z.object({
    defectCodes: z.array(z.string()),
    findings: z.string(),
    noFaultFound: z.boolean(),
    photos: z.array(z.object({ id: z.string(), sha256: z.string(), url: z.string() })),
  }),
});

export const VendorReturnSchema = z.object({
  id: z.string(),
  vendorReturnNumber: z.string(),
  supplierId: z.string(),
  supplierCode: z.string().nullable(),
  supplierName: z.string().nullable(),
  siteId: z.string(),
  siteCode: z.string().nullable(),
  status: z.enum(['open', 'shipped']),
  supplierAuthorization: z.string(),
  carrierReference: z.string(),
  shippedAt: z.string().nullable(),
  shippedBy: z.string().nullable(),
  units: z.number().int(),
  valueMinor: z.number().int(),
  currency: z.string().nullable(),
  lines: z.array(VendorReturnLineSchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type VendorReturn = z.infer<typeof VendorReturnSchema>;

/**
 * A vendor return as its supplier sees it: what was sent, why and in what state — not our costs,
 * sites' internals, who shipped it or our internal ids (the claim carries the amounts and photos).
 */
export const SupplierVendorReturnSchema = VendorReturnSchema.pick({
  id: true,
  vendorReturnNumber: true,
  supplierId: true,
  supplierName: true,
  status: true,
  supplierAuthorization: true,
  carrierReference: true,
  shippedAt: true,
  units: true,
}).extend({
  lines: z.array(
    z.object({
      id: z.string(),
      rmaNumber: z.string().nullable(),
      productSku: z.string().nullable(),
      productName: z.string().nullable(),
      quantity: z.number().int(),
      lot: z.string().nullable(),
      serial: z.string().nullable(),
      reasonCode: z.string(),
      grade: z.enum(GRADES),
      evidence: z.object({ defectCodes: z.array(z.string()), findings: z.string(), noFaultFound: z.boolean() }),
    }),
  ),
});
export type SupplierVendorReturn = z.infer<typeof SupplierVendorReturnSchema>;

export const ShipVendorReturnBodySchema = z.strictObject({
  carrierReference: text(100).min(1, 'enter the tracking or consignment number'),
  supplierAuthorization: text(100).default(''),
});

export const QuarantineHoldSchema = z.object({
  id: z.string(),
  dispositionId: z.string(),
  ...unitFields,
  locationId: z.string(),
  reason: z.string(),
  status: z.enum(['held', 'released']),
  releaseAction: z.enum(DISPOSITION_ACTIONS).nullable(),
  releaseReason: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

/** Released to: restock, scrap, the secondary channel, back to the customer, or the vendor. */
export const RELEASE_ACTIONS = [
  'restock',
  'scrap',
  'secondary_channel',
  'return_to_customer',
  'return_to_vendor',
] as const;
export const ReleaseHoldBodySchema = z.strictObject({
  action: z.enum(RELEASE_ACTIONS),
  reason: text(1000).min(1, 'say why the hold is released this way'),
});

export const DisposalSchema = z.object({
  id: z.string(),
  disposalNumber: z.string(),
  ...unitFields,
  sourceType: z.enum(['disposition', 'work_order', 'quarantine_hold']),
  sourceId: z.string(),
  method: z.enum(['scrap', 'hazardous_disposal']),
  reason: z.string(),
  currency: z.string(),
  valueWrittenOffMinor: z.number().int(),
  approvedBy: z.string(),
  approvedAt: z.string(),
});

export const LiquidationLotSchema = z.object({
  id: z.string(),
  lotNumber: z.string(),
  siteId: z.string(),
  siteCode: z.string().nullable(),
  status: z.enum(['open', 'sold']),
  currency: z.string(),
  buyer: z.string(),
  proceedsMinor: z.number().int().nullable(),
  soldAt: z.string().nullable(),
  units: z.number().int(),
  valueMinor: z.number().int(),
  lines: z.array(z.object({ id: z.string(), ...unitFields, grade: z.enum(GRADES), unitValueMinor: z.number().int() })),
  createdAt: z.string(),
  version: z.number().int(),
});

export const SellLiquidationLotBodySchema = z.strictObject({
  buyer: text(200).min(1, 'name the buyer'),
  proceedsMinor: money,
});

export const CustomerReturnShipmentSchema = z.object({
  id: z.string(),
  ...unitFields,
  customerId: z.string(),
  customerName: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['awaiting_shipment', 'shipped']),
  carrierReference: z.string(),
  shippedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const ShipToCustomerBodySchema = z.strictObject({
  carrierReference: text(100).min(1, 'enter the tracking number'),
});

export const ListQuerySchema = z.strictObject({
  status: z.string().max(40).optional(),
  siteId: Id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const WorkOrderPageSchema = pageOf(WorkOrderSchema);
export const PartnerWorkOrderPageSchema = pageOf(PartnerWorkOrderSchema);
export const VendorReturnPageSchema = pageOf(VendorReturnSchema);
export const QuarantineHoldPageSchema = pageOf(QuarantineHoldSchema);
export const DisposalPageSchema = pageOf(DisposalSchema);
export const LiquidationLotPageSchema = pageOf(LiquidationLotSchema);
export const CustomerReturnShipmentPageSchema = pageOf(CustomerReturnShipmentSchema);
