// A CSV written by a person (or exported from an ERP) names related records by their business key
// — entity code, supplier code, account number, SKU, site code — not by Boomerang's ids. Reference
// columns accept either: an existing id is kept, a business key is replaced by the record's id,
// and anything else is passed on for the use case to report as unknown.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { findIdByIdOrBusinessKey } from '../masterdata/index.js';

const BUSINESS_KEYS = {
  legalEntityId: 'legal_entities',
  supplierId: 'suppliers',
  customerId: 'customers',
  productId: 'products',
  shipSiteId: 'sites',
} as const;

type ReferenceField = keyof typeof BUSINESS_KEYS;
const isReferenceField = (field: string): field is ReferenceField => Object.hasOwn(BUSINESS_KEYS, field);

export type ReferenceResolver = (values: Record<string, unknown>) => Promise<Record<string, unknown>>;

export function createReferenceResolver(db: Kysely<DB>): ReferenceResolver {
  const cache = new Map<string, string>();
  const resolve = async (field: ReferenceField, value: string): Promise<string> => {
    const cacheKey = `${field}\u0000${value}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const resolved = (await findIdByIdOrBusinessKey(db, BUSINESS_KEYS[field], value)) ?? value;
    cache.set(cacheKey, resolved);
    return resolved;
  };
  return async (values) => {
    const resolved = { ...values };
    for (const [field, value] of Object.entries(values)) {
      if (isReferenceField(field) && typeof value === 'string') resolved[field] = await resolve(field, value);
    }
    return resolved;
  };
}
