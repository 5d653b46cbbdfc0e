// Credit memos: what a return is credited, computed from the original sale, and their life.
import { z } from 'zod';

export const CREDIT_MEMO_STATUSES = ['draft', 'approved', 'issued', 'applied', 'void'] as const;
export type CreditMemoStatus = (typeof CREDIT_MEMO_STATUSES)[number];

export const CreditMemoLineSchema = z.object({
  id: z.string(),
  rmaLineId: z.string(),
  orderLineId: z.string(),
  inspectionId: z.string(),
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

/** What a customer sees: issued memos only, without who approved them or the ledger's entry. */
export const CustomerCreditMemoSchema = CreditMemoSchema.omit({
  approvedBy: true,
  issuedBy: true,
  issueEntryId: true,
  needsFinanceApproval: true,
  policyVersion: true,
});

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
