// Receiving's tables: what physically arrived at a site, against which return line.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { ArrivalStatus } from '../contracts/receiving.js';
import type { ClaimedCondition } from '../contracts/returns.js';

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
  /** As found on arrival ('' for receipts recorded before conditions were captured). */
  condition: string;
  /** The lot's expiry date (YYYY-MM-DD), when the goods carry one. */
  expiry: string | null;
}

export type ReceiptExceptionStatus = 'open' | 'resolved';
export type ReceiptExceptionResolution = 'accepted_onto_return' | 'unauthorized_return' | 'refused';

/** Goods that did not match the return they came with; they wait in a queue to be resolved. */
export interface ReceiptExceptionsTable extends VersionedRow {
  id: string;
  receipt_id: string;
  rma_id: string;
  site_id: string;
  kind: 'over_receipt' | 'wrong_item' | 'unknown_serial' | 'short_delivery';
  product_id: string | null;
  quantity: number;
  serials: Json;
  lots: Json;
  reason: string;
  status: ReceiptExceptionStatus;
  resolution: ReceiptExceptionResolution | null;
  resolution_note: string | null;
  resolved_rma_id: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

/**
 * Goods received from a sender not known as a customer, or with products not in the catalogue.
 * They wait, under their own number, until someone identifies them; that opens the return and
 * records the receipt (rma_id then links the two).
 */
export interface UnidentifiedArrivalsTable extends VersionedRow {
  id: string;
  arrival_number: string;
  site_id: string;
  customer_id: string | null;
  sender: string;
  carrier_reference: string;
  note: string;
  status: ArrivalStatus;
  rma_id: string | null;
  received_at: string;
  received_by: string;
  received_by_id: string;
  identified_at: string | null;
  identified_by: string | null;
}

export interface UnidentifiedArrivalLinesTable {
  id: string;
  arrival_id: string;
  line_number: number;
  product_id: string | null;
  description: string;
  scanned_code: string;
  quantity: number;
  claimed_condition: ClaimedCondition;
  reason_code: string;
  serials: Json;
  lots: Json;
}

export interface ReceivingTables {
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  unidentified_arrivals: UnidentifiedArrivalsTable;
  unidentified_arrival_lines: UnidentifiedArrivalLinesTable;
  receipt_exceptions: ReceiptExceptionsTable;
}
