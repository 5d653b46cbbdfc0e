// Master data: legal entities, sites, customers, suppliers, products, sales orders.
import { z } from 'zod';
import { CarrierCodeSchema } from './carriers.js';
import { CurrencyCodeSchema, forAudiences, IsoDateSchema, MinorUnitsSchema } from './common.js';

const code = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1).max(200);

export const SITE_CAPABILITIES = [
  'receiving',
  'inspection',
  'regulated_goods',
  'temperature_controlled',
  'repair',
  'refurbishment',
  'hazmat',
] as const;

export const LegalEntityInputSchema = z.strictObject({
  code,
  name,
  functionalCurrency: CurrencyCodeSchema,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code'),
});
export const LegalEntitySchema = LegalEntityInputSchema.extend({ id: z.string(), version: z.number().int() });
export type LegalEntity = z.infer<typeof LegalEntitySchema>;

export const SiteInputSchema = z.strictObject({
  code,
  name,
  legalEntityId: z.string().min(1),
  addressLine1: z.string().max(200).default(''),
  city: z.string().max(100).default(''),
  region: z.string().max(100).default(''),
  postalCode: z.string().max(20).default(''),
  country: z.string().regex(/^[A-Z]{2}$/),
  capabilities: z.array(z.enum(SITE_CAPABILITIES)).default([]),
  isActive: z.boolean().default(true),
});
export const SiteSchema = SiteInputSchema.extend({ id: z.string(), version: z.number().int() });
export type Site = z.infer<typeof SiteSchema>;

export const CUSTOMER_TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;
export const CHANNELS = ['direct', 'edi', 'portal', 'marketplace', 'field_sales'] as const;

