// Settlement's tables: credit memos, their lines, and what has been credited per invoiced line.
import type { Flag, VersionedRow } from '../platform/db/kernel-tables.js';
import type { CreditMemoStatus } from '../contracts/settlement.js';

export interface CreditMemosTable extends VersionedRow {
  id: string;
  /** Null until issued: the gap-free number is the tax document's. */
  credit_memo_number: string | null;
  rma_id: string;
  customer_id: string;
  legal_entity_id: string;
  currency: string;
  status: CreditMemoStatus;
  price_minor: number;
  tax_minor: number;
  restocking_fee_minor: number;
  deduction_minor: number;
  total_minor: number;
  needs_finance_approval: Flag;
  policy_version: number;
  created_by: string;
  approved_at: string | null;
  approved_by: string | null;
  issued_at: string | null;
  issued_by: string | null;
  issue_entry_id: string | null;
  applied_at: string | null;
  applied_by: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

export interface CreditMemoLinesTable {
  id: string;
  credit_memo_id: string;
  rma_line_id: string;
  order_line_id: string;
  /** The inspection whose units the line credits: each unit is credited once. */
  inspection_id: string;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
  price_minor: number;
  tax_minor: number;
  restocking_fee_minor: number;
  deduction_minor: number;
  total_minor: number;
  explanation: string;
}

export interface OrderLineCreditsTable {
  order_line_id: string;
  quantity_invoiced: number;
  amount_invoiced_minor: number;
  quantity_credited: number;
  amount_credited_minor: number;
}

export interface SettlementTables {
  credit_memos: CreditMemosTable;
  credit_memo_lines: CreditMemoLinesTable;
  order_line_credits: OrderLineCreditsTable;
}
