// Supplier claims: what we ask a supplier to pay for the goods it took back, its answer and payment.
import { z } from 'zod';

export const CLAIM_STATUSES = [
  'submitted',
  'acknowledged',
  'accepted',
  'partially_accepted',
  'rejected',
  'paid',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Under which of the supplier's terms the goods went back: its return terms or its warranty. */
export const CLAIM_BASES = ['return_to_vendor', 'warranty'] as const;
export type ClaimBasis = (typeof CLAIM_BASES)[number];

export const ClaimEvidenceSchema = z.object({
  defectCodes: z.array(z.string()),
  findings: z.string(),
  noFaultFound: z.boolean(),
  photos: z.array(z.object({ id: z.string(), sha256: z.string() })),
});

export const SupplierClaimLineSchema = z.object({
  id: z.string(),
  rmaId: z.string(),
  rmaNumber: z.string().nullable(),
  rmaLineId: z.string(),
  inspectionId: z.string(),
  productId: z.string(),
  productSku: z.string().nullable(),
  quantity: z.number().int(),
  lot: z.string(),
  serial: z.string(),
  basis: z.enum(CLAIM_BASES),
  unitCostMinor: z.number().int(),
  /** The terms applied: the restocking fee (return to vendor) or the recovery rate (warranty), in basis points. */
  termsBps: z.number().int(),
  claimedMinor: z.number().int(),
  acceptedMinor: z.number().int().nullable(),
  explanation: z.string(),
  evidence: ClaimEvidenceSchema,
});

export const SupplierClaimSchema = z.object({
  id: z.string(),
  claimNumber: z.string(),
  supplierId: z.string(),
  supplierName: z.string().nullable(),
  legalEntityId: z.string(),
  vendorReturnId: z.string(),
  vendorReturnNumber: z.string().nullable(),
  currency: z.string(),
  status: z.enum(CLAIM_STATUSES),
  claimedMinor: z.number().int(),
  acceptedMinor: z.number().int().nullable(),
  paidMinor: z.number().int().nullable(),
  supplierReference: z.string(),
  submittedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
  paidAt: z.string().nullable(),
  paymentReference: z.string(),
  /** Days since it was submitted (open claims) or until it was paid or rejected. */
  ageDays: z.number().int(),
  version: z.number().int(),
  lines: z.array(SupplierClaimLineSchema),
});
export type SupplierClaim = z.infer<typeof SupplierClaimSchema>;

/** Finance's view adds what the books hold against the supplier for the claim. */
export const StaffSupplierClaimSchema = SupplierClaimSchema.extend({
  functionalCurrency: z.string(),
  receivableMinor: z.number().int(),
});

/**
 * What a supplier sees of its own claim: the return's number as a reference, the goods, the
 * evidence and the amounts; not our internal record ids nor what our books hold.
 */
export const SupplierViewClaimSchema = SupplierClaimSchema.extend({
  lines: z.array(SupplierClaimLineSchema.omit({ rmaId: true, rmaLineId: true, inspectionId: true })),
});
export type SupplierViewClaim = z.infer<typeof SupplierViewClaimSchema>;

export const ListClaimsQuerySchema = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  /** open = submitted, acknowledged, accepted or partially accepted (not yet paid or rejected). */
  open: z.enum(['true', 'false']).optional(),
  supplierId: z.string().min(1).optional(),
  legalEntityId: z.string().min(1).optional(),
  rmaId: z.string().min(1).optional(),
  submittedFrom: z.iso.date().optional(),
  submittedTo: z.iso.date().optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListClaimsQuery = z.infer<typeof ListClaimsQuerySchema>;

export const AcknowledgeClaimSchema = z.strictObject({
  /** The supplier's own reference for the claim (its RMA or case number). */
  supplierReference: z.string().trim().max(100).default(''),
});

export const DecideClaimSchema = z.strictObject({
  decision: z.enum(['accept', 'partially_accept', 'reject']),
  note: z.string().trim().max(1000).default(''),
  /** For a partial acceptance: what the supplier accepts per line (lines not named are accepted in full). */
  lines: z
    .array(z.strictObject({ lineId: z.string().min(1), acceptedMinor: z.number().int().safe().min(0) }))
    .max(500)
    .default([]),
});
export type DecideClaimInput = z.infer<typeof DecideClaimSchema>;

export const RecordClaimPaymentSchema = z.strictObject({
  /** The supplier's credit note or payment reference. */
  reference: z.string().trim().min(1, "enter the supplier's credit note or payment reference").max(100),
  /** In the claim's currency; must equal what the supplier accepted (a claim is settled in one payment). */
  amountMinor: z.number().int().safe().min(0),
});

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;

export const ClaimAgingRowSchema = z.object({
  supplierId: z.string(),
  supplierName: z.string().nullable(),
  currency: z.string(),
  buckets: z.record(z.enum(AGING_BUCKETS), z.object({ count: z.number().int(), amountMinor: z.number().int() })),
  openCount: z.number().int(),
  openAmountMinor: z.number().int(),
  /** Reimbursement cycle: days from submission to payment over the claims paid. */
  paidCount: z.number().int(),
  averageDaysToPay: z.number().nullable(),
  medianDaysToPay: z.number().nullable(),
});
export const ClaimAgingSchema = z.object({ asOf: z.string(), rows: z.array(ClaimAgingRowSchema) });
export type ClaimAging = z.infer<typeof ClaimAgingSchema>;
