// Master data's tables: legal entities, sites, customers, suppliers, products.
import type { Flag, Json, VersionedRow } from '../platform/db/kernel-tables.js';
import type { CHANNELS, CUSTOMER_TIERS, PartnerKind } from '../contracts/masterdata.js';

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
  tier: (typeof CUSTOMER_TIERS)[number];
  legal_entity_id: string;
  channel: (typeof CHANNELS)[number];
  currency: string;
  payment_terms: string;
  return_window_days: number | null;
  is_on_credit_hold: Flag;
  email: string;
  region: string;
  /** The customer's language (BCP 47, e.g. 'de' or 'en-GB'): e-mails are written in it where we can. */
  locale: string;
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

/** An organisation whose users and keys see only its own work: a repair partner or a carrier. */
export interface PartnersTable extends VersionedRow {
  id: string;
  code: string;
  name: string;
  kind: PartnerKind;
  email: string;
  legal_entity_id: string;
  is_active: Flag;
  /** A carrier's: the carrier codes (JSON array of logistics' codes) whose shipments it sees; '[]' otherwise. */
  carrier_codes: Json;
}

export interface MasterdataTables {
  partners: PartnersTable;
  legal_entities: LegalEntitiesTable;
  sites: SitesTable;
  customers: CustomersTable;
  suppliers: SuppliersTable;
  products: ProductsTable;
}
