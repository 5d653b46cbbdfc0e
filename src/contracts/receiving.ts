// Receiving's shapes: arrivals that cannot yet be matched to a customer or a catalogue product.
import { z } from 'zod';
import { ClaimedConditionSchema, identifierList } from './returns.js';

export const ARRIVAL_STATUSES = ['awaiting_identification', 'identified'] as const;
export const ArrivalStatusSchema = z.enum(ARRIVAL_STATUSES);
export type ArrivalStatus = z.infer<typeof ArrivalStatusSchema>;

const UnidentifiedArrivalLineBodySchema = z
  .strictObject({
    /** The catalogue product, when the goods could be matched to one. */
    productId: z.string().min(1).max(64).optional(),
    /** What the goods are, in the receiver's words, when no catalogue product matches. */
    description: z.string().trim().max(500).default(''),
    /** A barcode or part number read from the goods or their packaging. */
    scannedCode: z.string().trim().max(120).default(''),
    quantity: z.number().int().min(1).max(1_000_000),
    claimedCondition: ClaimedConditionSchema.default('used'),
    serials: identifierList.default([]),
    lots: identifierList.default([]),
    reasonCode: z.string().min(1).max(40).default('UNKNOWN'),
  })
  .refine((line) => line.productId !== undefined || line.description !== '', {
    message: 'choose the product, or describe the goods when no catalogue product matches',
    path: ['description'],
  });

/**
 * Goods received from a sender who is not (or not yet) known as a customer, or with products not
 * in the catalogue. The sender is described as the parcel shows it; a known customer may be given.
 */
export const UnidentifiedArrivalBodySchema = z
  .strictObject({
    siteId: z.string().min(1).max(64),
    customerId: z.string().min(1).max(64).optional(),
    /** The sender as the parcel or paperwork shows it: name, address, any account number. */
    sender: z.string().trim().max(1000).default(''),
    carrierReference: z.string().trim().max(80).default(''),
    note: z.string().trim().min(1, 'describe what arrived').max(4000),
    lines: z.array(UnidentifiedArrivalLineBodySchema).min(1).max(500),
  })
  .refine((body) => body.customerId !== undefined || body.sender !== '', {
    message: 'choose the customer, or describe the sender as the parcel shows it',
    path: ['sender'],
  });
export type UnidentifiedArrivalRequest = z.output<typeof UnidentifiedArrivalBodySchema>;

