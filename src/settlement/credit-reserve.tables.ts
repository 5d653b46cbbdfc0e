// The returns reserve's own facts: what an issued memo's early lines put into it, and what each
// inspection of their units took out again (released into sales returns, or charged back).
import type { ClaimVerdict } from '../contracts/inspection-vocabulary.js';

/** An issued memo's line credited ahead of inspection: the reserve it holds, in the books' currency. */
export interface CreditReservesTable {
  credit_memo_line_id: string;
  credit_memo_id: string;
  legal_entity_id: string;
  rma_id: string;
  /** The entity's functional currency, and the memo currency's rate to it on the day of issue. */
  currency: string;
  rate: string;
  reserved_minor: number;
  issue_entry_id: string | null;
  created_at: string;
  /** Set when the memo is void: its entries are reversed and the reserve no longer open. */
  voided_at: string | null;
}

/** Units of an early line proven (or not) by one inspection: the reserve released or charged back. */
export interface CreditReserveReleasesTable {
  id: string;
  credit_memo_line_id: string;
  credit_memo_id: string;
  rma_id: string;
  rma_line_id: string;
  inspection_id: string;
  quantity: number;
  /** Units of the early line proven before these (shares are cumulative, so the parts add up). */
  units_before: number;
  claim_verdict: ClaimVerdict | null;
  grade: string | null;
  /** The units' share of the early line, in the memo's currency. */
  price_minor: number;
  tax_minor: number;
  restocking_fee_minor: number;
  /** The deduction inspection found, charged back to the customer's credit. */
  charged_back_minor: number;
  /** What stays credited: price + tax − fee − charged back. */
  released_minor: number;
  explanation: string;
  /** The reserve it takes out, in the books' currency; null until the memo is issued and it is posted. */
  reserve_released_minor: number | null;
  /** The chargeback in the books' currency (what the customer's credit lost), set with the entry. */
  charged_back_functional_minor: number | null;
  entry_id: string | null;
  created_at: string;
  created_by: string;
  voided_at: string | null;
}
