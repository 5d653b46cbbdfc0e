// Return authorization's tables: the RMA, its lines and the serials it holds. What happened to the
// goods after authorization (shipments, receipts, inspections, …) is each later stage's own fact.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { ClaimedCondition, ReturnChannel, ReturnType, RmaStatus } from '../contracts/returns-vocabulary.js';

export interface RmasTable extends VersionedRow {
  id: string;
  rma_number: string;
  customer_id: string;
  legal_entity_id: string;
  return_type: ReturnType;
  status: RmaStatus;
  is_unauthorized: Flag;
  channel: ReturnChannel;
  note: string;
  customer_reference: string;
  currency: string;
  total_value_minor: number;
  requested_by: string;
  requested_by_id: string;
  authorized_at: string | null;
  expires_on: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  return_policy_version: number | null;
  approval_rules_version: number | null;
  routing_reasons: Json;
  verdict: Json | null;
}

export interface RmaLinesTable {
  id: string;
  rma_id: string;
  line_number: number;
  order_id: string | null;
  order_line_id: string | null;
  product_id: string;
  quantity: number;
  reason_code: string;
  claimed_condition: ClaimedCondition;
  note: string;
  serials: Json;
  lots: Json;
  unit_price_minor: number;
  tax_minor: number;
  value_minor: number;
}

export interface RmaSerialsTable {
  rma_id: string;
  order_line_id: string;
  serial: string;
  /** 1 while the RMA holds the serial; cleared when it is rejected, cancelled or expires. */
  is_active: Flag;
}

/** Where an authorized return's goods go: by the rules, or a person's override with its reason. */
export interface RoutingInstructionsTable {
  id: string;
  rma_id: string;
  site_id: string | null;
  basis: 'rules' | 'override';
  rules_version: number | null;
  units: number;
  /** { requiredCapabilities, zone, candidates } as the rules found them (empty for an override). */
  decision: Json;
  explanation: Json;
  reason: string;
  is_current: Flag;
  decided_by: string;
  decided_by_id: string;
  decided_at: string;
}

/** A recall: every customer who received an affected lot of a product gets a recall RMA. */
export interface RecallsTable {
  id: string;
  recall_number: string;
  product_id: string;
  lots: Json;
  reason: string;
  rma_ids: Json;
  created_by: string;
  created_by_id: string;
  created_at: string;
}

export interface ReturnsTables {
  recalls: RecallsTable;
  rmas: RmasTable;
  routing_instructions: RoutingInstructionsTable;
  rma_lines: RmaLinesTable;
  rma_serials: RmaSerialsTable;
}
