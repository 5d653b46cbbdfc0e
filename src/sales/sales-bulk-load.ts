// A step for seeders and importers that load many orders at once from rows they have already
// built (the demo distributor): batched inserts and one audit event per load.
import type { Tx } from '../platform/unit-of-work.js';
import { insertInBatches } from '../platform/db/batch-insert.js';
import type { SalesOrderLinesTable, SalesOrdersTable } from './sales.tables.js';

export async function loadSalesOrderRows(
  tx: Tx,
  orders: SalesOrdersTable[],
  lines: SalesOrderLinesTable[],
  source: string,
): Promise<void> {
  await insertInBatches(tx.db, 'sales_orders', orders);
  await insertInBatches(tx.db, 'sales_order_lines', lines);
  tx.audit({
    entityType: 'sales_orders',
    entityId: source,
    action: 'sales_orders.loaded',
    after: {
      source,
      orders: orders.length,
      lines: lines.length,
      firstOrderNumber: orders[0]?.order_number ?? null,
      lastOrderNumber: orders[orders.length - 1]?.order_number ?? null,
    },
  });
}