export const CustomerInputSchema = z.strictObject({
  accountNumber: code,
  name,
  tier: z.enum(CUSTOMER_TIERS),
  legalEntityId: z.string().min(1),
  channel: z.enum(CHANNELS).default('direct'),
  currency: CurrencyCodeSchema,
  paymentTerms: z.string().max(40).default('NET30'),
  /** Overrides the policy's return window for this customer when set (contracted terms). */
  returnWindowDays: z.number().int().min(0).max(3650).nullable().default(null),
  isOnCreditHold: z.boolean().default(false),
  email: z.email().or(z.literal('')).default(''),
  region: z.string().max(100).default(''),
  /** The language e-mails to the customer are written in (BCP 47: 'en', 'de', 'de-AT'); English where we have no templates. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as 'en', 'de' or 'de-AT'")
    .default('en'),
});
export const CustomerSchema = CustomerInputSchema.extend({ id: z.string(), version: z.number().int() });
export type Customer = z.infer<typeof CustomerSchema>;
/** A customer-portal user's view of their own account: no tier, credit hold, channel or legal entity. */
export const CustomerAccountSchema = CustomerSchema.pick({
  id: true,
  accountNumber: true,
  name: true,
  currency: true,
  paymentTerms: true,
  email: true,
  region: true,
  locale: true,
  version: true,
});
export type CustomerAccount = z.infer<typeof CustomerAccountSchema>;

export const SupplierInputSchema = z.strictObject({
  code,
  name,
  legalEntityId: z.string().min(1),
  currency: CurrencyCodeSchema,
  acceptsVendorReturns: z.boolean().default(true),
  vendorReturnWindowDays: z.number().int().min(0).max(3650).default(90),
  vendorRestockingFeeBps: z.number().int().min(0).max(10_000).default(0),
  warrantyRecoveryBps: z.number().int().min(0).max(10_000).default(10_000),
  requiresRtvAuthorization: z.boolean().default(true),
});
export const SupplierSchema = SupplierInputSchema.extend({ id: z.string(), version: z.number().int() });
export type Supplier = z.infer<typeof SupplierSchema>;

/**
 * The kinds of partner organisation: a repair partner works on our goods, a carrier brings them
 * back. (Suppliers are master records of their own.)
 */
export const PARTNER_KINDS = ['repair', 'carrier'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/**
 * A partner organisation whose users and keys see only its own work: a repair partner its work
 * orders, a carrier the shipments of the carrier codes it answers for (`carrierCodes`: at least
 * one for a carrier, none for a repair partner; a code belongs to one active carrier at a time).
 */
export const PartnerInputSchema = z.strictObject({
  code,
  name,
  kind: z.enum(PARTNER_KINDS).default('repair'),
  email: z.email().or(z.literal('')).default(''),
  legalEntityId: z.string().min(1),
  isActive: z.boolean().default(true),
  carrierCodes: z.array(CarrierCodeSchema).max(20).default([]),
});
export const PartnerSchema = PartnerInputSchema.extend({ id: z.string(), version: z.number().int() });
export type Partner = z.infer<typeof PartnerSchema>;

export const ProductInputSchema = z.strictObject({
  sku: code,
  gtin: z
    .string()
    .regex(/^\d{8}$|^\d{12,14}$/, 'a GTIN has 8, 12, 13 or 14 digits')
    .nullable()
    .default(null),
  name,
  category: z.string().trim().min(1).max(80),
  unitCostMinor: MinorUnitsSchema.min(0),
  listPriceMinor: MinorUnitsSchema.min(0),
  currency: CurrencyCodeSchema,
  isReturnable: z.boolean().default(true),
  isSerialized: z.boolean().default(false),
  isLotControlled: z.boolean().default(false),
  regulatedClass: z.string().max(40).nullable().default(null),
  isTemperatureControlled: z.boolean().default(false),
  warrantyMonths: z.number().int().min(0).max(240).default(0),
  supplierId: z.string().nullable().default(null),
});
export const ProductSchema = ProductInputSchema.extend({ id: z.string(), version: z.number().int() });
export type Product = z.infer<typeof ProductSchema>;
/** A customer-portal user's view of a product: no cost, supplier or handling internals. */
export const CatalogueProductSchema = ProductSchema.pick({
  id: true,
  sku: true,
  gtin: true,
  name: true,
  category: true,
  listPriceMinor: true,
  currency: true,
  isReturnable: true,
  isSerialized: true,
  isLotControlled: true,
  regulatedClass: true,
  warrantyMonths: true,
  version: true,
});
export type CatalogueProduct = z.infer<typeof CatalogueProductSchema>;

export const SalesOrderLineInputSchema = z.strictObject({
  lineNumber: z.number().int().min(1),
  productId: z.string().min(1),
  quantityShipped: z.number().int().min(0),
  unitPriceMinor: MinorUnitsSchema.min(0),
  /** Tax charged on the whole line, minor units; reversed pro rata on credit. */
  taxMinor: MinorUnitsSchema.min(0).default(0),
  shipDate: IsoDateSchema.nullable().default(null),
  deliveryDate: IsoDateSchema.nullable().default(null),
  serialsShipped: z.array(z.string().min(1).max(80)).default([]),
  lotsShipped: z.array(z.string().min(1).max(80)).default([]),
  shipSiteId: z.string().nullable().default(null),
});
export const SalesOrderInputSchema = z.strictObject({
  orderNumber: code,
  customerId: z.string().min(1),
  legalEntityId: z.string().min(1),
  currency: CurrencyCodeSchema,
  orderDate: IsoDateSchema,
  customerPo: z.string().max(80).default(''),
  channel: z.enum(CHANNELS).default('direct'),
  lines: z.array(SalesOrderLineInputSchema).min(1).max(1000),
});
export const SalesOrderLineSchema = SalesOrderLineInputSchema.extend({
  id: z.string(),
  sku: z.string(),
  productName: z.string(),
  /** Quantity already returned or held by open return authorizations. */
  quantityCommitted: z.number().int(),
  /** The product's return handling: whether it may come back, and tracked by serial or lot. */
  isReturnable: z.boolean(),
  isSerialized: z.boolean(),
  isLotControlled: z.boolean(),
  /** Regulated goods (e.g. hazmat) come back as a regulated return; null for ordinary goods. */
  regulatedClass: z.string().nullable(),
});
export const SalesOrderSchema = SalesOrderInputSchema.omit({ lines: true }).extend({
  id: z.string(),
  version: z.number().int(),
  customerName: z.string(),
  lines: z.array(SalesOrderLineSchema),
});
export type SalesOrder = z.infer<typeof SalesOrderSchema>;
export type SalesOrderLine = z.infer<typeof SalesOrderLineSchema>;
/** A row of the order list: the header with its size, value and latest delivery. */
export const SalesOrderSummarySchema = SalesOrderSchema.omit({ lines: true }).extend({
  lineCount: z.number().int(),
  /** Shipped quantity at price plus tax over every line, in the order's currency's minor units. */
  totalMinor: z.number().int(),
  /** The latest delivery date of its lines; null while nothing has been delivered. */
  deliveredOn: IsoDateSchema.nullable(),
  /**
   * The last day a return may be requested for something on the order under the return policy
   * (the latest window end of its lines with quantity left); null when nothing on it can be
   * returned. Warranty claims run longer and are not counted here.
   */
  returnableUntil: IsoDateSchema.nullable(),
});
export type SalesOrderSummary = z.infer<typeof SalesOrderSummarySchema>;

// A customer-portal user's view of their own orders: not which legal entity sold it or which
// warehouse shipped each line — the distributor's business, as in the return's customer view.
export const CustomerSalesOrderLineSchema = SalesOrderLineSchema.omit({ shipSiteId: true });
export const CustomerSalesOrderSchema = SalesOrderSchema.omit({ legalEntityId: true, lines: true }).extend({
  lines: z.array(CustomerSalesOrderLineSchema),
});
export type CustomerSalesOrder = z.infer<typeof CustomerSalesOrderSchema>;
export const CustomerSalesOrderSummarySchema = SalesOrderSummarySchema.omit({ legalEntityId: true });
export type CustomerSalesOrderSummary = z.infer<typeof CustomerSalesOrderSummarySchema>;
/** An order as its reader may see it: staff get the whole record, customer-portal users their own shape. */
export const SalesOrderForAudienceSchema = forAudiences(SalesOrderSchema, CustomerSalesOrderSchema);
export type SalesOrderView = SalesOrder | CustomerSalesOrder;
export const SalesOrderSummaryForAudienceSchema = forAudiences(
  SalesOrderSummarySchema,
  CustomerSalesOrderSummarySchema,
);
export type SalesOrderSummaryView = SalesOrderSummary | CustomerSalesOrderSummary;

export const BulkResultSchema = z.object({
  results: z.array(
    z.object({
      index: z.number().int(),
      ok: z.boolean(),
      id: z.string().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  created: z.number().int(),
  failed: z.number().int(),
});
export type BulkResult = z.infer<typeof BulkResultSchema>;
