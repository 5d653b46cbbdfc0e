// The kernel's own tables: the audit log, the outbox, idempotency keys and document counters.
// Portable across SQLite and PostgreSQL: timestamps are ISO-8601 text, JSON is text.
import type { ColumnType, Generated } from 'kysely';

/** 0 or 1: portable booleans. */
export type Flag = number;
export type Json = string;

export interface VersionedRow {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  /** Time-ordered id (ULID); the order of a timeline. */
  id: string;
  occurred_at: string;
  actor_id: string;
  actor_name: string;
  request_id: string;
  entity_type: string;
  entity_id: string;
  /** The aggregate the change belongs to (an RMA line's change belongs to its RMA's timeline). */
  stream_id: string;
  action: string;
  before: Json | null;
  after: Json | null;
  /** Position in the hash chain; null until the sealer has chained the event (shortly after commit). */
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxEventsTable {
  id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Json;
  occurred_at: string;
  published_at: string | null;
  attempts: Generated<number>;
  /** When webhook deliveries were made for the event (null: not yet fanned out). */
  webhooks_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When notifications were made for the event (null: not yet looked at). */
  notifications_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IdempotencyKeysTable {
  principal_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  /** in_progress: reserved; committed: its work committed, the answer not yet kept; completed. */
  state: 'in_progress' | 'committed' | 'completed';
  /** Which reservation the work belongs to (a retry taking over an abandoned one gets a new one). */
  token: string | null;
  /** The entity the committed work acted on first ("rma rma_01…"), for a retry whose answer was lost. */
  outcome: string | null;
  response_status: number | null;
  response_body: string | null;
  response_headers: Json | null;
  created_at: string;
  completed_at: string | null;
}

/** Gap-allowed document numbers on SQLite, and one-off markers (the demo-data claim). */
export interface CountersTable {
  name: string;
  value: number;
}

/** Gap-free document numbers: one row per legal entity and document type, locked until commit. */
export interface DocumentCountersTable {
  legal_entity_id: string;
  document_type: string;
  value: number;
}

/** Who runs a piece of scheduled work now, and when it is next due (platform/jobs). */
export interface JobLeasesTable {
  name: string;
  holder: string | null;
  lease_until: string | null;
  next_run_at: string | null;
  runs: Generated<number>;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
}

export interface KernelTables {
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  outbox_events: OutboxEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  counters: CountersTable;
  document_counters: DocumentCountersTable;
  job_leases: JobLeasesTable;
}
