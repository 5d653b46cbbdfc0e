// Inventory's tables: the locations of each site, the immutable movements of returned stock, and
// the balances they add up to.
import type { VersionedRow, Flag } from '../platform/db/kernel-tables.js';
import type { LocationKind, StockStatus } from '../contracts/inventory.js';
import type { OnHandStatus } from './domain/stock-status.js';

/** A place in a site where stock lies (a dock lane, the inspection bench, a quarantine cage, a bin). */
export interface StockLocationsTable extends VersionedRow {
  id: string;
  site_id: string;
  /** Unique within the site, upper case. */
  code: string;
  name: string;
  kind: LocationKind;
  is_active: Flag;
}

/**
 * Immutable: a movement is only ever inserted. `from_*` are null for units entering stock (a
 * receipt), `to_*` null for units leaving it. Lot and serial are '' when untracked (not null), so
 * they can be part of the balance's key on both databases (nulls are never equal in a key).
 */
export interface StockMovementsTable {
  id: string;
  product_id: string;
  site_id: string;
  from_location_id: string | null;
  from_status: OnHandStatus | null;
  to_location_id: string | null;
  to_status: OnHandStatus | null;
  quantity: number;
  lot: string;
  serial: string;
  /** Why: 'receipt', or what the person moving it said. */
  reason: string;
  rma_id: string | null;
  rma_line_id: string | null;
  /** The document behind the movement ('receipt' and its id), when there is one. */
  source_type: string | null;
  source_id: string | null;
  moved_at: string;
  moved_by: string;
  moved_by_id: string;
}

/**
 * Units on hand per product, site, location, status, lot, serial and return line: the sum of the movements,
 * kept in the same transaction as each one. Never negative (a CHECK, and the guarded UPDATE that
 * takes units away). Rows that reach zero stay (at quantity 0) rather than being deleted.
 */
export interface StockBalancesTable {
  product_id: string;
  site_id: string;
  location_id: string;
  status: OnHandStatus;
  lot: string;
  serial: string;
  /** The return line the units came back on ('' for none): units stay traceable to their return. */
  rma_line_id: string;
  rma_id: string | null;
  quantity: number;
  version: number;
  updated_at: string;
}

export interface InventoryTables {
  stock_locations: StockLocationsTable;
  stock_movements: StockMovementsTable;
  stock_balances: StockBalancesTable;
}

export type { StockStatus };
