// Receiving's tables: what physically arrived at a site, against which return line.
import type { Flag, Json } from '../platform/db/kernel-tables.js';

export interface ReceiptsTable {
  id: string;
  rma_id: string;
  site_id: string;
  received_at: string;
  received_by: string;
  received_by_id: string;
  carrier_reference: string;
  note: string;
  /** The goods arrived with no return authorization; the RMA was opened for them at the dock. */
  is_unauthorized: Flag;
}

export interface ReceiptLinesTable {
  id: string;
  receipt_id: string;
  rma_id: string;
  rma_line_id: string;
  product_id: string;
  quantity: number;
  serials: Json;
  lots: Json;
}

export interface ReceivingTables {
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
}
