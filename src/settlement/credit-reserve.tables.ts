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

/**
 * Units credited ahead of proof that never arrived: the return was cancelled or expired first. Their
 * share of the early line is taken back — out of the reserve and out of the customer's credit (Dr
 * customer credit / Cr returns reserve, like inspection's chargeback) — when the memo could not
 * simply be void: it was already applied, or it also credits units that did arrive. The share is
 * the line's last units (inspection takes its first), so the two never overlap.
 */
export interface EarlyCreditWithdrawalsTable {
  id: string;
  credit_memo_line_id: string;
  credit_memo_id: string;
  rma_id: string;
  rma_line_id: string;
  /** Why the units will not come: the return was cancelled or expired. */
  cause: 'cancelled' | 'expired';
  quantity: number;
  /** The line's units before these (its last `quantity` units are withdrawn). */
  units_before: number;
  /** The units' share of the early line, in the memo's currency. */
  price_minor: number;
  tax_minor: number;
  restocking_fee_minor: number;
  total_minor: number;
  explanation: string;
  /** Their share of the reserve, in the books' currency (also what the customer's credit loses); null until posted. */
  reserve_withdrawn_minor: number | null;
  entry_id: string | null;
  created_at: string;
  created_by: string;
  /** Set when the memo is void after all: its entries are reversed with the memo's. */
  voided_at: string | null;
}
