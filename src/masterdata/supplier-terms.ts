// A supplier's return terms as other contexts need them when goods go back to it: shipping a
// vendor return asks whether the supplier wants its own authorization number on the shipment.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findSupplierTerms(db: Reader, supplierId: string) {
  const row = await db
    .selectFrom('suppliers')
    .select(['id', 'code', 'name', 'accepts_vendor_returns', 'requires_rtv_authorization'])
    .where('id', '=', supplierId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    acceptsVendorReturns: row.accepts_vendor_returns === 1,
    requiresRtvAuthorization: row.requires_rtv_authorization === 1,
  };
}
