// Settlement's tables: credit memos, their lines, and what has been credited per invoiced line.
import type { Flag, VersionedRow } from '../platform/db/kernel-tables.js';
import type { CreditBasis, CreditMemoStatus } from '../contracts/settlement.js';
import type {
  CreditReserveReleasesTable,
  CreditReservesTable,
  EarlyCreditWithdrawalsTable,
} from './credit-reserve.tables.js';
import type { DepositStatus, DifferenceStatus, ReplacementKind, ReplacementStatus } from '../contracts/replacements.js';

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
  /** The customer's credit the issue posted, in the books' currency (the customer-credit subledger). */
  functional_currency: string | null;
  functional_credit_minor: number | null;
  /** What applying it cleared from the customer's credit (its credit less any chargeback), and the entry. */
  applied_functional_minor: number | null;
  apply_entry_id: string | null;
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
  /** The inspection whose units the line credits; null for units credited ahead of inspection. */
  inspection_id: string | null;
  /** When the units were credited: on authorization, on receipt (both ahead of proof) or after inspection. */
  basis: CreditBasis;
  /**
   * What the line credits, unique so no unit is credited twice: `inspection:<id>`,
   * `authorization:<rma line>` or `receipt:<receipt line>`; a void memo's lines get `:void:<memo>`.
   */
  credit_key: string;
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

/** A return settled in goods: a replacement, an exchange, or an advance replacement with its deposit. */
export interface ReplacementOrdersTable extends VersionedRow {
  id: string;
  replacement_number: string;
  rma_id: string;
  customer_id: string;
  legal_entity_id: string;
  site_id: string;
  kind: ReplacementKind;
  status: ReplacementStatus;
  currency: string;
  note: string;
  /** Why the order waits (backordered), in words; '' otherwise. */
  shortage: string;
  carrier_reference: string;
  deposit_status: DepositStatus;
  /** Price and tax of the units the deposit covers, in the order's currency. */
  deposit_minor: number;
  /** The books' currency and the deposit in it, fixed when it is charged (at the ship day's rate). */
  functional_currency: string | null;
  deposit_functional_minor: number;
  deposit_due_on: string | null;
  /** The days the return has once it ships, fixed at the request (null: requested before they were). */
  deposit_days: number | null;
  deposit_entry_id: string | null;
  invoice_entry_id: string | null;
  policy_version: number | null;
  /** An exchange's price difference: quoted at the request (pending), invoiced or credited when it ships. */
  difference_status: DifferenceStatus;
  /** Net and tax, signed in the order's currency: positive the customer pays, negative they are credited. */
  difference_minor: number;
  difference_tax_minor: number;
  /** The same in the books' currency (functional_currency), at the ship day's rate, and its entry. */
  difference_functional_minor: number;
  difference_entry_id: string | null;
  requested_by: string;
  allocated_at: string | null;
  shipped_at: string | null;
  shipped_by: string | null;
  deposit_settled_at: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface ReplacementOrderLinesTable {
  id: string;
  replacement_order_id: string;
  rma_line_id: string;
  order_line_id: string | null;
  returned_product_id: string;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
  price_difference_minor: number | null;
  /** The tax on the difference, at the original line's rate (signed like it). */
  price_difference_tax_minor: number;
  deposit_units: number;
  deposit_minor: number;
  deposit_tax_minor: number;
  deposit_functional_minor: number;
  released_units: number;
  released_functional_minor: number;
  invoiced_units: number;
  invoiced_functional_minor: number;
}

/** Units set aside for a line, by inventory's keys, until they ship or go back to saleable stock. */
export interface ReplacementAllocationsTable {
  id: string;
  replacement_order_line_id: string;
  site_id: string;
  product_id: string;
  from_location_id: string;
  source_rma_id: string | null;
  source_rma_line_id: string;
  lot: string;
  serial: string;
  quantity: number;
}

export interface SettlementTables {
  credit_memos: CreditMemosTable;
  credit_memo_lines: CreditMemoLinesTable;
  order_line_credits: OrderLineCreditsTable;
  credit_reserves: CreditReservesTable;
  credit_reserve_releases: CreditReserveReleasesTable;
  early_credit_withdrawals: EarlyCreditWithdrawalsTable;
  replacement_orders: ReplacementOrdersTable;
  replacement_order_lines: ReplacementOrderLinesTable;
  replacement_allocations: ReplacementAllocationsTable;
}
