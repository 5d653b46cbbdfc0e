// Row types of every table, as Kysely sees them. Portable across SQLite and PostgreSQL:
// booleans are 0/1 integers, timestamps ISO-8601 text, dates YYYY-MM-DD text, JSON as text,
// money as integer minor units (bigint in PostgreSQL, parsed back to number).
import type { Generated } from 'kysely';

type Flag = number; // 0 | 1
type Json = string;

export interface VersionedRow {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LegalEntitiesTable extends VersionedRow {
  id: string;
  code: string;
  name: string;
  functional_currency: string;
  country: string;
}

export interface SitesTable extends VersionedRow {
  id: string;
  code: string;
  name: string;
  legal_entity_id: string;
  address_line1: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  capabilities: Json;
  is_active: Flag;
}

export interface CustomersTable extends VersionedRow {
  id: string;
  account_number: string;
  name: string;
  tier: string;
  legal_entity_id: string;
  channel: string;
  currency: string;
  payment_terms: string;
  return_window_days: number | null;
  is_on_credit_hold: Flag;
  email: string;
  region: string;
}

export interface SuppliersTable extends VersionedRow {
  id: string;
  code: string;
  name: string;
  legal_entity_id: string;
  currency: string;
  accepts_vendor_returns: Flag;
  vendor_return_window_days: number;
  vendor_restocking_fee_bps: number;
  warranty_recovery_bps: number;
  requires_rtv_authorization: Flag;
}

export interface ProductsTable extends VersionedRow {
  id: string;
  sku: string;
  gtin: string | null;
  name: string;
  category: string;
  unit_cost_minor: number;
  list_price_minor: number;
  currency: string;
  is_returnable: Flag;
  is_serialized: Flag;
  is_lot_controlled: Flag;
  regulated_class: string | null;
  is_temperature_controlled: Flag;
  warranty_months: number;
  supplier_id: string | null;
}

export interface SalesOrdersTable extends VersionedRow {
  id: string;
  order_number: string;
  customer_id: string;
  legal_entity_id: string;
  currency: string;
  order_date: string;
  customer_po: string;
  channel: string;
}

export interface SalesOrderLinesTable {
  id: string;
  order_id: string;
  line_number: number;
  product_id: string;
  quantity_shipped: number;
  /** Returned or held by open RMAs; guarded by a conditional UPDATE so it never exceeds shipped. */
  quantity_committed: number;
  unit_price_minor: number;
  tax_minor: number;
  ship_date: string | null;
  delivery_date: string | null;
  serials_shipped: Json;
  lots_shipped: Json;
  ship_site_id: string | null;
}

export interface RmasTable extends VersionedRow {
  id: string;
  rma_number: string;
  customer_id: string;
  legal_entity_id: string;
  return_type: string;
  status: string;
  is_unauthorized: Flag;
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
  receiving_site_id: string | null;
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
  claimed_condition: string;
  note: string;
  serials: Json;
  lots: Json;
  unit_price_minor: number;
  tax_minor: number;
  value_minor: number;
  status: string;
}

export interface RmaSerialsTable {
  rma_id: string;
  order_line_id: string;
  serial: string;
  /** 1 while the RMA holds the serial; cleared when it is rejected, cancelled or expires. */
  is_active: Flag;
}

export interface ConfigVersionsTable {
  kind: string;
  version: number;
  document: Json;
  comment: string;
  created_by: string;
  created_at: string;
}

export interface UsersTable extends VersionedRow {
  id: string;
  email: string;
  name: string;
  role: string;
  customer_id: string | null;
  password_hash: string;
  is_active: Flag;
}

export interface AccessTokensTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: string;
  customer_id: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditEventsTable {
  seq: number;
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
  prev_hash: string;
  hash: string;
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
}

export interface IdempotencyKeysTable {
  principal_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: string; // in_progress | completed
  response_status: number | null;
  response_body: string | null;
  response_headers: Json | null;
  created_at: string;
  completed_at: string | null;
}

export interface SignInThrottleTable {
  email_key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface DB {
  legal_entities: LegalEntitiesTable;
  sites: SitesTable;
  customers: CustomersTable;
  suppliers: SuppliersTable;
  products: ProductsTable;
  sales_orders: SalesOrdersTable;
  sales_order_lines: SalesOrderLinesTable;
  rmas: RmasTable;
  rma_lines: RmaLinesTable;
  rma_serials: RmaSerialsTable;
  config_versions: ConfigVersionsTable;
  users: UsersTable;
  access_tokens: AccessTokensTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  outbox_events: OutboxEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  counters: CountersTable;
  sign_in_throttle: SignInThrottleTable;
}
