// Schemas shared by the server (validation + OpenAPI) and the web app (forms + types).
// Nothing here may import Node-only modules: the browser bundle imports these files.
import { z } from 'zod';

export const ROLES = [
  'customer',
  'cs_agent',
  'cs_manager',
  'warehouse',
  'quality',
  'finance',
  'ops_manager',
  'admin',
  'repair_partner',
  'supplier',
  'carrier',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Roles of people outside the distributor who act for one partner organisation (its `partnerId`):
 * a repair partner (its work orders), a supplier (its claims) or a carrier (its shipments). None is
 * staff nor a customer.
 */
export const PARTNER_ROLES = ['repair_partner', 'supplier', 'carrier'] as const satisfies readonly Role[];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export const isPartnerRole = (role: Role | ''): role is PartnerRole =>
  (PARTNER_ROLES as readonly string[]).includes(role);

/** ISO calendar date, e.g. 2026-11-26. */
export const IsoDateSchema = z.iso.date();
export const IsoDateTimeSchema = z.string();

/** ISO 4217 alphabetic code. The set of codes the system accepts is checked in the use cases. */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code');

/** Money is always integer minor units plus a currency, never a float. */
export const MinorUnitsSchema = z.number().int().safe();

export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** RFC 9457 problem details, with per-field errors for validation failures. */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const CommentSchema = z.strictObject({
  comment: z.string().trim().min(1, 'a comment is required').max(2000),
});

/**
 * A response as its reader may see it: staff get the whole record, customer-portal users their
 * own shape (built field by field on the server). Both shapes are named in the OpenAPI document;
 * the staff one comes first, so a whole record is never cut down to the customer's by the union.
 */
export function forAudiences<S extends z.ZodType, C extends z.ZodType>(staff: S, customer: C, customerLabel = '') {
  return z.union([staff.describe('Staff'), customer.describe(`Customer-portal users${customerLabel}`)]);
}
