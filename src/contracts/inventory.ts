// Returned stock: where each returned unit is, by product, site, location and status (and lot or
// serial where tracked), and the immutable movements that put it there.
import { z } from 'zod';

/**
 * The life of a returned unit, in the business's words. `expected` and `in_transit` are units of a
 * return that the warehouse does not hold yet: they are the return's progress (derived from the
 * return and its shipments), never stock rows. Every other status is stock on hand at a location.
 */
export const STOCK_STATUSES = [
  'expected',
  'in_transit',
  'awaiting_inspection',
  'saleable',
  'quarantined',
  'in_repair',
  'in_refurbishment',
  'on_vendor_return',
  'allocated_to_replacement',
  'scrapped',
  'secondary_channel',
] as const;
export const StockStatusSchema = z.enum(STOCK_STATUSES);
export type StockStatus = z.infer<typeof StockStatusSchema>;

/**
 * Statuses held as stock on hand: all but `expected` and `in_transit`. A unit the warehouse has
 * not received is a fact of the return and its shipments (the return's progress derives it), and
 * tracking it here too would keep the same fact in two places that could disagree. Stock begins at
 * the receipt.
 */
export const ON_HAND_STATUSES = [
  'awaiting_inspection',
  'saleable',
  'quarantined',
  'in_repair',
  'in_refurbishment',
  'on_vendor_return',
  'allocated_to_replacement',
  'scrapped',
  'secondary_channel',
] as const satisfies readonly StockStatus[];

/** What a location of a site is for. A unit's status says what it is; the location where it lies. */
export const LOCATION_KINDS = [
  'dock',
  'receiving',
  'inspection',
  'quarantine',
  'putaway',
  'repair',
  'refurbishment',
  'vendor_return',
  'replacement',
  'secondary_channel',
  'scrap',
  'shipping',
] as const;
export const LocationKindSchema = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKindSchema>;

const Id = z.string().min(1).max(64);
/** A lot or serial number as printed or scanned. */
const Tracking = z.string().trim().min(1).max(100);

export const StockLocationSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: LocationKindSchema,
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type StockLocation = z.infer<typeof StockLocationSchema>;

export const CreateStockLocationBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, 'enter a code')
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'letters, digits and . _ / - only')
    .transform((code) => code.toUpperCase()),
  name: z.string().trim().min(1, 'enter a name').max(120),
  kind: LocationKindSchema,
  isActive: z.boolean().default(true),
});
export type CreateStockLocationRequest = z.output<typeof CreateStockLocationBodySchema>;

export const SiteIdParamsSchema = z.strictObject({ siteId: Id });

/** One balance: how many units of a product lie at a location in one status (and lot / serial). */
export const StockBalanceSchema = z.object({
  productId: z.string(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  siteId: z.string(),
  siteCode: z.string().nullable(),
  locationId: z.string(),
  locationCode: z.string(),
  status: StockStatusSchema,
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  quantity: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StockBalance = z.infer<typeof StockBalanceSchema>;

const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const ListStockQuerySchema = z.strictObject({
  productId: Id.optional(),
  siteId: Id.optional(),
  locationId: Id.optional(),
  status: StockStatusSchema.optional(),
  lot: Tracking.optional(),
  serial: Tracking.optional(),
  ...pageFields,
});
export type ListStockFilter = z.output<typeof ListStockQuerySchema>;

export const AvailableToPromiseQuerySchema = z.strictObject({
  productId: Id,
  siteId: Id.optional(),
});
export type AvailableToPromiseFilter = z.output<typeof AvailableToPromiseQuerySchema>;

/** What planners may promise: saleable units only (nothing awaiting inspection, in repair, allocated…). */
export const AvailableToPromiseSchema = z.object({
  productId: z.string(),
  siteId: z.string().nullable(),
  available: z.number().int(),
  bySite: z.array(z.object({ siteId: z.string(), siteCode: z.string().nullable(), available: z.number().int() })),
});
export type AvailableToPromise = z.infer<typeof AvailableToPromiseSchema>;

/** Where a quantity is (or was): a location and status of a site. Null on a movement's open end. */
export const StockPositionSchema = z.object({
  locationId: z.string(),
  locationCode: z.string(),
  status: StockStatusSchema,
});

export const StockMovementSchema = z.object({
  id: z.string(),
  /** `receipt`: units entering stock; `move`: between locations or statuses; `issue`: units leaving stock. */
  kind: z.enum(['receipt', 'move', 'issue']),
  productId: z.string(),
  productSku: z.string().nullable(),
  siteId: z.string(),
  from: StockPositionSchema.nullable(),
  to: StockPositionSchema.nullable(),
  quantity: z.number().int(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  reason: z.string(),
  rmaId: z.string().nullable(),
  rmaLineId: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  movedAt: z.string(),
  movedBy: z.string(),
});
export type StockMovement = z.infer<typeof StockMovementSchema>;

export const ListMovementsQuerySchema = z.strictObject({
  productId: Id.optional(),
  siteId: Id.optional(),
  /** Movements out of or into this location. */
  locationId: Id.optional(),
  /** Movements out of or into this status. */
  status: StockStatusSchema.optional(),
  lot: Tracking.optional(),
  serial: Tracking.optional(),
  rmaId: Id.optional(),
  rmaLineId: Id.optional(),
  ...pageFields,
});
export type ListMovementsFilter = z.output<typeof ListMovementsQuerySchema>;

/** Exactly one of: a serial number, a return, a return line. */
export const UnitsQuerySchema = z
  .strictObject({ serial: Tracking.optional(), rmaId: Id.optional(), rmaLineId: Id.optional() })
  .refine((q) => [q.serial, q.rmaId, q.rmaLineId].filter((v) => v !== undefined).length === 1, {
    message: 'name exactly one of serial, rmaId, rmaLineId',
  });
export type UnitsFilter = z.output<typeof UnitsQuerySchema>;

/** Where returned units are now (on hand only), and every movement that brought them there, oldest first. */
export const UnitWhereaboutsSchema = z.object({
  units: z.array(
    z.object({
      productId: z.string(),
      productSku: z.string().nullable(),
      rmaId: z.string().nullable(),
      rmaLineId: z.string().nullable(),
      siteId: z.string(),
      siteCode: z.string().nullable(),
      locationId: z.string(),
      locationCode: z.string(),
      status: StockStatusSchema,
      lot: z.string().nullable(),
      serial: z.string().nullable(),
      quantity: z.number().int(),
    }),
  ),
  /** Units of these returns that have left stock (shipped to the vendor, disposed of, …). */
  unitsLeft: z.number().int(),
  movements: z.array(StockMovementSchema),
});
export type UnitWhereabouts = z.infer<typeof UnitWhereaboutsSchema>;

const StockEndSchema = z.strictObject({
  locationId: Id,
  status: StockStatusSchema,
});

/**
 * A manual move by the warehouse or quality: from a location and status to another (the same
 * location by default), or out of stock (`to: null`: shipped to the vendor, disposed of…).
 */
export const MoveStockBodySchema = z.strictObject({
  productId: Id,
  siteId: Id,
  from: StockEndSchema,
  to: z.strictObject({ locationId: Id.optional(), status: StockStatusSchema }).nullable(),
  quantity: z.number().int().min(1).max(1_000_000),
  lot: Tracking.optional(),
  serial: Tracking.optional(),
  reason: z.string().trim().min(1, 'say why the stock moves').max(200),
  /** The return line these units came back on, to keep them traceable to it. */
  rmaLineId: Id.optional(),
});
export type MoveStockRequest = z.output<typeof MoveStockBodySchema>;
