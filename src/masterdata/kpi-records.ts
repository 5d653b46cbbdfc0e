// What the KPIs need of master data: a product's category and supplier (its line dimensions), and
// the names that label a KPI table's rows.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findProductDimensions(db: Reader, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { category: string; supplierId: string }>();
  const rows = await db
    .selectFrom('products')
    .select(['id', 'category', 'supplier_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { category: r.category, supplierId: r.supplier_id ?? '' }]));
}

export async function findFunctionalCurrencies(db: Reader, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('legal_entities')
    .select(['id', 'functional_currency'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.functional_currency]));
}

export type LabelledKind = 'legal_entity' | 'site' | 'customer' | 'product' | 'supplier';

/** Display names by id for one kind of master record ("CODE · Name"). */
export async function findLabels(db: Reader, kind: LabelledKind, ids: readonly string[]) {
  const wanted = [...new Set(ids)].filter(Boolean);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await (() => {
    switch (kind) {
      case 'legal_entity':
        return db.selectFrom('legal_entities').select(['id', 'code', 'name']).where('id', 'in', wanted).execute();
      case 'site':
        return db.selectFrom('sites').select(['id', 'code', 'name']).where('id', 'in', wanted).execute();
      case 'customer':
        return db
          .selectFrom('customers')
          .select(['id', 'account_number as code', 'name'])
          .where('id', 'in', wanted)
          .execute();
      case 'product':
        return db.selectFrom('products').select(['id', 'sku as code', 'name']).where('id', 'in', wanted).execute();
      case 'supplier':
        return db.selectFrom('suppliers').select(['id', 'code', 'name']).where('id', 'in', wanted).execute();
    }
  })();
  return new Map(rows.map((r) => [r.id, `${r.code} · ${r.name}`]));
}
