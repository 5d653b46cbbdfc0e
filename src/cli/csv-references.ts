// A CSV written by a person (or exported from an ERP) names related records by their business key
// — entity code, supplier code, account number, SKU, site code — not by Boomerang's ids. Reference
// columns accept either: an existing id is kept, a business key is replaced by the record's id,
// and anything else is passed on for the use case to report as unknown.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

const BUSINESS_KEYS = {
  legalEntityId: { table: 'legal_entities', column: 'code' },
  supplierId: { table: 'suppliers', column: 'code' },
  customerId: { table: 'customers', column: 'account_number' },
  productId: { table: 'products', column: 'sku' },
  shipSiteId: { table: 'sites', column: 'code' },
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
    const { table, column } = BUSINESS_KEYS[field];
    const rows = await db
      .selectFrom(table as 'customers')
      .select(['id', sql<string>`${sql.ref(column)}`.as('business_key')])
      .where((eb) => eb.or([eb('id', '=', value), eb(sql.ref(column), '=', value)]))
      .execute();
    const resolved = rows.some((r) => r.id === value) ? value : (rows[0]?.id ?? value);
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
