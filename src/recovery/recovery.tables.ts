// Supplier recovery's tables: the claims we make on suppliers for the goods they took back.
import type { VersionedRow } from '../platform/db/kernel-tables.js';
import type { ClaimBasis, ClaimStatus } from '../contracts/recovery.js';

export interface SupplierClaimsTable extends VersionedRow {
  id: string;
  claim_number: string;
  supplier_id: string;
  legal_entity_id: string;
  vendor_return_id: string;
  /** The supplier's currency: the claim is made and paid in it. */
  currency: string;
  status: ClaimStatus;
  claimed_minor: number;
  accepted_minor: number | null;
  paid_minor: number | null;
  functional_currency: string;
  /** What the books hold against the supplier for this claim now (vendor receivable, functional currency). */
  receivable_minor: number;
  supplier_reference: string;
  submitted_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string;
  paid_at: string | null;
  paid_by: string | null;
  payment_reference: string;
}

export interface SupplierClaimLinesTable {
  id: string;
  claim_id: string;
  vendor_return_line_id: string;
  rma_id: string;
  rma_line_id: string;
  inspection_id: string;
  product_id: string;
  quantity: number;
  lot: string;
  serial: string;
  basis: ClaimBasis;
  /** The unit's cost in the claim's currency. */
  unit_cost_minor: number;
  terms_bps: number;
  claimed_minor: number;
  accepted_minor: number | null;
  explanation: string;
  /** The inspection's findings and photos, as the vendor return's line carried them (JSON). */
  evidence: string;
}

/** One change to a claim's receivable, dated as the entry that posted it: the subledger over time. */
export interface SupplierClaimReceivableChangesTable {
  id: string;
  claim_id: string;
  legal_entity_id: string;
  posting_date: string;
  change_minor: number;
  event: string;
  created_at: string;
}

export interface RecoveryTables {
  supplier_claims: SupplierClaimsTable;
  supplier_claim_lines: SupplierClaimLinesTable;
  supplier_claim_receivable_changes: SupplierClaimReceivableChangesTable;
}