export const UnidentifiedArrivalLineSchema = z.object({
  id: z.string(),
  lineNumber: z.number().int(),
  productId: z.string().nullable(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  description: z.string(),
  scannedCode: z.string(),
  quantity: z.number().int(),
  claimedCondition: ClaimedConditionSchema,
  reasonCode: z.string(),
  serials: z.array(z.string()),
  lots: z.array(z.string()),
});

export const UnidentifiedArrivalSchema = z.object({
  id: z.string(),
  arrivalNumber: z.string(),
  status: ArrivalStatusSchema,
  siteId: z.string(),
  siteCode: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  sender: z.string(),
  carrierReference: z.string(),
  note: z.string(),
  /** The return opened when the arrival was identified. */
  rmaId: z.string().nullable(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  identifiedAt: z.string().nullable(),
  identifiedBy: z.string().nullable(),
  lineCount: z.number().int(),
  units: z.number().int(),
  version: z.number().int(),
  lines: z.array(UnidentifiedArrivalLineSchema),
});
export type UnidentifiedArrival = z.infer<typeof UnidentifiedArrivalSchema>;

export const UnidentifiedArrivalSummarySchema = UnidentifiedArrivalSchema.omit({ lines: true });
export type UnidentifiedArrivalSummary = z.infer<typeof UnidentifiedArrivalSummarySchema>;

export const ListArrivalsQuerySchema = z.strictObject({
  status: ArrivalStatusSchema.optional(),
  siteId: z.string().min(1).max(64).optional(),
  /** Arrival number, sender, carrier reference, note, or a line's description or scanned code. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListArrivalsFilter = z.output<typeof ListArrivalsQuerySchema>;

/**
 * Naming the sender and every product opens the return (awaiting a decision, like any unauthorized
 * arrival) and records the receipt as of the arrival. A line may be matched to the sale it came from.
 */
export const IdentifyArrivalBodySchema = z.strictObject({
  customerId: z.string().min(1).max(64),
  lines: z
    .array(
      z.strictObject({
        lineId: z.string().min(1).max(64),
        productId: z.string().min(1).max(64),
        orderLineId: z.string().min(1).max(64).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type IdentifyArrivalRequest = z.output<typeof IdentifyArrivalBodySchema>;

// ── Receiving against a return, by scan or by hand ───────────────────────────────────────────

export const RECEIPT_EXCEPTION_KINDS = ['over_receipt', 'wrong_item', 'unknown_serial', 'short_delivery'] as const;
export const ReceiptExceptionKindSchema = z.enum(RECEIPT_EXCEPTION_KINDS);
export const RECEIPT_EXCEPTION_RESOLUTIONS = ['accepted_onto_return', 'unauthorized_return', 'refused'] as const;
export const ReceiptExceptionResolutionSchema = z.enum(RECEIPT_EXCEPTION_RESOLUTIONS);

export const ReceiveItemSchema = z
  .strictObject({
    /**
     * What the scanner sent: a GS1 element string or scanner output (AIM id, GS separators), a
     * bracketed element string, a GS1 Digital Link URI, or a plain SKU or GTIN. GTIN, serial, lot and
     * expiry are read from it.
     */
    scan: z.string().trim().min(1).max(500).optional(),
    /** The product, when chosen by hand instead of scanned. */
    productId: z.string().min(1).max(64).optional(),
    /** The return line, when the receiver picked one. */
    rmaLineId: z.string().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(100_000).default(1),
    serials: identifierList.default([]),
    lots: identifierList.default([]),
    expiry: z.iso.date().optional(),
    /** As found on arrival. */
    condition: ClaimedConditionSchema.default('unopened'),
  })
  .refine((item) => item.scan !== undefined || item.productId !== undefined, {
    message: 'scan the goods or choose the product',
    path: ['scan'],
  });

export const ReceiveReturnBodySchema = z.strictObject({
  siteId: z.string().min(1).max(64),
  carrierReference: z.string().trim().max(80).default(''),
  note: z.string().trim().max(2000).default(''),
  items: z.array(ReceiveItemSchema).min(1).max(500),
});
export type ReceiveReturnRequest = z.output<typeof ReceiveReturnBodySchema>;

export const ReceiptExceptionSchema = z.object({
  id: z.string(),
  receiptId: z.string(),
  rmaId: z.string(),
  rmaNumber: z.string(),
  siteId: z.string(),
  siteCode: z.string(),
  kind: ReceiptExceptionKindSchema,
  productId: z.string().nullable(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  quantity: z.number().int(),
  serials: z.array(z.string()),
  lots: z.array(z.string()),
  reason: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: ReceiptExceptionResolutionSchema.nullable(),
  resolutionNote: z.string().nullable(),
  /** The unauthorized return opened for the goods, when that was the resolution. */
  resolvedRmaId: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ReceiptExceptionView = z.infer<typeof ReceiptExceptionSchema>;

/** What one receipt did: units received per line (and what each line still expects), and exceptions. */
export const ReceiptResultSchema = z.object({
  receiptId: z.string(),
  rmaId: z.string(),
  received: z.array(
    z.object({
      rmaLineId: z.string(),
      productId: z.string(),
      quantity: z.number().int(),
      serials: z.array(z.string()),
      lots: z.array(z.string()),
    }),
  ),
  exceptions: z.array(ReceiptExceptionSchema),
  /** Every line of the return after this receipt: authorized, received so far, still expected. */
  lines: z.array(
    z.object({
      rmaLineId: z.string(),
      lineNumber: z.number().int(),
      productId: z.string(),
      quantity: z.number().int(),
      received: z.number().int(),
      expected: z.number().int(),
    }),
  ),
});
export type ReceiptResult = z.infer<typeof ReceiptResultSchema>;

export const ListReceiptExceptionsQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved']).optional(),
  siteId: z.string().min(1).max(64).optional(),
  rmaId: z.string().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListReceiptExceptionsFilter = z.output<typeof ListReceiptExceptionsQuerySchema>;

export const ResolveReceiptExceptionBodySchema = z.strictObject({
  resolution: ReceiptExceptionResolutionSchema,
  note: z.string().trim().min(1, 'say why').max(2000),
});
export type ResolveReceiptExceptionRequest = z.output<typeof ResolveReceiptExceptionBodySchema>;
