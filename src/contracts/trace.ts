// Traceability: for a serial number or a lot, its whole path — sold, returned, received, inspected,
// disposed, moved — and where its units are now. Each stage reports its own part from its own rows;
// workflows/trace.ts puts them in one timeline.
import { z } from 'zod';
import { StockStatusSchema } from './inventory.js';

/** As long as any context accepts a serial or a lot (inventory's are the longest). */
const TrackingCode = z
  .string()
  .trim()
  .min(1, 'type a serial number or a lot')
  .max(100, 'a serial number or lot has at most 100 characters');

/** Exactly one of a serial number and a lot; a product narrows it when lots repeat across products. */
export const TraceQuerySchema = z
  .strictObject({
    serial: TrackingCode.optional(),
    lot: TrackingCode.optional(),
    productId: z.string().trim().min(1).max(64).optional(),
  })
  .refine((q) => (q.serial === undefined) !== (q.lot === undefined), {
    message: 'name a serial number or a lot (one of them, not both)',
  });
export type TraceQuery = z.output<typeof TraceQuerySchema>;

/** What each stage is asked for: one serial or one lot, exactly as recorded, of any product or of one. */
export interface TraceKey {
  kind: 'serial' | 'lot';
  value: string;
  productId: string | null;
}

export function traceKeyOf(query: TraceQuery): TraceKey {
  return query.serial !== undefined
    ? { kind: 'serial', value: query.serial, productId: query.productId ?? null }
    : { kind: 'lot', value: query.lot ?? '', productId: query.productId ?? null };
}

/**
 * In the order things happen to goods: a stage's events at the same moment as another's come
 * after it (a disposition and the follow-up it opens are written in one transaction).
 */
export const TRACE_STAGES = ['sold', 'returned', 'received', 'inspected', 'disposed', 'followed_up', 'moved'] as const;
export type TraceStage = (typeof TRACE_STAGES)[number];

export const TraceEventSchema = z.object({
  /** An ISO timestamp, or a date where the source records only the day (shipment). */
  at: z.string(),
  stage: z.enum(TRACE_STAGES),
  /** What happened, as a person says it ("Sold to Acme on SO-1042", "Inspected: grade B"). */
  title: z.string(),
  detail: z.string(),
  /** The document behind it: an order, RMA, receipt, inspection, work order, vendor return… number. */
  reference: z.string(),
  /** The web app's page for it, where there is one. */
  href: z.string().nullable(),
  productId: z.string(),
  rmaId: z.string().nullable(),
  rmaNumber: z.string().nullable(),
  /** Units concerned (a serial is one; a lot's events count the units of that record). */
  units: z.number().int().nullable(),
});
export type TraceEvent = z.infer<typeof TraceEventSchema>;

/** Units of the serial or lot on hand now in returned stock. */
export const TraceWhereNowSchema = z.object({
  productId: z.string(),
  productSku: z.string().nullable(),
  siteId: z.string(),
  siteCode: z.string().nullable(),
  locationId: z.string(),
  locationCode: z.string(),
  status: StockStatusSchema,
  quantity: z.number().int(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  rmaId: z.string().nullable(),
  rmaNumber: z.string().nullable(),
});
export type TraceWhereNow = z.infer<typeof TraceWhereNowSchema>;

export const TraceSchema = z.object({
  query: z.object({ serial: z.string().nullable(), lot: z.string().nullable(), productId: z.string().nullable() }),
  /** The products the serial or lot was found on (a lot code can repeat across products). */
  matches: z.array(z.object({ productId: z.string(), sku: z.string(), name: z.string() })),
  /** Oldest first; empty when nothing carries this serial or lot. */
  events: z.array(TraceEventSchema),
  whereNow: z.array(TraceWhereNowSchema),
  /** Units that came back and have since left returned stock (to a vendor, a buyer, disposal…). */
  unitsLeftStock: z.number().int(),
});
export type Trace = z.infer<typeof TraceSchema>;
