// A supplier's return terms as other contexts need them when goods go back to it: shipping a
// vendor return asks whether the supplier wants its own authorization number on the shipment,
// and its claim what the supplier pays back (its currency, restocking fee, warranty rate).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findSupplierTerms(db: Reader, supplierId: string) {
  const row = await db
    .selectFrom('suppliers')
    .select([
      'id',
      'code',
      'name',
      'legal_entity_id',
      'currency',
      'accepts_vendor_returns',
      'requires_rtv_authorization',
      'vendor_restocking_fee_bps',
      'warranty_recovery_bps',
    ])
    .where('id', '=', supplierId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    legalEntityId: row.legal_entity_id,
    currency: row.currency,
    acceptsVendorReturns: row.accepts_vendor_returns === 1,
    requiresRtvAuthorization: row.requires_rtv_authorization === 1,
    vendorRestockingFeeBps: row.vendor_restocking_fee_bps,
    warrantyRecoveryBps: row.warranty_recovery_bps,
  };
}
