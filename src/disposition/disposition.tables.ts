// Disposition's tables: the decision per inspection (the rules' recommendation and what was
// chosen), and what executing it opened — work orders, vendor returns, quarantine holds, disposal
// records, liquidation lots and shipments back to the customer.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { DispositionAction, Grade } from '../contracts/inspection-vocabulary.js';
import type { StockStatus } from '../contracts/inventory.js';
import type { ClaimBasis } from '../contracts/recovery.js';

interface Units {
  site_id: string;
  rma_id: string;
  rma_line_id: string;
  product_id: string;
  quantity: number;
  lot: string;
  serial: string;
}

export type FollowUpType =
  'work_order' | 'vendor_return' | 'quarantine_hold' | 'disposal' | 'liquidation_lot' | 'customer_return_shipment';

export interface DispositionsTable extends Units {
  id: string;
  inspection_id: string;
  code: string;
  action: DispositionAction;
  recommended_code: string;
  /** Null when the rules' fallback recommended. */
  rule_id: string | null;
  rules_version: number;
  /** The recommendation as the engine gave it (explanation, conditions met, rules skipped). */
  recommendation: Json;
  is_override: Flag;
  override_reason: string;
  target_status: StockStatus;
  target_location_id: string;
  follow_up_type: FollowUpType | null;
  follow_up_id: string | null;
  decided_by: string;
  decided_by_id: string;
  decided_at: string;
}

export interface WorkOrdersTable extends Units, VersionedRow {
  id: string;
  work_order_number: string;
  disposition_id: string;
  kind: 'repair' | 'refurbish';
  performer: 'internal' | 'partner';
  partner_id: string | null;
  status: 'open' | 'completed';
  currency: string;
  unit_value_minor: number;
  estimated_cost_minor: number;
  actual_cost_minor: number | null;
  outcome: 'repaired' | 'beyond_repair' | null;
  outcome_grade: Grade | null;
  graded_value_minor: number | null;
  outcome_note: string;
  reported_by: string | null;
  reported_by_id: string | null;
  reported_at: string | null;
}

export interface VendorReturnsTable extends VersionedRow {
  id: string;
  vendor_return_number: string;
  supplier_id: string;
  site_id: string;
  status: 'open' | 'shipped';
  /** The supplier's own return authorization number, when its terms require one. */
  supplier_authorization: string;
  carrier_reference: string;
  shipped_at: string | null;
  shipped_by: string | null;
}

export interface VendorReturnLinesTable extends Units {
  id: string;
  vendor_return_id: string;
  disposition_id: string;
  inspection_id: string;
  unit_cost_minor: number;
  currency: string;
  reason_code: string;
  grade: Grade;
  /** { defectCodes, findings, noFaultFound, photos: [{ id, sha256 }] } from the inspection. */
  evidence: Json;
  /** Under which of the supplier's terms it takes the units back: decides the claim's amount. */
  claim_basis: ClaimBasis;
}

export interface QuarantineHoldsTable extends Units, VersionedRow {
  id: string;
  disposition_id: string;
  location_id: string;
  reason: string;
  status: 'held' | 'released';
  release_action: DispositionAction | null;
  release_reason: string | null;
  released_by: string | null;
  released_by_id: string | null;
  released_at: string | null;
}

export interface DisposalsTable extends Units {
  id: string;
  disposal_number: string;
  source_type: 'disposition' | 'work_order' | 'quarantine_hold';
  source_id: string;
  method: 'scrap' | 'hazardous_disposal';
  reason: string;
  currency: string;
  value_written_off_minor: number;
  approved_by: string;
  approved_by_id: string;
  approved_at: string;
}

export interface LiquidationLotsTable extends VersionedRow {
  id: string;
  lot_number: string;
  site_id: string;
  status: 'open' | 'sold';
  currency: string;
  buyer: string;
  proceeds_minor: number | null;
  sold_at: string | null;
  sold_by: string | null;
}

export interface LiquidationLotLinesTable extends Units {
  id: string;
  liquidation_lot_id: string;
  source_type: 'disposition' | 'quarantine_hold';
  source_id: string;
  grade: Grade;
  unit_value_minor: number;
}

export interface CustomerReturnShipmentsTable extends Units, VersionedRow {
  id: string;
  source_type: 'disposition' | 'quarantine_hold';
  source_id: string;
  customer_id: string;
  location_id: string;
  reason: string;
  status: 'awaiting_shipment' | 'shipped';
  carrier_reference: string;
  shipped_at: string | null;
  shipped_by: string | null;
}

export interface DispositionTables {
  dispositions: DispositionsTable;
  work_orders: WorkOrdersTable;
  vendor_returns: VendorReturnsTable;
  vendor_return_lines: VendorReturnLinesTable;
  quarantine_holds: QuarantineHoldsTable;
  disposals: DisposalsTable;
  liquidation_lots: LiquidationLotsTable;
  liquidation_lot_lines: LiquidationLotLinesTable;
  customer_return_shipments: CustomerReturnShipmentsTable;
}
