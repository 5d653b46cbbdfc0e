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

export interface ReferenceResolver {
  (values: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The reference fields of `values` (as given, before resolving) that name no existing record. */
  unknownIn(values: Record<string, unknown>): Promise<string[]>;
}

export function createReferenceResolver(db: Kysely<DB>): ReferenceResolver {
  // Bounded by the distinct references in a file (accounts, SKUs, sites), not by its rows.
  const cache = new Map<string, string | null>();
  const lookUp = async (field: ReferenceField, value: string): Promise<string | null> => {
    const cacheKey = `${field}\u0000${value}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const found = await findIdByIdOrBusinessKey(db, BUSINESS_KEYS[field], value);
    cache.set(cacheKey, found);
    return found;
  };
  const resolve = async (values: Record<string, unknown>) => {
    const resolved = { ...values };
    for (const [field, value] of Object.entries(values)) {
      if (isReferenceField(field) && typeof value === 'string') resolved[field] = (await lookUp(field, value)) ?? value;
    }
    return resolved;
  };
  resolve.unknownIn = async (values: Record<string, unknown>) => {
    const unknown: string[] = [];
    for (const [field, value] of Object.entries(values)) {
      if (isReferenceField(field) && typeof value === 'string' && (await lookUp(field, value)) === null)
        unknown.push(field);
    }
    return unknown;
  };
  return resolve;
}
