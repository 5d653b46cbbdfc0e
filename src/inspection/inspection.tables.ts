// Inspection's tables: each inspection of received units (queued at receipt, then worked, then —
// for regulated goods — signed off by quality), and the photos taken of them.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { ClaimVerdict, Grade, InspectionStatus } from '../contracts/inspection-vocabulary.js';

/** Units of one receipt line (or a part split off it) waiting for, or given, an inspection. */
export interface InspectionsTable extends VersionedRow {
  id: string;
  receipt_id: string;
  site_id: string;
  rma_id: string;
  rma_line_id: string;
  product_id: string;
  quantity: number;
  lot: string;
  serial: string;
  status: InspectionStatus;
  split_from_id: string | null;
  value_at_risk_minor: number;
  currency: string;
  customer_tier: string;
  is_regulated: Flag;
  received_at: string;
  sla_due_at: string;
  sla_version: number;
  assigned_to_id: string | null;
  assigned_to: string | null;
  assigned_at: string | null;
  checklist_version: number | null;
  /** [{ id, label, kind, passed?, value?, unit? }] as answered. */
  checklist: Json;
  grade: Grade | null;
  defect_codes: Json;
  no_fault_found: Flag;
  findings: string;
  /** [{ name, value, unit }] beyond the checklist's. */
  measurements: Json;
  notes: string;
  claim_verdict: ClaimVerdict | null;
  claim_verdict_reason: string | null;
  inspected_by: string | null;
  inspected_by_id: string | null;
  inspected_at: string | null;
  sign_off_required: Flag;
  signed_off_by: string | null;
  signed_off_by_id: string | null;
  signed_off_at: string | null;
  sign_off_note: string | null;
  completed_at: string | null;
}

/** A photo of inspected goods; the bytes are in the content store under their SHA-256. */
export interface InspectionPhotosTable {
  id: string;
  inspection_id: string;
  sha256: string;
  content_type: string;
  bytes: number;
  file_name: string;
  uploaded_by: string;
  uploaded_by_id: string;
  uploaded_at: string;
}

export interface InspectionTables {
  inspections: InspectionsTable;
  inspection_photos: InspectionPhotosTable;
}
