// EDI's tables: trading partners, every document in and out, and each inbound set's outcome.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { EdiDocumentStatus } from '../contracts/edi.js';

export interface TradingPartnersTable extends VersionedRow {
  id: string;
  code: string;
  name: string;
  customer_id: string | null;
  supplier_id: string | null;
  interchange_qualifier: string;
  interchange_id: string;
  group_id: string;
  our_interchange_qualifier: string;
  our_interchange_id: string;
  our_group_id: string;
  x12_version: string;
  usage: 'P' | 'T';
  /** JSON array of EdiDocumentKind. */
  documents: Json;
  /** JSON PartnerMappings. */
  mappings: Json;
  inbound_directory: string;
  outbound_directory: string;
  last_control_number: number;
  is_active: Flag;
  created_by: string;
}

export interface EdiDocumentsTable {
  id: string;
  partner_id: string | null;
  direction: 'in' | 'out';
  /** JSON array of the transaction set codes inside (180, 997 …). */
  transaction_sets: Json;
  interchange_control_number: string | null;
  status: EdiDocumentStatus;
  content: string;
  inbound_hash: string | null;
  file_name: string | null;
  /** JSON array of messages. */
  errors: Json;
  /** JSON array of EdiRecord. */
  records: Json;
  in_reply_to: string | null;
  /** e.g. "812:cm_…": what an outbound document is about, unique so it goes out once. */
  subject_key: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export type InboundSetOutcome = 'authorized' | 'pending_approval' | 'partially_authorized' | 'refused' | 'unreadable';

export interface EdiInboundSetsTable {
  id: string;
  document_id: string;
  partner_id: string;
  group_control_number: string;
  set_code: string;
  set_control_number: string;
  reference: string;
  outcome: InboundSetOutcome;
  rma_id: string | null;
  /** JSON ReturnAuthorization lines: what we answered per line. */
  answer: Json;
  final_answer_sent: Flag;
  created_at: string;
  updated_at: string;
}

export interface EdiTables {
  trading_partners: TradingPartnersTable;
  edi_documents: EdiDocumentsTable;
  edi_inbound_sets: EdiInboundSetsTable;
}
