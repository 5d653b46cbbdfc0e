// Replacement, exchange and advance-replacement orders: a return settled in goods rather than money.
import { z } from 'zod';

export const REPLACEMENT_KINDS = ['replacement', 'exchange', 'advance'] as const;
export type ReplacementKind = (typeof REPLACEMENT_KINDS)[number];

/**
 * requested → allocated (saleable units set aside) → shipped; without saleable stock the order
 * waits as backordered until an allocation finds units. Cancelled before it ships.
 */
export const REPLACEMENT_STATUSES = ['requested', 'backordered', 'allocated', 'shipped', 'cancelled'] as const;
export type ReplacementStatus = (typeof REPLACEMENT_STATUSES)[number];

/**
 * An advance replacement's deposit: pending until it ships, held (charged to the customer) until
 * the return's units are received (released) or the policy's days pass (invoiced: a sale).
 */
export const DEPOSIT_STATUSES = ['none', 'pending', 'held', 'released', 'invoiced'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/**
 * An exchange's price difference: quoted when it is requested (pending), invoiced to the customer
 * (the other product costs more) or credited (it costs less) when it ships; none at the same price.
 */
export const DIFFERENCE_STATUSES = ['none', 'pending', 'invoiced', 'credited'] as const;
export type DifferenceStatus = (typeof DIFFERENCE_STATUSES)[number];

export const RequestReplacementSchema = z.strictObject({
  kind: z.enum(REPLACEMENT_KINDS),
  /** The site that ships it; by default the site the return's goods are routed to. */
  siteId: z.string().min(1).max(64).optional(),
  note: z.string().trim().max(2000).default(''),
  lines: z
    .array(
      z.strictObject({
        rmaLineId: z.string().min(1).max(64),
        quantity: z.number().int().min(1).max(100_000),
        /** An exchange names the other product; a replacement ships the returned product again. */
        productId: z.string().min(1).max(64).optional(),
      }),
    )
    .min(1)
    .max(200)
    .refine((lines) => new Set(lines.map((l) => l.rmaLineId)).size === lines.length, {
      message: 'name each return line once',
    }),
});
export type RequestReplacement = z.infer<typeof RequestReplacementSchema>;

export const ShipReplacementSchema = z.strictObject({
  carrierReference: z.string().trim().min(1, 'the carrier reference is required').max(120),
});

export const CancelReplacementSchema = z.strictObject({
  reason: z.string().trim().min(3, 'say why the replacement is cancelled').max(500),
});

export const ReplacementOrderLineSchema = z.object({
  id: z.string(),
  rmaLineId: z.string(),
  orderLineId: z.string().nullable(),
  returnedProductId: z.string(),
  productId: z.string(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  /**
   * An exchange: the other product's list price (in the order's currency, at the request day's rate
   * when it is listed in another) less the returned one's price, for all units; null otherwise.
   */
  priceDifferenceMinor: z.number().int().nullable(),
  /** The tax on that difference, at the rate the original order line was taxed at (0 without one). */
  priceDifferenceTaxMinor: z.number().int(),
  depositUnits: z.number().int(),
  depositMinor: z.number().int(),
  releasedUnits: z.number().int(),
  invoicedUnits: z.number().int(),
});

export const ReplacementOrderSchema = z.object({
  id: z.string(),
  replacementNumber: z.string(),
  rmaId: z.string(),
  rmaNumber: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  legalEntityId: z.string(),
  siteId: z.string(),
  siteCode: z.string().nullable(),
  kind: z.enum(REPLACEMENT_KINDS),
  status: z.enum(REPLACEMENT_STATUSES),
  currency: z.string(),
  note: z.string(),
  /** Why it is backordered: the units missing per product, in words. */
  shortage: z.string(),
  carrierReference: z.string(),
  depositStatus: z.enum(DEPOSIT_STATUSES),
  depositMinor: z.number().int(),
  functionalCurrency: z.string().nullable(),
  depositFunctionalMinor: z.number().int(),
  depositDueOn: z.string().nullable(),
  /** The days the return has once the advance replacement ships, fixed when it was requested. */
  depositDays: z.number().int().nullable(),
  depositEntryId: z.string().nullable(),
  invoiceEntryId: z.string().nullable(),
  differenceStatus: z.enum(DIFFERENCE_STATUSES),
  /** An exchange's difference with its tax, signed: positive invoiced to the customer, negative credited. */
  differenceMinor: z.number().int(),
  differenceTaxMinor: z.number().int(),
  /** In the books' currency at the ship day's rate, and the entry that posted it. */
  differenceFunctionalMinor: z.number().int(),
  differenceEntryId: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  allocatedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  shippedBy: z.string().nullable(),
  depositSettledAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  lines: z.array(ReplacementOrderLineSchema),
});
export type ReplacementOrder = z.infer<typeof ReplacementOrderSchema>;

/** What a customer sees: what is coming, when, and what it was charged — not who, where in the books, or why short. */
export const CustomerReplacementOrderSchema = ReplacementOrderSchema.omit({
  customerName: true,
  legalEntityId: true,
  siteId: true,
  siteCode: true,
  note: true,
  shortage: true,
  functionalCurrency: true,
  depositFunctionalMinor: true,
  depositEntryId: true,
  invoiceEntryId: true,
  differenceFunctionalMinor: true,
  differenceEntryId: true,
  requestedBy: true,
  shippedBy: true,
}).extend({
  lines: z.array(ReplacementOrderLineSchema.omit({ orderLineId: true })),
});
export type CustomerReplacementOrder = z.infer<typeof CustomerReplacementOrderSchema>;

export const ListReplacementOrdersQuerySchema = z.strictObject({
  status: z.enum(REPLACEMENT_STATUSES).optional(),
  kind: z.enum(REPLACEMENT_KINDS).optional(),
  rmaId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  depositStatus: z.enum(DEPOSIT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListReplacementOrdersQuery = z.infer<typeof ListReplacementOrdersQuerySchema>;

export const InvoicedDepositsSchema = z.object({
  /** The replacement orders whose deposits were invoiced by this run. */
  invoiced: z.array(z.string()),
});
