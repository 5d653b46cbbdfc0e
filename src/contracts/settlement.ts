// Credit memos: what a return is credited, computed from the original sale, and their life.
import { z } from 'zod';
import { CLAIM_VERDICTS } from './inspection-vocabulary.js';

export const CREDIT_MEMO_STATUSES = ['draft', 'approved', 'issued', 'applied', 'void'] as const;
export type CreditMemoStatus = (typeof CREDIT_MEMO_STATUSES)[number];

/** When a line's units were credited: ahead of proof (authorization, receipt) or after inspection. */
export const CREDIT_BASES = ['authorization', 'receipt', 'inspection'] as const;
export type CreditBasis = (typeof CREDIT_BASES)[number];

/** One inspection's verdict on units credited ahead of it: what the reserve released or charged back. */
export const ReserveReleaseSchema = z.object({
  inspectionId: z.string(),
  quantity: z.number().int(),
  claimVerdict: z.enum(CLAIM_VERDICTS).nullable(),
  grade: z.string().nullable(),
  chargedBackMinor: z.number().int(),
  releasedMinor: z.number().int(),
  explanation: z.string(),
  /** Whether the books have taken it (an unissued memo's releases are posted when it is issued). */
  isPosted: z.boolean(),
  createdAt: z.string(),
});

/** Units credited ahead of inspection that never arrived (the return was cancelled or expired): taken back. */
export const ReserveWithdrawalSchema = z.object({
  cause: z.enum(['cancelled', 'expired']),
  quantity: z.number().int(),
  /** Their share of the line, in the memo's currency: out of the reserve and the customer's credit. */
  withdrawnMinor: z.number().int(),
  explanation: z.string(),
  /** Whether the books have taken it (on an unissued memo it is posted when the memo is issued). */
  isPosted: z.boolean(),
  createdAt: z.string(),
});

/**
 * Where a line credited ahead of inspection stands with the returns reserve: not yet booked (the
 * memo is not issued), held, partly or wholly released by inspection, withdrawn for units that
 * never arrived (with the rest released), or void with its memo.
 */
export const RESERVE_STATUSES = ['not_booked', 'held', 'partly_released', 'released', 'withdrawn', 'void'] as const;
export const LineReserveSchema = z.object({
  status: z.enum(RESERVE_STATUSES),
  unitsInspected: z.number().int(),
  chargedBackMinor: z.number().int(),
  releases: z.array(ReserveReleaseSchema),
  unitsWithdrawn: z.number().int(),
  withdrawals: z.array(ReserveWithdrawalSchema),
});

export const CreditMemoLineSchema = z.object({
  id: z.string(),
  rmaLineId: z.string(),
  orderLineId: z.string(),
  /** The inspection whose units the line credits; null when credited ahead of inspection. */
  inspectionId: z.string().nullable(),
  basis: z.enum(CREDIT_BASES),
  /** For a line credited ahead of inspection: the reserve and what inspection made of the claim. */
  reserve: LineReserveSchema.nullable(),
  productId: z.string(),
  productSku: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  priceMinor: z.number().int(),
  taxMinor: z.number().int(),
  restockingFeeMinor: z.number().int(),
  deductionMinor: z.number().int(),
  totalMinor: z.number().int(),
  /** How the line was computed, in words (shown to finance line by line). */
  explanation: z.string(),
});

export const CreditMemoSchema = z.object({
  id: z.string(),
  creditMemoNumber: z.string().nullable(),
  rmaId: z.string(),
  rmaNumber: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  legalEntityId: z.string(),
  currency: z.string(),
  status: z.enum(CREDIT_MEMO_STATUSES),
  priceMinor: z.number().int(),
  taxMinor: z.number().int(),
  restockingFeeMinor: z.number().int(),
  deductionMinor: z.number().int(),
  totalMinor: z.number().int(),
  needsFinanceApproval: z.boolean(),
  policyVersion: z.number().int(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  issueEntryId: z.string().nullable(),
  appliedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: z.number().int(),
  lines: z.array(CreditMemoLineSchema),
});
export type CreditMemo = z.infer<typeof CreditMemoSchema>;

/**
 * What a customer sees: issued memos only, without who approved them or the ledger's entry, and
 * lines without the reserve (inspection's verdict on the claim is kept for finance).
 */
export const CustomerCreditMemoSchema = CreditMemoSchema.omit({
  approvedBy: true,
  issuedBy: true,
  issueEntryId: true,
  needsFinanceApproval: true,
  policyVersion: true,
}).extend({ lines: z.array(CreditMemoLineSchema.omit({ reserve: true })) });

export const ListCreditMemosQuerySchema = z.strictObject({
  status: z.enum(CREDIT_MEMO_STATUSES).optional(),
  rmaId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  legalEntityId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const VoidCreditMemoSchema = z.strictObject({
  reason: z.string().trim().min(3, 'say why the credit memo is void').max(500),
});
