// Sales' tables: orders and their lines, as the ERP sent them, plus how much of each line returns hold.
import type { Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { CHANNELS } from '../contracts/masterdata.js';

export interface SalesOrdersTable extends VersionedRow {
  id: string;
  order_number: string;
  customer_id: string;
  legal_entity_id: string;
  currency: string;
  order_date: string;
  customer_po: string;
  channel: (typeof CHANNELS)[number];
}

export interface SalesOrderLinesTable {
  id: string;
  order_id: string;
  line_number: number;
  product_id: string;
  quantity_shipped: number;
  /** Returned or held by open RMAs; guarded by a conditional UPDATE so it never exceeds shipped. */
  quantity_committed: number;
  unit_price_minor: number;
  tax_minor: number;
  ship_date: string | null;
  delivery_date: string | null;
  serials_shipped: Json;
  lots_shipped: Json;
  ship_site_id: string | null;
}

export interface SalesTables {
  sales_orders: SalesOrdersTable;
  sales_order_lines: SalesOrderLinesTable;
}
