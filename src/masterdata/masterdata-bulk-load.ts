// A step for seeders and importers that load many master records at once from rows they have
// already built (the demo distributor): one batched insert per table, one audit event per load.
import type { Tx } from '../platform/unit-of-work.js';
import { insertInBatches } from '../platform/db/batch-insert.js';
import type {
  CustomersTable,
  LegalEntitiesTable,
  ProductsTable,
  SitesTable,
  SuppliersTable,
} from './masterdata.tables.js';

export interface MasterRows {
  legal_entities: LegalEntitiesTable[];
  sites: SitesTable[];
  suppliers: SuppliersTable[];
  products: ProductsTable[];
  customers: CustomersTable[];
}

export async function loadMasterRows(tx: Tx, rows: MasterRows, source: string): Promise<void> {
  await insertInBatches(tx.db, 'legal_entities', rows.legal_entities);
  await insertInBatches(tx.db, 'sites', rows.sites);
  await insertInBatches(tx.db, 'suppliers', rows.suppliers);
  await insertInBatches(tx.db, 'products', rows.products);
  await insertInBatches(tx.db, 'customers', rows.customers);
  tx.audit({
    entityType: 'master_data',
    entityId: source,
    action: 'master_data.loaded',
    after: {
      source,
      legalEntities: rows.legal_entities.length,
      sites: rows.sites.length,
      suppliers: rows.suppliers.length,
      products: rows.products.length,
      customers: rows.customers.length,
    },
  });
}
